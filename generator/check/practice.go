package check

import (
	"regexp"
)

// Good practice in Learning and Living Support Planning, plan-wide dates, and
// consistency between parts of the plan that the loader does not already check (it
// rejects ids that refer to nothing).

const (
	areaPractice    = "good practice"
	areaConsistency = "consistency"
	areaPlan        = "plan"
)

// distressWords finds a communication chart row about distress or anxiety, which the
// good-practice list accepts in place of a separate distress section.
var distressWords = regexp.MustCompile(`(?i)\b(distress|distressed|anxious|anxiety|upset|overwhelmed|meltdown)\b`)

func goodPracticeRules() []rule {
	gp := func(id, summary, key, msg string, missing func(c *ctx) bool) rule {
		return rule{Rule{id, Advice, 0, summary}, areaPractice, func(c *ctx) []hit {
			if !missing(c) {
				return nil
			}
			return hitAt(key, msg, c.name)
		}}
	}
	return []rule{
		gp("gp-change-my-mind", "nothing on the person changing their mind (change_my_mind)", "change_my_mind",
			"Good practice: \"The plan should be clear about the possibility that the young person may change their "+
				"mind and describe how this should be acted upon.\" Add change_my_mind saying how %s will tell people "+
				"and what happens then.",
			func(c *ctx) bool { return blank(c.p.ChangeMyMind) }),
		gp("gp-communication-chart", "no communication chart (communication)", "communication",
			"Good practice: \"The plan should give examples of how the young person communicates\". Add "+
				"[[communication]] rows with situation, i_do, we_think and we_should for the ways %s communicates.",
			func(c *ctx) bool {
				for _, r := range c.p.Communication {
					if !blank(r.Situation) || !blank(r.IDo) || !blank(r.WeThink) || !blank(r.WeShould) {
						return false
					}
				}
				return true
			}),
		gp("gp-working-person", "nothing on what is working and not working for the person (working.person_working, working.person_not_working)",
			"working.person_working",
			"Good practice: separate out \"what is working/not working for the young person as an individual\". "+
				"Add working.person_working and working.person_not_working from %s's point of view.",
			func(c *ctx) bool { return noItems(c.p.Working.Person) && noItems(c.p.Working.PersonNot) }),
		gp("gp-working-family", "nothing on what is working and not working for the family (working.family_working, working.family_not_working)",
			"working.family_working",
			"Good practice: say what is working and not working for the family, separately from what is "+
				"working for %s. Add working.family_working and working.family_not_working.",
			func(c *ctx) bool { return noItems(c.p.Working.Family) && noItems(c.p.Working.FamilyNot) }),
		gp("gp-family-perspective", "no family perspective, hopes or concerns (family)", "family.perspective",
			"Good practice: \"highlight the family's perspective, hopes and concerns separately\" from %s's. "+
				"Add [family] with perspective, hopes and concerns (where appropriate).",
			func(c *ctx) bool {
				f := c.p.Family
				return blank(f.Perspective) && noItems(f.Hopes) && noItems(f.Concerns)
			}),
		gp("gp-pcp-link", "no link to a person-centred plan (plan.person_centred_plan)", "plan.person_centred_plan",
			"Good practice: \"The plan should have a clear link to a person centred plan or some detailed person "+
				"centred thinking tools.\" Add plan.person_centred_plan naming %s's person-centred plan or the tools used.",
			func(c *ctx) bool { return blank(c.p.Plan.PCPLink) }),
		gp("gp-contribution", "nothing on how the person contributed to the plan (plan.contribution)", "plan.contribution",
			"Good practice: \"The plan should describe how the young person contributed to this.\" Add "+
				"plan.contribution saying how %s took part.",
			func(c *ctx) bool { return blank(c.p.Plan.Contribution) }),
		gp("gp-distress", "nothing on support when the person is distressed or anxious (distress, or a communication row)", "distress",
			"Good practice: \"The plan should say how the young person should be supported when they are "+
				"distressed or anxious.\" Add distress, or a communication chart row for when %s is upset or anxious.",
			func(c *ctx) bool {
				if !blank(c.p.Distress) {
					return false
				}
				for _, r := range c.p.Communication {
					if distressWords.MatchString(r.Situation + " " + r.IDo + " " + r.WeThink) {
						return false
					}
				}
				return true
			}),
		gp("gp-emergency-plan", "nothing on how the person is supported in an emergency (emergencies.plan)", "emergencies.plan",
			"Good practice: \"The plan should say how the person should be supported if there was an emergency. "+
				"What are the contingency plans?\" Add emergencies.plan (and on_call and contacts) for %s.",
			func(c *ctx) bool { return blank(c.p.Emergencies.Plan) }),
		gp("gp-aspirations", "nothing on the person's aspirations (aspirations)", "aspirations",
			"Good practice: \"The plan should show that the person has the right to aspirations and encourage "+
				"this.\" Add aspirations: what %s dreams of, however far off.",
			func(c *ctx) bool { return blank(c.p.Aspirations) }),
		gp("gp-no-training", "no training for supporters is described (training)", "training",
			"Good practice: \"The plan should describe any training that the person who is offering support should "+
				"have, in particular that which is specific to the young person.\" Add [[training]] entries, "+
				"marking with specific = true the training that is about %s.",
			func(c *ctx) bool { return len(c.p.Training) == 0 }),
		gp("gp-training-not-specific", "no training specific to the person (training with specific = true)", "training",
			"Good practice: training should be \"in particular that which is specific to the young person\". None of "+
				"the training is marked specific = true: add the training supporters need to support %s in particular.",
			func(c *ctx) bool {
				if len(c.p.Training) == 0 {
					return false
				}
				for _, t := range c.p.Training {
					if t.Specific {
						return false
					}
				}
				return true
			}),
		gp("gp-dbs", "a paid team but nothing on DBS checks (management.employer.dbs_checks)", "management.employer.dbs_checks",
			"Good practice: DBS (formerly CRB) checks are strongly recommended for people supporting %s. Say in "+
				"management.employer.dbs_checks how they are done and who does them (the provider, or the employer).",
			func(c *ctx) bool {
				// With PAs employed, c7-pa-dbs-checks (a blocker) already says this.
				paidTeam := len(c.p.Team.Roles) > 0 || len(c.p.Team.Members) > 0
				return paidTeam && len(c.paLines) == 0 && blank(c.p.Management.Employer.DBS)
			}),
		gp("gp-pa-insurance-cost", "PAs are employed but the budget has no employer's liability insurance cost (budget.employer.liability_insurance)",
			"budget.employer.liability_insurance",
			"Good practice: insurance for PAs. The budget employs personal assistants for %s but has no cost for "+
				"employer's liability insurance: add budget.employer.liability_insurance (the yearly premium).",
			func(c *ctx) bool {
				return len(c.paLines) > 0 && c.p.Budget.Employer.LiabilityInsurance == 0
			}),
		gp("gp-choosing-supporters", "nothing on the person choosing their supporters (choosing_supporters)", "choosing_supporters",
			"Good practice: \"The plan should show the young person will be involved in choosing people to support "+
				"them.\" Add choosing_supporters saying how %s takes part (e.g. writing the advert, meeting candidates).",
			func(c *ctx) bool {
				return blank(c.p.Choosing) && blank(c.p.Service.Involvement.Recruitment)
			}),
		gp("gp-reviews-how", "nothing on how reviews happen (reviews.how)", "reviews.how",
			"Good practice: \"The plan should demonstrate how reviews will happen\". Add reviews.how and "+
				"reviews.how_often for %s's plan.",
			func(c *ctx) bool { return blank(c.p.Reviews.How) }),
		gp("gp-reviews-person-leads", "nothing on how the person drives reviews (reviews.how_i_lead)", "reviews.how_i_lead",
			"Good practice: show \"how the young person is involved in driving reviews and action planning\". Add "+
				"reviews.how_i_lead saying what %s does in their reviews.",
			func(c *ctx) bool { return blank(c.p.Reviews.HowILead) }),
	}
}

func consistencyRules() []rule {
	return []rule{
		{Rule{"plan-no-date", Advice, 0, "the plan has no date (plan.written), so date rules were skipped"}, areaPlan,
			func(c *ctx) []hit {
				if c.dated() {
					return nil
				}
				return hitAt("plan.written", "The plan has no date, so the checks that measure from it (milestones "+
					"within twelve months, actions in the past) were skipped. Add plan.written = YYYY-MM-DD.")
			}},
		{Rule{"consistency-review-before-written", Blocker, 0, "the plan's review date is before the date it was written"}, areaConsistency,
			func(c *ctx) []hit {
				r := c.p.Plan.Review
				if !c.dated() || !r.Set() || !r.Before(c.written) {
					return nil
				}
				return hitAt("plan.review", "The review date (%s) is before the date the plan was written (%s). "+
					"Give the date of the next review, after plan.written.", r.ISO(), iso(c.written))
			}},
	}
}
