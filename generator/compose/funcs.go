package compose

import (
	"strings"
	"text/template"

	"lifeplan/generator/markdown"
	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// funcs are the helpers templates use. Every one that takes user text escapes it, so
// a template cannot forget to.
func funcs() template.FuncMap {
	return template.FuncMap{
		"md":        markdown.Escape,
		"paras":     paras,
		"money":     func(p money.Pence) string { return markdown.Escape(p.String()) },
		"num":       func(d money.Decimal) string { return d.String() },
		"date":      func(d plan.Date) string { return d.Long() },
		"label":     label,
		"pic":       pic,
		"item":      item,
		"neg":       func(p money.Pence) money.Pence { return -p },
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b money.Pence) money.Pence { return a - b },
		"count":     count,
		"join":      joinList,
		"first":     firstSentence,
		"lt0":       func(p money.Pence) bool { return p < 0 },
		"lcfirst":   lcfirst,
		"amount":    amount,
		"nobreak":   func(s string) string { return strings.ReplaceAll(markdown.Escape(s), " ", "\u00a0") },
		"texts":     texts,
		"blankRows": func(n int) []int { return make([]int, n) },
	}
}

// count writes a number of things with the right plural: "1 sleep-in night",
// "1.5 hours".
func count(d money.Decimal, one, many string) string {
	if d == money.DecimalScale {
		return "1 " + one
	}
	return d.String() + " " + many
}

// joinList joins texts with semicolons, each escaped and without the full stop it
// may end with, so a join never reads ".;".
func joinList(texts []string) string {
	var out []string
	for _, t := range texts {
		if t = strings.TrimRight(strings.TrimSpace(t), "."); t != "" {
			out = append(out, markdown.Escape(t))
		}
	}
	return strings.Join(out, "; ")
}

// firstSentence is the first sentence of a text, escaped: for summaries that point
// to the full text elsewhere in the document.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			return markdown.Escape(s[:i+1])
		}
	}
	return markdown.Escape(s)
}

// allFuncs is every helper a template may use: the ones above and the easy-read ones.
func allFuncs() template.FuncMap {
	fm := funcs()
	for name, f := range easyFuncs() {
		fm[name] = f
	}
	return fm
}

// paras escapes free text that may hold several paragraphs (blank-line separated).
func paras(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if e := markdown.Escape(p); e != "" {
			out = append(out, e)
		}
	}
	return strings.Join(out, "\n\n")
}

// label prints the words for a value of one of the plan's closed sets.
func label(set, id string) string {
	sets := map[string][]plan.Choice{
		"status": plan.Statuses, "area": plan.OutcomeAreas, "idea": plan.Ideas,
		"time": plan.TimesOfDay, "level": plan.Levels, "decides": plan.DecisionMakers,
		"category": plan.Categories, "funder": plan.Funders, "budget_type": plan.BudgetTypes,
		"age_band":      plan.AgeBands,
		"action_status": plan.ActionStatuses, "funding": plan.Fundings, "signs_for": plan.SignsFor,
		"outcome": plan.PanelOutcomes,
	}
	if id == "" {
		return ""
	}
	return markdown.Escape(plan.Label(sets[set], id))
}

// pic writes a picture, or nothing when the plan gives none.
func pic(p plan.Picture, alt string) string {
	if p == "" {
		return ""
	}
	return "![" + markdown.Escape(alt) + "](<" + escapeDest(string(p)) + ">)"
}

// escapeDest keeps a picture's path inside its <...> destination.
func escapeDest(s string) string { return destEscaper.Replace(s) }

// destEscaper is made once: a Replacer builds its tables (4 KB) on first use,
// and it is safe for use by many goroutines at once.
var destEscaper = strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ")

// item writes one list item's content: its picture, if any, then its text.
func item(it plan.Item) string {
	s := markdown.Escape(it.Text)
	if it.Picture != "" {
		s = pic(it.Picture, it.PictureAlt) + " " + s
	}
	return s
}

// Items keeps the items this document may show: private ones only where allowed.
func (v *View) Items(items []plan.Item) []plan.Item {
	if v.Doc.Private {
		return items
	}
	var out []plan.Item
	for _, it := range items {
		if !it.Private {
			out = append(out, it)
		}
	}
	return out
}

