// Package plandiff says what changed between two versions of a plan, in plain
// words, section by section: items added, removed and changed, money changes with
// their amounts, and dates moved. It is what a planner reads after a review, and
// what the LLSP and the support plan print as "What changed since version X".
//
// Lists are matched item by item: by id where both versions give one, otherwise by
// the item's text (the same text, or the most similar text above a threshold), and
// every change says which way its item was matched, so a reader can tell a
// reworded item from a replaced one.
package plandiff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"lifeplan/generator/budget"
	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// Kind is what happened to a value or an item.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Change is one difference between the two versions.
type Change struct {
	Kind Kind `json:"kind"`
	// Key is the key path in the new plan ("changes[2].why"); in the old plan for
	// a removed item.
	Key string `json:"key"`
	// Sentence says the change in plain words, without key paths, for documents.
	Sentence string `json:"sentence"`
	Old      string `json:"old,omitempty"` // the old value as printed
	New      string `json:"new,omitempty"`
	// MatchedBy says how a list item of the old plan was paired with one of the
	// new: "id", "same text", or "similar text (NN%)". Empty outside lists.
	MatchedBy string `json:"matched_by,omitempty"`
	// Money changes carry their amounts in pence.
	OldPence  *money.Pence `json:"old_pence,omitempty"`
	NewPence  *money.Pence `json:"new_pence,omitempty"`
	DiffPence *money.Pence `json:"difference_pence,omitempty"`
	DaysMoved *int         `json:"days_moved,omitempty"` // for a changed date
	section   int          // index in sections
}

// Section groups the changes of one part of the plan.
type Section struct {
	Name    string   `json:"section"`
	Changes []Change `json:"changes"`
}

// Diff is every change between two versions of a plan, by section in the order
// the LLSP follows.
type Diff struct {
	OldFile    string    `json:"old_file"`
	NewFile    string    `json:"new_file"`
	OldVersion string    `json:"old_version"`
	NewVersion string    `json:"new_version"`
	OldDate    string    `json:"old_date,omitempty"` // as printed: 14 September 2026
	NewDate    string    `json:"new_date,omitempty"`
	Sections   []Section `json:"sections"`
}

// Count is the number of changes.
func (d *Diff) Count() int {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Changes)
	}
	return n
}

