package check

import (
	"fmt"
	"strings"
	"unicode"

	"lifeplan/generator/plan"
)

// Criterion 7: how the budget is managed and support organised.
// Criterion 8: how the person gains more control of their life.

const (
	area7 = "criterion 7: management"
	area8 = "criterion 8: control"
)

// employerDuty is one duty of employing personal assistants.
type employerDuty struct {
	id, field, what string
	get             func(plan.EmployerDuties) string
}

func employerDuties() []employerDuty {
	return []employerDuty{
		{"c7-pa-payroll", "payroll", "how salaries, tax and National Insurance will be paid (payroll)",
			func(d plan.EmployerDuties) string { return d.Payroll }},
		{"c7-pa-insurance", "insurance", "what employer's liability insurance is in place",
			func(d plan.EmployerDuties) string { return d.Insurance }},
		{"c7-pa-dbs-checks", "dbs_checks", "how DBS checks will be done",
			func(d plan.EmployerDuties) string { return d.DBS }},
		{"c7-pa-right-to-work", "right_to_work_and_contracts", "how right-to-work checks and written contracts will be done",
			func(d plan.EmployerDuties) string { return d.RightToWork }},
		{"c7-pa-training", "training", "how the assistants will be trained",
			func(d plan.EmployerDuties) string { return d.Training }},
		{"c7-pa-supervision", "supervision", "how the assistants will be supported and supervised",
			func(d plan.EmployerDuties) string { return d.Supervision }},
		{"c7-pa-employment-law", "employment_law", "how employment and discrimination law will be followed",
			func(d plan.EmployerDuties) string { return d.EmploymentLaw }},
	}
}

func managementRules() []rule {
	rs := []rule{
		{Rule{"c7-no-manager", Blocker, 7, "nobody is named as managing the budget (management.managed_by)"}, area7,
			func(c *ctx) []hit {
				if !blank(c.p.Management.ManagedBy) {
					return nil
				}
				return hitAt("management.managed_by", "The plan does not say who will manage the budget. \"The plan "+
					"should say who and how the budget is going to be managed\": add management.managed_by (and "+
					"management.how).")
			}},
		{Rule{"c7-no-budget-type", Advice, 7, "the budget type is not given (management.budget_type)"}, area7,
			func(c *ctx) []hit {
				if !blank(c.p.Management.BudgetType) {
					return nil
				}
				ids := make([]string, len(plan.BudgetTypes))
				for i, t := range plan.BudgetTypes {
					ids[i] = fmt.Sprintf("%q", t.ID)
				}
				return hitAt("management.budget_type", "The plan does not say what kind of budget this is: add "+
					"management.budget_type, one of %s.", strings.Join(ids, ", "))
			}},
		{Rule{"c7-responsibilities-unclear", Blocker, 7, "nothing says who is responsible for what (management.responsibilities)"}, area7,
			func(c *ctx) []hit {
				if len(c.p.Management.Responsibilities) > 0 {
					return nil
				}
				return hitAt("management.responsibilities", "Responsibilities are unclear. \"The plan will not be agreed "+
					"if it is unclear who is responsible for what\": add [[management.responsibilities]] with who and "+
					"what for each person or organisation involved.")
			}},
		{Rule{"c7-responsibility-incomplete", Blocker, 7, "a responsibility does not say who or what"}, area7,
			func(c *ctx) []hit {
				var hs []hit
				for i, r := range c.p.Management.Responsibilities {
					at := fmt.Sprintf("management.responsibilities[%d]", i)
					switch {
					case blank(r.Who) && blank(r.What):
						hs = append(hs, hit{at, fmt.Sprintf("Responsibility number %d is empty: give who and what, "+
							"or remove it.", i+1)})
					case blank(r.Who):
						hs = append(hs, hit{at + ".who", fmt.Sprintf("The responsibility %s does not say who holds "+
							"it. \"The plan will not be agreed if it is unclear who is responsible for what\": add who.",
							quote(r.What))})
					case blank(r.What):
						hs = append(hs, hit{at + ".what", fmt.Sprintf("The responsibility of %s does not say what "+
							"they are responsible for: add what.", quote(r.Who))})
					}
				}
				return hs
			}},
	}
	for _, d := range employerDuties() {
		rs = append(rs, rule{Rule{d.id, Blocker, 7,
			fmt.Sprintf("PAs are employed but management.employer.%s is empty", d.field)}, area7,
			func(c *ctx) []hit {
				if len(c.paLines) == 0 || !blank(d.get(c.p.Management.Employer)) {
					return nil
				}
				return hitAt("management.employer."+d.field, "The budget employs personal assistants "+
					"(budget.lines[%d] has pa = true) but the plan does not say %s. \"The plan will not be agreed … "+
					"if the person doesn't intend to do everything that they must do by law. The plan must take into "+
					"account employment and discrimination laws\": add management.employer.%s.",
					c.paLines[0], d.what, d.field)
			}})
	}
	return rs
}

