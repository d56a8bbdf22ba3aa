package budget

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"lifeplan/generator/plan"
)

// WriteText prints the budget as a readable table for a terminal.
func (b *Budget) WriteText(w io.Writer, name string) error {
	fmt.Fprintf(w, "Budget for %s\n\n", name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "What\tPaid by\tYear 1\tYear 2\tYear 3\t")
	for _, l := range b.Lines {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.What, plan.Label(plan.Funders, l.Funder), l.Year1, l.Year2, l.Year3)
	}
	fmt.Fprintf(tw, "Spending\t\t%s\t%s\t%s\t\n", b.Spending[0], b.Spending[1], b.Spending[2])
	fmt.Fprintf(tw, "Contingency\t\t%s\t%s\t%s\t\n", b.Contingency[0], b.Contingency[1], b.Contingency[2])
	fmt.Fprintf(tw, "Total\t\t%s\t%s\t%s\t\n", b.Total[0], b.Total[1], b.Total[2])
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "By category\tYear 1\t")
	for _, c := range b.ByCategory {
		fmt.Fprintf(tw, "%s\t%s\t\n", c.Label, c.Year1)
	}
	fmt.Fprintln(tw, "\t\t")
	fmt.Fprintln(tw, "By funder\tYear 1\tAgreed\tHeadroom\t")
	for _, f := range b.ByFunder {
		if f.HasAllocation {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", f.Label, f.Year1, f.Allocation, f.Headroom)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\n", f.Label, f.Year1)
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
	_, err := fmt.Fprintf(w, "Rates: %s (%s); %s.\n", b.Rates.Title, b.Rates.Name, b.WeeksRule)
	return err
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

// csvColumns is for tests and documentation.
func csvColumns() string { return strings.Join(csvHeader, ",") }