// Compare lists what changed from old to new. The budgets, when given, add the
// yearly totals to the budget section, so a reader sees what the changes cost.
func Compare(old, new *plan.Plan, oldBudget, newBudget *budget.Budget) *Diff {
	d := &Diff{
		OldFile: old.Source.Path, NewFile: new.Source.Path,
		OldVersion: old.Plan.Version, NewVersion: new.Plan.Version,
		OldDate: old.Plan.Written.Long(), NewDate: new.Plan.Written.Long(),
	}
	w := &walker{}
	w.value(reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem(), "", "", "")
	if oldBudget != nil && newBudget != nil {
		w.totals(oldBudget, newBudget)
	}
	for i, s := range sections {
		var cs []Change
		for _, c := range w.changes {
			if c.section == i {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			d.Sections = append(d.Sections, Section{Name: s.name, Changes: cs})
		}
	}
	return d
}

// sections names the plan's top-level tables in the LLSP's order, some tables
// sharing a section; a key missing here falls into "Other parts of the plan"
// (TestEverySectionNamed fails first).
var sections = []struct {
	keys []string
	name string
}{
	{[]string{"plan"}, "About this plan"},
	{[]string{"organisation"}, "Who sends the documents"},
	{[]string{"person"}, "The person"},
	{[]string{"about"}, "1. Who I am, what I am good at, what I have achieved"},
	{[]string{"important_to"}, "2. What is important to me, what I want to learn"},
	{[]string{"important_for"}, "3. What is important for me, what I need to learn"},
	{[]string{"outcomes"}, "3. Learning outcomes"},
	{[]string{"changes"}, "4. What I want to change"},
	{[]string{"support"}, "5. How I want to be supported"},
	{[]string{"risks"}, "5. Risks and how they are managed"},
	{[]string{"budget"}, "6. How I will spend my budget"},
	{[]string{"management"}, "7. How my budget will be managed"},
	{[]string{"control"}, "8. How I will gain more control of my life"},
	{[]string{"learning_style"}, "9. How and where I learn best"},
	{[]string{"action_plan"}, "10. Action plan"},
	{[]string{"change_my_mind"}, "Changing my mind"},
	{[]string{"communication"}, "How I communicate"},
	{[]string{"working"}, "What is working and not working"},
	{[]string{"family"}, "My family's view"},
	{[]string{"distress", "distress_steps"}, "When I am anxious or upset"},
	{[]string{"emergencies"}, "Emergencies"},
	{[]string{"aspirations"}, "My aspirations"},
	{[]string{"training"}, "Training my supporters need"},
	{[]string{"choosing_supporters"}, "Choosing my supporters"},
	{[]string{"reviews"}, "Reviews"},
	{[]string{"team"}, "The team"},
	{[]string{"service"}, "The service"},
	{[]string{"housing"}, "Housing"},
	{[]string{"daily_life"}, "Daily life"},
	{[]string{"health"}, "Health"},
	{[]string{"history"}, "Change history"},
	{[]string{"agreement"}, "Agreeing this plan"},
	{[]string{"first_shift"}, "The first shift: what a new worker needs to know"},
	{[]string{"support_plan"}, "The support plan's own records"},
	{nil, "Other parts of the plan"},
}

func sectionOf(key string) int {
	top, _, _ := strings.Cut(key, ".")
	top, _, _ = strings.Cut(top, "[")
	for i, s := range sections {
		if slices.Contains(s.keys, top) {
			return i
		}
	}
	return len(sections) - 1
}

type walker struct {
	changes []Change
}

func (w *walker) add(c Change) {
	c.section = sectionOf(c.Key)
	w.changes = append(w.changes, c)
}

var (
	dateType    = reflect.TypeFor[plan.Date]()
	penceType   = reflect.TypeFor[money.Pence]()
	decimalType = reflect.TypeFor[money.Decimal]()
	itemType    = reflect.TypeFor[plan.Item]()
	// itemExtras are the fields of an item's table form beside its text, from the
	// type, so a field added to plan.Item is compared without a change here.
	itemExtras = func() []string {
		var names []string
		for i := range itemType.NumField() {
			if f := itemType.Field(i); f.Name != "Text" && plan.FieldKey(f) != "" {
				names = append(names, f.Name)
			}
		}
		return names
	}()
)

// value compares two values of one type at key. where names the thing for
// sentences ("change “Travel on my own”: "), matched how its list item was paired.
func (w *walker) value(o, n reflect.Value, key, where, matched string) {
	t := o.Type()
	switch {
	case t == dateType || t == penceType || t == decimalType || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Pointer:
		w.scalar(o, n, key, where, matched)
	case t.Kind() == reflect.Pointer:
		switch {
		case o.IsNil() && n.IsNil():
		case o.IsNil():
			w.scalar(reflect.Zero(t.Elem()), n.Elem(), key, where, matched)
		case n.IsNil():
			w.scalar(o.Elem(), reflect.Zero(t.Elem()), key, where, matched)
		default:
			w.value(o.Elem(), n.Elem(), key, where, matched)
		}
	case t.Kind() == reflect.Slice:
		w.list(o, n, key, where)
	case t == itemType:
		w.scalar(o.FieldByName("Text"), n.FieldByName("Text"), key, where, matched)
		for _, f := range itemExtras {
			sf, _ := t.FieldByName(f)
			w.scalar(o.FieldByName(f), n.FieldByName(f), join(key, plan.FieldKey(sf)), where, matched)
		}
	default:
		for i := range t.NumField() {
			f := t.Field(i)
			name := plan.FieldKey(f)
			if name == "" {
				continue
			}
			w.value(o.Field(i), n.Field(i), join(key, name), where, matched)
		}
	}
}

func join(key, name string) string {
	if key == "" {
		return name
	}
	return key + "." + name
}

// scalar reports a changed single value: text, number, money, date, yes/no.
func (w *walker) scalar(o, n reflect.Value, key, where, matched string) {
	if o.Equal(n) {
		return
	}
	ov, nv := printValue(o), printValue(n)
	if ov == nv {
		return
	}
	if choices := plan.KeyChoices(key); choices != nil {
		if ov != "" {
			ov = plan.Label(choices, ov)
		}
		if nv != "" {
			nv = plan.Label(choices, nv)
		}
	}
	c := Change{Kind: Changed, Key: key, Old: ov, New: nv, MatchedBy: matched}
	field := capital(plan.KeyLabel(key), where == "")
	// Text is quoted (and long text shortened); amounts, dates and numbers are not.
	os, ns := ov, nv
	if o.Kind() == reflect.String {
		os, ns = quote(ov), quote(nv)
	}
	switch {
	case ov == "":
		c.Kind = Added
		c.Sentence = fmt.Sprintf("%s%s is now given: %s", where, field, ns)
	case nv == "":
		c.Kind = Removed
		c.Sentence = fmt.Sprintf("%s%s is no longer given (it was %s)", where, field, os)
	default:
		c.Sentence = fmt.Sprintf("%s%s changed from %s to %s", where, field, os, ns)
	}
	switch o.Type() {
	case penceType:
		op, np := money.Pence(o.Int()), money.Pence(n.Int())
		d := np - op
		c.OldPence, c.NewPence, c.DiffPence = &op, &np, &d
		c.Sentence += ", " + upDown(d)
	case dateType:
		od, nd := o.Interface().(plan.Date), n.Interface().(plan.Date)
		if od.Set() && nd.Set() {
			days := int(nd.Sub(od.Time).Hours() / 24)
			c.DaysMoved = &days
			c.Sentence += ", " + daysWords(days)
		}
	}
	w.add(c)
}

func upDown(d money.Pence) string {
	switch {
	case d > 0:
		return "up " + d.String()
	case d < 0:
		return "down " + (-d).String()
	default:
		return "no change in amount"
	}
}

func daysWords(days int) string {
	n, dir := days, "later"
	if n < 0 {
		n, dir = -n, "earlier"
	}
	if n == 1 {
		return "1 day " + dir
	}
	return fmt.Sprintf("%d days %s", n, dir)
}

func capital(s string, first bool) string {
	if !first || s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// printValue prints a single value as the documents do; "" for not given.
func printValue(v reflect.Value) string {
	switch v.Type() {
	case dateType:
		return v.Interface().(plan.Date).Long()
	case penceType:
		p := money.Pence(v.Int())
		if p == 0 {
			return ""
		}
		return p.String()
	case decimalType:
		d := money.Decimal(v.Int())
		if d == 0 {
			return ""
		}
		return d.String()
	}
	switch v.Kind() {
	case reflect.String:
		return strings.Join(strings.Fields(v.String()), " ")
	case reflect.Bool:
		if v.Bool() {
			return "yes"
		}
		return ""
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return fmt.Sprint(v.Int())
	}
	return fmt.Sprint(v.Interface())
}

func (w *walker) totals(o, n *budget.Budget) {
	for y := range 3 {
		if o.Total[y] == n.Total[y] {
			continue
		}
		op, np := o.Total[y], n.Total[y]
		d := np - op
		w.add(Change{Kind: Changed, Key: "budget", Old: op.String(), New: np.String(),
			OldPence: &op, NewPence: &np, DiffPence: &d,
			Sentence: fmt.Sprintf("The year %d total (with contingency) changed from %s to %s, %s", y+1, op, np, upDown(d))})
	}
}
