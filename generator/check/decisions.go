package check

import (
	"fmt"
	"strings"

	"lifeplan/generator/plan"
)

// Criterion 8, decisions by kind: "The plan will not be agreed if it looks like
// others are making decisions for the person if they could reasonably make those
// decisions for themselves." Saying how the person is involved is not enough for
// everyday decisions; someone else may make them only where the person has been
// assessed as lacking capacity for that decision and a best-interests decision was
// made (Mental Capacity Act 2005, ss.1-4: a person is assumed to have capacity until
// it is shown otherwise, decision by decision).

// missingBestInterests lists what a best-interests record lacks, in the words of
// its keys.
func missingBestInterests(b plan.BestInterests) []string {
	var out []string
	if !b.CapacityAssessed.Set() {
		out = append(out, "capacity_assessed (the date of the capacity assessment)")
	}
	if blank(b.AssessedBy) {
		out = append(out, "assessed_by")
	}
	if !b.Decided.Set() {
		out = append(out, "decided (the date of the best-interests decision)")
	}
	if blank(b.DecidedBy) {
		out = append(out, "decided_by")
	}
	return out
}

func bestInterestsGiven(b plan.BestInterests) bool {
	return b.CapacityAssessed.Set() || b.Decided.Set() || !blank(b.AssessedBy) || !blank(b.DecidedBy) || !blank(b.Record)
}

func decisionRules() []rule {
	return []rule{
		{Rule{"c8-everyday-decision-imposed", Blocker, 8, "someone else makes an everyday decision (kind = \"everyday\", made_by = \"others\") with no capacity assessment and best-interests decision recorded"}, area8,
			func(c *ctx) []hit {
				var hs []hit
				for i, d := range c.p.Control.Decisions {
					if d.Kind != "everyday" || d.MadeBy != plan.DecidesOthers {
						continue
					}
					missing := missingBestInterests(d.BestInterests)
					if len(missing) == 0 {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("control.decisions[%d].made_by", i), fmt.Sprintf("%s is an everyday decision made by others. \"The "+
						"plan will not be agreed if it looks like others are making decisions for the person if they could "+
						"reasonably make those decisions for themselves\": make it %s's decision (made_by = \"me\" or "+
						"\"shared\", with the help they need in how_involved), or record why not in a "+
						"[control.decisions.best_interests] table under this decision: %s.",
						describe("The decision", i, d.What, ""), c.name, strings.Join(missing, ", "))})
				}
				return hs
			}},
		{Rule{"c8-decision-no-kind", Advice, 8, "a decision does not say what kind of decision it is (control.decisions[].kind)"}, area8,
			func(c *ctx) []hit {
				var hs []hit
				ids := make([]string, len(plan.DecisionKinds))
				for i, k := range plan.DecisionKinds {
					ids[i] = fmt.Sprintf("%q", k.ID)
				}
				for i, d := range c.p.Control.Decisions {
					if d.Kind != "" {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("control.decisions[%d].kind", i), fmt.Sprintf("%s does not say what "+
						"kind of decision it is, so the check cannot tell an everyday decision from a medical or legal "+
						"one: add kind, one of %s.", describe("The decision", i, d.What, ""), strings.Join(ids, ", "))})
				}
				return hs
			}},
		{Rule{"c8-best-interests-incomplete", Advice, 8, "a best-interests record lacks a date or who made it (control.decisions[].best_interests)"}, area8,
			func(c *ctx) []hit {
				var hs []hit
				for i, d := range c.p.Control.Decisions {
					if !bestInterestsGiven(d.BestInterests) || (d.Kind == "everyday" && d.MadeBy == plan.DecidesOthers) {
						continue // the blocker above says it for imposed everyday decisions
					}
					missing := missingBestInterests(d.BestInterests)
					if len(missing) == 0 {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("control.decisions[%d].best_interests", i), fmt.Sprintf("The "+
						"best-interests record of %s is incomplete: add %s. A decision made for %s must be shown to "+
						"follow a capacity assessment for that decision, with its date and who made it.",
						describe("the decision", i, d.What, ""), strings.Join(missing, ", "), c.name)})
				}
				return hs
			}},
	}
}
