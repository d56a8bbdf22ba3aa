package budget

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// The rates table is chosen by the tax year (6 April to 5 April) that contains
// budget.starts, else plan.written; years 2 and 3 take the next tax years' tables
// where this version has them.
func TestRatesByDate(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      [3]string // table per year; "" where the year follows the uplift
		note      string    // a note that must be printed
	}{
		{"written 14 September 2026", "[plan]\nwritten = 2026-09-14\n", [3]string{"uk-2026-27", "", ""}, "Year 2 (tax year 2027-28) has no rates table yet"},
		{"starts before 6 April picks the year before", "[plan]\nwritten = 2026-09-14\n[budget]\nstarts = 2026-04-05\n", [3]string{"uk-2025-26", "uk-2026-27", ""}, "Year 3 (tax year 2027-28)"},
		{"starts on 6 April", "[budget]\nstarts = 2026-04-06\n", [3]string{"uk-2026-27", "", ""}, ""},
		{"starts wins over written", "[plan]\nwritten = 2025-05-01\n[budget]\nstarts = 2026-09-01\n", [3]string{"uk-2026-27", "", ""}, ""},
		{"named table", "[plan]\nwritten = 2026-09-14\n[budget]\nrates = \"uk-2025-26\"\n", [3]string{"uk-2025-26", "uk-2026-27", ""}, ""},
		{"after the newest table", "[plan]\nwritten = 2030-01-01\n", [3]string{"uk-2026-27", "", ""}, "tax year 2029-30 (plan.written 2030-01-01), for which this version has no rates; the 2026-27 figures are used"},
		{"before the oldest table", "[budget]\nstarts = 2020-06-01\n", [3]string{"uk-2025-26", "uk-2026-27", ""}, "before the oldest rates"},
		{"no date", "", [3]string{"uk-2026-27", "", ""}, "The plan gives no date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var got [3]string
			for y := range 3 {
				if b.OwnRates[y] {
					got[y] = b.YearRates[y].Name
				}
			}
			if got != tc.want || b.Rates.Name != tc.want[0] {
				t.Errorf("tables %v (year 1 %s), want %v", got, b.Rates.Name, tc.want)
			}
			var out bytes.Buffer
			if err := b.WriteText(&out, "Test"); err != nil {
				t.Fatal(err)
			}
			if tc.note != "" && !strings.Contains(out.String(), tc.note) {
				t.Errorf("budget text lacks %q:\n%s", tc.note, out.String())
			}
		})
	}
}

func TestRateFigures2026(t *testing.T) {
	r, ok := rateTable("uk-2026-27")
	if !ok {
		t.Fatal("no uk-2026-27 table")
	}
	for _, f := range []struct {
		name string
		got  money.Pence
		want money.Pence
	}{
		{"National Living Wage", r.NationalLivingWage, 1271},
		{"18-20 rate", r.MinimumWage18to20, 1085},
		{"under-18 rate", r.MinimumWageUnder18, 800},
		{"secondary threshold", r.NIThreshold, 500000},
		{"upper secondary threshold", r.UpperSecondary, 5027000},
		{"Employment Allowance", r.EmploymentAllowance, 1050000},
		{"pension trigger", r.PensionTrigger, 1000000},
	} {
		if f.got != f.want {
			t.Errorf("%s = %s, want %s", f.name, f.got, f.want)
		}
	}
	if r.EmployerNIPercent != 150000 || r.Starts().Format("2006-01-02") != "2026-04-06" {
		t.Errorf("NI %s, starts %s", r.EmployerNIPercent, r.Starts())
	}
	if old, _ := rateTable("uk-2025-26"); old.NationalLivingWage != 1221 {
		t.Errorf("2025-26 National Living Wage %s, want £12.21", old.NationalLivingWage)
	}
}

