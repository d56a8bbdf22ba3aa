package budget

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// Rates is one dated table of the figures an employer of personal assistants pays
// on top of wages, for one UK tax year (6 April to 5 April). A plan's year 1 uses the
// table of the tax year it starts in; a plan may override figures one by one.
type Rates struct {
	Name  string
	Title string
	// Year is the calendar year the tax year starts in (2026 for 2026-27).
	Year                int
	HolidayPercent      money.Decimal // holiday pay as a percentage of pay for irregular hours
	EmployerNIPercent   money.Decimal // employer (secondary) Class 1 National Insurance
	NIThreshold         money.Pence   // secondary threshold, per employee per year
	UpperSecondary      money.Pence   // under-21s pay no employer NI up to this, per year
	EmploymentAllowance money.Pence   // the most an employer's NI bill is reduced by in a year
	PensionPercent      money.Decimal // employer's minimum auto-enrolment contribution
	PensionLower        money.Pence   // qualifying earnings band, yearly
	PensionUpper        money.Pence
	PensionTrigger      money.Pence // auto-enrolment applies to earnings above this, yearly
	// Minimum hourly pay by age band, from 1 April of the tax year's calendar year.
	NationalLivingWage money.Pence // 21 and over
	MinimumWage18to20  money.Pence
	MinimumWageUnder18 money.Pence
	// CarriedOver names figures that could not be confirmed for this year and are
	// the previous year's; `lifeplan budget` prints them.
	CarriedOver []string
}

// Starts is the first day of the table's tax year.
func (r Rates) Starts() time.Time { return time.Date(r.Year, time.April, 6, 0, 0, 0, 0, time.UTC) }

// TaxYear names the tax year as people write it: "2026-27".
func (r Rates) TaxYear() string { return taxYear(r.Year) }

func taxYear(y int) string { return fmt.Sprintf("%d-%02d", y, (y+1)%100) }

// MinimumWage is the least a PA in an age band may be paid an hour.
func (r Rates) MinimumWage(band string) money.Pence {
	switch band {
	case "under-18":
		return r.MinimumWageUnder18
	case "18-20":
		return r.MinimumWage18to20
	}
	return r.NationalLivingWage
}

// DefaultRates is the newest table, used when a plan has no date to choose by.
const DefaultRates = "uk-2026-27"

