package check

import (
	"fmt"

	"lifeplan/generator/plan"
)

// Criterion 5: how the person wants to be supported; risks.

const area5 = "criterion 5: support"

func supportRules() []rule {
	itemField := func(id string, sev Severity, field, question, summary string, get func(plan.SupportItem) string) rule {
		return rule{Rule{id, sev, 5, summary}, area5, func(c *ctx) []hit {
			var hs []hit
			for i, s := range c.p.Support.Items {
				if !blank(get(s)) {
					continue
				}
				name := describe("The support item", i, s.What, s.ID)
				msg := fmt.Sprintf("%s does not say %s. \"The plan should say exactly what support the young person "+
					"wants, when they need it and how they want this to be provided … [and] who would provide this "+
					"support\": add %s = \"...\".", name, question, field)
				if sev == Blocker {
					msg += " \"The plan will not be agreed if it is not clear what support the young person needs " +
						"to live and to continue learning.\""
				}
				hs = append(hs, hit{fmt.Sprintf("support.items[%d].%s", i, field), msg})
			}
			return hs
		}}
	}
	section := func(id string, sev Severity, key, summary, msg string, get func(plan.Support) string) rule {
		return rule{Rule{id, sev, 5, summary}, area5, func(c *ctx) []hit {
			if !blank(get(c.p.Support)) {
				return nil
			}
			return hitAt(key, msg, c.name)
		}}
	}
	return []rule{
		{Rule{"c5-no-support", Blocker, 5, "no support is described (support.items)"}, area5,
			func(c *ctx) []hit {
				if len(c.p.Support.Items) > 0 {
					return nil
				}
				return hitAt("support.items", "The plan does not describe any support. \"The plan will not be "+
					"agreed if it is not clear what support the young person needs to live and to continue "+
					"learning\": add [[support.items]] with what, when, how and who for each kind of help %s will use.",
					c.name)
			}},
		itemField("c5-support-no-what", Blocker, "what", "what the support is", "a support item does not say what the support is",
			func(s plan.SupportItem) string { return s.What }),
		itemField("c5-support-no-when", Blocker, "when", "when it is needed", "a support item does not say when it is needed",
			func(s plan.SupportItem) string { return s.When }),
		itemField("c5-support-no-who", Blocker, "who", "who provides it (family, friends, college, paid assistants …)",
			"a support item does not say who provides it", func(s plan.SupportItem) string { return s.Who }),
		itemField("c5-support-no-how", Advice, "how", "how it should be provided", "a support item does not say how it is provided",
			func(s plan.SupportItem) string { return s.How }),
		{Rule{"c5-high-risk-unmanaged", Blocker, 5, "a risk rated high (likelihood or severity) has no managed text"}, area5,
			func(c *ctx) []hit {
				var hs []hit
				for i, r := range c.p.Risks {
					if !blank(r.Managed) || (r.Likelihood != plan.LevelHigh && r.Severity != plan.LevelHigh) {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("risks[%d].managed", i), fmt.Sprintf("%s is rated high but "+
						"the plan does not say how it is managed. \"The plan must not be agreed if the person or "+
						"others are at great risk of harm and nothing is done about it\": add managed = \"...\" "+
						"saying what is done, by whom, and what happens if it goes wrong.",
						describe("The risk", i, r.What, r.ID))})
				}
				return hs
			}},
		{Rule{"c5-risk-not-managed", Advice, 5, "a risk not rated high has no managed text"}, area5,
			func(c *ctx) []hit {
				var hs []hit
				for i, r := range c.p.Risks {
					if !blank(r.Managed) || r.Likelihood == plan.LevelHigh || r.Severity == plan.LevelHigh {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("risks[%d].managed", i), fmt.Sprintf("%s does not say how it "+
						"is managed. \"Issues of safety and risk must be addressed\": add managed = \"...\".",
						describe("The risk", i, r.What, r.ID))})
				}
				return hs
			}},
		section("c5-no-staying-safe", Blocker, "support.staying_safe_and_well",
			"nothing says what support keeps the person safe and well (support.staying_safe_and_well)",
			"The support section does not say how %s will stay safe and well. The plan \"should say how they will "+
				"make sure the young person stays safe and well\" and include \"what support they need to stay safe "+
				"and well\": add support.staying_safe_and_well.",
			func(s plan.Support) string { return s.StayingSafe }),
		section("c5-no-ordinary-places", Advice, "support.ordinary_places",
			"nothing on using ordinary places (support.ordinary_places)",
			"The plan \"should show some thinking about the young person being included and using ordinary "+
				"places\": add support.ordinary_places saying where %s will go and who they will meet there.",
			func(s plan.Support) string { return s.OrdinaryPlaces }),
		section("c5-no-right-people", Advice, "support.right_people",
			"nothing shows the supporters are the right people (support.right_people)",
			"The plan \"should evidence that the people who provide the support programme for the young person are "+
				"the right people to do so\": add support.right_people saying why they suit %s.",
			func(s plan.Support) string { return s.RightPeople }),
	}
}
