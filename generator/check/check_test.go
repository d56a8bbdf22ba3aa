package check

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/plan"
)

type ruleCase struct {
	name string
	over map[string]string // sections replaced in the base plan; the marker is where the finding must point
	id   string
	sev  Severity
}

// ruleCases has at least one case for every rule: a change to the good base plan that
// triggers it. The base plan itself is the case that triggers none.
func ruleCases(t *testing.T) []ruleCase {
	type m = map[string]string
	noAbout := func(key string) m { return m{"about": without(t, "about", key)} }
	noStyle := func(key string) m { return m{"learning_style": without(t, "learning_style", key)} }
	noTop := func(key string) m {
		return m{"top": strings.Join(slices.DeleteFunc(strings.Split(baseBody(t, "top"), "\n"), func(l string) bool { return strings.HasPrefix(l, key+" =") }), "\n")}
	}
	noEmployer := func(key string) m {
		body := baseBody(t, "management")
		lines := slices.DeleteFunc(strings.Split(body, "\n"), func(l string) bool { return strings.HasPrefix(l, key+" =") })
		return m{"management": strings.Replace(strings.Join(lines, "\n"), "[management.employer]", "[management.employer]"+marker, 1)}
	}
	actionsNoChange := edit(t, "action_plan", `change = "flat"`, ``, `change = "cafe"`, ``)
	return []ruleCase{
		// Criterion 1.
		{"no strengths", noAbout("good_at"), "c1-no-strengths", Blocker},
		{"no achievements", noAbout("achievements"), "c1-no-achievements", Blocker},
		{"no learning now", noAbout("learning_now"), "c1-no-learning-now", Blocker},
		{"no learning next", noAbout("learning_next"), "c1-no-learning-next", Blocker},
		{"empty learning next list", m{"about": edit(t, "about", `learning_next = ["Taking the bus to college alone"]`, `learning_next = [""]`+marker)}, "c1-no-learning-next", Blocker},
		{"no who I am", noAbout("who_i_am"), "c1-no-who-i-am", Advice},
		{"no about section at all", m{"about": ""}, "c1-no-strengths", Blocker},
		// Criterion 2.
		{"nothing important to", m{"important_to": without(t, "important_to", "items")}, "c2-nothing-important-to", Blocker},
		{"no want to learn", m{"important_to": without(t, "important_to", "want_to_learn")}, "c2-no-want-to-learn", Advice},
		// Criterion 3.
		{"no healthy", m{"important_for": without(t, "important_for", "healthy")}, "c3-no-healthy", Blocker},
		{"no safe", m{"important_for": without(t, "important_for", "safe")}, "c3-no-safe", Blocker},
		{"no community outcome", m{"outcomes": mark(edit(t, "outcomes", `"community_inclusion"`, `"independent_living"`))}, "c3-no-community-outcome", Blocker},
		{"no employment outcome", m{"outcomes": mark(edit(t, "outcomes", `"employment"`, `"other"`))}, "c3-no-employment-outcome", Blocker},
		{"no citizenship outcome", m{"outcomes": mark(edit(t, "outcomes", `"citizenship"`, `"health"`))}, "c3-no-citizenship-outcome", Blocker},
		// Criterion 4.
		{"no change", m{"changes": "", "action_plan": actionsNoChange}, "c4-no-change", Blocker},
		{"change without what", m{"changes": mark(edit(t, "changes", "what = \"Move into my own flat near Jo\"\n", ""))}, "c4-change-no-what", Blocker},
		{"change imposed by others", m{"changes": edit(t, "changes", `whose_idea = "mine"`, `whose_idea = "others"`+marker)}, "c4-change-not-persons-idea", Blocker},
		{"change without whose idea", m{"changes": mark(edit(t, "changes", "whose_idea = \"mine\"\n", ""))}, "c4-whose-idea-not-said", Advice},
		{"milestone more than a year away", m{"changes": edit(t, "changes", "[[changes.milestones]]\nwhat = \"Visit", "[[changes.milestones]]"+marker+"\nwhat = \"Visit", "by = 2026-06-01", "by = 2027-01-16")}, "c4-no-milestone-within-year", Blocker},
		{"milestone before the plan date", m{"changes": edit(t, "changes", "[[changes.milestones]]\nwhat = \"Visit", "[[changes.milestones]]"+marker+"\nwhat = \"Visit", "by = 2026-06-01", "by = 2026-01-14")}, "c4-no-milestone-within-year", Blocker},
		{"no milestones", m{"changes": edit(t, "changes", "[[changes]]\nid = \"cafe\"", "[[changes]]"+marker+"\nid = \"cafe\"", "[[changes.milestones]]\nwhat = \"Two trial mornings at Bean There\"\nby = 2026-09-01\n\n", "")}, "c4-no-milestone-within-year", Blocker},
		{"long-term change without steps", m{"changes": edit(t, "changes", "[[changes]]\nid = \"cafe\"", "[[changes]]"+marker+"\nid = \"cafe\"", "\n\n[[changes.steps]]\nwhat = \"Food hygiene certificate\"\nby = 2026-04-01", "")}, "c4-long-term-no-steps", Blocker},
		{"change without learning", m{"changes": mark(edit(t, "changes", "learning = [\"bus\"]\n", "", "\nlearning = [\"vote\"]", ""))}, "c4-change-no-learning", Blocker},
		{"change without defined how", m{"changes": mark(edit(t, "changes", "defined_how = \"Amira chose this at her planning meeting using picture cards\"\n", ""))}, "c4-no-defined-how", Advice},
		// Criterion 5.
		{"no support items", m{"support": mark(strings.Split(baseBody(t, "support"), "\n\n")[0])}, "c5-no-support", Blocker},
		{"support item without what", m{"support": edit(t, "support", "[[support.items]]\nid = \"travel\"\nwhat = \"Travel training on the number 12 bus\"", "[[support.items]]"+marker+"\nid = \"travel\"")}, "c5-support-no-what", Blocker},
		{"support item without when", m{"support": edit(t, "support", "[[support.items]]", "[[support.items]]"+marker, "when = \"Tuesdays and Thursdays, 8:30 to 9:30\"\n", "")}, "c5-support-no-when", Blocker},
		{"support item without who", m{"support": edit(t, "support", "[[support.items]]", "[[support.items]]"+marker, "who = \"Jo, personal assistant\"\n", "")}, "c5-support-no-who", Blocker},
		{"support item without how", m{"support": edit(t, "support", "[[support.items]]", "[[support.items]]"+marker, "how = \"Jo walks beside her, then follows at a distance\"\n", "")}, "c5-support-no-how", Advice},
		{"high risk not managed", m{"risks": mark(edit(t, "risks", "\nmanaged = \"Location sharing on her phone; a card with Mum's number\"", ""))}, "c5-high-risk-unmanaged", Blocker},
		{"high severity not managed", m{"risks": mark(edit(t, "risks", `likelihood = "high"`, `likelihood = "low"`, `severity = "medium"`, `severity = "high"`, "\nmanaged = \"Location sharing on her phone; a card with Mum's number\"", ""))}, "c5-high-risk-unmanaged", Blocker},
		{"low risk not managed", m{"risks": edit(t, "risks", `likelihood = "high"`, `likelihood = "low"`, `managed = "Location sharing on her phone; a card with Mum's number"`, `managed = ""`+marker)}, "c5-risk-not-managed", Advice},
		{"nothing on staying safe", m{"support": without(t, "support", "staying_safe_and_well")}, "c5-no-staying-safe", Blocker},
		{"no ordinary places", m{"support": without(t, "support", "ordinary_places")}, "c5-no-ordinary-places", Advice},
		{"no right people", m{"support": without(t, "support", "right_people")}, "c5-no-right-people", Advice},
		// Criterion 6.
		{"over the allocation", m{"budget": edit(t, "budget", `allocation = "20000.00"`, `allocation = "1000.00"`+marker)}, "c6-over-allocation", Blocker},
		{"over one funder's allocation", m{"budget": edit(t, "budget", `amount = "19000.00"`, `amount = "100.00"`+marker)}, "c6-over-funder-allocation", Blocker},
		{"no costed lines", m{"support": edit(t, "support", "\nbudget_line = \"pa\"", ""), "budget": mark(edit(t, "budget", "[[budget.lines]]\nid = \"pa\"\nwhat = \"Personal assistant\"\npa = true\nfunder = \"local_authority\"\nhourly_rate = 13.50\nhours_per_week = 2\n", ""))}, "c6-no-costs", Blocker},
		{"no allocation", m{"budget": mark(edit(t, "budget", "allocation = \"20000.00\"\n", "", "[[budget.allocations]]\nfunder = \"local_authority\"\namount = \"19000.00\"\n", ""))}, "c6-no-allocation", Advice},
		{"support hours differ from budget hours", m{"budget": edit(t, "budget", "hours_per_week = 2", "hours_per_week = 3"+marker)}, "consistency-hours-budget", Blocker},
		{"budget hours no support item uses", m{"support": edit(t, "support", "\nbudget_line = \"pa\"", ""), "budget": edit(t, "budget", "[[budget.lines]]", "[[budget.lines]]"+marker)}, "consistency-hours-unlinked", Advice},
		{"no contingency", m{"budget": mark(edit(t, "budget", "\n\n[budget.contingency]\npercent = 5\npurpose = \"Agency cover when Jo is ill\"", ""))}, "c6-no-contingency", Blocker},
		{"contingency without purpose", m{"budget": edit(t, "budget", "[budget.contingency]", "[budget.contingency]"+marker, "\npurpose = \"Agency cover when Jo is ill\"", "")}, "c6-contingency-no-purpose", Advice},
		{"no emergency plan", m{"budget": without(t, "budget", "if_things_go_wrong"), "emergencies": ""}, "c6-no-emergency-plan", Blocker},
		{"no years 2 and 3", m{"budget": without(t, "budget", "uplift_percent")}, "c6-no-years-2-3", Advice},
		{"no value for money", m{"budget": without(t, "budget", "value_for_money")}, "c6-no-value-for-money", Advice},
		// Criterion 7.
		{"nobody manages the budget", m{"management": without(t, "management", "managed_by")}, "c7-no-manager", Blocker},
		{"no budget type", m{"management": without(t, "management", "budget_type")}, "c7-no-budget-type", Advice},
		{"no responsibilities", m{"management": mark(edit(t, "management", "[[management.responsibilities]]\nwho = \"Mum\"\nwhat = \"Signs timesheets with Amira\"\n\n", ""))}, "c7-responsibilities-unclear", Blocker},
		{"responsibility without who", m{"management": edit(t, "management", "[[management.responsibilities]]\nwho = \"Mum\"", "[[management.responsibilities]]"+marker)}, "c7-responsibility-incomplete", Blocker},
		{"PA payroll", noEmployer("payroll"), "c7-pa-payroll", Blocker},
		{"PA insurance", noEmployer("insurance"), "c7-pa-insurance", Blocker},
		{"PA DBS checks", noEmployer("dbs_checks"), "c7-pa-dbs-checks", Blocker},
		{"PA right to work", noEmployer("right_to_work_and_contracts"), "c7-pa-right-to-work", Blocker},
		{"PA training", noEmployer("training"), "c7-pa-training", Blocker},
		{"PA supervision", noEmployer("supervision"), "c7-pa-supervision", Blocker},
		{"PA employment law", noEmployer("employment_law"), "c7-pa-employment-law", Blocker},
		// Criterion 8.
		{"no decisions", m{"control": "[control]" + marker + "\nsummary = \"Amira makes most everyday decisions.\""}, "c8-no-decisions", Blocker},
		{"others decide everything", m{"control": edit(t, "control", "[[control.decisions]]\nwhat = \"What I eat\"\nmade_by = \"me\"", "[[control.decisions]]"+marker+"\nwhat = \"What I eat\"\nmade_by = \"others\"", "\nhow_involved = \"The GP explains changes with pictures and Amira agrees\"", "")}, "c8-others-decide-everything", Blocker},
		{"decision by others without involvement", m{"control": edit(t, "control", "[[control.decisions]]\nwhat = \"Changes", "[[control.decisions]]"+marker+"\nwhat = \"Changes", "\nhow_involved = \"The GP explains changes with pictures and Amira agrees\"", "")}, "c8-decision-not-involved", Advice},
		{"ISF without money review", m{"management": edit(t, "management", `"direct_payment"`, `"individual_service_fund"`), "control": mark(baseBody(t, "control"))}, "c8-no-money-review", Blocker},
		{"mum manages without money review", m{"management": edit(t, "management", `managed_by = "Amira, with help from her mum"`, `managed_by = "Amira's mum, Grace Okafor"`), "control": mark(baseBody(t, "control"))}, "c8-no-money-review", Blocker},
		// Criterion 9.
		{"no learning people", noStyle("people"), "c9-no-people", Blocker},
		{"no learning environments", noStyle("environments"), "c9-no-environments", Blocker},
		{"no learning approaches", noStyle("approaches"), "c9-no-approaches", Blocker},
		{"no learning pace", noStyle("pace"), "c9-no-pace", Blocker},
		{"no learning motivation", noStyle("motivation"), "c9-no-motivation", Blocker},
		{"no learning style section", m{"learning_style": ""}, "c9-no-pace", Blocker},
		// Criterion 10.
		{"no actions", m{"action_plan": mark(strings.Split(baseBody(t, "action_plan"), "\n\n")[0])}, "c10-no-actions", Blocker},
		{"action without what", m{"action_plan": edit(t, "action_plan", "[[action_plan.actions]]\nwhat = \"Book three flat viewings\"", "[[action_plan.actions]]"+marker)}, "c10-action-no-what", Blocker},
		{"action without who", m{"action_plan": edit(t, "action_plan", "[[action_plan.actions]]\nwhat = \"Book three flat viewings\"\nwho = \"Mum\"", "[[action_plan.actions]]"+marker+"\nwhat = \"Book three flat viewings\"")}, "c10-action-no-who", Blocker},
		{"action without date", m{"action_plan": edit(t, "action_plan", "[[action_plan.actions]]\nwhat = \"Book", "[[action_plan.actions]]"+marker+"\nwhat = \"Book", "by = 2026-03-01\n", "")}, "c10-action-no-date", Blocker},
		{"action in the past", m{"action_plan": edit(t, "action_plan", "by = 2026-03-01", "by = 2026-01-14"+marker)}, "c10-action-in-past", Blocker},
		{"action plan not checked", m{"action_plan": without(t, "action_plan", "how_checked")}, "c10-no-how-checked", Blocker},
		{"action without change", m{"action_plan": edit(t, "action_plan", "[[action_plan.actions]]\nwhat = \"Book", "[[action_plan.actions]]"+marker+"\nwhat = \"Book", "\nchange = \"flat\"", "")}, "c10-action-no-change", Advice},
		{"change without action", m{"action_plan": edit(t, "action_plan", "\nchange = \"flat\"", ""), "changes": mark(baseBody(t, "changes"))}, "c10-change-no-action", Advice},
		{"change without id", m{"action_plan": edit(t, "action_plan", "\nchange = \"cafe\"", ""), "changes": edit(t, "changes", "[[changes]]\nid = \"cafe\"", "[[changes]]"+marker)}, "c10-change-no-action", Advice},
		// Good practice.
		{"no change my mind", noTop("change_my_mind"), "gp-change-my-mind", Advice},
		{"no communication chart", m{"communication": ""}, "gp-communication-chart", Advice},
		{"nothing working for the person", m{"working": without(t, "working", "person_working", "person_not_working")}, "gp-working-person", Advice},
		{"nothing working for the family", m{"working": without(t, "working", "family_working", "family_not_working")}, "gp-working-family", Advice},
		{"no family perspective", m{"family": ""}, "gp-family-perspective", Advice},
		{"no person-centred plan link", m{"plan": without(t, "plan", "person_centred_plan")}, "gp-pcp-link", Advice},
		{"no contribution", m{"plan": without(t, "plan", "contribution")}, "gp-contribution", Advice},
		{"no distress", noTop("distress"), "gp-distress", Advice},
		{"no emergency plan (good practice)", m{"emergencies": ""}, "gp-emergency-plan", Advice},
		{"no aspirations", noTop("aspirations"), "gp-aspirations", Advice},
		{"no training", m{"training": ""}, "gp-no-training", Advice},
		{"no specific training", m{"training": mark(edit(t, "training", "true", "false"))}, "gp-training-not-specific", Advice},
		{"team without DBS checks", m{
			"budget":     edit(t, "budget", "pa = true\nfunder = \"local_authority\"\nhourly_rate = 13.50\nhours_per_week = 2", "funder = \"local_authority\"\none_off = 500"),
			"management": edit(t, "management", "[management.employer]", "[management.employer]"+marker, "dbs_checks = \"Enhanced DBS check through the council's service\"\n", ""),
			"team":       "[[team.roles]]\nrole = \"Support worker\"\ncount = 2",
		}, "gp-dbs", Advice},
		{"PAs without insurance cost", m{"budget": mark(edit(t, "budget", "[budget.employer]\nliability_insurance = 150\n\n", ""))}, "gp-pa-insurance-cost", Advice},
		{"not choosing supporters", noTop("choosing_supporters"), "gp-choosing-supporters", Advice},
		{"no review how", m{"reviews": without(t, "reviews", "how")}, "gp-reviews-how", Advice},
		{"person does not lead reviews", m{"reviews": without(t, "reviews", "how_i_lead")}, "gp-reviews-person-leads", Advice},
		// Plan and consistency.
		{"no plan date", m{"plan": without(t, "plan", "written")}, "plan-no-date", Advice},
		{"review before written", m{"plan": edit(t, "plan", "review = 2026-07-15", "review = 2025-07-15"+marker)}, "consistency-review-before-written", Blocker},
		// Wording.
		{"vague outcome", m{"outcomes": edit(t, "outcomes", `how = "Travel training with Jo twice a week"`, `how = "Regular travel training with Jo"`+marker)}, "wording-vague-outcome", Advice},
		{"vague milestone", m{"changes": edit(t, "changes", `what = "Visit three flats with Mum"`, `what = "Access to flat viewings etc."`+marker)}, "wording-vague-change", Advice},
		{"vague change", m{"changes": edit(t, "changes", `what = "Work in a cafe"`, `what = "Opportunities to work"`+marker)}, "wording-vague-change", Advice},
		{"vague support", m{"support": edit(t, "support", `how = "Jo walks beside her, then follows at a distance"`, `how = "Support as needed"`+marker)}, "wording-vague-support", Advice},
		{"vague support when", m{"support": edit(t, "support", `when = "Tuesdays and Thursdays, 8:30 to 9:30"`, `when = "As and when Amira asks, 8:30"`+marker)}, "wording-vague-support", Advice},
		{"support without how much", m{"support": edit(t, "support", `when = "Tuesdays and Thursdays, 8:30 to 9:30"`, `when = "Tuesday mornings"`+marker, "\nhours_per_week = 2", "")}, "wording-support-how-much", Advice},
		{"vague action", m{"action_plan": edit(t, "action_plan", `check = "Amira ticks it on her wall chart"`, `check = "Checked regularly"`+marker)}, "wording-vague-action", Advice},
		// Easy read (easyread_test.go has more).
		{"long sentence, no easy words", m{"about": edit(t, "about", `good_at = ["Swimming", "Remembering birthdays"]`, `good_at = ["`+longSentence+`", "Remembering birthdays"]`+marker)}, "easy-long-sentence", Advice},
		{"one-page profile too long", m{"about": edit(t, "about", `good_at = [`, longProfileList+marker+"\ngood_at = [")}, "easy-profile-too-long", Advice},
	}
}

