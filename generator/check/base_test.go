package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"lifeplan/generator/plan"
)

// section is one named part of the test plan, so a case can replace or drop it.
type section struct{ name, body string }

// baseSections is a plan that passes every rule. Top-level keys come first: TOML
// puts every key after a [table] header into that table.
func baseSections() []section {
	return []section{
		{"top", `change_my_mind = "If Amira says she wants to stop something, her PA writes it down and her circle meets within two weeks."
distress = "When Amira goes quiet and rubs her hands, sit with her and put on her music."
aspirations = "Amira wants to run her own cake stall one day."
choosing_supporters = "Amira writes the job advert and sits on every interview panel."`},
		{"plan", `[plan]
version = "1.0"
written = 2026-01-15
review = 2026-07-15
author = "Sam Planner"
contribution = "Amira chose the photos and led her planning meeting."
person_centred_plan = "Amira's person-centred plan of March 2025"`},
		{"person", `[person]
name = "Amira Okafor"
preferred_name = "Amira"

[person.information]
formats = ["easy_read", "pictures"]
contact = "Text Amira first; phone after 10:00"
adjustments = ["Meetings of under an hour, with a break"]`},
		{"about", `[about]
who_i_am = "Amira is 19, laughs loudly and knows every bus route in Leeds."
good_at = ["Swimming", "Remembering birthdays"]
achievements = ["Level 2 swimming badge"]
learning_now = ["Cooking pasta with help"]
learning_next = ["Taking the bus to college alone"]`},
		{"important_to", `[important_to]
items = ["Seeing my friend Jo on Fridays"]
want_to_learn = ["Baking bread"]`},
		{"important_for", `[important_for]
healthy = ["Taking her inhaler at 8:00 and 20:00"]
safe = ["Knowing who to phone when lost"]`},
		{"outcomes", `[[outcomes]]
id = "bus"
what = "Travel by bus to college alone"
area = "community_inclusion"
how = "Travel training with Jo twice a week"

[[outcomes]]
id = "work"
what = "Work two mornings a week in a cafe"
area = "employment"
how = "Job coaching on Wednesdays"

[[outcomes]]
id = "vote"
what = "Register to vote and vote in May"
area = "citizenship"
how = "Easy-read sessions at the library"`},
		{"changes", `[[changes]]
id = "flat"
what = "Move into my own flat near Jo"
why = "I want my own front door"
whose_idea = "mine"
defined_how = "Amira chose this at her planning meeting using picture cards"
learning = ["bus"]

[[changes.milestones]]
what = "Visit three flats with Mum"
by = 2026-06-01
learning = ["vote"]

[[changes]]
id = "cafe"
what = "Work in a cafe"
whose_idea = "shared"
defined_how = "Amira and her job coach listed what she enjoys"
long_term = true
learning = ["work"]

[[changes.milestones]]
what = "Two trial mornings at Bean There"
by = 2026-09-01

[[changes.steps]]
what = "Food hygiene certificate"
by = 2026-04-01`},
		{"support", `[support]
staying_safe_and_well = "Amira carries a phone with location sharing; Jo checks in at 17:00."
ordinary_places = "The leisure centre, the library and the Saturday market."
right_people = "Jo has known Amira for six years and shares her love of swimming."

[[support.items]]
id = "travel"
what = "Travel training on the number 12 bus"
when = "Tuesdays and Thursdays, 8:30 to 9:30"
how = "Jo walks beside her, then follows at a distance"
who = "Jo, personal assistant"
hours_per_week = 2
budget_line = "pa"`},
		{"risks", `[[risks]]
id = "lost"
what = "Getting lost on the way to college"
likelihood = "high"
severity = "medium"
managed = "Location sharing on her phone; a card with Mum's number"`},
		{"budget", `[budget]
allocation = "20000.00"
uplift_percent = 2
value_for_money = "A PA costs less than the day centre and gives Amira the hours she chose."
if_things_go_wrong = "The contingency pays for agency cover while a new PA is found."

[[budget.lines]]
id = "pa"
what = "Personal assistant"
pa = true
funder = "local_authority"
hourly_rate = 13.50
hours_per_week = 2

[budget.employer]
liability_insurance = 150

[[budget.allocations]]
funder = "local_authority"
amount = "19000.00"

[budget.contingency]
percent = 5
purpose = "Agency cover when Jo is ill"`},
		{"management", `[management]
budget_type = "direct_payment"
managed_by = "Amira, with help from her mum"
how = "A payroll service pays Jo monthly."

[[management.responsibilities]]
who = "Mum"
what = "Signs timesheets with Amira"

[management.employer]
payroll = "Leeds Payroll Service"
insurance = "Employer's liability cover from Fish Insurance"
dbs_checks = "Enhanced DBS check through the council's service"
right_to_work_and_contracts = "Contract from the payroll service's template"
training = "First aid and Amira's communication chart"
supervision = "Monthly supervision with Mum and Amira"
employment_law = "Advice line included with the insurance"`},
		{"control", `[control]
summary = "Amira makes most everyday decisions."

[[control.decisions]]
what = "What I eat"
made_by = "me"
kind = "everyday"

[[control.decisions]]
what = "Changes to my medication"
made_by = "others"
kind = "health"
how_involved = "The GP explains changes with pictures and Amira agrees"`},
		{"learning_style", `[learning_style]
people = "Calm people who laugh with her"
environments = "Quiet rooms with daylight"
approaches = "Show, then do together, then watch"
pace = "One new step a week"
motivation = "Swimming after a good session"`},
		{"action_plan", `[action_plan]
how_checked = "Amira and Mum go through the wall chart on the first Sunday of the month."

[[action_plan.actions]]
what = "Book three flat viewings"
who = "Mum"
by = 2026-03-01
check = "Amira ticks it on her wall chart"
change = "flat"

[[action_plan.actions]]
what = "Ask Bean There for trial mornings"
who = "Jo"
by = 2026-04-01
change = "cafe"`},
		{"communication", `[[communication]]
situation = "At the bus stop"
i_do = "Hums loudly"
we_think = "She is excited"
we_should = "Talk about where we are going"`},
		{"working", `[working]
person_working = ["Swimming on Saturdays"]
person_not_working = ["Being rushed in the morning"]
family_working = ["Mum's part-time job"]
family_not_working = ["Mum doing all the driving"]`},
		{"family", `[family]
perspective = "Mum wants Amira to have her own life."
hopes = ["Amira has friends of her own"]
concerns = ["Amira being lonely in a flat"]`},
		{"emergencies", `[emergencies]
plan = "If Jo cannot come, Mum covers and calls the agency."`},
		{"training", `[[training]]
what = "Amira's communication chart"
who = "All PAs"
specific = true`},
		{"reviews", `[reviews]
how = "A meeting at home with Amira's circle"
how_often = "Every six months"
how_i_lead = "Amira chooses who comes and runs the agenda with her pictures"`},
		{"team", ``},
	}
}

