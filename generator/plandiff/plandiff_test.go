package plandiff

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	stdtime "time"

	"lifeplan/generator/budget"
	"lifeplan/generator/plan"
)

func load(t *testing.T, path string) (*plan.Plan, *budget.Budget) {
	t.Helper()
	p, err := plan.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := budget.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, b
}

func all(d *Diff) []Change {
	var out []Change
	for _, s := range d.Sections {
		out = append(out, s.Changes...)
	}
	return out
}

func TestCompareVersions(t *testing.T) {
	op, ob := load(t, filepath.Join("testdata", "old.toml"))
	np, nb := load(t, filepath.Join("testdata", "new.toml"))
	d := Compare(op, np, ob, nb)
	want := []struct {
		section, kind, key, matched, sentence string
	}{
		{"About this plan", "changed", "plan.version", "", "Version changed from “1.0” to “1.1”"},
		{"About this plan", "changed", "plan.written", "", "Date written changed from 1 March 2026 to 1 September 2026, 184 days later"},
		{"About this plan", "changed", "plan.review", "", "Review date changed from 1 September 2026 to 1 March 2027, 181 days later"},
		{"1. Who I am, what I am good at, what I have achieved", "changed", "about.good_at[0]", "similar text (57%)",
			"Reworded in good at: “Swimming on Saturdays” is now “Swimming on Saturday mornings”"},
		{"1. Who I am, what I am good at, what I have achieved", "added", "about.good_at[2]", "", "Added to good at: “Riding my bike”"},
		{"1. Who I am, what I am good at, what I have achieved", "removed", "about.good_at[1]", "", "Removed from good at: “Drumming”"},
		{"4. What I want to change", "changed", "changes[0].what", "id",
			"Change “Cook my own tea twice a week”: what changed from “Cook my own tea” to “Cook my own tea twice a week”"},
		{"4. What I want to change", "changed", "changes[1].milestones[0].by", "same text",
			"Change “Travel to college on the bus”: milestone “Bus to college with my PA”: date changed from 1 June 2026 to 1 July 2026, 30 days later"},
		{"6. How I will spend my budget", "changed", "budget.lines[0].hourly_rate", "id",
			"Budget line “My PA”: hourly rate changed from £13.50 to £14.00, up £0.50"},
		{"6. How I will spend my budget", "changed", "budget", "", "The year 1 total (with contingency) changed from £7,020.00 to £7,280.00, up £260.00"},
		{"6. How I will spend my budget", "changed", "budget", "", "The year 2 total (with contingency) changed from £7,020.00 to £7,280.00, up £260.00"},
		{"6. How I will spend my budget", "changed", "budget", "", "The year 3 total (with contingency) changed from £7,020.00 to £7,280.00, up £260.00"},
		{"8. How I will gain more control of my life", "changed", "control.decisions[0].made_by", "same text",
			"Decision “Where I live”: who decides changed from “We decide together” to “I decide”"},
		{"8. How I will gain more control of my life", "changed", "control.decisions[1].what", "similar text (80%)",
			"Decision “What I wear each day”: what changed from “What I wear every day” to “What I wear each day”"},
	}
	var got []string
	for _, s := range d.Sections {
		for _, c := range s.Changes {
			got = append(got, strings.Join([]string{s.Name, string(c.Kind), c.Key, c.MatchedBy, c.Sentence}, " | "))
		}
	}
	var wantLines []string
	for _, w := range want {
		wantLines = append(wantLines, strings.Join([]string{w.section, w.kind, w.key, w.matched, w.sentence}, " | "))
	}
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("changes:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
	rate := all(d)[8]
	if *rate.OldPence != 1350 || *rate.NewPence != 1400 || *rate.DiffPence != 50 {
		t.Errorf("money change in pence: %v %v %v", *rate.OldPence, *rate.NewPence, *rate.DiffPence)
	}
	if days := all(d)[7].DaysMoved; days == nil || *days != 30 {
		t.Errorf("milestone moved %v days", days)
	}
	// Nothing changes between a plan and itself; the comparison is symmetric in count.
	if n := Compare(np, np, nb, nb).Count(); n != 0 {
		t.Errorf("a plan compared with itself has %d changes", n)
	}
	back := Compare(np, op, nb, ob)
	if back.Count() != d.Count() {
		t.Errorf("new→old has %d changes, old→new %d", back.Count(), d.Count())
	}
}

func TestReport(t *testing.T) {
	op, ob := load(t, filepath.Join("testdata", "old.toml"))
	np, nb := load(t, filepath.Join("testdata", "new.toml"))
	d := Compare(op, np, ob, nb)
	var text bytes.Buffer
	if err := d.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"What changed from version 1.0 (1 March 2026) to version 1.1 (1 September 2026)\n",
		"\n4. What I want to change\n",
		"  ~ Budget line “My PA”: hourly rate changed from £13.50 to £14.00, up £0.50\n      (budget.lines[0].hourly_rate; matched by id)\n",
		"  + Added to good at: “Riding my bike”\n      (about.good_at[2])\n",
		"14 changes: 1 added, 1 removed, 12 changed.\n",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	if err := d.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Diff
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.OldVersion != "1.0" || len(back.Sections) != len(d.Sections) || back.Sections[3].Changes[0].DiffPence == nil {
		t.Errorf("JSON lost information: %+v", back)
	}
	if d.Title() != "What changed since version 1.0" {
		t.Errorf("Title %q", d.Title())
	}
}

func TestMatch(t *testing.T) {
	e := func(id, label string) entry { return entry{id: id, label: label, words: wordSet(label)} }
	for _, tc := range []struct {
		name     string
		old, new []entry
		want     []pair
	}{
		{"by id even when reworded", []entry{e("a", "Swim"), e("b", "Cook")}, []entry{e("b", "Bake"), e("a", "Run")},
			[]pair{{1, 0, "id"}, {0, 1, "id"}}},
		{"same text wins over order", []entry{e("", "Drums"), e("", "Bread")}, []entry{e("", "Bread"), e("", "Drums")},
			[]pair{{1, 0, "same text"}, {0, 1, "same text"}}},
		{"similar text above the threshold", []entry{e("", "Swimming on Saturdays")}, []entry{e("", "Swimming on Saturday mornings")},
			[]pair{{0, 0, "similar text (57%)"}}},
		{"different text is not matched", []entry{e("", "Swimming")}, []entry{e("", "Baking bread")}, nil},
		{"the best pair first", []entry{e("", "walk the dog"), e("", "walk the dog every day")}, []entry{e("", "walk the dog every day please")},
			[]pair{{1, 0, "similar text (91%)"}}},
		{"an id gone falls back to text", []entry{e("x", "Cook tea")}, []entry{e("y", "Cook tea")}, []pair{{0, 0, "same text"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := match(tc.old, tc.new); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("match = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestEveryKeyIsCompared: a change to any single value anywhere in a plan (one
// element in every list) is reported once, at its key path. New plan fields are
// covered without touching this package.
func TestEveryKeyIsCompared(t *testing.T) {
	var leaves []string
	base := &plan.Plan{}
	fill(reflect.ValueOf(base).Elem(), "", &leaves, "")
	for _, leaf := range leaves {
		changed := &plan.Plan{}
		fill(reflect.ValueOf(changed).Elem(), "", nil, leaf)
		d := Compare(base, changed, nil, nil)
		cs := all(d)
		// A list item's main text changed beyond recognition is an item removed
		// and another added, at the item's path.
		replaced := len(cs) == 2 && cs[0].Kind == Added && cs[1].Kind == Removed && cs[0].Key == cs[1].Key &&
			(leaf == cs[0].Key || strings.HasPrefix(leaf, cs[0].Key+"."))
		if !replaced && (len(cs) != 1 || cs[0].Key != leaf || cs[0].Sentence == "") {
			var keys []string
			for _, c := range cs {
				keys = append(keys, c.Key+" ("+c.Sentence+")")
			}
			t.Errorf("changing %s reported %v", leaf, keys)
		}
	}
	if len(leaves) < 150 {
		t.Errorf("only %d keys found", len(leaves))
	}
}

// fill gives every value of v a distinct non-zero value (lists get one element)
// and records leaf key paths; the leaf named change gets another value.
func fill(v reflect.Value, key string, leaves *[]string, change string) {
	t := v.Type()
	record := func() bool {
		if leaves != nil {
			*leaves = append(*leaves, key)
		}
		return key == change
	}
	switch {
	case t == dateType:
		day := 1
		if record() {
			day = 2
		}
		v.Set(reflect.ValueOf(plan.Date{Time: stdtime.Date(2026, 1, day, 0, 0, 0, 0, stdtime.UTC)}))
	case t == penceType || t == decimalType:
		n := int64(100)
		if record() {
			n = 250
		}
		v.SetInt(n)
	case t.Kind() == reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		fill(v.Elem(), key, leaves, change)
	case t.Kind() == reflect.Slice:
		v.Set(reflect.MakeSlice(t, 1, 1))
		fill(v.Index(0), key+"[0]", leaves, change)
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if name := plan.FieldKey(t.Field(i)); name != "" {
				fill(v.Field(i), join(key, name), leaves, change)
			}
		}
	case t.Kind() == reflect.String:
		s := "value of " + key
		if record() {
			s = "another"
		}
		v.SetString(s)
	case t.Kind() == reflect.Bool:
		v.SetBool(!record())
	case t.Kind() == reflect.Int:
		n := int64(3)
		if record() {
			n = 4
		}
		v.SetInt(n)
	}
}

// TestEverySectionNamed: every top-level key of the plan has a section in plain
// words, so no change falls into "Other parts of the plan".
func TestEverySectionNamed(t *testing.T) {
	for _, k := range plan.SchemaKeys() {
		if strings.ContainsAny(k, ".[(") {
			continue
		}
		if sections[sectionOf(k)].keys == nil {
			t.Errorf("top-level key %s has no section in sections", k)
		}
	}
}

// TestNewSections: changes to the tables of the reader documents land in their
// own sections, and values of closed sets held in plain strings read as the
// documents print them.
func TestNewSections(t *testing.T) {
	parse := func(src string) *plan.Plan {
		t.Helper()
		p, err := plan.Parse("p.toml", []byte(src), fstest.MapFS{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := parse(`distress_steps = ["Give me space"]
[person]
name = "Jo"
[person.information]
formats = ["easy_read"]
[[support.items]]
what = "Swimming"
funding = "unpaid"
[agreement]
how_i_agreed = "I said yes"
[[agreement.signatories]]
name = "Karen Mills"
for = "local_authority"
[first_shift]
yes = "I nod"
`)
	new := parse(`distress_steps = ["Give me space", "Offer my headphones"]
[person]
name = "Jo"
[person.information]
formats = ["easy_read", "makaton"]
[[support.items]]
what = "Swimming"
funding = "other_service"
[agreement]
how_i_agreed = "I said yes on video"
[[agreement.signatories]]
name = "Karen Mills"
for = "education"
[first_shift]
yes = "I nod and smile"
[[support_plan.read_by]]
name = "Dan Price"
`)
	var got []string
	for _, s := range Compare(old, new, nil, nil).Sections {
		for _, c := range s.Changes {
			got = append(got, s.Name+" | "+c.Sentence)
		}
	}
	want := []string{
		"The person | Added to information formats: “Makaton”",
		"5. How I want to be supported | Support item “Swimming”: who pays changed from “Unpaid” to “Funded by another service”",
		"When I am anxious or upset | Added to what to do when I am anxious or upset: “Offer my headphones”",
		"Agreeing this plan | How I agreed changed from “I said yes” to “I said yes on video”",
		"Agreeing this plan | Signatory “Karen Mills”: signs for changed from “Local authority” to “College funder”",
		"The first shift: what a new worker needs to know | How I say yes changed from “I nod” to “I nod and smile”",
		"The support plan's own records | New read-and-understood entry: “Dan Price”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
