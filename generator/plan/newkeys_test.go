package plan

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The keys added for budget years, decisions and information needs fail to load,
// with file, line and key, when they are wrong.
func TestNewKeyErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"year2 without an id", "[[budget.lines]]\nwhat = \"Swim\"\none_off = 10\nyear2 = 10\n",
			"test.toml:6:1: budget.lines[0].year2: year2 needs the line to have an id"},
		{"year3 without an id", "[[budget.lines]]\nwhat = \"Swim\"\none_off = 10\nyear3 = 10\n",
			"test.toml:6:1: budget.lines[0].year3: year3 needs the line to have an id"},
		{"decision kind", "[[control.decisions]]\nwhat = \"Food\"\nkind = \"daily\"\n",
			"test.toml:5:1: control.decisions[0].kind: \"daily\" is not one of \"everyday\""},
		{"information format", "[person.information]\nformats = [\"easy_read\", \"braile\"]\n",
			"test.toml:4:25: person.information.formats[1]: \"braile\" is not one of"},
		{"carer's information format", "[[about.people]]\nname = \"Mum\"\ncarer = true\n[about.people.information]\nformats = [\"fax\"]\n",
			"test.toml:7:12: about.people[0].information.formats[0]: \"fax\" is not one of"},
		{"best-interests date", "[[control.decisions]]\nwhat = \"Food\"\n[control.decisions.best_interests]\ndecided = \"last week\"\n",
			"test.toml:6:1: control.decisions[0].best_interests.decided: \"last week\" is not a date"},
		{"budget starts", "[budget]\nstarts = \"September\"\n", "test.toml:4:1: budget.starts:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("test.toml", []byte("[person]\nname = \"T\"\n"+tc.src), fstest.MapFS{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	ok := "[person]\nname = \"T\"\n[person.information]\nformats = [\"bsl\", \"makaton\"]\ncontact = \"Video call\"\n" +
		"[budget]\nstarts = 2026-09-01\nallocation_uplift_percent = 0\n" +
		"[[budget.lines]]\nid = \"pa\"\nwhat = \"PA\"\npa = true\nhourly_rate = 13\nhours_per_week = 2\nage_band = \"21\"\npension_opt_in = true\nyear2 = 1400\n" +
		"[[control.decisions]]\nwhat = \"Food\"\nkind = \"everyday\"\nmade_by = \"others\"\n" +
		"[control.decisions.best_interests]\ncapacity_assessed = 2026-01-01\nassessed_by = \"Dr A\"\ndecided = 2026-01-08\ndecided_by = \"Meeting\"\nrecord = \"File\"\n"
	p, err := Parse("ok.toml", []byte(ok), fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	d := p.Control.Decisions[0]
	if d.Kind != "everyday" || d.BestInterests.Decided.ISO() != "2026-01-08" || !p.Person.Information.Recorded() ||
		p.Budget.Starts.ISO() != "2026-09-01" || p.Budget.AllocationUplift == nil || *p.Budget.AllocationUplift != 0 ||
		!p.Budget.Lines[0].PensionOptIn {
		t.Errorf("decoded %+v %+v %+v", d, p.Person.Information, p.Budget)
	}
}
