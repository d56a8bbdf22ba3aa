package compose

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"lifeplan/generator/budget"
	"lifeplan/generator/check"
	"lifeplan/generator/plan"
)

// criteria are the short names of the ten criteria, for the panel checklist.
var criteria = [...]string{
	"Who are you, what are you good at, what have you achieved",
	"What is important to you, what do you want to learn",
	"What is important for you, what do you need to learn",
	"What do you want to change",
	"How do you want to be supported",
	"How will you spend your budget",
	"How will your budget be managed",
	"How will you gain more control of your life",
	"How and where do you learn best",
	"The action plan",
}

// CriterionAnchor is the anchor of criterion n's section in the LLSP. Templates
// write it on the heading ({#criterion-3}); the contents and the checklist point to it.
func CriterionAnchor(n int) string { return fmt.Sprintf("criterion-%d", n) }

// practice is one item of the good-practice list, the anchor of the LLSP section
// that answers it, the rules that judge it, and whether the plan says anything for it
// (an item no rule faults and the plan says nothing for does not apply to this plan,
// e.g. DBS checks when nobody is paid).
type practice struct {
	label  string
	anchor string
	rules  []string
	has    func(p *plan.Plan) bool
}

// goodPractice follows the good-practice list of the LLSP criteria, in its order.
var goodPractice = []practice{
	{"The young person may change their mind, and how that is acted on", "change-my-mind",
		[]string{"gp-change-my-mind"}, func(p *plan.Plan) bool { return p.ChangeMyMind != "" }},
	{"Examples of how the young person communicates (communication chart)", "communication",
		[]string{"gp-communication-chart"}, func(p *plan.Plan) bool { return len(p.Communication) > 0 }},
	{"What is working and not working for the young person", "working",
		[]string{"gp-working-person"}, func(p *plan.Plan) bool { return len(p.Working.Person)+len(p.Working.PersonNot) > 0 }},
	{"The family's perspective, hopes and concerns, and what is working for the family, kept separate", "family-view",
		[]string{"gp-working-family", "gp-family-perspective"}, func(p *plan.Plan) bool {
			return p.Family.Perspective != "" || len(p.Family.Hopes)+len(p.Family.Concerns)+len(p.Working.Family)+len(p.Working.FamilyNot) > 0
		}},
	{"The link to the person-centred plan, and how the young person contributed", "how-made",
		[]string{"gp-pcp-link", "gp-contribution"}, func(p *plan.Plan) bool { return p.Plan.PCPLink != "" || p.Plan.Contribution != "" }},
	{"Support when the young person is distressed or anxious", "distress",
		[]string{"gp-distress"}, func(p *plan.Plan) bool { return p.Distress != "" || len(p.DistressSteps) > 0 }},
	{"Emergency and contingency plans", "emergencies",
		[]string{"gp-emergency-plan"}, func(p *plan.Plan) bool { return p.Emergencies.Plan != "" || len(p.Emergencies.Contacts) > 0 }},
	{"The young person's right to aspirations", "aspirations",
		[]string{"gp-aspirations"}, func(p *plan.Plan) bool { return p.Aspirations != "" }},
	{"Training supporters need, specific to the young person", "training",
		[]string{"gp-no-training", "gp-training-not-specific"}, func(p *plan.Plan) bool { return len(p.Training) > 0 }},
	{"DBS checks for the people who support the young person", "employer",
		[]string{"gp-dbs"}, func(p *plan.Plan) bool { return p.Management.Employer.DBS != "" }},
	{"Insurance for personal assistants", "employer",
		[]string{"gp-pa-insurance-cost"}, func(p *plan.Plan) bool { return p.Management.Employer.Insurance != "" }},
	{"The young person is involved in choosing their supporters", "choosing",
		[]string{"gp-choosing-supporters"}, func(p *plan.Plan) bool { return p.Choosing != "" }},
	{"How reviews happen, and how the young person drives them", "reviews",
		[]string{"gp-reviews-how", "gp-reviews-person-leads"}, func(p *plan.Plan) bool { return p.Reviews.How != "" || p.Reviews.HowILead != "" }},
}

