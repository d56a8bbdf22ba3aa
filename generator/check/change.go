package check

import (
	"fmt"
	"time"

	"lifeplan/generator/plan"
)

// Criterion 4: what the person wants to change.

const area4 = "criterion 4: change"

// perChange makes a rule that looks at each change in turn; judge returns the key and
// message of a finding, or "" for none.
func perChange(id string, sev Severity, summary string, judge func(c *ctx, at, name string, ch plan.Change) (key, msg string)) rule {
	return rule{Rule{id, sev, 4, summary}, area4, func(c *ctx) []hit {
		var hs []hit
		for i, ch := range c.p.Changes {
			at := fmt.Sprintf("changes[%d]", i)
			if key, msg := judge(c, at, describe("The change", i, ch.What, ch.ID), ch); msg != "" {
				hs = append(hs, hit{key, msg})
			}
		}
		return hs
	}}
}

func changeRules() []rule {
	return []rule{
		{Rule{"c4-no-change", Blocker, 4, "the plan names no change the person wants to make (changes)"}, area4,
			func(c *ctx) []hit {
				if len(c.p.Changes) > 0 {
					return nil
				}
				return hitAt("changes", "The plan does not say what %s wants to change. \"The plan will not be "+
					"agreed if it does not clearly specify what the young person wants to change\": add a "+
					"[[changes]] entry for each change, with what, why and whose_idea.", c.name)
			}},
		perChange("c4-change-no-what", Blocker, "a change does not say what will change (changes[].what)",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if !blank(ch.What) {
					return "", ""
				}
				return at + ".what", fmt.Sprintf("%s does not say what will change. \"The plan will not be agreed "+
					"if it does not clearly specify what the young person wants to change\": add what = \"...\".", name)
			}),
		perChange("c4-change-not-persons-idea", Blocker, "a change is marked as someone else's idea (whose_idea = \"others\")",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if ch.WhoseIdea != plan.IdeaOthers {
					return "", ""
				}
				return at + ".whose_idea", fmt.Sprintf("%s is marked as someone else's idea, so it appears imposed "+
					"by others. \"The plan will not be agreed if … the changes appear to be imposed by others\": "+
					"if %s wants it, say so (whose_idea = \"mine\" or \"shared\") and show in defined_how how they "+
					"took part; if not, take it out or rework it with them.", name, c.name)
			}),
		perChange("c4-whose-idea-not-said", Advice, "a change does not say whose idea it was (changes[].whose_idea)",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if ch.WhoseIdea != "" {
					return "", ""
				}
				return at + ".whose_idea", fmt.Sprintf("%s does not say whose idea it was. The panel checks that "+
					"changes are not imposed by others: add whose_idea = \"mine\", \"shared\" or \"others\".", name)
			}),
		perChange("c4-no-milestone-within-year", Blocker, "a change has no milestone dated within twelve months of the plan date",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				var dated int
				for _, m := range ch.Milestones {
					if !m.By.Set() {
						continue
					}
					dated++
					if !c.dated() || within(m.By.Time, c.written, c.written.AddDate(1, 0, 0)) {
						return "", ""
					}
				}
				key := at + ".milestones"
				if dated == 0 {
					return key, fmt.Sprintf("%s has no dated milestone. \"Changes must be realistic and have "+
						"achievable outcomes and milestones within a year\": add [[changes.milestones]] with what "+
						"and by = YYYY-MM-DD.", name)
				}
				return key, fmt.Sprintf("%s has no milestone dated within twelve months of the plan date "+
					"(%s to %s). \"Changes must be realistic and have achievable outcomes and milestones within a "+
					"year\": add a milestone that can be reached by %s.",
					name, iso(c.written), iso(c.written.AddDate(1, 0, 0)), iso(c.written.AddDate(1, 0, 0)))
			}),
		perChange("c4-long-term-no-steps", Blocker, "a long-term change is not broken into steps (changes[].steps)",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if !ch.LongTerm {
					return "", ""
				}
				for _, s := range ch.Steps {
					if !blank(s.What) {
						return "", ""
					}
				}
				return at + ".steps", fmt.Sprintf("%s is long-term but is not broken into steps. Long-term "+
					"changes \"must then be broken down into achievable steps, and link to relevant learning "+
					"activities and outcomes\": add [[changes.steps]] with what and by.", name)
			}),
		perChange("c4-change-no-learning", Blocker, "a change is not linked to any learning outcome (changes[].learning or its milestones' learning)",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if len(ch.Learning) > 0 {
					return "", ""
				}
				for _, m := range ch.Milestones {
					if len(m.Learning) > 0 {
						return "", ""
					}
				}
				return at + ".learning", fmt.Sprintf("%s is not linked to any learning. \"The plan cannot be agreed "+
					"if [it] … does not include learning that will help them to achieve what they want\": list the "+
					"ids of the [[outcomes]] that support it in learning = [...] (on the change or its milestones).", name)
			}),
		perChange("c4-no-defined-how", Advice, "a change does not say how its outcomes were defined (changes[].defined_how)",
			func(c *ctx, at, name string, ch plan.Change) (string, string) {
				if !blank(ch.DefinedHow) {
					return "", ""
				}
				return at + ".defined_how", fmt.Sprintf("%s does not say how it was defined. \"The plan should be "+
					"clear about what outcomes the young person wants and demonstrate how these have been "+
					"defined\": add defined_how (who took part, what tools were used, what %s said).", name, c.name)
			}),
	}
}

// within reports whether from <= t <= to.
func within(t, from, to time.Time) bool {
	return !t.Before(from) && !t.After(to)
}
