package check

import (
	"fmt"
)

// Criterion 6: how the budget will be spent.

const area6 = "criterion 6: budget"

// budgetRules is criterion 6's list of rules. Rules that need the budget engine
// (the service costing more than the allocation, support hours against the hours
// paid for, lines with no cost) belong here: append them to the list, with their
// findings' Criterion 6 and Area area6 (or Criterion 0 and Area "consistency" for
// cross-checks), and they appear in Check, Rules and the README table.
func budgetRules() []rule {
	return []rule{
		{Rule{"c6-no-contingency", Blocker, 6, "no contingency fund (budget.contingency amount or percent)"}, area6,
			func(c *ctx) []hit {
				ct := c.p.Budget.Contingency
				if ct.Amount > 0 || ct.Percent > 0 {
					return nil
				}
				return hitAt("budget.contingency", "The budget has no contingency fund. \"The plan will not be agreed "+
					"if you have not outlined plans and not got the resources for dealing with emergencies or changes "+
					"in circumstances\": add [budget.contingency] with amount or percent, and purpose saying how it "+
					"may be used.")
			}},
		{Rule{"c6-contingency-no-purpose", Advice, 6, "the contingency fund does not say how it may be used (budget.contingency.purpose)"}, area6,
			func(c *ctx) []hit {
				ct := c.p.Budget.Contingency
				if (ct.Amount == 0 && ct.Percent == 0) || !blank(ct.Purpose) {
					return nil
				}
				return hitAt("budget.contingency.purpose", "The contingency fund does not say how it may be used. "+
					"\"The plan should outline a contingency fund and how this may be used when required\": add "+
					"purpose (and released_by: who decides to use it).")
			}},
		{Rule{"c6-no-emergency-plan", Blocker, 6, "no plan for emergencies (emergencies.plan and budget.if_things_go_wrong both empty)"}, area6,
			func(c *ctx) []hit {
				if !blank(c.p.Emergencies.Plan) || !blank(c.p.Budget.IfThingsGoWrong) {
					return nil
				}
				return hitAt("budget.if_things_go_wrong", "The plan does not say how things will be managed if they go "+
					"wrong. \"The plan will not be agreed if you have not outlined plans and not got the resources for "+
					"dealing with emergencies or changes in circumstances\": add budget.if_things_go_wrong (what "+
					"happens to the money and support) and emergencies.plan (what people do).")
			}},
		{Rule{"c6-no-years-2-3", Advice, 6, "no costs for years 2 and 3 (budget.years_2_and_3, lines' year2, or budget.uplift_percent)"}, area6,
			func(c *ctx) []hit {
				if !blank(c.p.Budget.Years2And3) || given(c.p, "budget.uplift_percent") {
					return nil
				}
				for i := range c.p.Budget.Lines {
					if given(c.p, fmt.Sprintf("budget.lines[%d].year2", i)) {
						return nil
					}
				}
				return hitAt("budget.years_2_and_3", "The budget does not show years 2 and 3. The plan \"will also "+
					"need to show briefly the costs for years 2 & 3\": add budget.uplift_percent, year2 and year3 on "+
					"lines that change, or a short budget.years_2_and_3.")
			}},
		{Rule{"c6-no-value-for-money", Advice, 6, "nothing shows value for money (budget.value_for_money)"}, area6,
			func(c *ctx) []hit {
				if !blank(c.p.Budget.ValueForMoney) {
					return nil
				}
				return hitAt("budget.value_for_money", "\"The plan should show that the young person is getting good "+
					"value for their money\": add budget.value_for_money (what was compared, why this choice).")
			}},
	}
}
