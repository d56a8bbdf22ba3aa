package budget

import (
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"testing/quick"

	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

func load(t *testing.T, src string) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("test.toml", []byte("[person]\nname = \"Test\"\n"+src), fstest.MapFS{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

func lineByID(t *testing.T, b *Budget, id string) Line {
	t.Helper()
	for _, l := range b.Lines {
		if l.ID == id {
			return l
		}
	}
	t.Fatalf("no line %q in %+v", id, b.Lines)
	return Line{}
}

// The worked examples of the issue, computed by hand:
// 20 h × £13.00 × 52 = £13,520.00; holiday 12.07% = £1,631.864 → £1,631.86;
// yearly pay £15,151.86; NI 15% × (15,151.86 − 5,000) = £1,522.779 → £1,522.78;
// pension 3% × (15,151.86 − 6,240) = £267.3558 → £267.36.
func TestWorkedExamplePA(t *testing.T) {
	for _, tc := range []struct {
		name      string
		allowance bool
		wantNI    money.Pence
	}{
		{"without Employment Allowance", false, 152278},
		{"Employment Allowance covers NI", true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `[budget]
[[budget.lines]]
id = "pa"
what = "Personal assistant"
pa = true
hourly_rate = "13.00"
hours_per_week = 20
people = 1
`
			if tc.allowance {
				src += "[budget.employer]\nclaims_employment_allowance = true\n"
			}
			b, err := Compute(load(t, src))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []struct {
				id string
				v  money.Pence
			}{
				{"pa", 1352000}, {"pa-holiday", 163186}, {"pa-ni", tc.wantNI}, {"pa-pension", 26736},
			} {
				if got := lineByID(t, b, want.id).Year1; got != want.v {
					t.Errorf("%s = %s, want %s", want.id, got, want.v)
				}
			}
		})
	}
}

func TestUnder21NoNIOrPension(t *testing.T) {
	b, err := Compute(load(t, `[[budget.lines]]
id = "pa"
what = "PA"
pa = true
hourly_rate = "13.00"
hours_per_week = 20
age_band = "18-20"
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := lineByID(t, b, "pa-ni").Year1; got != 0 {
		t.Errorf("NI for under-21 = %s, want £0.00", got)
	}
	for _, l := range b.Lines {
		if l.ID == "pa-pension" {
			t.Errorf("pension line for an 18-20 PA: %+v", l)
		}
	}
}

func TestCostingKinds(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		weeks      string
		want       money.Pence
		year2      money.Pence
	}{
		{"weekly unit cost", `unit_cost = "4.50"` + "\nquantity = 2\nper = \"week\"", "", 46800, 47970},
		{"monthly", `unit_cost = "30.00"` + "\nquantity = 1\nper = \"month\"", "", 36000, 36900},
		{"yearly", `unit_cost = "1200.00"` + "\nquantity = 1\nper = \"year\"", "", 120000, 123000},
		{"one-off", `one_off = "250.00"`, "", 25000, 0},
		{"hourly", `hourly_rate = "21.50"` + "\nhours_per_week = 7.5", "", 838500, 859463},
		{"sleep-in nights", `per_night = "95.00"` + "\nnights_per_week = 2\nnight_kind = \"sleep_in\"", "", 988000, 1012700},
		// 52.143 weeks: 10 h × £10.00 × 52.143 = £5,214.30
		{"365/7 weeks", `hourly_rate = "10.00"` + "\nhours_per_week = 10", "weeks_per_year = 52.143\n", 521430, 534466},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, "[budget]\nuplift_percent = 2.5\n"+tc.weeks+"[[budget.lines]]\nid = \"x\"\nwhat = \"x\"\n"+tc.line+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			l := lineByID(t, b, "x")
			if l.Year1 != tc.want || l.Year2 != tc.year2 {
				t.Errorf("year1 %s year2 %s, want %s and %s (basis %q)", l.Year1, l.Year2, tc.want, tc.year2, l.Basis)
			}
		})
	}
}

func TestContingencyAndHeadroom(t *testing.T) {
	b, err := Compute(load(t, `[budget]
allocation = "10000.00"
[[budget.allocations]]
funder = "local_authority"
amount = "6000.00"
[[budget.allocations]]
funder = "education"
amount = "4000.00"
[budget.contingency]
percent = 5
[[budget.lines]]
id = "a"
what = "Agency"
funder = "local_authority"
unit_cost = "6000.00"
quantity = 1
per = "year"
[[budget.lines]]
id = "c"
what = "College"
funder = "education"
one_off = "4000.00"
`))
	if err != nil {
		t.Fatal(err)
	}
	if b.Contingency[0] != 50000 || b.Total[0] != 1050000 || b.Headroom != -50000 || !b.Overspent() {
		t.Errorf("contingency %s total %s headroom %s overspent %v", b.Contingency[0], b.Total[0], b.Headroom, b.Overspent())
	}
	// The contingency is the largest funder's (local authority: 6000 + 500 > 6000).
	if f := b.ByFunder[0]; f.ID != "local_authority" || f.Headroom != -50000 {
		t.Errorf("local authority subtotal %+v", f)
	}
}

func TestUnknownRates(t *testing.T) {
	_, err := Compute(load(t, "[budget]\nrates = \"uk-1999\"\n"))
	if err == nil || !strings.Contains(err.Error(), "uk-2025-26") {
		t.Fatalf("want an error naming the known tables, got %v", err)
	}
}

// Totals always equal the sum of the lines, for any budget.
func TestTotalsAddUp(t *testing.T) {
	f := func(seed uint64) bool {
		r := rand.New(rand.NewPCG(seed, 1))
		var sb strings.Builder
		sb.WriteString("[budget]\nuplift_percent = 3\n[budget.contingency]\npercent = 4.5\n")
		for range 1 + r.IntN(12) {
			sb.WriteString("[[budget.lines]]\nwhat = \"x\"\n")
			switch r.IntN(4) {
			case 0:
				sb.WriteString("one_off = \"" + money.Pence(r.Int64N(5_000_000)+1).Plain() + "\"\n")
			case 1:
				sb.WriteString("hourly_rate = \"" + money.Pence(r.Int64N(5000)+1).Plain() + "\"\nhours_per_week = " + money.Decimal(r.Int64N(600000)+1).String() + "\n")
			case 2:
				sb.WriteString("pa = true\npeople = " + string(rune('1'+r.IntN(4))) + "\nhourly_rate = \"" + money.Pence(r.Int64N(5000)+1).Plain() + "\"\nhours_per_week = " + money.Decimal(r.Int64N(600000)+1).String() + "\n")
			default:
				sb.WriteString("unit_cost = \"" + money.Pence(r.Int64N(100000)+1).Plain() + "\"\nquantity = 3\nper = \"month\"\n")
			}
		}
		p, err := plan.Parse("q.toml", []byte("[person]\nname = \"Q\"\n"+sb.String()), fstest.MapFS{})
		if err != nil {
			t.Log(err)
			return false
		}
		b, err := Compute(p)
		if err != nil {
			return false
		}
		var sum [3]money.Pence
		for _, l := range b.Lines {
			sum[0] += l.Year1
			sum[1] += l.Year2
			sum[2] += l.Year3
		}
		var cats, funds money.Pence
		for _, c := range b.ByCategory {
			cats += c.Year1
		}
		for _, f := range b.ByFunder {
			funds += f.Year1
		}
		return sum == b.Spending && b.Total[0] == sum[0]+b.Contingency[0] &&
			cats == b.Spending[0] && funds == b.Total[0]
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 300}); err != nil {
		t.Error(err)
	}
}

func TestExplicitYears(t *testing.T) {
	for _, tc := range []struct {
		name, extra  string
		year2, year3 money.Pence
	}{
		{"uplift only", "", 102500, 105063},
		{"year 2 given, year 3 uplifted from it", "year2 = \"2000.00\"\n", 200000, 205000},
		{"year 3 given, year 2 uplifted", "year3 = \"500.00\"\n", 102500, 50000},
		{"both given", "year2 = \"1.00\"\nyear3 = \"2.00\"\n", 100, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compute(load(t, "[budget]\nuplift_percent = 2.5\n[[budget.lines]]\nid = \"x\"\nwhat = \"x\"\nunit_cost = \"1000.00\"\nquantity = 1\nper = \"year\"\n"+tc.extra))
			if err != nil {
				t.Fatal(err)
			}
			if l := lineByID(t, b, "x"); l.Year2 != tc.year2 || l.Year3 != tc.year3 {
				t.Errorf("years 2 and 3 = %s, %s; want %s, %s", l.Year2, l.Year3, tc.year2, tc.year3)
			}
		})
	}
}

func TestReports(t *testing.T) {
	b, err := Compute(load(t, "[budget]\nallocation = \"100.00\"\n[[budget.lines]]\nid = \"x\"\nwhat = \"Swimming, \\\"Tuesdays\\\"\"\nfunder = \"family\"\nunit_cost = \"10.00\"\nquantity = 1\nper = \"month\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var text, csvOut, jsonOut strings.Builder
	if err := b.WriteText(&text, "Test"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "OVER BUDGET by £20.00") {
		t.Errorf("text report does not shout the overspend:\n%s", text.String())
	}
	if err := b.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "kind,id,what,category,funder,basis,year1,year2,year3" {
		t.Errorf("CSV columns %s", got)
	}
	if rows[1][2] != `Swimming, "Tuesdays"` || rows[1][6] != "120.00" {
		t.Errorf("CSV line %q", rows[1])
	}
	if err := b.WriteJSON(&jsonOut, "test.toml"); err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Lines []struct {
			What  string    `json:"what"`
			Years [3]string `json:"years"`
		} `json:"lines"`
		Total     [3]string `json:"total"`
		Headroom  string    `json:"headroom"`
		Overspent bool      `json:"overspent"`
	}
	if err := json.Unmarshal([]byte(jsonOut.String()), &decoded); err != nil {
		t.Fatal(err)
	}
	if decoded.Lines[0].Years[0] != "120.00" || decoded.Total[0] != "120.00" || decoded.Headroom != "-20.00" || !decoded.Overspent {
		t.Errorf("JSON %+v", decoded)
	}
}