func TestBasePlanHasNoFindings(t *testing.T) {
	src := source(nil)
	if fs := Check(parse(t, src)); len(fs) > 0 {
		var b bytes.Buffer
		_ = WriteText(&b, "plan.toml", fs)
		t.Fatalf("the base plan should pass every rule:\n%s\n%s", b.String(), numbered(src))
	}
}

func TestRules(t *testing.T) {
	rules := map[string]Rule{}
	for _, r := range Rules() {
		rules[r.ID] = r
	}
	for _, tc := range ruleCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			src := source(tc.over)
			want := markedLine(t, src)
			fs := Check(parse(t, src))
			var lines []int
			for _, f := range fs {
				if f.ID != tc.id {
					continue
				}
				if f.Severity != tc.sev || f.Severity != rules[f.ID].Severity {
					t.Errorf("%s: severity %s, want %s", f.ID, f.Severity, tc.sev)
				}
				if f.Criterion != rules[f.ID].Criterion || f.File != "plan.toml" || f.Key == "" || f.Message == "" || f.Area == "" {
					t.Errorf("%s: incomplete finding %+v", f.ID, f)
				}
				if f.Line == want {
					return
				}
				lines = append(lines, f.Line)
			}
			if lines == nil {
				t.Errorf("no %s finding; got:\n%s\n%s", tc.id, ids(fs), numbered(src))
			} else {
				t.Errorf("%s at lines %v, want line %d\n%s", tc.id, lines, want, numbered(src))
			}
		})
	}
}

