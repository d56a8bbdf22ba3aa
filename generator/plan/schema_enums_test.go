package plan

import (
	"bytes"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
)

// TestSchemaEnumsMatchTheLoader: the schema's closed sets are exactly the loader's.
// Every text key of the plan gets a value from no set, one at a time; the loader
// refuses it as "not one of" the same ids the schema lists for that key, or
// accepts it and the schema lists no set. So a closed set added to the loader
// (validate.go) without its schemaEnums entry fails here, and the other way round.
func TestSchemaEnumsMatchTheLoader(t *testing.T) {
	const bogus = "zz-in-no-set"
	notOneOf := regexp.MustCompile(regexp.QuoteMeta(strconv.Quote(bogus)) + ` is not one of ([^\n]*)`)
	keys := textKeys(reflect.TypeFor[Plan](), "")
	if len(keys) < 200 {
		t.Fatalf("only %d text keys found", len(keys))
	}
	closed := 0
	for _, k := range keys {
		doc := map[string]any{}
		set(doc, strings.Split(k.path, "."), k.list, bogus)
		if k.path != "person.name" {
			set(doc, []string{"person", "name"}, false, "Jo")
		}
		var src bytes.Buffer
		if err := toml.NewEncoder(&src).Encode(doc); err != nil {
			t.Fatal(err)
		}
		_, err := Parse("enum.toml", src.Bytes(), fstest.MapFS{})
		var loaderIDs []string
		if err != nil {
			if m := notOneOf.FindStringSubmatch(err.Error()); m != nil {
				for _, q := range strings.Split(m[1], ", ") {
					id, uerr := strconv.Unquote(q)
					if uerr != nil {
						t.Fatalf("%s: cannot read the loader's ids %q", k.path, m[1])
					}
					loaderIDs = append(loaderIDs, id)
				}
			}
		}
		var schemaIDs []string
		for _, c := range schemaEnums[k.path] {
			schemaIDs = append(schemaIDs, c.ID)
		}
		if loaderIDs != nil {
			closed++
		}
		if !slices.Equal(loaderIDs, schemaIDs) {
			t.Errorf("%s: the loader accepts %v, the schema %v", k.path, orAny(loaderIDs), orAny(schemaIDs))
		}
	}
	if closed != len(schemaEnums) {
		t.Errorf("%d closed sets found by the loader, %d in schemaEnums", closed, len(schemaEnums))
	}
}

func orAny(ids []string) any {
	if ids == nil {
		return "any text"
	}
	return ids
}

type textKey struct {
	path string // "[]" marks a list of tables
	list bool   // a list of text rather than one text
}

// textKeys lists the keys that hold text or a list of text, below t.
func textKeys(t reflect.Type, key string) []textKey {
	var out []textKey
	for i := range t.NumField() {
		name := FieldKey(t.Field(i))
		if name == "" {
			continue
		}
		k := join(key, name)
		ft := deref(t.Field(i).Type)
		switch {
		case ft == itemGoType || ft == dateGoType:
		case ft.Kind() == reflect.String:
			out = append(out, textKey{k, false})
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			out = append(out, textKey{k, true})
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && ft.Elem() != itemGoType:
			out = append(out, textKeys(ft.Elem(), k+"[]")...)
		case ft.Kind() == reflect.Struct:
			out = append(out, textKeys(ft, k)...)
		}
	}
	return out
}

// set puts v at path in doc, making tables, and one-table lists for "name[]".
func set(doc map[string]any, path []string, list bool, v string) {
	name, many := strings.CutSuffix(path[0], "[]")
	if len(path) == 1 {
		if list {
			doc[name] = []string{v}
		} else {
			doc[name] = v
		}
		return
	}
	var inner map[string]any
	switch cur := doc[name].(type) {
	case map[string]any:
		inner = cur
	case []map[string]any:
		inner = cur[0]
	default:
		inner = map[string]any{}
		if many {
			doc[name] = []map[string]any{inner}
		} else {
			doc[name] = inner
		}
	}
	set(inner, path[1:], list, v)
}

func TestKeyChoices(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want []Choice
	}{
		{"plan.status", Statuses},
		{"support.items[12].funding", Fundings},
		{"support.items[].funding", Fundings},
		{"person.information.formats", InfoFormats},
		{"about.people[1].information.formats[3]", InfoFormats},
		{"agreement.signatories[0].for", SignsFor},
		{"support.items[0].what", nil},
		{"budget.lines[0].funder", Funders},
		{"funder", nil},
	} {
		if got := KeyChoices(tc.key); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("KeyChoices(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}
