// Package budget works out an individualised budget from a plan: every line costed
// for a year, employers' on-costs for personal assistants, years 2 and 3, the
// contingency fund, and headroom against the agreed allocation.
//
// Money is integer pence. Each line is rounded once, half up, to the penny, and every
// total is the sum of rounded lines, so every table adds up exactly.
package budget

import (
	"fmt"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// Kind tells the lines the plan wrote from those the engine adds.
type Kind string

const (
	KindPlan     Kind = "plan"     // a line written in the plan
	KindEmployer Kind = "employer" // an employer's cost of a PA line, or of employing at all
)

// Line is one costed line of the budget.
type Line struct {
	ID       string `json:"id,omitempty"`
	What     string `json:"what"`
	Kind     Kind   `json:"kind"`
	Parent   string `json:"parent,omitempty"` // for employer costs of a PA line, that line's id
	Category string `json:"category"`
	Funder   string `json:"funder"`
	// Basis says how the yearly cost was worked out, in words and figures.
	Basis        string        `json:"basis"`
	HoursPerWeek money.Decimal `json:"-"`
	Recurring    bool          `json:"recurring"`
	Year1        money.Pence   `json:"-"`
	Year2        money.Pence   `json:"-"`
	Year3        money.Pence   `json:"-"`
}

// Subtotal is the year-1 total of one category or funder.
type Subtotal struct {
	ID    string
	Label string
	Year1 money.Pence
}

// FunderTotal is one funder's share of year 1 against what that funder agreed.
type FunderTotal struct {
	Subtotal
	Allocation    money.Pence
	HasAllocation bool
	Headroom      money.Pence // negative when overspent
}

// Budget is the worked-out budget.
type Budget struct {
	Rates Rates // year 1's rates
	// YearRates are the rates of years 1 to 3; OwnRates says which years have a
	// table of their own (the others follow the uplift).
	YearRates [3]Rates
	OwnRates  [3]bool
	// RatesNotes are what a reader must know about the rates chosen: a year with no
	// table, figures carried over from the year before.
	RatesNotes   []string
	WeeksPerYear money.Decimal
	WeeksRule    string // e.g. "52 weeks a year"
	Uplift       money.Decimal
	Lines        []Line

	Spending    [3]money.Pence // lines only, years 1 to 3
	Contingency [3]money.Pence
	Total       [3]money.Pence // spending plus contingency
	// ContingencyBasis says how the contingency was set.
	ContingencyBasis string

	Allocation    money.Pence
	HasAllocation bool
	Headroom      money.Pence // allocation less year-1 total; negative when overspent
	// The allocation for each year (years 2 and 3 raised by AllocationUplift) and
	// what is left of it; only meaningful when HasAllocation.
	AllocationUplift money.Decimal
	YearAllocation   [3]money.Pence
	YearHeadroom     [3]money.Pence

	ByCategory []Subtotal
	ByFunder   []FunderTotal

	HasPAs bool
}

// Overspent reports whether year 1 (with contingency) costs more than the allocation,
// overall or for any funder.
func (b *Budget) Overspent() bool {
	if b.HasAllocation && b.Headroom < 0 {
		return true
	}
	for _, f := range b.ByFunder {
		if f.HasAllocation && f.Headroom < 0 {
			return true
		}
	}
	return false
}

// Empty reports whether the plan costs nothing itself (employer costs alone, with
// nobody employed, do not make a budget).
func (b *Budget) Empty() bool {
	for _, l := range b.Lines {
		if l.Kind == KindPlan {
			return false
		}
	}
	return true
}

// Error is a problem with the budget at a place in the plan.
type Error struct {
	Key string
	Msg string
}

func (e *Error) Error() string { return e.Key + ": " + e.Msg }

// Compute works out the budget of a loaded plan.
func Compute(p *plan.Plan) (*Budget, error) {
	yr, err := ratesFor(p)
	if err != nil {
		return nil, &Error{Key: "budget.rates", Msg: err.Error()}
	}
	pb := p.Budget
	b := &Budget{Rates: yr.rates[0], YearRates: yr.rates, OwnRates: yr.own, RatesNotes: yr.notes,
		WeeksPerYear: pb.WeeksPerYear, Uplift: pb.UpliftPercent}
	if b.WeeksPerYear == 0 {
		b.WeeksPerYear = 52 * money.DecimalScale
	}
	b.WeeksRule = weeksRule(b.WeeksPerYear)

	c := costing{weeks: int64(b.WeeksPerYear), pension: true}
	if e := pb.Employer.PensionEligible; e != nil {
		c.pension = *e
	}
	var niLines []int // indexes of employer NI lines, for the Employment Allowance
	for _, pl := range pb.Lines {
		line := c.planLine(pl)
		yearsOf(&line, b.Uplift, pl)
		b.Lines = append(b.Lines, line)
		if pl.PA {
			b.HasPAs = true
			for _, on := range c.paOnCosts(pl, line, yr, b.Uplift) {
				if on.ID == pl.ID+"-ni" {
					niLines = append(niLines, len(b.Lines))
				}
				b.Lines = append(b.Lines, on)
			}
		}
	}
	if pb.Employer.ClaimsEmploymentAllowance {
		for y := range 3 {
			applyAllowance(b.Lines, niLines, y, yr.rates[y].EmploymentAllowance)
		}
	}
	for _, l := range employerLines(pb.Employer, defaultFunder(pb)) {
		yearsOf(&l, b.Uplift, plan.BudgetLine{})
		b.Lines = append(b.Lines, l)
	}
	for _, l := range b.Lines {
		b.Spending[0] += l.Year1
		b.Spending[1] += l.Year2
		b.Spending[2] += l.Year3
	}
	b.contingency(pb.Contingency)
	for y := range 3 {
		b.Total[y] = b.Spending[y] + b.Contingency[y]
	}
	b.subtotals(pb)
	b.yearAllocations(pb)
	return b, nil
}

func weeksRule(w money.Decimal) string {
	if w == 521430 {
		return "weekly costs are multiplied by 52.143 weeks a year (365 ÷ 7)"
	}
	return fmt.Sprintf("weekly costs are multiplied by %s weeks a year", w)
}

func defaultFunder(pb plan.Budget) string {
	if pb.Employer.Funder != "" {
		return pb.Employer.Funder
	}
	for _, l := range pb.Lines {
		if l.PA && l.Funder != "" {
			return l.Funder
		}
	}
	return ""
}

// applyAllowance takes one year's Employment Allowance off employer NI lines in
// order, as HMRC does against the employer's bill, until it is used up. The allowance
// is claimed afresh each tax year.
func applyAllowance(lines []Line, ni []int, year int, allowance money.Pence) {
	left := allowance
	for _, i := range ni {
		l := &lines[i]
		v := [3]*money.Pence{&l.Year1, &l.Year2, &l.Year3}[year]
		off := min(*v, left)
		left -= off
		*v -= off
		if off > 0 && year == 0 {
			l.Basis += fmt.Sprintf(", less Employment Allowance %s", off)
		}
	}
}

// employerLines are the yearly costs of being an employer, whoever is employed.
func employerLines(e plan.EmployerCosts, funder string) []Line {
	var out []Line
	add := func(id, what string, v money.Pence) {
		if v > 0 {
			out = append(out, Line{ID: id, What: what, Kind: KindEmployer, Category: "management",
				Funder: funder, Basis: "yearly amount", Recurring: true, Year1: v})
		}
	}
	add("employer-liability-insurance", "Employer's liability insurance", e.LiabilityInsurance)
	add("employer-payroll", "Payroll service", e.Payroll)
	add("employer-dbs", "DBS checks", e.DBSChecks)
	add("employer-training", "Training for personal assistants", e.Training)
	return out
}

// yearsOf fills years 2 and 3 of a line: the year-1 cost of a recurring line raised
// by the uplift each year (one-off lines stop), with the plan line's own year2 and
// year3 in their place (a year after an explicit one is raised from it).
func yearsOf(l *Line, pct money.Decimal, pl plan.BudgetLine) {
	if l.Recurring {
		l.Year2 = raise(l.Year1, pct)
	}
	if pl.Year2 != nil {
		l.Year2 = *pl.Year2
	}
	if l.Recurring {
		l.Year3 = raise(l.Year2, pct)
	}
	if pl.Year3 != nil {
		l.Year3 = *pl.Year3
	}
}

// yearAllocations sets each year's allocation and headroom: years 2 and 3 assume the
// allocation rises by budget.allocation_uplift_percent, else by the plan's uplift.
func (b *Budget) yearAllocations(pb plan.Budget) {
	b.AllocationUplift = pb.UpliftPercent
	if pb.AllocationUplift != nil {
		b.AllocationUplift = *pb.AllocationUplift
	}
	if !b.HasAllocation {
		return
	}
	b.YearAllocation[0] = b.Allocation
	for y := 1; y < 3; y++ {
		b.YearAllocation[y] = raise(b.YearAllocation[y-1], b.AllocationUplift)
	}
	for y := range 3 {
		b.YearHeadroom[y] = b.YearAllocation[y] - b.Total[y]
	}
}

func (b *Budget) contingency(c plan.Contingency) {
	switch {
	case c.Amount > 0:
		b.ContingencyBasis = fmt.Sprintf("a fixed sum of %s a year", c.Amount)
		b.Contingency = [3]money.Pence{c.Amount, c.Amount, c.Amount}
	case c.Percent > 0:
		b.ContingencyBasis = fmt.Sprintf("%s%% of each year's spending", c.Percent)
		for y := range 3 {
			b.Contingency[y] = percentOf(b.Spending[y], c.Percent)
		}
	}
}

func percentOf(v money.Pence, pct money.Decimal) money.Pence {
	return money.Pence(money.MulDiv(int64(v), int64(pct), 100*money.DecimalScale))
}

func (b *Budget) subtotals(pb plan.Budget) {
	cat := map[string]money.Pence{}
	fund := map[string]money.Pence{}
	for _, l := range b.Lines {
		cat[l.Category] += l.Year1
		fund[l.Funder] += l.Year1
	}
	contFunder := pb.Contingency.Funder
	if contFunder == "" {
		contFunder = largestAllocation(pb)
	}
	if b.Contingency[0] > 0 {
		fund[contFunder] += b.Contingency[0]
	}
	for _, c := range append(plan.Categories, plan.Choice{ID: "", Label: "Not stated"}) {
		if v, ok := cat[c.ID]; ok {
			b.ByCategory = append(b.ByCategory, Subtotal{c.ID, c.Label, v})
		}
	}
	alloc := map[string]money.Pence{}
	for _, a := range pb.Allocations {
		alloc[a.Funder] += a.Amount
	}
	for _, f := range append(plan.Funders, plan.Choice{ID: "", Label: "Not stated"}) {
		v, spent := fund[f.ID]
		a, has := alloc[f.ID]
		if !spent && !has {
			continue
		}
		ft := FunderTotal{Subtotal: Subtotal{f.ID, f.Label, v}, Allocation: a, HasAllocation: has}
		if has {
			ft.Headroom = a - v
		}
		b.ByFunder = append(b.ByFunder, ft)
	}
	b.Allocation = pb.Allocation
	b.HasAllocation = pb.Allocation > 0
	if !b.HasAllocation && len(pb.Allocations) > 0 {
		for _, a := range pb.Allocations {
			b.Allocation += a.Amount
		}
		b.HasAllocation = true
	}
	b.Headroom = b.Allocation - b.Total[0]
}

func largestAllocation(pb plan.Budget) string {
	best, bestV := "", money.Pence(-1)
	for _, a := range pb.Allocations {
		if a.Amount > bestV {
			best, bestV = a.Funder, a.Amount
		}
	}
	return best
}