// A table's figures that could not be confirmed are named in every budget that
// uses the table.
func TestCarriedOverIsPrinted(t *testing.T) {
	p := load(t, "[budget]\nstarts = 2026-09-01\n")
	yr, err := ratesFor(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range yr.notes {
		if strings.Contains(n, "carried over") {
			t.Errorf("uk-2026-27 carries nothing over, yet: %s", n)
		}
	}
	r, _ := rateTable("uk-2026-27")
	r.CarriedOver = []string{"the auto-enrolment thresholds"}
	b := &Budget{Rates: r, RatesNotes: []string{"uk-2026-27: the auto-enrolment thresholds is not confirmed for 2026-27 and is carried over from 2025-26."}}
	var out bytes.Buffer
	if err := b.WriteText(&out, "Test"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Rates: uk-2026-27: the auto-enrolment thresholds is not confirmed for 2026-27 and is carried over from 2025-26.") {
		t.Errorf("carried-over line missing:\n%s", out.String())
	}
}

// paLine is a PA line for the employer-rule tests; holiday pay is switched off
// (holiday_percent = 0) so the yearly pay is exactly hours × rate × 52.
func paLine(extra string) string {
	return "[plan]\nwritten = 2026-09-14\n[budget.rate_overrides]\nholiday_percent = 0\n" +
		"[[budget.lines]]\nid = \"pa\"\nwhat = \"PA\"\npa = true\n" + extra + "\n"
}

func TestEmployerNI(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       money.Pence
	}{
		// 40 h × £25.00 × 52 = £52,000; aged 20: 15% × (52,000 − 50,270) = £259.50.
		{"PA aged 20 earning £52,000: NI only above £50,270", "hourly_rate = \"25.00\"\nhours_per_week = 40\nage_band = \"18-20\"", 25950},
		// 20 h × £13.00 × 52 = £13,520, under 21: below the upper secondary threshold.
		{"PA aged 19 earning £13,520: none", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"18-20\"", 0},
		// Aged 17: the same rule.
		{"PA aged 17 earning £52,000", "hourly_rate = \"25.00\"\nhours_per_week = 40\nage_band = \"under-18\"", 25950},
		// Aged 21: the standard rule, 15% × (52,000 − 5,000) = £7,050.00.
		{"PA aged 21 earning £52,000", "hourly_rate = \"25.00\"\nhours_per_week = 40\nage_band = \"21\"", 705000},
		// 22 and over, the same: £7,050.00.
		{"PA aged 30 earning £52,000", "hourly_rate = \"25.00\"\nhours_per_week = 40\nage_band = \"22+\"", 705000},
		// Below the secondary threshold: 5 h × £13.00 × 52 = £3,380: none.
		{"PA earning £3,380", "hourly_rate = \"13.00\"\nhours_per_week = 5", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, paLine(tc.line)))
			if err != nil {
				t.Fatal(err)
			}
			if got := lineByID(t, b, "pa-ni"); got.Year1 != tc.want {
				t.Errorf("NI %s, want %s (%s)", got.Year1, tc.want, got.Basis)
			}
		})
	}
}

func TestAutoEnrolment(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       money.Pence
		line2      bool // whether a pension line is expected
	}{
		// 20 h × £13.00 × 52 = £13,520 > £10,000 trigger, aged 22+:
		// 3% × (13,520 − 6,240) = £218.40.
		{"aged 22+, above the trigger", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"22+\"", 21840, true},
		{"no age band counts as 22+", "hourly_rate = \"13.00\"\nhours_per_week = 20", 21840, true},
		{"21+ counts as 22+", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"21+\"", 21840, true},
		// 10 h × £13.00 × 52 = £6,760, below the trigger: not enrolled ...
		{"aged 22+, below the trigger", "hourly_rate = \"13.00\"\nhours_per_week = 10", 0, false},
		// ... unless she opts in: 3% × (6,760 − 6,240) = £15.60.
		{"aged 22+, below the trigger, opted in", "hourly_rate = \"13.00\"\nhours_per_week = 10\npension_opt_in = true", 1560, true},
		// Aged 16 to 21 is never auto-enrolled, whatever the pay ...
		{"aged 21, above the trigger", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"21\"", 0, false},
		{"aged 18-20, above the trigger", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"18-20\"", 0, false},
		// ... but may opt in: £218.40 as above.
		{"aged 18-20, opted in", "hourly_rate = \"13.00\"\nhours_per_week = 20\nage_band = \"18-20\"\npension_opt_in = true", 21840, true},
		// Earning no more than the £6,240 lower limit: opting in gives no employer
		// contribution (3 h × £13.00 × 52 = £2,028).
		{"opted in below the lower limit", "hourly_rate = \"13.00\"\nhours_per_week = 3\npension_opt_in = true", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, paLine(tc.line)))
			if err != nil {
				t.Fatal(err)
			}
			var found *Line
			for i := range b.Lines {
				if b.Lines[i].ID == "pa-pension" {
					found = &b.Lines[i]
				}
			}
			if (found != nil) != tc.line2 {
				t.Fatalf("pension line %+v, want one: %v", found, tc.line2)
			}
			if found != nil && found.Year1 != tc.want {
				t.Errorf("pension %s, want %s (%s)", found.Year1, tc.want, found.Basis)
			}
		})
	}
}

