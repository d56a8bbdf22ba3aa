package check

import (
	"fmt"

	"lifeplan/generator/money"
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
		{Rule{"c6-no-costs", Blocker, 6, "no costed budget lines, so no total ([[budget.lines]])"}, area6,
			func(c *ctx) []hit {
				if c.budget == nil || !c.budget.Empty() {
					return nil
				}
				return hitAt("budget.lines", "The budget has no costed lines. \"The plan will not be agreed if it does "+
					"not say how your money will be used. The plan must say how much the service will cost\": add "+
					"[[budget.lines]] with what, category, funder and a cost.")
			}},
		{Rule{"c6-no-allocation", Advice, 6, "no agreed allocation to measure the budget against (budget.allocation)"}, area6,
			func(c *ctx) []hit {
				if c.budget == nil || c.budget.HasAllocation || c.budget.Empty() {
					return nil
				}
				return hitAt("budget.allocation", "The plan does not say how much money was agreed, so nobody can see "+
					"whether the service costs more: add budget.allocation (and [[budget.allocations]] per funder).")
			}},
		{Rule{"c6-over-allocation", Blocker, 6, "year-1 spending with contingency is more than the agreed allocation"}, area6,
			func(c *ctx) []hit {
				b := c.budget
				if b == nil || !b.HasAllocation || b.Headroom >= 0 {
					return nil
				}
				return hitAt("budget.allocation", "Year 1 costs %s with the contingency fund, %s more than the %s agreed. "+
					"\"The plan will not be agreed if the service costs more than the amount has been agreed\": "+
					"reduce the lines or the contingency by %s.", b.Total[0], -b.Headroom, b.Allocation, -b.Headroom)
			}},
		{Rule{"c6-later-year-over-allocation", Advice, 6, "year 2 or year 3 costs more than the allocation (raised by the uplift the plan assumes)"}, area6,
			func(c *ctx) []hit {
				b := c.budget
				if b == nil || !b.HasAllocation {
					return nil
				}
				key, fix := "budget.allocation", "or set budget.allocation_uplift_percent to what the funders have agreed"
				if given(c.p, "budget.allocation_uplift_percent") {
					key, fix = "budget.allocation_uplift_percent", "or correct budget.allocation_uplift_percent if the funders have agreed otherwise"
				}
				var hs []hit
				for y := 1; y < 3; y++ {
					if b.YearHeadroom[y] >= 0 {
						continue
					}
					hs = append(hs, hit{key, fmt.Sprintf("Year %d costs %s with the contingency fund, %s more than the "+
						"%s it can expect (%s). The plan \"will also need to show briefly the costs for years 2 & 3\": "+
						"say in budget.years_2_and_3 how the difference will be met (a reassessment, a change of "+
						"support), %s.", y+1, b.Total[y], -b.YearHeadroom[y], b.YearAllocation[y], b.AllocationRule(), fix)})
				}
				return hs
			}},
		{Rule{"c6-pa-below-minimum-wage", Blocker, 6, "a PA's hourly rate is below the National Minimum Wage or National Living Wage for their age"}, area6,
			func(c *ctx) []hit {
				b := c.budget
				if b == nil {
					return nil
				}
				var hs []hit
				for _, i := range c.paLines {
					l := c.p.Budget.Lines[i]
					rate := l.HourlyRate
					for y := range 3 {
						if !b.OwnRates[y] {
							break
						}
						if y > 0 {
							if (y == 1 && l.Year2 != nil) || (y == 2 && (l.Year2 != nil || l.Year3 != nil)) {
								break // the plan's own yearly figure says nothing of the hourly rate
							}
							rate = money.Pence(money.MulDiv(int64(rate), 100*money.DecimalScale+int64(b.Uplift), 100*money.DecimalScale))
						}
						r := b.YearRates[y]
						if least := r.MinimumWage(l.AgeBand); rate < least {
							hs = append(hs, hit{fmt.Sprintf("budget.lines[%d].hourly_rate", i), fmt.Sprintf("Budget line %q "+
								"pays %s an hour in year %d, less than the %s legal minimum of %s an hour for a PA %s. "+
								"\"The plan will not be agreed … if the person doesn't intend to do everything that they "+
								"must do by law\": raise hourly_rate (or the uplift) to at least %s.", l.What, rate, y+1,
								r.TaxYear(), least, ageWords(l.AgeBand), least)})
							break
						}
					}
				}
				return hs
			}},
		{Rule{"c6-rates-wrong-year", Advice, 6, "the rates table named in budget.rates is not for the tax year the budget starts in"}, area6,
			func(c *ctx) []hit {
				b, pb := c.budget, c.p.Budget
				if b == nil || pb.Rates == "" {
					return nil
				}
				start, from := pb.Starts.Time, "budget.starts"
				if start.IsZero() {
					start, from = c.p.Plan.Written.Time, "plan.written"
				}
				if start.IsZero() {
					return nil
				}
				r := b.Rates
				end := r.Starts().AddDate(1, 0, 0)
				if !start.Before(r.Starts()) && start.Before(end) {
					return nil
				}
				return hitAt("budget.rates", "The budget is costed with %s, but it starts on %s (%s), outside that tax "+
					"year. Remove budget.rates so the table is chosen by date, or set budget.starts to when year 1 "+
					"begins.", r.Title, iso(start), from)
			}},
		{Rule{"c6-over-funder-allocation", Blocker, 6, "one funder's share of year 1 is more than that funder agreed"}, area6,
			func(c *ctx) []hit {
				if c.budget == nil {
					return nil
				}
				var hits []hit
				for _, f := range c.budget.ByFunder {
					if !f.HasAllocation || f.Headroom >= 0 {
						continue
					}
					key := "budget.allocations"
					for i, a := range c.p.Budget.Allocations {
						if a.Funder == f.ID {
							key = fmt.Sprintf("budget.allocations[%d].amount", i)
						}
					}
					hits = append(hits, hit{key, fmt.Sprintf("%s pays %s in year 1 but agreed %s: %s too much. Move "+
						"lines to another funder or reduce them.", f.Label, f.Year1, f.Allocation, -f.Headroom)})
				}
				return hits
			}},
	}
}

