package budget

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// WriteText prints the budget as a readable table for a terminal.
func (b *Budget) WriteText(w io.Writer, name string) error {
	fmt.Fprintf(w, "Budget for %s\n\n", name)
	// Amounts are right-aligned by padding them to one width; tabwriter's own
	// AlignRight would right-align the descriptions too.
	const amount = "%13s"
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "What\tPaid by\t"+amount+"\t"+amount+"\t"+amount+"\n", "Year 1", "Year 2", "Year 3")
	row := func(what, funder string, y [3]money.Pence) {
		fmt.Fprintf(tw, "%s\t%s\t"+amount+"\t"+amount+"\t"+amount+"\n", what, funder, y[0], y[1], y[2])
	}
	for _, l := range b.Lines {
		row(shorten(l.What, 60), plan.Label(plan.Funders, l.Funder), [3]money.Pence{l.Year1, l.Year2, l.Year3})
	}
	row("Spending", "", b.Spending)
	row("Contingency", "", b.Contingency)
	row("Total", "", b.Total)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "By category\t"+amount+"\n", "Year 1")
	for _, c := range b.ByCategory {
		fmt.Fprintf(tw, "%s\t"+amount+"\n", c.Label, c.Year1)
	}
	fmt.Fprintln(tw, "\t")
	fmt.Fprintf(tw, "By funder\t"+amount+"\t"+amount+"\t"+amount+"\n", "Year 1", "Agreed", "Headroom")
	for _, f := range b.ByFunder {
		if f.HasAllocation {
			fmt.Fprintf(tw, "%s\t"+amount+"\t"+amount+"\t"+amount+"\n", f.Label, f.Year1, f.Allocation, f.Headroom)
		} else {
			fmt.Fprintf(tw, "%s\t"+amount+"\n", f.Label, f.Year1)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if b.HasAllocation {
		fmt.Fprintf(w, "Agreed allocation %s; year 1 total %s; ", b.Allocation, b.Total[0])
		if b.Headroom < 0 {
			fmt.Fprintf(w, "OVER BUDGET by %s.\n", -b.Headroom)
		} else {
			fmt.Fprintf(w, "headroom %s.\n", b.Headroom)
		}
	} else {
		fmt.Fprintln(w, "No allocation is given in [budget], so headroom cannot be worked out.")
	}
	for _, f := range b.ByFunder {
		if f.HasAllocation && f.Headroom < 0 {
			fmt.Fprintf(w, "OVER BUDGET: %s pays %s against %s agreed, %s too much.\n", f.Label, f.Year1, f.Allocation, -f.Headroom)
		}
	}
	if b.HasAllocation {
		fmt.Fprintf(w, "Years 2 and 3: %s.\n", b.AllocationRule())
		for y := 1; y < 3; y++ {
			fmt.Fprintf(w, "  Year %d total %s against %s: ", y+1, b.Total[y], b.YearAllocation[y])
			if b.YearHeadroom[y] < 0 {
				fmt.Fprintf(w, "OVER by %s.\n", -b.YearHeadroom[y])
			} else {
				fmt.Fprintf(w, "headroom %s.\n", b.YearHeadroom[y])
			}
		}
	}
	fmt.Fprintf(w, "Rates: %s (%s); %s.\n", b.Rates.Title, b.Rates.Name, b.WeeksRule)
	for _, n := range b.RatesNotes {
		fmt.Fprintf(w, "Rates: %s\n", n)
	}
	return nil
}

// AllocationRule says in words how the allocation is assumed to change in years 2
// and 3, for people (no keys or ids).
func (b *Budget) AllocationRule() string {
	if b.AllocationUplift == 0 {
		return "the allocation is assumed to stay the same each year"
	}
	return fmt.Sprintf("the allocation is assumed to rise by %s%% a year", b.AllocationUplift)
}

// RatesSentence says in words which employer rates each year uses, for documents:
// no table names, ids or keys.
func (b *Budget) RatesSentence() string {
	if !b.HasPAs {
		return ""
	}
	s := fmt.Sprintf("Employer costs for year 1 use the %s", lowerFirst(b.Rates.Title))
	if c := b.Rates.CarriedOver; len(c) > 0 {
		s += fmt.Sprintf(" (%s carried over from %s, not yet confirmed)", strings.Join(c, ", "), taxYear(b.Rates.Year-1))
	}
	for y := 1; y < 3; y++ {
		if b.OwnRates[y] {
			s += fmt.Sprintf("; year %d uses the rates for %s", y+1, b.YearRates[y].TaxYear())
			continue
		}
		s += fmt.Sprintf("; there are no published rates for year %d (tax year %s) yet, so from year %d the same rates are used, with the uplift",
			y+1, taxYear(b.Rates.Year+y), y+1)
		break
	}
	return s + "."
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "UK ") {
		return s
	}
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// shorten cuts a long description for a terminal table, at a word where it can.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// CSVHeader is the first row of the CSV output.
var csvHeader = []string{"kind", "id", "what", "category", "funder", "basis", "year1", "year2", "year3"}

// WriteCSV writes one row per line, then the contingency and total rows. Amounts are
// plain pounds with two decimals (13520.00) so spreadsheets read them as numbers.
func (b *Budget) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	rows := [][]string{csvHeader}
	for _, l := range b.Lines {
		rows = append(rows, []string{string(l.Kind), l.ID, l.What, l.Category, l.Funder, l.Basis,
			l.Year1.Plain(), l.Year2.Plain(), l.Year3.Plain()})
	}
	rows = append(rows,
		[]string{"spending", "", "Spending", "", "", "", b.Spending[0].Plain(), b.Spending[1].Plain(), b.Spending[2].Plain()},
		[]string{"contingency", "", "Contingency fund", "", "", b.ContingencyBasis, b.Contingency[0].Plain(), b.Contingency[1].Plain(), b.Contingency[2].Plain()},
		[]string{"total", "", "Total", "", "", "", b.Total[0].Plain(), b.Total[1].Plain(), b.Total[2].Plain()})
	if b.HasAllocation {
		rows = append(rows,
			[]string{"allocation", "", "Agreed allocation", "", "", "", b.Allocation.Plain(), "", ""},
			[]string{"headroom", "", "Headroom (negative: over budget)", "", "", "", b.Headroom.Plain(), "", ""})
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// JSON shapes, documented in the README. Amounts are strings of pounds with two
// decimals ("13520.00"), never floats, so no reader loses a penny.
type jsonBudget struct {
	Plan          string       `json:"plan"`
	Rates         string       `json:"rates"`
	WeeksRule     string       `json:"weeks_rule"`
	UpliftPercent string       `json:"uplift_percent"`
	Lines         []jsonLine   `json:"lines"`
	Spending      [3]string    `json:"spending"`
	Contingency   [3]string    `json:"contingency"`
	Total         [3]string    `json:"total"`
	Allocation    *string      `json:"allocation"`
	Headroom      *string      `json:"headroom"`
	Overspent     bool         `json:"overspent"`
	ByCategory    []jsonSub    `json:"by_category"`
	ByFunder      []jsonFunder `json:"by_funder"`
	// Years 2 and 3 against the allocation; null when there is no allocation.
	YearAllocation   *[3]string `json:"year_allocation"`
	YearHeadroom     *[3]string `json:"year_headroom"`
	AllocationUplift string     `json:"allocation_uplift_percent"`
	RatesByYear      [3]string  `json:"rates_by_year"` // table name, or "" where the uplift is used
	RatesNotes       []string   `json:"rates_notes"`
}

type jsonLine struct {
	Line
	Years [3]string `json:"years"`
}

type jsonSub struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Year1 string `json:"year1"`
}

type jsonFunder struct {
	jsonSub
	Allocation *string `json:"allocation"`
	Headroom   *string `json:"headroom"`
}

// WriteJSON writes the budget as JSON (see the README for the shape).
func (b *Budget) WriteJSON(w io.Writer, name string) error {
	out := jsonBudget{Plan: name, Rates: b.Rates.Name, WeeksRule: b.WeeksRule, UpliftPercent: b.Uplift.String(),
		Overspent: b.Overspent(), Lines: []jsonLine{}, ByCategory: []jsonSub{}, ByFunder: []jsonFunder{}}
	for _, l := range b.Lines {
		out.Lines = append(out.Lines, jsonLine{l, [3]string{l.Year1.Plain(), l.Year2.Plain(), l.Year3.Plain()}})
	}
	for y := range 3 {
		out.Spending[y], out.Contingency[y], out.Total[y] = b.Spending[y].Plain(), b.Contingency[y].Plain(), b.Total[y].Plain()
	}
	if b.HasAllocation {
		a, h := b.Allocation.Plain(), b.Headroom.Plain()
		out.Allocation, out.Headroom = &a, &h
		var ya, yh [3]string
		for y := range 3 {
			ya[y], yh[y] = b.YearAllocation[y].Plain(), b.YearHeadroom[y].Plain()
		}
		out.YearAllocation, out.YearHeadroom = &ya, &yh
	}
	out.AllocationUplift = b.AllocationUplift.String()
	out.RatesNotes = append([]string{}, b.RatesNotes...)
	for y := range 3 {
		if b.OwnRates[y] {
			out.RatesByYear[y] = b.YearRates[y].Name
		}
	}
	for _, c := range b.ByCategory {
		out.ByCategory = append(out.ByCategory, jsonSub{c.ID, c.Label, c.Year1.Plain()})
	}
	for _, f := range b.ByFunder {
		jf := jsonFunder{jsonSub: jsonSub{f.ID, f.Label, f.Year1.Plain()}}
		if f.HasAllocation {
			a, h := f.Allocation.Plain(), f.Headroom.Plain()
			jf.Allocation, jf.Headroom = &a, &h
		}
		out.ByFunder = append(out.ByFunder, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}
