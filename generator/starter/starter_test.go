package starter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lifeplan/generator/budget"
	"lifeplan/generator/check"
	"lifeplan/generator/plan"
)

var day = time.Date(2026, 9, 14, 15, 4, 0, 0, time.UTC)

func parse(t *testing.T, src []byte) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("starter.toml", src, os.DirFS(t.TempDir()))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if _, err := budget.Compute(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStarterLoads(t *testing.T) {
	for _, name := range []string{"Jo Bloggs", `Zoë "Jo" O'Brien \ | *x* # <b>`, "Tab\there\nnewline"} {
		src, err := Plan(Options{Name: name, File: "jo.toml", Written: day})
		if err != nil {
			t.Fatal(err)
		}
		p := parse(t, src)
		if want := strings.Join(strings.Fields(name), " "); p.Person.Name != want {
			t.Errorf("name %q, want %q", p.Person.Name, want)
		}
		if p.Plan.Written.ISO() != "2026-09-14" || p.Plan.Status != plan.StatusDraft {
			t.Errorf("plan %+v", p.Plan)
		}
	}
	if _, err := Plan(Options{Name: "  "}); err == nil {
		t.Error("an empty name made a plan")
	}
}

// TestExamplesAreValid: with every example uncommented the plan still loads, so a
// planner who uncomments one never breaks the file, and every example key exists.
func TestExamplesAreValid(t *testing.T) {
	src, _ := Plan(Options{Name: "Jo Bloggs", File: "jo.toml", Written: day})
	var out []string
	examples := 0
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(line, "## "), line == "##":
		case line == "#":
			line = ""
		case strings.HasPrefix(line, "# "):
			line = strings.TrimPrefix(line, "# ")
			examples++
		case strings.HasPrefix(line, "#"):
			t.Errorf("comment neither prose (## ) nor example (# ): %q", line)
		}
		out = append(out, line)
	}
	p := parse(t, []byte(strings.Join(out, "\n")))
	if examples < 100 {
		t.Errorf("only %d example lines", examples)
	}
	if len(p.Changes) != 1 || len(p.Outcomes) != 1 || len(p.Budget.Lines) != 1 || len(p.ActionPlan.Actions) != 1 {
		t.Errorf("examples did not fill the lists: %d changes, %d outcomes", len(p.Changes), len(p.Outcomes))
	}
	// The keys of the reader documents, accessible information, decisions' kind
	// and best interests, and the budget's start have examples too.
	d := p.Control.Decisions
	for what, ok := range map[string]bool{
		"person.information":            p.Person.Information.Recorded() && len(p.Person.Information.Formats) > 0,
		"a carer's information":         len(p.About.People) == 1 && p.About.People[0].Carer && p.About.People[0].Information.Recorded(),
		"decisions' kind":               len(d) == 2 && d[0].Kind == "everyday" && d[1].Kind == "where_to_live",
		"best_interests":                len(d) == 2 && d[1].BestInterests.Decided.Set() && d[1].BestInterests.DecidedBy != "",
		"budget.starts":                 p.Budget.Starts.ISO() == "2026-09-14",
		"distress_steps":                len(p.DistressSteps) == 3,
		"a first-shift emergency guide": len(p.Emergencies.Guides) == 1 && p.Emergencies.Guides[0].FirstShift,
		"agreement":                     p.Agreement.HowIAgreed != "" && len(p.Agreement.Signatories) == 2 && len(p.Agreement.Involved) == 1,
		"first_shift":                   len(p.FirstShift.Dos) == 2 && p.FirstShift.Yes != "" && p.FirstShift.Upset != "",
		"support_plan":                  p.SupportPlan.Version != "" && len(p.SupportPlan.History) == 1 && len(p.SupportPlan.ReadBy) == 1,
		"an outcome's short name":       p.Outcomes[0].Short != "",
		"an action's status":            p.ActionPlan.Actions[0].Status == plan.ActionNotStarted,
	} {
		if !ok {
			t.Errorf("the examples give no %s", what)
		}
	}
	// The examples answer most of what the panel looks for.
	blockers, _ := check.Count(check.Check(p))
	bare, _ := check.Count(check.Check(parse(t, src)))
	if blockers >= bare/2 {
		t.Errorf("uncommented examples leave %d blockers of %d", blockers, bare)
	}
}

// TestSectionsInCriteriaOrder: the ten criteria's questions appear in order.
func TestSectionsInCriteriaOrder(t *testing.T) {
	src, _ := Plan(Options{Name: "Jo", Written: day})
	at := 0
	for _, q := range []string{
		"\n# [person.information]\n", "## 1. Who are you?", "## 2. What is important to you?", "## 3. What is important for you?",
		"## 4. What do you want to change", "## 5. How do you want to be supported", "## 6. How will you spend",
		"## 7. How will your budget be managed", "## 8. How will you gain more control", "## 9. How and where do you learn best?",
		"## 10. What are you going to do", "## Good practice", "## Agreeing this plan",
		"## For the service specification", "\n[first_shift]\n", "\n[support_plan]\n",
	} {
		i := strings.Index(string(src[at:]), q)
		if i < 0 {
			t.Fatalf("%q missing or out of order", q)
		}
		at += i
	}
	if n := strings.Count(string(src), "## What the funders look for:"); n != 9 {
		t.Errorf("%d 'what the funders look for' notes, want 9 (criterion 2 has none in the criteria)", n)
	}
}

func TestNameFromFile(t *testing.T) {
	for in, want := range map[string]string{
		"jo-bloggs.toml": "Jo Bloggs", filepath.Join("plans", "amira_okafor.toml"): "Amira Okafor", "zoë.toml": "Zoë",
	} {
		if got := NameFromFile(in); got != want {
			t.Errorf("NameFromFile(%q) = %q, want %q", in, got, want)
		}
	}
}