// rateTables are the tables this version knows, oldest first. Figures are for
// England, Scotland and Wales. Every figure carries its source.
func rateTables() []Rates {
	return []Rates{
		{
			Name:  "uk-2025-26",
			Title: "UK employer rates for the tax year 6 April 2025 to 5 April 2026",
			Year:  2025,
			// 5.6 weeks' statutory leave / (52 − 5.6) working weeks = 12.07%, for leave
			// years from 1 April 2024 (Working Time Regulations 1998 reg. 15B as amended
			// in 2023; gov.uk, "Holiday entitlement: irregular hours and part-year workers").
			HolidayPercent: 120700,
			// Employer NI 15% above the secondary threshold of £5,000 a year, from
			// 6 April 2025 (gov.uk, "Rates and thresholds for employers 2025 to 2026").
			EmployerNIPercent: 150000,
			NIThreshold:       500000,
			// Upper secondary threshold for under-21s £50,270 (same source).
			UpperSecondary: 5027000,
			// Employment Allowance £10,500 from 6 April 2025 (same source). Care and
			// support employers (a person employing PAs) can claim it (HMRC National
			// Insurance Manual NIM06520; Employment Allowance (Care and Support
			// Workers) Regulations 2015).
			EmploymentAllowance: 1050000,
			// Auto-enrolment: 3% employer minimum on qualifying earnings between
			// £6,240 and £50,270 a year, earnings trigger £10,000 (DWP, "Review of the
			// automatic enrolment earnings trigger and qualifying earnings band for
			// 2025/26"; The Pensions Regulator).
			PensionPercent: 30000,
			PensionLower:   624000,
			PensionUpper:   5027000,
			PensionTrigger: 1000000,
			// National Living Wage £12.21 (21 and over), £10.00 (18 to 20), £7.55
			// (under 18) from 1 April 2025 (gov.uk, "National Minimum Wage and National
			// Living Wage rates").
			NationalLivingWage: 1221,
			MinimumWage18to20:  1000,
			MinimumWageUnder18: 755,
		},
		{
			Name:  "uk-2026-27",
			Title: "UK employer rates for the tax year 6 April 2026 to 5 April 2027",
			Year:  2026,
			// 12.07% is the statutory rolled-up holiday rate, not a yearly figure (reg.
			// 15B, as above); unchanged for 2026-27.
			HolidayPercent: 120700,
			// Employer NI 15% above the secondary threshold £5,000; upper secondary
			// threshold for under-21s £50,270; Employment Allowance £10,500 for 2026-27
			// (gov.uk, "Rates and thresholds for employers 2026 to 2027", as tabled by
			// payroll publishers, e.g. paypacket.io "NI rates and thresholds 2026/27"
			// and delphiniaccounting.co.uk "Tax tables: National Insurance").
			EmployerNIPercent:   150000,
			NIThreshold:         500000,
			UpperSecondary:      5027000,
			EmploymentAllowance: 1050000,
			// Auto-enrolment 2026-27: trigger £10,000, qualifying earnings £6,240 to
			// £50,270, unchanged (DWP, "Review of the automatic enrolment earnings
			// trigger and qualifying earnings band for 2026/27", January 2026); the 3%
			// employer minimum is set in law (Occupational and Personal Pension Schemes
			// (Automatic Enrolment) Regulations 2010, as phased in by 2019).
			PensionPercent: 30000,
			PensionLower:   624000,
			PensionUpper:   5027000,
			PensionTrigger: 1000000,
			// National Living Wage £12.71 (21 and over), £10.85 (18 to 20), £8.00
			// (under 18) from 1 April 2026, the Low Pay Commission's recommendations
			// accepted at the November 2025 Budget (gov.uk, "National Minimum Wage and
			// National Living Wage rates"; PayFit, "Payroll rates and thresholds for the
			// 2026/2027 tax year").
			NationalLivingWage: 1271,
			MinimumWage18to20:  1085,
			MinimumWageUnder18: 800,
		},
	}
}

// rateTable returns the named table.
func rateTable(name string) (Rates, bool) {
	for _, r := range rateTables() {
		if r.Name == name {
			return r, true
		}
	}
	return Rates{}, false
}

// tableForYear returns the table of the tax year starting in calendar year y.
func tableForYear(y int) (Rates, bool) {
	for _, r := range rateTables() {
		if r.Year == y {
			return r, true
		}
	}
	return Rates{}, false
}

// RateTables lists the names of the tables this version knows.
func RateTables() []string {
	var out []string
	for _, r := range rateTables() {
		out = append(out, r.Name)
	}
	return out
}

// taxYearOf is the calendar year the tax year containing d starts in.
func taxYearOf(d time.Time) int {
	if d.Before(time.Date(d.Year(), time.April, 6, 0, 0, 0, 0, time.UTC)) {
		return d.Year() - 1
	}
	return d.Year()
}

// yearRates are the tables for years 1 to 3 of a plan.
type yearRates struct {
	rates [3]Rates
	// own says whether the year has a table of its own; a year without one uses the
	// year before's figures, and its costs follow the uplift.
	own   [3]bool
	notes []string // what a reader of the budget must know about the choice
}