func controlRules() []rule {
	return append(decisionRules(), []rule{
		{Rule{"c8-no-decisions", Blocker, 8, "no decisions are described (control.decisions)"}, area8,
			func(c *ctx) []hit {
				if len(c.p.Control.Decisions) > 0 {
					return nil
				}
				return hitAt("control.decisions", "The plan does not describe any decisions. \"The plan should "+
					"describe the decisions that they will be making, and those that others make\": add "+
					"[[control.decisions]] with what and made_by (\"me\", \"shared\" or \"others\"), and for "+
					"decisions others make, how_involved.")
			}},
		{Rule{"c8-others-decide-everything", Blocker, 8, "every decision is made by others and none says how the person is involved"}, area8,
			func(c *ctx) []hit {
				ds := c.p.Control.Decisions
				if len(ds) == 0 {
					return nil
				}
				for _, d := range ds {
					if d.MadeBy != plan.DecidesOthers || !blank(d.HowInvolved) {
						return nil
					}
				}
				return hitAt("control.decisions", "Every decision is made by others and none says how %s is "+
					"involved. \"The plan will not be agreed if it looks like others are making decisions for the "+
					"person if they could reasonably make those decisions for themselves\": add the decisions %s makes "+
					"(made_by = \"me\" or \"shared\") and, for each decision others make, how_involved.", c.name, c.name)
			}},
		{Rule{"c8-decision-not-involved", Advice, 8, "a decision others make does not say how the person is involved (how_involved)"}, area8,
			func(c *ctx) []hit {
				ds := c.p.Control.Decisions
				allOthers := len(ds) > 0
				for _, d := range ds {
					if d.MadeBy != plan.DecidesOthers || !blank(d.HowInvolved) {
						allOthers = false
					}
				}
				if allOthers { // c8-others-decide-everything says it for all of them
					return nil
				}
				var hs []hit
				for i, d := range ds {
					if d.MadeBy != plan.DecidesOthers || !blank(d.HowInvolved) {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("control.decisions[%d].how_involved", i), fmt.Sprintf("%s is made "+
						"by others but does not say how %s is involved. \"Where other people make decisions for them, "+
						"it has to be clear how they involve the person and get their agreement\": add how_involved.",
						describe("The decision", i, d.What, ""), c.name)})
				}
				return hs
			}},
		{Rule{"c8-no-money-review", Blocker, 8, "someone else holds the money and nothing says how often the person reviews progress (control.money_review.how_often)"}, area8,
			func(c *ctx) []hit {
				holder, other := moneyHeldByOther(c.p)
				if !other || !blank(c.p.Control.MoneyReview.HowOften) {
					return nil
				}
				return hitAt("control.money_review.how_often", "The money is held by someone other than %s (%s) but "+
					"the plan does not say how often they review progress together. \"If someone else is going to "+
					"manage the money on their behalf … the plan should say how they want to review the progress of "+
					"their learning, their support plan and the support they are receiving, with them and how "+
					"often\": add [control.money_review] with who, how and how_often.", c.name, holder)
			}},
	}...)
}

// moneyHeldByOther reports whether someone other than the person holds the money,
// and why the check thinks so: the budget type is one where a provider, agent or the
// council holds it, or managed_by does not name the person.
func moneyHeldByOther(p *plan.Plan) (why string, other bool) {
	m := p.Management
	switch m.BudgetType {
	case "individual_service_fund", "managed_account", "council_arranged":
		return "the budget type is " + plan.Label(plan.BudgetTypes, m.BudgetType), true
	}
	if blank(m.ManagedBy) || namesPerson(m.ManagedBy, p.Person) {
		return "", false
	}
	return "managed_by is " + quote(m.ManagedBy), true
}

// namesPerson reports whether text names the person as (one of) those who manage the
// money: their first or preferred name, or "me", "myself" or "I", as a word of
// its own. "Amira's mum" does not name Amira; "Amira, with her mum" does.
func namesPerson(text string, person plan.Person) bool {
	words := wordsOf(text)
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"me", "myself", "i"} {
		if has(w) {
			return true
		}
	}
	name := wordsOf(person.Name)
	if len(name) > 0 && has(name[0]) {
		return true
	}
	for _, w := range wordsOf(person.PreferredName) {
		if has(w) {
			return true
		}
	}
	return false
}

// wordsOf splits text into lower-case words; an apostrophe stays inside a word, so
// a possessive ("amira's") is not the name.
func wordsOf(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-' })
}
