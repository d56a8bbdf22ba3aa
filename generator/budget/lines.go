package budget

import (
	"fmt"
	"strings"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// costing turns plan lines into yearly costs with one rates table and weeks rule.
type costing struct {
	rates   Rates
	weeks   int64 // money.Decimal units
	pension bool  // whether PAs are eligible for auto-enrolment unless too young
}

const d1 = money.DecimalScale

// planLine works out a line as the plan wrote it.
func (c costing) planLine(pl plan.BudgetLine) Line {
	l := Line{ID: pl.ID, What: pl.What, Kind: KindPlan, Category: pl.Category, Funder: pl.Funder, Recurring: true}
	wk := money.Decimal(c.weeks)
	switch {
	case pl.OneOff > 0:
		l.Recurring = false
		l.Year1 = pl.OneOff
		l.Basis = "one-off cost in year 1"
	case pl.HourlyRate > 0:
		l.HoursPerWeek = pl.HoursPerWeek
		l.Year1 = money.Pence(money.MulDiv(int64(pl.HourlyRate), int64(pl.HoursPerWeek)*c.weeks, d1*d1))
		l.Basis = fmt.Sprintf("%s hours a week × %s an hour × %s weeks", pl.HoursPerWeek, pl.HourlyRate, wk)
		if pl.PA && pl.People > 1 {
			l.Basis += fmt.Sprintf(", shared by %d personal assistants", pl.People)
		}
	case pl.PerNight > 0:
		l.Year1 = money.Pence(money.MulDiv(int64(pl.PerNight), int64(pl.NightsPerWeek)*c.weeks, d1*d1))
		kind := "nights"
		switch pl.NightKind {
		case plan.TimeSleepIn:
			kind = "sleep-in nights"
		case plan.TimeWakingNight:
			kind = "waking nights"
		}
		if pl.NightsPerWeek == money.DecimalScale {
			kind = strings.TrimSuffix(kind, "s") // "1 sleep-in night", not "1 sleep-in nights"
		}
		l.Basis = fmt.Sprintf("%s %s a week × %s a night × %s weeks", pl.NightsPerWeek, kind, pl.PerNight, wk)
	case pl.UnitCost > 0:
		per := map[string]int64{"week": c.weeks, "month": 12 * d1, "year": d1}[pl.Per]
		l.Year1 = money.Pence(money.MulDiv(int64(pl.UnitCost), int64(pl.Quantity)*per, d1*d1))
		l.Basis = fmt.Sprintf("%s × %s %s", pl.Quantity, pl.UnitCost, plan.Label(plan.Periods, pl.Per))
		if pl.Per == "week" {
			l.Basis += fmt.Sprintf(" × %s weeks", wk)
		} else if pl.Per == "month" {
			l.Basis += " × 12 months"
		}
	}
	return l
}

// paOnCosts adds what employing the line's PAs costs beyond their basic pay:
// holiday pay, employer National Insurance and the workplace pension. NI and
// pension are worked out per person on a yearly basis, then multiplied back up.
func (c costing) paOnCosts(pl plan.BudgetLine, pay Line) []Line {
	r := c.rates
	n := int64(max(pl.People, 1))
	mk := func(suffix, what, basis string, v money.Pence) Line {
		return Line{ID: pl.ID + "-" + suffix, What: what, Kind: KindEmployer, Parent: pl.ID,
			Category: pl.Category, Funder: pl.Funder, Basis: basis, Recurring: true, Year1: v}
	}
	holiday := percentOf(pay.Year1, r.HolidayPercent)
	out := []Line{mk("holiday", "Holiday pay for "+pay.What,
		fmt.Sprintf("%s%% of pay (5.6 weeks' leave for irregular hours)", r.HolidayPercent), holiday)}

	gross := pay.Year1 + holiday
	each := money.Pence(money.MulDiv(int64(gross), 1, n)) // one person's yearly pay
	who := "one PA's"
	if n > 1 {
		who = fmt.Sprintf("each of %d PAs'", n)
	}

	niEach := money.Pence(0)
	niBasis := fmt.Sprintf("%s%% of %s yearly pay of %s above %s", r.EmployerNIPercent, who, each, r.NIThreshold)
	switch pl.AgeBand {
	case "under-18", "18-20":
		niBasis = "none: employer NI is 0% for employees under 21 below the upper secondary threshold"
	default:
		if each > r.NIThreshold {
			niEach = percentOf(each-r.NIThreshold, r.EmployerNIPercent)
		}
	}
	if n > 1 {
		niBasis += fmt.Sprintf(", × %d", n)
	}
	out = append(out, mk("ni", "Employer National Insurance for "+pay.What, niBasis, niEach*money.Pence(n)))

	eligible := c.pension && pl.AgeBand != "under-18" && pl.AgeBand != "18-20"
	pensionEach := money.Pence(0)
	if eligible {
		band := min(each, r.PensionUpper) - r.PensionLower
		if band > 0 {
			pensionEach = percentOf(band, r.PensionPercent)
		}
		basis := fmt.Sprintf("%s%% of %s qualifying earnings (%s less %s)", r.PensionPercent, who, min(each, r.PensionUpper), r.PensionLower)
		if n > 1 {
			basis += fmt.Sprintf(", × %d", n)
		}
		out = append(out, mk("pension", "Workplace pension for "+pay.What, basis, pensionEach*money.Pence(n)))
	}
	return out
}