// ratesFor selects a plan's tables for years 1 to 3 and applies its overrides. Year 1
// is the named table (budget.rates), else the tax year containing budget.starts, else
// plan.written; years 2 and 3 take the tables of the two tax years after it.
func ratesFor(p *plan.Plan) (yearRates, error) {
	var yr yearRates
	tables := rateTables()
	var first Rates
	switch {
	case p.Budget.Rates != "":
		r, ok := rateTable(p.Budget.Rates)
		if !ok {
			known := RateTables()
			sort.Strings(known)
			return yr, fmt.Errorf("unknown rates table %q; known tables: %s", p.Budget.Rates, strings.Join(known, ", "))
		}
		first = r
	default:
		start, from := p.Budget.Starts.Time, "budget.starts"
		if start.IsZero() {
			start, from = p.Plan.Written.Time, "plan.written"
		}
		if start.IsZero() {
			first, _ = rateTable(DefaultRates)
			yr.notes = append(yr.notes, fmt.Sprintf("The plan gives no date (budget.starts or plan.written), so year 1 uses the newest rates this version knows (%s).", first.TaxYear()))
			break
		}
		y := taxYearOf(start)
		r, ok := tableForYear(y)
		switch {
		case ok:
			first = r
		case y > tables[len(tables)-1].Year:
			first = tables[len(tables)-1]
			yr.notes = append(yr.notes, fmt.Sprintf("Year 1 starts in the tax year %s (%s %s), for which this version has no rates; the %s figures are used.",
				taxYear(y), from, start.Format(plan.DateLayout), first.TaxYear()))
		default:
			first = tables[0]
			yr.notes = append(yr.notes, fmt.Sprintf("Year 1 starts in the tax year %s (%s %s), before the oldest rates this version knows; the %s figures are used.",
				taxYear(y), from, start.Format(plan.DateLayout), first.TaxYear()))
		}
	}
	// The plan's own figures apply to every year with a table; a year without one
	// carries over the year before's, overrides included.
	yr.rates[0], yr.own[0] = override(first, p.Budget.RateOverrides), true
	for i := 1; i < 3; i++ {
		if r, ok := tableForYear(first.Year + i); ok {
			yr.rates[i], yr.own[i] = override(r, p.Budget.RateOverrides), true
			continue
		}
		yr.rates[i] = yr.rates[i-1]
		yr.notes = append(yr.notes, fmt.Sprintf("Year %d (tax year %s) has no rates table yet: its employer costs use year %d's rates, and rise by the uplift unless the line gives year%d.",
			i+1, taxYear(first.Year+i), i, i+1))
	}
	for i := range yr.rates {
		for _, c := range yr.rates[i].CarriedOver {
			if yr.own[i] {
				yr.notes = append(yr.notes, fmt.Sprintf("%s: %s is not confirmed for %s and is carried over from %s.",
					yr.rates[i].Name, c, yr.rates[i].TaxYear(), taxYear(yr.rates[i].Year-1)))
			}
		}
	}
	return yr, nil
}

// override applies a plan's own figures to a table. Only figures that differ from
// the table are named as the plan's own.
func override(r Rates, o plan.RateOverrides) Rates {
	var changed []string
	setD := func(dst *money.Decimal, v *money.Decimal, what string) {
		if v != nil && *v != *dst {
			*dst = *v
			changed = append(changed, what)
		}
	}
	setP := func(dst *money.Pence, v *money.Pence, what string) {
		if v != nil && *v != *dst {
			*dst = *v
			changed = append(changed, what)
		}
	}
	setD(&r.HolidayPercent, o.HolidayPercent, "holiday pay")
	setD(&r.EmployerNIPercent, o.EmployerNIPercent, "employer NI rate")
	setP(&r.NIThreshold, o.NIThreshold, "NI threshold")
	setP(&r.UpperSecondary, o.UpperSecondary, "NI upper secondary threshold")
	setP(&r.EmploymentAllowance, o.EmploymentAllowance, "Employment Allowance")
	setD(&r.PensionPercent, o.PensionPercent, "pension rate")
	setP(&r.PensionLower, o.PensionLower, "pension lower limit")
	setP(&r.PensionUpper, o.PensionUpper, "pension upper limit")
	setP(&r.PensionTrigger, o.PensionTrigger, "pension trigger")
	r.CarriedOver = append([]string(nil), r.CarriedOver...)
	if len(changed) > 0 {
		r.Title += ", with the plan's own " + strings.Join(changed, ", ")
	}
	return r
}
