package plan

import (
	"reflect"
	"strconv"
	"strings"
)

// The loader finds the plan's pictures from the Go types, by the same walk as
// SchemaKeys, so a picture or a list of items added to a type is checked without
// an edit here. The walk over the types is made once per process; a load then only
// follows the field indexes it found.

// fieldPath leads from a Plan to one field: through tables and, for lists of
// tables, through every element.
type fieldPath struct {
	steps []fieldStep
	// alt is, for a picture, the index of its alternative text in the table that
	// holds it (the key named like the picture's, with "_alt"), or -1.
	alt    int
	altKey string
	inItem bool // the picture beside a list item
}

type fieldStep struct {
	index int    // the field's index in its struct
	key   string // its TOML name
	each  bool   // a list of tables: every element is walked
}

var pictureGoType = reflect.TypeFor[Picture]()

// planPictures are the paths to every picture in a Plan, in file order (the
// order of the fields in the types).
var planPictures = findPictures(reflect.TypeFor[Plan]())

// findPictures walks the types as SchemaKeys does; an item is a table like any
// other here, so the picture of every item of every list is found.
func findPictures(root reflect.Type) []fieldPath {
	var pictures []fieldPath
	var walk func(t reflect.Type, steps []fieldStep)
	walk = func(t reflect.Type, steps []fieldStep) {
		for i := range t.NumField() {
			f := t.Field(i)
			name := FieldKey(f)
			if name == "" {
				continue
			}
			here := append(steps[:len(steps):len(steps)], fieldStep{index: i, key: name})
			switch ft := deref(f.Type); {
			case ft == pictureGoType:
				pictures = append(pictures, fieldPath{steps: here, alt: fieldIndex(t, name+"_alt"), altKey: name + "_alt", inItem: t == itemGoType})
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				here[len(here)-1].each = true
				walk(ft.Elem(), here)
			case ft.Kind() == reflect.Struct && ft != dateGoType:
				walk(ft, here)
			}
		}
	}
	walk(root, nil)
	return pictures
}

// fieldIndex is the index of t's text field with TOML name key, or -1.
func fieldIndex(t reflect.Type, key string) int {
	for i := range t.NumField() {
		if f := t.Field(i); FieldKey(f) == key && f.Type.Kind() == reflect.String {
			return i
		}
	}
	return -1
}

// schemaKey is the path in SchemaKeys' form, "[]" for the elements of a list.
func (fp fieldPath) schemaKey() string { return fp.key(nil) }

// key writes the path with the index of each list's element taken from index,
// or "[]" for every list when index is nil.
func (fp fieldPath) key(index []int) string {
	var b strings.Builder
	for i, s := range fp.steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
		switch {
		case s.each && index == nil:
			b.WriteString("[]")
		case s.each:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(index[i]))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// visit calls fn with each place the path reaches in the plan value v: the
// field, and the table that holds it. at gives the place's key path
// ("about.people[0].information.adjustments[1].picture"); it is made only when
// asked for, as most places hold no picture.
func (fp fieldPath) visit(v reflect.Value, fn func(at func() string, field, table reflect.Value)) {
	index := make([]int, len(fp.steps)) // the element taken of each list on the way
	at := func() string { return fp.key(index) }
	var walk func(v reflect.Value, i int)
	walk = func(v reflect.Value, i int) {
		s := fp.steps[i]
		f := v.Field(s.index)
		for f.Kind() == reflect.Pointer {
			if f.IsNil() {
				return
			}
			f = f.Elem()
		}
		switch {
		case i == len(fp.steps)-1:
			fn(at, f, v)
		case s.each:
			for j := range f.Len() {
				index[i] = j
				walk(f.Index(j), i+1)
			}
		default:
			walk(f, i+1)
		}
	}
	walk(v, 0)
}
