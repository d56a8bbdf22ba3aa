package compose_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lifeplan/generator/budget"
	"lifeplan/generator/check"
	"lifeplan/generator/compose"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/plan"
)

// sentinel is a medicine named in the sample's [health]: wherever it is written, the
// specifications must either not print it or `lifeplan check` must report it.
const sentinel = "Levetiracetam"

// notGuarded are text keys whose closed-set values or ids documents print as words,
// or that a medicine could never sensibly be (the person's own name).
var notGuarded = map[string]bool{
	"id": true, "kind": true, "category": true, "funder": true, "per": true, "age_band": true,
	"budget_type": true, "budget_line": true, "change": true, "rates": true, "language": true,
	"classification": true, "version": true, "title": true, "name": true, "preferred_name": true,
	"pronouns": true, "photo_alt": true, "picture_alt": true, "author": true, "formats": true,
}

// textField is one settable string of the plan with its key path.
type textField struct {
	key string
	v   reflect.Value
}

// textFields walks the plan for every plain text value, with the key paths check
// uses ("support.items[3].how"; an item's own path for its text).
func textFields(v reflect.Value, key string, out *[]textField) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			textFields(v.Elem(), key, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			textFields(v.Index(i), fmt.Sprintf("%s[%d]", key, i), out)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[plan.Date]() || v.Type() == reflect.TypeFor[plan.Source]() {
			return
		}
		if v.Type() == reflect.TypeFor[plan.Item]() {
			*out = append(*out, textField{key, v.FieldByName("Text")})
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if tag == "" || tag == "-" || notGuarded[tag] {
				continue
			}
			sub := tag
			if key != "" {
				sub = key + "." + tag
			}
			if sub == "health" {
				continue
			}
			textFields(v.Field(i), sub, out)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && v.CanSet() {
			*out = append(*out, textField{key, v})
		}
	}
}

// TestLeakGuardMatchesSpecifications writes a medicine into every text field of the
// complete sample in turn. Where the service or housing specification would print
// it, `lifeplan check` must report leak-health-in-spec at that key; where neither
// prints it, check must not.
func TestLeakGuardMatchesSpecifications(t *testing.T) {
	if testing.Short() {
		t.Skip("writes every field of the sample in turn")
	}
	p, _ := testtools.Sample(t, "amira")
	c := composer(t)
	var specs []compose.Spec
	for _, id := range []string{"service-spec", "housing-spec"} {
		s, _ := compose.SpecByID(id)
		specs = append(specs, s)
	}
	var fields []textField
	textFields(reflect.ValueOf(p).Elem(), "", &fields)
	if len(fields) < 300 {
		t.Fatalf("only %d text fields found", len(fields))
	}
	for _, f := range fields {
		old := f.v.String()
		f.v.SetString("Give " + sentinel + " at 8:00")
		b, err := budget.Compute(p)
		if err != nil {
			t.Fatal(err)
		}
		var printedIn []string
		for _, s := range specs {
			v := compose.View{Doc: s, Plan: p, Person: p.Person, Budget: b}
			md, err := c.Markdown(&v)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(md), sentinel) {
				printedIn = append(printedIn, s.ID)
			}
		}
		reported := false
		for _, fd := range check.Check(p) {
			if fd.ID == "leak-health-in-spec" && fd.Key == f.key {
				reported = true
			}
		}
		switch {
		case len(printedIn) > 0 && !reported:
			t.Errorf("%s: printed in %v, but check does not report it", f.key, printedIn)
		case len(printedIn) == 0 && reported:
			t.Errorf("%s: check reports a leak, but no specification prints it", f.key)
		}
		f.v.SetString(old)
	}
}
