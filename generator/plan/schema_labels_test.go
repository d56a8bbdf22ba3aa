package plan

import (
	"reflect"
	"strings"
	"testing"
)

// TestSchemaLabelsNameKeys: every label names a key of the plan, by its path or by
// a name some key has; every label of a list's element names a list of tables.
func TestSchemaLabelsNameKeys(t *testing.T) {
	byPath := map[string]reflect.Type{}
	byName := map[string][]reflect.Type{}
	for _, f := range schemaFields() {
		byPath[f.key] = f.typ
		name := f.key[strings.LastIndexAny(f.key, ".)")+1:]
		byName[name] = append(byName[name], f.typ)
	}
	check := func(table string, labels map[string]string, ok func(reflect.Type) bool) {
		for k, w := range labels {
			if strings.TrimSpace(w) == "" || w != strings.TrimSpace(w) {
				t.Errorf("%s[%q] = %q", table, k, w)
			}
			var types []reflect.Type
			if strings.ContainsAny(k, ".[") {
				if typ, found := byPath[k]; found {
					types = append(types, typ)
				}
			} else {
				types = byName[k]
			}
			if len(types) == 0 {
				t.Errorf("%s: %q is neither a key path of the plan (in SchemaKeys' form) nor a key's name", table, k)
				continue
			}
			fits := false
			for _, typ := range types {
				fits = fits || ok(typ)
			}
			if !fits {
				t.Errorf("%s: %q names no key of the right kind", table, k)
			}
		}
	}
	check("schemaLabels", schemaLabels, func(reflect.Type) bool { return true })
	check("schemaItemLabels", schemaItemLabels, isTableList)
}

func TestKeyLabel(t *testing.T) {
	for key, want := range map[string]string{
		"budget.lines[2].hourly_rate":           "hourly rate",
		"plan.written":                          "date written",
		"outcomes[3].short":                     "short name",
		"outcomes[].short":                      "short name",
		"about.good_at[0].easy":                 "easy-read words",
		"changes[0].milestones[1].by":           "date",
		"support.items":                         "support items",
		"important_to.items":                    "what is important to me",
		"distress_steps[1]":                     "what to do when I am anxious or upset",
		"housing.deprivation_of_liberty.review": "review date",
		"housing.deprivation_of_liberty":        "deprivation of liberty",
	} {
		if got := KeyLabel(key); got != want {
			t.Errorf("KeyLabel(%q) = %q, want %q", key, got, want)
		}
	}
	for key, want := range map[string]string{
		"changes":                  "change",
		"changes[0].milestones":    "milestone",
		"support.items":            "support item",
		"support_plan.history":     "support plan history entry",
		"history":                  "change history entry",
		"about.good_at":            "item of good at",
		"management.want_to_learn": "item of what I want to learn about managing my budget",
	} {
		if got := KeyItemLabel(key); got != want {
			t.Errorf("KeyItemLabel(%q) = %q, want %q", key, got, want)
		}
	}
}