// Judge checks a plan for its documents: the blocker count that marks every page of
// a draft, and the LLSP's panel checklist. A row that is met points at the section
// with the evidence (its Anchor, printed as a page number); a row that is not says
// in plain words what is missing.
//
// b is the plan's budget when the caller has already worked it out (nil: Judge
// works it out).
func Judge(p *plan.Plan, b *budget.Budget) *Checks {
	var findings []check.Finding
	if b != nil {
		findings = check.CheckBudget(p, b)
	} else {
		findings = check.Check(p)
	}
	summary := ruleWords()
	out := &Checks{}
	out.Blockers, out.Advice = check.Count(findings)
	// What is missing is listed in the rules' order, not the findings' (which
	// follow the file's lines): moving a table in the plan file must not reorder
	// the document.
	fired, blocks := map[string]bool{}, map[string]bool{}
	for _, f := range findings {
		fired[f.ID] = true
		blocks[f.ID] = blocks[f.ID] || f.Severity == check.Blocker
	}
	for n := 1; n <= len(criteria); n++ {
		var missing []string
		advice := 0
		for _, f := range findings {
			if f.Criterion == n && f.Severity != check.Blocker {
				advice++
			}
		}
		for _, r := range check.Rules() {
			if r.Criterion == n && blocks[r.ID] {
				missing = append(missing, summary[r.ID])
			}
		}
		row := ChecklistRow{Criterion: fmt.Sprintf("%d. %s", n, criteria[n-1])}
		switch {
		case len(missing) > 0:
			row.Status = "Not yet: " + strings.Join(missing, "; ") + "."
		default:
			row.Met, row.Anchor = true, CriterionAnchor(n)
			if advice > 0 {
				row.Status = fmt.Sprintf("(%s from lifeplan check)", plural(advice, "suggestion", "suggestions"))
			}
		}
		out.Checklist = append(out.Checklist, row)
	}
	for _, gp := range goodPractice {
		var missing []string
		for _, id := range gp.rules {
			if fired[id] {
				missing = append(missing, summary[id])
			}
		}
		row := ChecklistRow{Criterion: gp.label}
		switch {
		case len(missing) > 0:
			row.Status = "Not yet: " + strings.Join(missing, "; ") + "."
		case gp.has(p):
			row.Met, row.Anchor = true, gp.anchor
		default:
			row.Status = "Does not apply to this plan."
		}
		out.Practice = append(out.Practice, row)
	}
	return out
}

// keyLike is a parenthesis that names plan keys, "(support.items)" or
// "(working.person_working, working.person_not_working)": words for lifeplan check,
// not for a document a family reads.
var keyLike = regexp.MustCompile(`\s*\(([^()]*)\)`)

// keyWithValue and keyValue find a key set to a value in a summary, `with area =
// "employment"`, which a document says as "for employment".
var (
	keyWithValue = regexp.MustCompile(`\bwith ([a-z_]+) = "([^"]*)"`)
	keyValue     = regexp.MustCompile(`\b([a-z_]+) = "?([^" )]*)"?`)
)

// ruleWords is every rule's summary in plainWords, by rule id: the rules never
// change, so this is made once per process (it was a third of Judge's time) and
// only read after.
var ruleWords = sync.OnceValue(func() map[string]string {
	summary := map[string]string{}
	for _, r := range check.Rules() {
		summary[r.ID] = plainWords(r.Summary)
	}
	return summary
})

// plainWords turns a rule's one-line summary into words for a document: no key
// paths, no TOML brackets, no underscores.
func plainWords(s string) string {
	s = keyLike.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.Trim(strings.TrimSpace(m), "()")
		if strings.ContainsAny(inner, "._[=") || !strings.Contains(inner, " ") {
			return ""
		}
		return m
	})
	s = keyWithValue.ReplaceAllString(s, "for $2")
	s = keyValue.ReplaceAllString(s, "$2")
	s = strings.NewReplacer("[[", "", "]]", "", "_", " ").Replace(s)
	return strings.TrimSpace(s)
}