// The Employment Allowance is claimed every tax year, against that year's NI.
func TestEmploymentAllowanceEveryYear(t *testing.T) {
	// 4 PAs, 160 h a week between them × £25.00 × 52 = £208,000; each earns
	// £52,000: NI 15% × (52,000 − 5,000) = £7,050 × 4 = £28,200 a year.
	// Year 1: 28,200 − 10,500 = £17,700.
	// Year 2 (no table of its own, uplift 10%): 28,200 × 1.1 = 31,020 − 10,500 = £20,520.
	// Year 3: 31,020 × 1.1 = 34,122 − 10,500 = £23,622.
	src := paLine("hourly_rate = \"25.00\"\nhours_per_week = 160\npeople = 4") +
		"[budget]\nuplift_percent = 10\n[budget.employer]\nclaims_employment_allowance = true\n"
	src = strings.Replace(src, "[budget.rate_overrides]", "[budget.rate_overrides]", 1)
	b, err := Compute(load(t, reorder(src)))
	if err != nil {
		t.Fatal(err)
	}
	ni := lineByID(t, b, "pa-ni")
	if ni.Year1 != 1770000 || ni.Year2 != 2052000 || ni.Year3 != 2362200 {
		t.Errorf("NI by year %s %s %s, want £17,700.00 £20,520.00 £23,622.00", ni.Year1, ni.Year2, ni.Year3)
	}
	// A small NI bill is wiped out in every year, not only year 1.
	small := paLine("hourly_rate = \"13.00\"\nhours_per_week = 20") + "[budget.employer]\nclaims_employment_allowance = true\n"
	b, err = Compute(load(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if ni := lineByID(t, b, "pa-ni"); ni.Year1 != 0 || ni.Year2 != 0 || ni.Year3 != 0 {
		t.Errorf("NI by year %s %s %s, want none", ni.Year1, ni.Year2, ni.Year3)
	}
}

// reorder moves a [budget] table written after [[budget.lines]] to before it, so
// test sources can be built by appending.
func reorder(src string) string {
	i := strings.Index(src, "[budget]\n")
	if i < 0 {
		return src
	}
	rest := src[i+len("[budget]\n"):]
	j := strings.Index(rest, "[")
	body := rest
	if j >= 0 {
		body = rest[:j]
	}
	return "[budget]\n" + body + src[:i] + rest[len(body):]
}

// On-costs follow a wage line's explicit year2 and year3.
func TestOnCostsFollowExplicitYears(t *testing.T) {
	// Year 1: 20 h × £13.00 × 52 = £13,520; holiday 12.07% = £1,631.86.
	// Year 2 is written as £6,760.00: holiday 12.07% = £815.9320 → £815.93;
	// NI 15% × (6,760 + 815.93 − 5,000) = £386.3895 → £386.39; the PA's
	// £7,575.93 is below the £10,000 trigger, so no pension in year 2.
	// Year 3 (none written) raises year 2 by the 2% uplift: holiday £832.25.
	b, err := Compute(load(t, `[plan]
written = 2026-09-14
[budget]
uplift_percent = 2
[[budget.lines]]
id = "pa"
what = "PA"
pa = true
hourly_rate = "13.00"
hours_per_week = 20
year2 = "6760.00"
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		id string
		y  [3]money.Pence
	}{
		{"pa", [3]money.Pence{1352000, 676000, 689520}},
		{"pa-holiday", [3]money.Pence{163186, 81593, 83225}},
		{"pa-ni", [3]money.Pence{152278, 38639, 39412}},
		{"pa-pension", [3]money.Pence{26736, 0, 0}},
	} {
		l := lineByID(t, b, want.id)
		if got := [3]money.Pence{l.Year1, l.Year2, l.Year3}; got != want.y {
			t.Errorf("%s by year %v, want %v", want.id, got, want.y)
		}
	}
}

// A year with its own table is worked out from that year's pay, not raised.
func TestYearWithOwnTable(t *testing.T) {
	// Starts 1 September 2025: year 1 uses 2025-26, year 2 2026-27.
	// Year 1 pay 20 h × £13.00 × 52 = £13,520 (holiday off): NI 15% × 8,520 = £1,278.00.
	// Year 2 pay raised 10% = £14,872: NI worked out again, 15% × 9,872 = £1,480.80
	// (raising year 1's NI by 10% would give £1,405.80).
	// Year 3 has no table: 1,480.80 × 1.1 = £1,628.88.
	b, err := Compute(load(t, reorder(paLine("hourly_rate = \"13.00\"\nhours_per_week = 20")+"[budget]\nstarts = 2025-09-01\nuplift_percent = 10\n")))
	if err != nil {
		t.Fatal(err)
	}
	ni := lineByID(t, b, "pa-ni")
	if ni.Year1 != 127800 || ni.Year2 != 148080 || ni.Year3 != 162888 {
		t.Errorf("NI by year %s %s %s, want £1,278.00 £1,480.80 £1,628.88", ni.Year1, ni.Year2, ni.Year3)
	}
}

func TestYearsAgainstAllocation(t *testing.T) {
	// 20 h × £13.50 × 52 = £14,040 a year; uplift 5%: year 2 £14,742.00, year 3
	// £15,479.10. Allocation £15,000.
	base := "[budget]\nallocation = \"15000.00\"\nuplift_percent = 5\n%s[[budget.lines]]\nid = \"a\"\nwhat = \"Agency\"\nhourly_rate = \"13.50\"\nhours_per_week = 20\n"
	for _, tc := range []struct {
		name, extra string
		alloc       [3]money.Pence
		head        [3]money.Pence
	}{
		// The allocation rises with the plan's uplift: 15,750.00 and 16,537.50.
		{"allocation rises with the uplift", "", [3]money.Pence{1500000, 1575000, 1653750}, [3]money.Pence{96000, 100800, 105840}},
		// The funders promise no rise: year 2 is within it by 258.00, year 3 over by 479.10.
		{"allocation stays the same", "allocation_uplift_percent = 0\n", [3]money.Pence{1500000, 1500000, 1500000}, [3]money.Pence{96000, 25800, -47910}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, strings.Replace(base, "%s", tc.extra, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if b.YearAllocation != tc.alloc || b.YearHeadroom != tc.head {
				t.Errorf("allocation %v headroom %v, want %v %v", b.YearAllocation, b.YearHeadroom, tc.alloc, tc.head)
			}
			var out bytes.Buffer
			if err := b.WriteText(&out, "Test"); err != nil {
				t.Fatal(err)
			}
			if tc.head[2] < 0 && !strings.Contains(out.String(), "Year 3 total £15,479.10 against £15,000.00: OVER by £479.10.") {
				t.Errorf("text lacks the year 2 overspend:\n%s", out.String())
			}
		})
	}
}

func TestYearWithoutIDIsLoadError(t *testing.T) {
	src := "[person]\nname = \"T\"\n[[budget.lines]]\nwhat = \"Swimming\"\none_off = 100\nyear2 = 100\n"
	_, err := plan.Parse("test.toml", []byte(src), fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "test.toml:6:1: budget.lines[0].year2: year2 needs the line to have an id") {
		t.Fatalf("want a load error at test.toml:6, got %v", err)
	}
}

// Money shown to people names no table, key or id.
func TestRatesSentence(t *testing.T) {
	b, err := Compute(load(t, paLine("hourly_rate = \"13.00\"\nhours_per_week = 20")))
	if err != nil {
		t.Fatal(err)
	}
	s := b.RatesSentence()
	if s != "Employer costs for year 1 use the UK employer rates for the tax year 6 April 2026 to 5 April 2027, with the plan's own holiday pay; there are no published rates for year 2 (tax year 2027-28) yet, so from year 2 the same rates are used, with the uplift." {
		t.Errorf("sentence %q", s)
	}
	if strings.Contains(s, "uk-") || strings.Contains(s, "_") || strings.Contains(s, "budget.") {
		t.Errorf("sentence shows a key or id: %q", s)
	}
}

// BenchmarkComputeSample works out the complete sample's budget.
func BenchmarkComputeSample(b *testing.B) {
	p, err := plan.Load("../../samples/amira.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Compute(p); err != nil {
			b.Fatal(err)
		}
	}
}

// A PA below the trigger in year 1 whose explicit year 2 pay is above it is
// enrolled from year 2.
func TestPensionFromYear2(t *testing.T) {
	// Year 1: 10 h × £13.00 × 52 = £6,760 (holiday off): below the £10,000 trigger.
	// Year 2 written as £13,520: 3% × (13,520 − 6,240) = £218.40.
	b, err := Compute(load(t, paLine("hourly_rate = \"13.00\"\nhours_per_week = 10\nyear2 = \"13520.00\"")))
	if err != nil {
		t.Fatal(err)
	}
	l := lineByID(t, b, "pa-pension")
	if l.Year1 != 0 || l.Year2 != 21840 || !strings.Contains(l.Basis, "from year 2") {
		t.Errorf("pension %s %s (%s), want £0.00 then £218.40 from year 2", l.Year1, l.Year2, l.Basis)
	}
}