// budgetConsistencyRules compare what one part of the plan says with another: the hours the
// team specification lists (from support items) against the hours the budget pays for.
func budgetConsistencyRules() []rule {
	return []rule{
		{Rule{"consistency-hours-budget", Blocker, 0, "support items paid by a budget line add up to other hours than the line pays for"}, "consistency",
			func(c *ctx) []hit {
				var hits []hit
				for i, l := range c.p.Budget.Lines {
					if l.ID == "" || l.HoursPerWeek == 0 {
						continue
					}
					var sum money.Decimal
					linked := 0
					for _, s := range c.p.Support.Items {
						if s.BudgetLine == l.ID {
							sum += s.HoursPerWeek
							linked++
						}
					}
					if linked == 0 || sum == l.HoursPerWeek {
						continue
					}
					hits = append(hits, hit{fmt.Sprintf("budget.lines[%d].hours_per_week", i), fmt.Sprintf(
						"Budget line %q pays for %s hours a week, but the support items it pays for add up to %s. "+
							"The service specification's hours and the budget must agree: change one to match.",
						l.ID, l.HoursPerWeek, sum)})
				}
				return hits
			}},
		{Rule{"consistency-hours-unlinked", Advice, 0, "a budget line pays for hours that no support item says it uses"}, "consistency",
			func(c *ctx) []hit {
				var hits []hit
				for i, l := range c.p.Budget.Lines {
					if l.HoursPerWeek == 0 {
						continue
					}
					linked := false
					for _, s := range c.p.Support.Items {
						linked = linked || (l.ID != "" && s.BudgetLine == l.ID)
					}
					if !linked {
						hits = append(hits, hit{fmt.Sprintf("budget.lines[%d]", i), fmt.Sprintf(
							"Budget line %q pays for %s hours a week, but no support item names it in budget_line, so "+
								"the team specification cannot show those hours: give the line an id and name it in the "+
								"support items it pays for.", l.What, l.HoursPerWeek)})
					}
				}
				return hits
			}},
	}
}

// ageWords names an age band for a message.
func ageWords(band string) string {
	switch band {
	case "under-18":
		return "under 18"
	case "18-20":
		return "aged 18 to 20"
	}
	return "aged 21 or over"
}
