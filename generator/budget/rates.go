package budget

import (
	"fmt"
	"sort"
	"strings"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// Rates is one dated table of the figures an employer of personal assistants pays
// on top of wages. A plan names its table and may override figures one by one.
type Rates struct {
	Name                string
	Title               string
	HolidayPercent      money.Decimal // holiday pay as a percentage of pay for irregular hours
	EmployerNIPercent   money.Decimal // employer (secondary) Class 1 National Insurance
	NIThreshold         money.Pence   // secondary threshold, per employee per year
	EmploymentAllowance money.Pence   // the most an employer's NI bill is reduced by in a year
	PensionPercent      money.Decimal // employer's minimum auto-enrolment contribution
	PensionLower        money.Pence   // qualifying earnings band, yearly
	PensionUpper        money.Pence
}

// DefaultRates is the table used when a plan names none.
const DefaultRates = "uk-2025-26"

// rateTable returns the named table. Figures are for England, Scotland and Wales.
func rateTable(name string) (Rates, bool) {
	switch name {
	case "uk-2025-26":
		return Rates{
			Name:  "uk-2025-26",
			Title: "UK employer rates for the tax year 6 April 2025 to 5 April 2026",
			// 5.6 weeks' statutory leave / (52 − 5.6) working weeks = 12.07%
			// (gov.uk, "Holiday entitlement: irregular hours and part-year workers").
			HolidayPercent: 120700,
			// Employer NI 15% above the secondary threshold of £5,000 a year, from
			// 6 April 2025 (gov.uk, "Rates and thresholds for employers 2025 to 2026").
			EmployerNIPercent: 150000,
			NIThreshold:       500000,
			// Employment Allowance £10,500 from 6 April 2025 (same source). Care and
			// support employers (a person employing PAs) can claim it.
			EmploymentAllowance: 1050000,
			// Auto-enrolment: 3% employer minimum on qualifying earnings between
			// £6,240 and £50,270 a year (The Pensions Regulator, 2025-26 thresholds).
			PensionPercent: 30000,
			PensionLower:   624000,
			PensionUpper:   5027000,
		}, true
	}
	return Rates{}, false
}

// RateTables lists the names of the tables this version knows.
func RateTables() []string { return []string{"uk-2025-26"} }

// ratesFor selects a plan's table and applies its overrides.
func ratesFor(p *plan.Plan) (Rates, error) {
	name := p.Budget.Rates
	if name == "" {
		name = DefaultRates
	}
	r, ok := rateTable(name)
	if !ok {
		known := RateTables()
		sort.Strings(known)
		return Rates{}, fmt.Errorf("unknown rates table %q; known tables: %s", name, strings.Join(known, ", "))
	}
	o := p.Budget.RateOverrides
	var changed []string
	// Only figures that differ from the table are named as the plan's own.
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
	setP(&r.EmploymentAllowance, o.EmploymentAllowance, "Employment Allowance")
	setD(&r.PensionPercent, o.PensionPercent, "pension rate")
	setP(&r.PensionLower, o.PensionLower, "pension lower limit")
	setP(&r.PensionUpper, o.PensionUpper, "pension upper limit")
	if len(changed) > 0 {
		r.Title += ", with the plan's own " + strings.Join(changed, ", ")
	}
	return r, nil
}