// Risks keeps the risks this document may show.
func (v *View) Risks() []plan.Risk {
	var out []plan.Risk
	for _, r := range v.Plan.Risks {
		if v.Doc.Private || !r.Private {
			out = append(out, r)
		}
	}
	return out
}

// SupportItems keeps the support items this document may show.
func (v *View) SupportItems() []plan.SupportItem {
	var out []plan.SupportItem
	for _, s := range v.Plan.Support.Items {
		if v.Doc.Private || !s.Private {
			out = append(out, s)
		}
	}
	return out
}

// Outcome finds a learning outcome by id.
func (v *View) Outcome(id string) plan.Outcome {
	for _, o := range v.Plan.Outcomes {
		if o.ID == id {
			return o
		}
	}
	return plan.Outcome{ID: id, What: id}
}

// Change finds a change by id.
func (v *View) Change(id string) plan.Change {
	for _, c := range v.Plan.Changes {
		if c.ID == id {
			return c
		}
	}
	return plan.Change{ID: id, What: id}
}

// Learning lists the outcomes a change links to, directly or through milestones,
// each once, in the order first named.
func (v *View) Learning(c plan.Change) []plan.Outcome {
	seen := map[string]bool{}
	var out []plan.Outcome
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, v.Outcome(id))
			}
		}
	}
	add(c.Learning)
	for _, m := range c.Milestones {
		add(m.Learning)
	}
	return out
}

// Name is how the documents call the person.
func (v *View) Name() string { return markdown.Escape(v.Person.CalledName()) }

// HasEmployerDuties reports whether any employer duty is written down.
func (v *View) HasEmployerDuties() bool {
	e := v.Plan.Management.Employer
	return e.Payroll+e.Insurance+e.DBS+e.RightToWork+e.Training+e.Supervision+e.EmploymentLaw != ""
}

// HasFamilyView reports whether the family's own view is written down.
func (v *View) HasFamilyView() bool {
	f, w := v.Plan.Family, v.Plan.Working
	return f.Perspective != "" || len(v.Items(f.Hopes)) > 0 || len(v.Items(f.Concerns)) > 0 ||
		len(v.Items(f.FamilyIssues)) > 0 || len(v.Items(w.Family)) > 0 || len(v.Items(w.FamilyNot)) > 0
}

// Pair is one row of a two-column table built from two lists.
type Pair struct{ Left, Right plan.Item }

// Pairs sets two lists side by side, for working / not working tables.
func (v *View) Pairs(left, right []plan.Item) []Pair {
	left, right = v.Items(left), v.Items(right)
	out := make([]Pair, max(len(left), len(right)))
	for i := range out {
		if i < len(left) {
			out[i].Left = left[i]
		}
		if i < len(right) {
			out[i].Right = right[i]
		}
	}
	return out
}

// HoursRow is the support hours a week at one time of day.
type HoursRow struct {
	Label string
	Hours money.Decimal
}

// Hours adds up support hours a week by time of day, from the support items: the
// same figures the budget's hourly lines are checked against.
func (v *View) Hours() []HoursRow {
	sum := map[string]money.Decimal{}
	var total money.Decimal
	for _, s := range v.Plan.Support.Items {
		t := string(s.Time)
		if t == "" {
			t = string(plan.TimeDay)
		}
		sum[t] += s.HoursPerWeek
		total += s.HoursPerWeek
	}
	var out []HoursRow
	for _, c := range plan.TimesOfDay {
		if h := sum[c.ID]; h > 0 {
			out = append(out, HoursRow{c.Label, h})
		}
	}
	if len(out) > 1 {
		out = append(out, HoursRow{"Total", total})
	}
	return out
}

// lcfirst lower-cases the first letter of a label used inside a sentence:
// "(my idea)". Labels start with an ASCII capital, so no rune decoding is needed.
func lcfirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// texts is the text of each item, for joining into a sentence.
func texts(items []plan.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// amount is how much of a support item there is a week: nights for a sleep-in or
// waking night ("1 sleep-in night"), which are not hours, else hours ("6 hours").
func amount(s plan.SupportItem) string {
	if night(s.Time) {
		n := s.NightsPerWeek
		if n == 0 {
			n = money.DecimalScale
		}
		kind := "sleep-in night"
		if s.Time == plan.TimeWakingNight {
			kind = "waking night"
		}
		return count(n, kind, kind+"s")
	}
	if s.HoursPerWeek == 0 {
		return ""
	}
	return count(s.HoursPerWeek, "hour", "hours")
}
