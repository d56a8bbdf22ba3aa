package plan

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
)

func TestTexts(t *testing.T) {
	src := `[plan]
version = "1.2"

[person]
name = "Amira Khan"
photo = "images/ok.png"
photo_alt = "Amira smiling"

[about]
who_i_am = """
I like swimming."""
good_at = [
  "Baking",
  { text = "Welsh: Tŷ", picture = "images/ok.png", picture_alt = "A house" },
]

[family]
perspective = "Ammi: میری بیٹی"

[[outcomes]]
id = "o1"

[[outcomes]]
id = "o2"

[[changes]]
id = "c1"
what = "Move home"
learning = ["o1", "o2"]
`
	pics := fstest.MapFS{"images/ok.png": {Data: pngBytes(t, 20, 10)}}
	p, err := Parse("test.toml", []byte(src), pics)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tx := range p.Texts() {
		got = append(got, fmt.Sprintf("%d:%d %s = %q", tx.Pos.Line, tx.Pos.Col, tx.Key, tx.Value))
	}
	want := []string{
		`2:1 plan.version = "1.2"`,
		`5:1 person.name = "Amira Khan"`,
		`7:1 person.photo_alt = "Amira smiling"`,
		`10:1 about.who_i_am = "I like swimming."`,
		`13:3 about.good_at[0] = "Baking"`,
		`14:5 about.good_at[1].text = "Welsh: Tŷ"`,
		`14:52 about.good_at[1].picture_alt = "A house"`,
		`18:1 family.perspective = "Ammi: میری بیٹی"`,
		`21:1 outcomes[0].id = "o1"`,
		`24:1 outcomes[1].id = "o2"`,
		`27:1 changes[0].id = "c1"`,
		`28:1 changes[0].what = "Move home"`,
		`29:13 changes[0].learning[0] = "o1"`,
		`29:19 changes[0].learning[1] = "o2"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Texts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTextsOfSample: every text of the full sample is found with a place, and
// nothing the loader filled in (the default title) is among them.
func TestTextsOfSample(t *testing.T) {
	p, err := Load(filepath.Join("..", "..", "samples", "amira.toml"))
	if err != nil {
		t.Fatal(err)
	}
	texts := p.Texts()
	if len(texts) < 100 {
		t.Fatalf("only %d texts in the full sample", len(texts))
	}
	for _, tx := range texts {
		if tx.Pos.Line == 0 {
			t.Errorf("%s: no line", tx.Key)
		}
		if _, ok := p.Source.Pos[tx.Key]; !ok {
			t.Errorf("%s: not a key path the file has", tx.Key)
		}
	}
}

// TestOnlyItemHasAShortForm: Texts knows that an Item may be written as a plain
// string. A new type that reads a plain value into a table would need the same.
func TestOnlyItemHasAShortForm(t *testing.T) {
	unmarshaler := reflect.TypeFor[toml.Unmarshaler]()
	found := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if seen[t] || t.Kind() != reflect.Struct {
			return
		}
		seen[t] = true
		if reflect.PointerTo(t).Implements(unmarshaler) {
			found[t.Name()] = true
			return
		}
		for i := range t.NumField() {
			if t.Field(i).IsExported() && t.Field(i).Tag.Get("toml") != "-" {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeFor[Plan]())
	if !reflect.DeepEqual(found, map[string]bool{"Item": true, "Date": true}) {
		t.Errorf("struct types read by UnmarshalTOML: %v; Texts handles only Item (short form) and Date (no text)", found)
	}
}