// marker ends the line a case expects its finding on.
const marker = " #<"

// source builds the test plan: the base with some sections replaced (an empty body
// drops the section).
func source(over map[string]string) string {
	var parts []string
	for _, s := range baseSections() {
		body := s.body
		if o, ok := over[s.name]; ok {
			body = o
		}
		if body != "" {
			parts = append(parts, body)
		}
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// markedLine is the line of the marker in src, or 0 if there is none.
func markedLine(t *testing.T, src string) int {
	t.Helper()
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasSuffix(l, marker) {
			if line != 0 {
				t.Fatalf("two markers in the test plan (lines %d and %d)", line, i+1)
			}
			line = i + 1
		}
	}
	return line
}

func baseBody(t *testing.T, name string) string {
	t.Helper()
	for _, s := range baseSections() {
		if s.name == name {
			return s.body
		}
	}
	t.Fatalf("no base section %q", name)
	return ""
}

// mark puts the marker on the first line of body.
func mark(body string) string {
	first, rest, ok := strings.Cut(body, "\n")
	if !ok {
		return body + marker
	}
	return first + marker + "\n" + rest
}

// without is the base section with the lines starting "key =" removed, marked on its
// first line (the table header a missing key's finding falls back to).
func without(t *testing.T, name string, keys ...string) string {
	t.Helper()
	lines := strings.Split(baseBody(t, name), "\n")
	var kept []string
	removed := 0
lines:
	for _, l := range lines {
		for _, k := range keys {
			if strings.HasPrefix(l, k+" =") {
				removed++
				continue lines
			}
		}
		kept = append(kept, l)
	}
	if removed == 0 {
		t.Fatalf("section %q has none of the keys %v", name, keys)
	}
	return mark(strings.Join(kept, "\n"))
}

// edit is the base section with each old text replaced by its new text once.
func edit(t *testing.T, name string, oldNew ...string) string {
	t.Helper()
	body := baseBody(t, name)
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(body, oldNew[i]) {
			t.Fatalf("section %q does not contain %q", name, oldNew[i])
		}
		body = strings.Replace(body, oldNew[i], oldNew[i+1], 1)
	}
	return body
}

func parse(t *testing.T, src string) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("plan.toml", []byte(src), fstest.MapFS{})
	if err != nil {
		t.Fatalf("test plan does not load: %v\n%s", err, numbered(src))
	}
	return p
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, l)
	}
	return b.String()
}
