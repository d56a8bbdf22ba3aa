package check

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lifeplan/generator/plan"
)

var keyIndex = regexp.MustCompile(`\[[0-9]+\]`)

// schemaKeyOf is the key of the schema a finding's key path names, or "": list
// indexes become "[]", an element of a list of items or of text is its list, and
// a key of an item's table form is "(item).key".
func schemaKeyOf(key string, keys map[string]bool, itemLists map[string]bool) string {
	k := keyIndex.ReplaceAllString(key, "[]")
	if keys[k] {
		return k
	}
	if list, ok := strings.CutSuffix(k, "[]"); ok && keys[list] {
		return list
	}
	if i := strings.LastIndex(k, "[]."); i >= 0 && itemLists[k[:i]] && keys["(item)."+k[i+3:]] {
		return "(item)." + k[i+3:]
	}
	return ""
}

// TestFindingKeysAreSchemaKeys: every key path a rule's finding points at, on
// every test plan (each of which triggers some rule, and together all of them),
// is a key of the plan's schema, so the planner is sent to a key that exists.
func TestFindingKeysAreSchemaKeys(t *testing.T) {
	keys := map[string]bool{}
	for _, k := range plan.SchemaKeys() {
		keys[k] = true
	}
	itemLists := itemListsOf(t)
	if !itemLists["about.good_at"] || !itemLists["about.people[].information.adjustments"] || itemLists["distress_steps"] || itemLists["changes"] {
		t.Fatalf("lists of items read from the schema: %v", itemLists)
	}
	plans := map[string]*plan.Plan{
		"almost empty": parse(t, "[person]\nname = \"Amira\"\n"),
		"base":         parse(t, source(nil)),
	}
	for _, tc := range ruleCases(t) {
		plans[tc.name] = parse(t, source(tc.over))
	}
	for name, src := range readerSources(t) {
		plans["reader: "+name] = parse(t, src)
	}
	files, _ := filepath.Glob("testdata/*.toml")
	samples, _ := filepath.Glob("../../samples/*.toml")
	for _, f := range slices.Concat(files, samples) {
		p, err := plan.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		plans[f] = p
	}
	seen := map[string]bool{}
	for name, p := range plans {
		for _, f := range Check(p) {
			seen[f.ID] = true
			if schemaKeyOf(f.Key, keys, itemLists) == "" {
				t.Errorf("%s: %s points at %q, which is no key of the schema", name, f.ID, f.Key)
			}
		}
	}
	for _, r := range Rules() {
		if !seen[r.ID] {
			t.Errorf("no test plan gives a %s finding, so its key is not checked", r.ID)
		}
	}
}

// itemListsOf reads the JSON Schema for the keys that hold lists of items (whose
// elements refer to the item definition), in SchemaKeys' form.
func itemListsOf(t *testing.T) map[string]bool {
	src, err := plan.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(s map[string]any, key string)
	walk = func(s map[string]any, key string) {
		if items, ok := s["items"].(map[string]any); ok {
			if items["$ref"] == "#/$defs/item" {
				out[key] = true
			}
			walk(items, key+"[]")
		}
		props, _ := s["properties"].(map[string]any)
		for name, v := range props {
			k := name
			if key != "" {
				k = key + "." + name
			}
			walk(v.(map[string]any), k)
		}
	}
	walk(root, "")
	return out
}

func TestSchemaKeyOf(t *testing.T) {
	keys := map[string]bool{}
	for _, k := range plan.SchemaKeys() {
		keys[k] = true
	}
	itemLists := map[string]bool{"about.good_at": true}
	for key, want := range map[string]string{
		"changes[2].milestones[0].by": "changes[].milestones[].by",
		"about.good_at[1]":            "about.good_at",
		"about.good_at[1].easy":       "(item).easy",
		"distress_steps[0]":           "distress_steps",
		"plan":                        "plan",
		"changes[0].milestone":        "",
		"about.good_at[1].txt":        "",
		"changes[0].easy.text":        "",
	} {
		if got := schemaKeyOf(key, keys, itemLists); got != want {
			t.Errorf("schemaKeyOf(%q) = %q, want %q", key, got, want)
		}
	}
}