func ids(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.ID + " " + f.Key + " line " + strconv.Itoa(f.Line) + "\n")
	}
	return b.String()
}

// TestNotTriggered covers the edges where a rule must stay quiet.
func TestNotTriggered(t *testing.T) {
	type m = map[string]string
	cases := []struct {
		name string
		over map[string]string
		id   string
	}{
		{"milestone exactly a year on", m{"changes": edit(t, "changes", "by = 2026-06-01", "by = 2027-01-15")}, "c4-no-milestone-within-year"},
		{"milestone on the plan date", m{"changes": edit(t, "changes", "by = 2026-06-01", "by = 2026-01-15")}, "c4-no-milestone-within-year"},
		{"learning on a milestone only", m{"changes": edit(t, "changes", "learning = [\"bus\"]\n", "")}, "c4-change-no-learning"},
		{"undated plan: far milestone", m{"plan": without(t, "plan", "written"), "changes": edit(t, "changes", "by = 2026-06-01", "by = 2030-01-01")}, "c4-no-milestone-within-year"},
		{"undated plan: old action", m{"plan": without(t, "plan", "written"), "action_plan": edit(t, "action_plan", "by = 2026-03-01", "by = 2001-01-01")}, "c10-action-in-past"},
		{"action on the plan date", m{"action_plan": edit(t, "action_plan", "by = 2026-03-01", "by = 2026-01-15")}, "c10-action-in-past"},
		{"important to summary only", m{"important_to": "[important_to]\nsummary = \"Her friends\"\nwant_to_learn = [\"Baking\"]"}, "c2-nothing-important-to"},
		{"years 2 and 3 on a line", m{"budget": edit(t, "budget", "uplift_percent = 2\n", "", "hours_per_week = 2", "hours_per_week = 2\nyear2 = 7200")}, "c6-no-years-2-3"},
		{"years 2 and 3 in words", m{"budget": edit(t, "budget", "uplift_percent = 2", "years_2_and_3 = \"The same hours, with a 2% pay rise.\"")}, "c6-no-years-2-3"},
		{"emergency plan only in emergencies", m{"budget": without(t, "budget", "if_things_go_wrong")}, "c6-no-emergency-plan"},
		{"contingency as amount", m{"budget": edit(t, "budget", "percent = 5", "amount = 600")}, "c6-no-contingency"},
		{"no PAs: no employer duties", m{"budget": edit(t, "budget", "pa = true\nfunder = \"local_authority\"\nhourly_rate = 13.50\nhours_per_week = 2", "funder = \"local_authority\"\none_off = 500"), "management": edit(t, "management", "payroll = \"Leeds Payroll Service\"\n", "")}, "c7-pa-payroll"},
		{"ISF with money review", m{"management": edit(t, "management", `"direct_payment"`, `"individual_service_fund"`), "control": edit(t, "control", "[control]", "[control.money_review]\nhow_often = \"Every three months\"\n\n[control]")}, "c8-no-money-review"},
		{"managed by me", m{"management": edit(t, "management", `managed_by = "Amira, with help from her mum"`, `managed_by = "Me, with help from Mum"`)}, "c8-no-money-review"},
		{"one decision by others, involved", m{}, "c8-decision-not-involved"},
		{"all decisions by others, one involved", m{"control": edit(t, "control", `made_by = "me"`, `made_by = "others"`)}, "c8-others-decide-everything"},
		{"distress in the communication chart", m{"top": strings.Replace(baseBody(t, "top"), "distress = ", "# distress = ", 1), "communication": edit(t, "communication", `situation = "At the bus stop"`, `situation = "When she is anxious on the bus"`)}, "gp-distress"},
		{"recruitment instead of choosing", m{"top": strings.Replace(baseBody(t, "top"), "choosing_supporters = ", "# choosing_supporters = ", 1), "team": "[service.involvement]\nrecruitment = \"Amira interviews every PA.\""}, "gp-choosing-supporters"},
		{"irregular is not regular", m{"outcomes": edit(t, "outcomes", `how = "Travel training with Jo twice a week"`, `how = "Irregular hours, inaccessible stops"`)}, "wording-vague-outcome"},
		{"hours given, no number in when", m{"support": edit(t, "support", `when = "Tuesdays and Thursdays, 8:30 to 9:30"`, `when = "Tuesday mornings"`)}, "wording-support-how-much"},
		{"number word in when", m{"support": edit(t, "support", `when = "Tuesdays and Thursdays, 8:30 to 9:30"`, `when = "Twice a week, mornings"`, "\nhours_per_week = 2", "")}, "wording-support-how-much"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := source(tc.over)
			for _, f := range Check(parse(t, src)) {
				if f.ID == tc.id {
					t.Errorf("unexpected %s at line %d: %s\n%s", f.ID, f.Line, f.Message, numbered(src))
				}
			}
		})
	}
}

