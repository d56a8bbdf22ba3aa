package plan

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Text is one string value of a loaded plan, with the key it was written under and
// where.
type Text struct {
	// Key is the key path as written: "family.perspective", "about.good_at[2]"
	// for a list item written as a plain string, "about.good_at[3].text" for one
	// written as a table.
	Key   string
	Pos   Pos // where the key was written, or its nearest written parent
	Value string
}

// Texts is every non-empty string value of the plan, in the order they appear in
// the file: for checks on the words themselves, such as which characters a PDF
// cannot draw. Picture paths are file names, not text, and are left out; so are
// values the plan did not write (defaults the loader filled in).
func (p *Plan) Texts() []Text {
	var out []Text
	walkTexts(reflect.ValueOf(p).Elem(), "", p.Source.Pos, &out)
	slices.SortStableFunc(out, func(a, b Text) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col - b.Pos.Col
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

var (
	pictureType = reflect.TypeFor[Picture]()
	dateType    = reflect.TypeFor[Date]()
	itemType    = reflect.TypeFor[Item]()
)

func walkTexts(v reflect.Value, path string, pos map[string]Pos, out *[]Text) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, pos, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(v.Index(i), path+"["+strconv.Itoa(i)+"]", pos, out)
		}
	case reflect.String:
		if v.Type() == pictureType || v.Len() == 0 {
			return
		}
		if at, written := pos[path]; written {
			*out = append(*out, Text{Key: path, Pos: at, Value: v.String()})
		}
	case reflect.Struct:
		t := v.Type()
		if t == dateType {
			return
		}
		// An Item is the one type that can be written as a plain string; it
		// then has only its text, under the item's own key.
		if t == itemType && itemShortForm(pos, path) {
			if text := v.FieldByName("Text").String(); text != "" {
				*out = append(*out, Text{Key: path, Pos: pos[path], Value: text})
			}
			return
		}
		for i := range t.NumField() {
			if name := FieldKey(t.Field(i)); name != "" {
				walkTexts(v.Field(i), join(path, name), pos, out)
			}
		}
	}
}

// itemShortForm reports whether the Item at path was written as a plain string
// ("Swimming" rather than { text = "Swimming" }): its key was written but none of
// its fields.
func itemShortForm(pos map[string]Pos, path string) bool {
	if _, ok := pos[path]; !ok {
		return false
	}
	for _, f := range itemFields {
		if _, ok := pos[path+"."+f]; ok {
			return false
		}
	}
	return true
}

// itemFields are the keys of an Item's table form.
var itemFields = tomlNames(itemType)

func tomlNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name := FieldKey(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return names
}
