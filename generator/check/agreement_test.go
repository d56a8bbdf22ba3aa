package check

import (
	"strings"
	"testing"
)

// readerSources are test plans that trigger the rules of agreement.go, one each, for
// TestReaderRules and for the test that every rule id is triggered by some plan.
func readerSources(t *testing.T) map[string]string {
	t.Helper()
	submitted := edit(t, "plan", `version = "1.0"`, "version = \"1.0\"\nstatus = \"submitted\"")
	nights := baseBody(t, "support") + `

[[support.items]]
id = "night"
what = "Sleep-in"
when = "Friday night"
who = "Agency sleep-in worker"
time = "sleep_in"
nights_per_week = 2
budget_line = "sleep"`
	nightLine := baseBody(t, "budget") + `

[[budget.lines]]
id = "sleep"
what = "Sleep-in nights"
funder = "local_authority"
per_night = "90.00"
nights_per_week = 1
night_kind = "sleep_in"`
	late := edit(t, "action_plan", "[[action_plan.actions]]", "[[action_plan.actions]]\nstatus = \"in_progress\"")
	return map[string]string{
		"agreement-no-how-agreed":       source(map[string]string{"plan": submitted}),
		"agreement-no-funder-signatory": source(map[string]string{"plan": submitted}),
		"consistency-nights-budget":     source(map[string]string{"support": nights, "budget": nightLine}),
		"c10-action-late": strings.Replace(source(map[string]string{"action_plan": late}),
			"written = 2026-01-15", "written = 2029-01-15", 1),
	}
}

// TestReaderRules: each rule of agreement.go fires on its plan, and none of them
// fires on the complete base plan, which is a draft with every count agreeing.
func TestReaderRules(t *testing.T) {
	ids := map[string]bool{}
	for _, f := range Check(parse(t, source(nil))) {
		ids[f.ID] = true
	}
	for id, src := range readerSources(t) {
		if ids[id] {
			t.Errorf("%s fires on the base plan", id)
		}
		found := false
		for _, f := range Check(parse(t, src)) {
			if f.ID == id {
				found = true
				if strings.Contains(f.Message, "%!") {
					t.Errorf("%s: badly formatted message %q", id, f.Message)
				}
			}
		}
		if !found {
			t.Errorf("%s does not fire on its plan", id)
		}
	}
}
