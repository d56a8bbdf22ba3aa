// Package check tells the planner, before the agreement panel does, which of the
// published criteria a plan would fail.
//
// Each rule has a stable id, a severity and the criterion it belongs to. A blocker is
// something the criteria say the plan "will not be agreed if …"; advice is good
// practice, wording the panel would call "very general", or something that is only
// likely to be a problem. Check judges only what a machine can judge: it cannot tell
// whether a plan treats the young person like a stereotype, only whether the sections
// that would show their individuality are there.
//
// Date rules ("within twelve months", "in the past") measure from the plan's own date,
// plan.written, so a plan gets the same findings on every day it is checked.
package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"lifeplan/generator/budget"
	"lifeplan/generator/plan"
)

// Severity says whether a finding would stop the plan being agreed.
type Severity string

const (
	// Blocker is something the criteria say the plan will not be agreed with.
	Blocker Severity = "blocker"
	// Advice is good practice or likely trouble; the panel may still agree the plan.
	Advice Severity = "advice"
)

// Finding is one thing to put right, at the place in the plan file it concerns.
type Finding struct {
	ID        string   `json:"id"`        // stable rule id, e.g. "c4-change-not-persons-idea"
	Severity  Severity `json:"severity"`  // "blocker" or "advice"
	Criterion int      `json:"criterion"` // 1..10; 0 for good practice and whole-plan rules
	Area      string   `json:"area"`      // "criterion 4: change", "good practice", "wording", "consistency", "plan"
	Message   string   `json:"message"`   // plain English: what is missing and what to add
	File      string   `json:"file"`      // the plan file
	Line      int      `json:"line,omitempty"`
	Column    int      `json:"column,omitempty"`
	Key       string   `json:"key"` // TOML key path the finding concerns (where to add what is missing)
}

// Rule documents one finding id.
type Rule struct {
	ID        string
	Severity  Severity
	Criterion int
	Summary   string
}

// Check judges a loaded plan against the criteria, working its budget out first.
// Findings are ordered by criterion (1 to 10, then 0: good practice, consistency and
// plan-wide findings), then line, then id, then key: the same plan always gives the
// same findings in the same order.
func Check(p *plan.Plan) []Finding {
	b, err := budget.Compute(p)
	if err != nil {
		b = nil // the loader reports what stops the budget; the budget rules then say nothing
	}
	return CheckBudget(p, b)
}

// CheckBudget is Check with the plan's budget already worked out (nil when it
// cannot be), as the command line has it: the work is not done twice.
func CheckBudget(p *plan.Plan, b *budget.Budget) []Finding {
	c := newCtx(p, b)
	var out []Finding
	for _, r := range allRules() {
		for _, h := range r.check(c) {
			pos := p.Locate(h.key)
			out = append(out, Finding{
				ID:        r.ID,
				Severity:  r.Severity,
				Criterion: r.Criterion,
				Area:      r.area,
				Message:   h.msg,
				File:      p.Source.Path,
				Line:      pos.Line,
				Column:    pos.Col,
				Key:       h.key,
			})
		}
	}
	slices.SortStableFunc(out, compareFindings)
	return out
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(criterionOrder(a.Criterion), criterionOrder(b.Criterion)),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.ID, b.ID),
		cmp.Compare(a.Key, b.Key),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Message, b.Message),
	)
}

// criterionOrder puts criteria 1 to 10 first, in order, and criterion 0 (good
// practice, consistency, the plan as a whole) after them, as the LLSP reads.
func criterionOrder(n int) int {
	if n == 0 {
		return 1 << 20
	}
	return n
}

// Rules lists every finding id Check can produce, with its severity, criterion and a
// one-line description, in report order (criteria 1 to 10, then criterion 0).
func Rules() []Rule {
	rs := allRules()
	out := make([]Rule, len(rs))
	for i, r := range rs {
		out[i] = r.Rule
	}
	slices.SortStableFunc(out, func(a, b Rule) int {
		return cmp.Compare(criterionOrder(a.Criterion), criterionOrder(b.Criterion))
	})
	return out
}

// rule is a Rule with the area its findings are filed under and the check itself.
type rule struct {
	Rule
	area  string
	check func(c *ctx) []hit
}

// hit is one finding of a rule: the key it concerns and the message.
type hit struct{ key, msg string }

func hitAt(key, format string, args ...any) []hit {
	return []hit{{key, fmt.Sprintf(format, args...)}}
}

// allRules is every rule, criterion by criterion. Criterion 6's list is budgetRules.
func allRules() []rule {
	return slices.Concat(
		whoYouAreRules(),
		importantToRules(),
		importantForRules(),
		changeRules(),
		supportRules(),
		budgetRules(),
		managementRules(),
		controlRules(),
		learningRules(),
		actionPlanRules(),
		goodPracticeRules(),
		wordingRules(),
		consistencyRules(),
		budgetConsistencyRules(),
		readerRules(),
		easyReadRules(),
		informationRules(),
		leakRules(),
	)
}

// ctx is what every rule may read: the plan and facts worked out once.
type ctx struct {
	p       *plan.Plan
	name    string         // how messages call the person
	written time.Time      // the plan's date; zero when not given
	paLines []int          // indexes of budget lines that employ personal assistants
	budget  *budget.Budget // nil when the budget cannot be worked out (reported by the loader)
	shown   []shownText    // what the specifications print, read once (see shownInSpecs)
}

func newCtx(p *plan.Plan, b *budget.Budget) *ctx {
	c := &ctx{p: p, name: strings.TrimSpace(p.Person.CalledName()), written: p.Plan.Written.Time, budget: b}
	if c.name == "" {
		c.name = "the young person"
	}
	for i, l := range p.Budget.Lines {
		if l.PA {
			c.paLines = append(c.paLines, i)
		}
	}
	return c
}

// dated reports whether the plan has a date that date rules can measure from.
func (c *ctx) dated() bool { return !c.written.IsZero() }

// possessive is the person's name with 's.
func (c *ctx) possessive() string {
	if c.name == "the young person" {
		return "the young person's"
	}
	return c.name + "'s"
}

// given reports whether a key was written in the plan file (even with an empty value).
func given(p *plan.Plan, key string) bool {
	_, ok := p.Source.Pos[key]
	return ok
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// noItems reports whether a list says nothing: empty, or only empty entries.
func noItems(items []plan.Item) bool {
	for _, it := range items {
		if !blank(it.Text) || it.Picture != "" {
			return false
		}
	}
	return true
}

// quote shows a piece of the plan's text in a message, shortened if long.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 60
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return "\u201c" + s + "\u201d"
}

// describe names the i-th thing of a list by its text, else its id, else its number.
func describe(kind string, i int, text, id string) string {
	switch {
	case !blank(text):
		return kind + " " + quote(text)
	case id != "":
		return fmt.Sprintf("%s with id %q", kind, id)
	default:
		return fmt.Sprintf("%s number %d", kind, i+1)
	}
}

func iso(t time.Time) string { return t.Format(plan.DateLayout) }