// TestEveryIDDocumented runs Check on every test plan and an almost empty one: each id
// found is in Rules() exactly once, and every rule is produced by some test plan.
func TestEveryIDDocumented(t *testing.T) {
	count := map[string]int{}
	for _, r := range Rules() {
		count[r.ID]++
		if r.Summary == "" || (r.Severity != Blocker && r.Severity != Advice) || r.Criterion < 0 || r.Criterion > 10 {
			t.Errorf("rule %+v is incomplete", r)
		}
	}
	for id, n := range count {
		if n != 1 {
			t.Errorf("rule %s is listed %d times in Rules()", id, n)
		}
	}
	plans := []string{"[person]\nname = \"Amira\"\n", source(nil)}
	for _, tc := range ruleCases(t) {
		plans = append(plans, source(tc.over))
	}
	for _, src := range readerSources(t) {
		plans = append(plans, src)
	}
	seen := map[string]bool{}
	for _, src := range plans {
		for _, f := range Check(parse(t, src)) {
			seen[f.ID] = true
			if count[f.ID] != 1 {
				t.Errorf("Check produced %s, which Rules() lists %d times", f.ID, count[f.ID])
			}
		}
	}
	for _, r := range Rules() {
		if !seen[r.ID] {
			t.Errorf("no test plan triggers rule %s", r.ID)
		}
	}
}

