package compose

import (
	"fmt"
	"strings"

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

// Judge checks a plan for its documents: the blocker count that puts DRAFT on every
// cover, and the LLSP's closing panel checklist.
func Judge(p *plan.Plan) *Checks {
	findings := check.Check(p)
	summary := map[string]string{}
	for _, r := range check.Rules() {
		summary[r.ID] = r.Summary
	}
	out := &Checks{}
	out.Blockers, out.Advice = check.Count(findings)
	for n := 1; n <= len(criteria); n++ {
		var missing []string
		seen := map[string]bool{}
		advice := 0
		for _, f := range findings {
			if f.Criterion != n {
				continue
			}
			if f.Severity != check.Blocker {
				advice++
				continue
			}
			if !seen[f.ID] {
				seen[f.ID] = true
				missing = append(missing, summary[f.ID])
			}
		}
		status := "Met"
		switch {
		case len(missing) > 0:
			status = "Not yet: " + strings.Join(missing, "; ")
		case advice == 1:
			status = "Met (1 suggestion from lifeplan check)"
		case advice > 1:
			status = fmt.Sprintf("Met (%d suggestions from lifeplan check)", advice)
		}
		out.Checklist = append(out.Checklist, ChecklistRow{
			Criterion: fmt.Sprintf("%d. %s", n, criteria[n-1]),
			Where:     fmt.Sprintf("Section %d", n),
			Status:    status,
		})
	}
	return out
}
