package budget

import (
	"fmt"
	"strings"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// costing turns plan lines into yearly costs with one weeks rule; the rates table of
// each year is passed in.
type costing struct {
	weeks   int64 // money.Decimal units
	pension bool  // false when the plan says no PA may be in the pension (pension_eligible)
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

// onCost is what employing a PA line's people costs in one year beyond basic pay.
type onCost struct {
	holiday, ni, pension                money.Pence // ni is before the Employment Allowance
	holidayBasis, niBasis, pensionBasis string
	enrolled                            bool // whether the PAs are in the workplace pension
}

// under21 reports whether an age band pays no employer NI up to the upper
// secondary threshold.
func under21(band string) bool { return band == "under-18" || band == "18-20" }

// autoEnrolAge reports whether an age band is old enough for auto-enrolment
// (22 to State Pension age). A line with no band is taken to be 22 or over; "21+"
// is read the same way, so a PA aged exactly 21 is written "21".
func autoEnrolAge(band string) bool { return !under21(band) && band != "21" }

// onCosts works out holiday pay, employer National Insurance and the workplace
// pension of one year's pay with one year's rates. NI and pension are worked out per
// person on a yearly basis, then multiplied back up.
func (c costing) onCosts(pl plan.BudgetLine, r Rates, pay money.Pence) onCost {
	n := int64(max(pl.People, 1))
	var o onCost
	o.holiday = percentOf(pay, r.HolidayPercent)
	o.holidayBasis = fmt.Sprintf("%s%% of pay (5.6 weeks' leave for irregular hours)", r.HolidayPercent)

	gross := pay + o.holiday
	each := money.Pence(money.MulDiv(int64(gross), 1, n)) // one person's yearly pay
	who := "one PA's"
	if n > 1 {
		who = fmt.Sprintf("each of %d PAs'", n)
	}
	times := ""
	if n > 1 {
		times = fmt.Sprintf(", × %d", n)
	}

	// Employer NI: 15% above the secondary threshold; for employees under 21, 0% up
	// to the upper secondary threshold and 15% above it.
	threshold, above := r.NIThreshold, "the secondary threshold"
	if under21(pl.AgeBand) {
		threshold, above = r.UpperSecondary, "the upper secondary threshold for under-21s"
	}
	niEach := money.Pence(0)
	if each > threshold {
		niEach = percentOf(each-threshold, r.EmployerNIPercent)
		o.niBasis = fmt.Sprintf("%s%% of %s yearly pay of %s above %s of %s%s", r.EmployerNIPercent, who, each, above, threshold, times)
	} else if under21(pl.AgeBand) {
		o.niBasis = fmt.Sprintf("none: employer NI is 0%% for employees under 21 up to %s a year", threshold)
	} else {
		o.niBasis = fmt.Sprintf("none: %s yearly pay of %s is below the secondary threshold of %s", who, each, threshold)
	}
	o.ni = niEach * money.Pence(n)

	// Auto-enrolment: PAs aged 22 to State Pension age earning above the trigger
	// must be enrolled; younger PAs, and those earning less (above the lower limit),
	// may opt in, and then the employer must pay in too.
	switch {
	case !c.pension:
	case autoEnrolAge(pl.AgeBand) && each > r.PensionTrigger:
		o.enrolled = true
		o.pensionBasis = "auto-enrolled"
	case pl.PensionOptIn && each > r.PensionLower:
		o.enrolled = true
		o.pensionBasis = "opted in"
	}
	if o.enrolled {
		if band := min(each, r.PensionUpper) - r.PensionLower; band > 0 {
			o.pension = percentOf(band, r.PensionPercent) * money.Pence(n)
		}
		o.pensionBasis = fmt.Sprintf("%s: %s%% of %s qualifying earnings (%s less %s)%s",
			o.pensionBasis, r.PensionPercent, who, min(each, r.PensionUpper), r.PensionLower, times)
	}
	return o
}

// paOnCosts adds what employing the line's PAs costs beyond their basic pay, for
// each year: holiday pay, employer National Insurance (before the Employment
// Allowance) and the workplace pension. A year with its own rates table, or with the
// line's own year2 / year3 pay, is worked out from that year's pay; a year with
// neither raises the year before by the uplift, as the pay itself is raised.
func (c costing) paOnCosts(pl plan.BudgetLine, pay Line, yr yearRates, pct money.Decimal) []Line {
	pays := [3]money.Pence{pay.Year1, pay.Year2, pay.Year3}
	explicit := [3]bool{true, pl.Year2 != nil, pl.Year3 != nil}
	var costs [3]onCost
	for y := range 3 {
		if y == 0 || yr.own[y] || explicit[y] {
			costs[y] = c.onCosts(pl, yr.rates[y], pays[y])
			continue
		}
		prev := costs[y-1]
		costs[y] = onCost{holiday: raise(prev.holiday, pct), ni: raise(prev.ni, pct), pension: raise(prev.pension, pct), enrolled: prev.enrolled}
	}
	mk := func(suffix, what, basis string, v func(onCost) money.Pence) Line {
		return Line{ID: pl.ID + "-" + suffix, What: what, Kind: KindEmployer, Parent: pl.ID,
			Category: pl.Category, Funder: pl.Funder, Basis: basis, Recurring: true,
			Year1: v(costs[0]), Year2: v(costs[1]), Year3: v(costs[2])}
	}
	out := []Line{
		mk("holiday", "Holiday pay for "+pay.What, costs[0].holidayBasis, func(o onCost) money.Pence { return o.holiday }),
		mk("ni", "Employer National Insurance for "+pay.What, costs[0].niBasis, func(o onCost) money.Pence { return o.ni }),
	}
	if costs[0].enrolled || costs[1].enrolled || costs[2].enrolled {
		basis := costs[0].pensionBasis
		if !costs[0].enrolled {
			from := 2
			if !costs[1].enrolled {
				from = 3
			}
			basis = fmt.Sprintf("none in year 1; from year %d, when pay rises above the auto-enrolment trigger", from)
		}
		out = append(out, mk("pension", "Workplace pension for "+pay.What, basis, func(o onCost) money.Pence { return o.pension }))
	}
	return out
}

// raise adds a yearly uplift to an amount, rounding half up to the penny.
func raise(v money.Pence, pct money.Decimal) money.Pence {
	return money.Pence(money.MulDiv(int64(v), 100*money.DecimalScale+int64(pct), 100*money.DecimalScale))
}
