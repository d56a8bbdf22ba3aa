package check

import (
	"fmt"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// Rules for what the documents' readers need (issue 10): the agreement page, nights
// that agree with the budget, and actions past their date.

const areaAgreement = "agreement"

func readerRules() []rule {
	return []rule{
		{Rule{"agreement-no-how-agreed", Advice, 0, "a submitted plan does not say how the young person agreed to it (agreement.how_i_agreed)"}, areaAgreement,
			func(c *ctx) []hit {
				if c.p.Plan.Status == plan.StatusDraft || !blank(c.p.Agreement.HowIAgreed) {
					return nil
				}
				return hitAt("agreement.how_i_agreed", "The plan is %s but does not say how %s agreed to it in their own "+
					"way. The plan is %s's: add agreement.how_i_agreed (e.g. went through the easy-read version and "+
					"signed it, or said yes on video).", plan.Label(plan.Statuses, string(c.p.Plan.Status)), c.name, c.name)
			}},
		{Rule{"agreement-no-funder-signatory", Advice, 0, "the agreement page names nobody to sign for a funder (agreement.signatories)"}, areaAgreement,
			func(c *ctx) []hit {
				if c.p.Plan.Status == plan.StatusDraft {
					return nil
				}
				has := map[string]bool{}
				for _, s := range c.p.Agreement.Signatories {
					if !blank(s.Name) {
						has[s.For] = true
					}
				}
				var hs []hit
				for _, f := range []struct{ id, who string }{{"local_authority", "the local authority"}, {"education", "the college funder"}} {
					if !has[f.id] {
						hs = append(hs, hit{"agreement.signatories", fmt.Sprintf("Nobody is named to sign for %s. "+
							"Learning and Living Support Plans \"need to be agreed by both the LSC and LA\": add "+
							"[[agreement.signatories]] with name, role and for = %q.", f.who, f.id)})
					}
				}
				return hs
			}},
		{Rule{"consistency-nights-budget", Blocker, 0, "support items paid by a night budget line add up to other nights than the line pays for"}, "consistency",
			func(c *ctx) []hit {
				var hs []hit
				for i, l := range c.p.Budget.Lines {
					if l.ID == "" || l.PerNight == 0 {
						continue
					}
					var sum money.Decimal
					linked := 0
					for _, s := range c.p.Support.Items {
						if s.BudgetLine != l.ID || (s.Time != plan.TimeSleepIn && s.Time != plan.TimeWakingNight) {
							continue
						}
						linked++
						if s.NightsPerWeek == 0 {
							sum += money.DecimalScale // a night item without a count is one night
						} else {
							sum += s.NightsPerWeek
						}
					}
					if linked == 0 || sum == l.NightsPerWeek {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("budget.lines[%d].nights_per_week", i), fmt.Sprintf(
						"Budget line %q pays for %s nights a week, but the support items it pays for add up to %s. "+
							"The service specification counts nights from the support items: change one to match.",
						l.What, l.NightsPerWeek, sum)})
				}
				return hs
			}},
		perAction("c10-action-late", Advice, "an action's date is before the plan's date and it is not done",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if !c.dated() || !a.By.Set() || !a.By.Before(c.written) || a.Status == plan.ActionDone {
					return "", ""
				}
				return at + ".status", fmt.Sprintf("%s was due by %s, before the plan's date (%s), and is not marked "+
					"done: the documents show it as late. Mark it status = \"done\", or give it a new date.",
					name, iso(a.By.Time), iso(c.written))
			}),
	}
}