func TestRulesOrder(t *testing.T) {
	rs := Rules()
	last := 0
	for _, r := range rs {
		if criterionOrder(r.Criterion) < last {
			t.Fatalf("Rules() out of criterion order at %s", r.ID)
		}
		last = criterionOrder(r.Criterion)
	}
	if rs[0].ID != "c1-no-strengths" || rs[len(rs)-1].Criterion != 0 {
		t.Errorf("Rules() should run from criterion 1 to good practice; first %s, last %s", rs[0].ID, rs[len(rs)-1].ID)
	}
}

func TestOrderAndDeterminism(t *testing.T) {
	src := "[person]\nname = \"Amira\"\n\n[about]\nwho_i_am = \"x\"\n\n[[changes]]\nwhat = \"Something regular\"\nwhose_idea = \"others\"\n"
	p := parse(t, src)
	a, b := Check(p), Check(p)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Check gave different results on the same plan")
	}
	if !slices.IsSortedFunc(a, compareFindings) {
		t.Error("findings are not sorted by criterion, line, id")
	}
	if a[0].Criterion != 1 || a[len(a)-1].Criterion != 0 {
		t.Errorf("criteria 1..10 should come first and good practice last: first %d, last %d", a[0].Criterion, a[len(a)-1].Criterion)
	}
	// A missing key falls back to its nearest written ancestor, else line 0.
	for _, f := range a {
		switch f.ID {
		case "c1-no-strengths":
			if f.Line != 4 || f.Column != 1 || f.Key != "about.good_at" {
				t.Errorf("c1-no-strengths at %d:%d key %s, want [about] at 4:1", f.Line, f.Column, f.Key)
			}
		case "c5-no-support":
			if f.Line != 0 || f.Key != "support.items" {
				t.Errorf("c5-no-support at line %d key %s, want line 0, support.items", f.Line, f.Key)
			}
		case "plan-no-date":
			if f.Line != 0 || f.Key != "plan.written" {
				t.Errorf("plan-no-date at line %d key %s", f.Line, f.Key)
			}
		}
	}
}

func TestVaguePhrases(t *testing.T) {
	cases := map[string][]string{
		"Regularly, as and when, etc":                       {"regularly", "as and when", "etc."},
		"support   as\nneeded, and more as needed":          {"support as needed", "as needed"},
		"ACCESS TO the pool; regular swims; regular visits": {"access to", "regular"},
		"an opportunity to cook and opportunities to swim":  {"opportunity to", "opportunities to"},
		"as required": {"as required"},
		"irregular, accessible, etcetera, as requirements": nil,
		"Tuesdays 10:00 to 12:00":                          nil,
	}
	for in, want := range cases {
		if got := vaguePhrases(in); !slices.Equal(got, want) {
			t.Errorf("vaguePhrases(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamesPerson(t *testing.T) {
	person := plan.Person{Name: "Amira Okafor", PreferredName: "Mira"}
	cases := map[string]bool{
		"Amira":                         true,
		"Amira, with help from her mum": true,
		"amira and Grace":               true,
		"Mira":                          true,
		"Me":                            true,
		"I do, with my brother":         true,
		"Amira's mum":                   false,
		"Amira\u2019s mum":              false,
		"Grace Okafor (mum)":            false,
		"Leeds Support Ltd":             false,
	}
	for in, want := range cases {
		if got := namesPerson(in, person); got != want {
			t.Errorf("namesPerson(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	p := parse(t, source(map[string]string{"about": without(t, "about", "good_at", "who_i_am")}))
	fs := Check(p)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []Result{NewResult("plan.toml", fs), NewResult("good.toml", nil)}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "[\n  {\n    \"file\": \"plan.toml\",\n    \"blockers\": 1,\n    \"advice\": 1,\n    \"findings\": [\n") {
		t.Errorf("JSON does not start with the documented shape:\n%s", out)
	}
	if !strings.Contains(out, "\"findings\": []") {
		t.Errorf("a plan with no findings should have \"findings\": []:\n%s", out)
	}
	var got []struct {
		File     string           `json:"file"`
		Blockers int              `json:"blockers"`
		Advice   int              `json:"advice"`
		Findings []map[string]any `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].File != "plan.toml" || got[0].Blockers != 1 || got[0].Advice != 1 || len(got[0].Findings) != 2 {
		t.Fatalf("decoded %+v", got)
	}
	if got[1].Findings == nil || len(got[1].Findings) != 0 {
		t.Errorf("good.toml findings = %v, want []", got[1].Findings)
	}
	f := got[0].Findings[0]
	wantKeys := []string{"area", "column", "criterion", "file", "id", "key", "line", "message", "severity"}
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("finding keys %v, want %v", keys, wantKeys)
	}
	if f["id"] != "c1-no-strengths" || f["severity"] != "blocker" || f["criterion"] != 1.0 || f["key"] != "about.good_at" ||
		f["area"] != "criterion 1: who you are" || f["file"] != "plan.toml" {
		t.Errorf("first finding %v", f)
	}
	if line, ok := f["line"].(float64); !ok || line < 1 {
		t.Errorf("first finding has no line: %v", f)
	}
	// Field order within a finding is the documented one.
	first := strings.Index(out, "\"id\"")
	order := []string{"\"id\"", "\"severity\"", "\"criterion\"", "\"area\"", "\"message\"", "\"file\"", "\"line\"", "\"column\"", "\"key\""}
	at := first
	for _, k := range order {
		i := strings.Index(out[at:], k)
		if i < 0 {
			t.Fatalf("field %s missing or out of order", k)
		}
		at += i
	}
	// A finding with no place leaves line and column out.
	var b bytes.Buffer
	_ = WriteJSON(&b, []Result{NewResult("x.toml", []Finding{{ID: "plan-no-date", Severity: Advice, Key: "plan.written"}})})
	if strings.Contains(b.String(), "\"line\"") || strings.Contains(b.String(), "\"column\"") {
		t.Errorf("line 0 should be left out:\n%s", b.String())
	}
}

func TestWriteText(t *testing.T) {
	src := source(map[string]string{
		"about":   without(t, "about", "good_at", "who_i_am"),
		"family":  "",
		"support": edit(t, "support", `how = "Jo walks beside her, then follows at a distance"`, `how = "Support as needed"`),
	})
	fs := Check(parse(t, src))
	var b bytes.Buffer
	if err := WriteText(&b, "plan.toml", fs); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	aboutLine := strconv.Itoa(markedLine(t, src))
	for _, want := range []string{
		"Criterion 1: who you are, what you are good at, what you have achieved\n",
		"  plan.toml:" + aboutLine + ":1: blocker [c1-no-strengths] about.good_at\n      The plan does not say what Amira is good at.",
		"  plan.toml:" + aboutLine + ":1: advice [c1-no-who-i-am] about.who_i_am\n",
		"Criterion 5: how you want to be supported\n",
		"advice (wording) [wording-vague-support] support.items[0].how",
		"Good practice\n  plan.toml: advice [gp-family-perspective] family.perspective\n",
		"\nplan.toml: 1 blocker, 3 advice\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "Criterion 1:") > strings.Index(out, "Criterion 5:") || strings.Index(out, "Criterion 5:") > strings.Index(out, "Good practice") {
		t.Errorf("groups out of order:\n%s", out)
	}
	b.Reset()
	if err := WriteText(&b, "good.toml", nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "good.toml: 0 blockers, 0 advice\n") {
		t.Errorf("empty report: %q", b.String())
	}
}
