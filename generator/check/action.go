package check

import (
	"fmt"

	"lifeplan/generator/plan"
)

// Criterion 9: how and where the person learns best.
// Criterion 10: the action plan.

const (
	area9  = "criterion 9: learning"
	area10 = "criterion 10: action plan"
)

func learningRules() []rule {
	aspect := func(id, field, summary, words string, get func(plan.LearningStyle) string) rule {
		return rule{Rule{id, Blocker, 9, fmt.Sprintf("nothing on %s (learning_style.%s)", summary, field)}, area9,
			func(c *ctx) []hit {
				if !blank(get(c.p.LearningStyle)) {
					return nil
				}
				return hitAt("learning_style."+field, "The plan does not say "+words+". \"The plan must describe "+
					"the best ways to help the young person learn\", in \"enough detail for people to use\": add "+
					"learning_style.%s, specific enough that it could not apply to anyone else.", c.name, field)
			}}
	}
	return []rule{
		aspect("c9-no-people", "people", "the best people to help the person learn", "who the best people are to help %s learn",
			func(l plan.LearningStyle) string { return l.People }),
		aspect("c9-no-environments", "environments", "the environments the person learns best in", "in what environments %s learns best",
			func(l plan.LearningStyle) string { return l.Environments }),
		aspect("c9-no-approaches", "approaches", "the approaches that help the person learn", "what approaches help %s learn",
			func(l plan.LearningStyle) string { return l.Approaches }),
		aspect("c9-no-pace", "pace", "the pace of learning", "at what pace %s learns best",
			func(l plan.LearningStyle) string { return l.Pace }),
		aspect("c9-no-motivation", "motivation", "what motivates the person", "what motivates %s",
			func(l plan.LearningStyle) string { return l.Motivation }),
	}
}

// perAction makes a rule that looks at each action in turn.
func perAction(id string, sev Severity, summary string, judge func(c *ctx, at, name string, a plan.Action) (key, msg string)) rule {
	return rule{Rule{id, sev, 10, summary}, area10, func(c *ctx) []hit {
		var hs []hit
		for i, a := range c.p.ActionPlan.Actions {
			at := fmt.Sprintf("action_plan.actions[%d]", i)
			if key, msg := judge(c, at, describe("The action", i, a.What, ""), a); msg != "" {
				hs = append(hs, hit{key, msg})
			}
		}
		return hs
	}}
}

func actionPlanRules() []rule {
	return []rule{
		{Rule{"c10-no-actions", Blocker, 10, "the action plan has no actions (action_plan.actions)"}, area10,
			func(c *ctx) []hit {
				if len(c.p.ActionPlan.Actions) > 0 {
					return nil
				}
				return hitAt("action_plan.actions", "The action plan has no actions. \"There need to be clear actions "+
					"that will make sure the plan will happen\": add [[action_plan.actions]] with what, who, by and "+
					"the change it serves.")
			}},
		perAction("c10-action-no-what", Blocker, "an action does not say what will be done",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if !blank(a.What) {
					return "", ""
				}
				return at + ".what", name + " does not say what will be done. \"The plan should not be agreed if it " +
					"just says some general things that need to happen\": add what = \"...\"."
			}),
		perAction("c10-action-no-who", Blocker, "an action does not say who is responsible",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if !blank(a.Who) {
					return "", ""
				}
				return at + ".who", name + " does not say who will do it. \"The plan should say who will be " +
					"responsible for each action and when it will be done\": add who = \"...\"."
			}),
		perAction("c10-action-no-date", Blocker, "an action has no date (by)",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if a.By.Set() {
					return "", ""
				}
				return at + ".by", name + " has no date. \"The plan should say who will be responsible for each " +
					"action and when it will be done\": add by = YYYY-MM-DD."
			}),
		perAction("c10-action-in-past", Blocker, "an action is dated before the plan date",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if !c.dated() || !a.By.Set() || !a.By.Before(c.written) {
					return "", ""
				}
				return at + ".by", fmt.Sprintf("%s is dated %s, before the plan's date (%s). The action plan "+
					"\"sets out real and measurable things that will happen in the future\": give it a date still "+
					"to come, or move it to the plan's history if it is done.", name, a.By.ISO(), iso(c.written))
			}),
		{Rule{"c10-no-how-checked", Blocker, 10, "nothing says how the action plan will be checked (action_plan.how_checked)"}, area10,
			func(c *ctx) []hit {
				if !blank(c.p.ActionPlan.HowChecked) {
					return nil
				}
				return hitAt("action_plan.how_checked", "The action plan does not say how it will be checked. \"The "+
					"plan should say how the action plan will be checked to ensure that problems can be dealt with as "+
					"they arise\": add action_plan.how_checked (who checks, how often, what happens if an action slips).")
			}},
		perAction("c10-action-no-change", Advice, "an action does not say which change it serves (change)",
			func(c *ctx, at, name string, a plan.Action) (string, string) {
				if a.Change != "" || len(c.p.Changes) == 0 {
					return "", ""
				}
				return at + ".change", name + " does not say which change it serves. \"It should be clear how these " +
					"actions will help the young person to make the changes that they said they wanted to make\": add " +
					"change = \"<change id>\"."
			}),
		{Rule{"c10-change-no-action", Advice, 10, "a change has no action in the action plan"}, area10,
			func(c *ctx) []hit {
				var hs []hit
				for i, ch := range c.p.Changes {
					name := describe("The change", i, ch.What, ch.ID)
					at := fmt.Sprintf("changes[%d]", i)
					if ch.ID == "" {
						hs = append(hs, hit{at + ".id", name + " has no id, so no action can say it serves it: " +
							"give it id = \"...\" and add an action with change = that id."})
						continue
					}
					served := false
					for _, a := range c.p.ActionPlan.Actions {
						served = served || a.Change == ch.ID
					}
					if !served {
						hs = append(hs, hit{at, fmt.Sprintf("%s has no action in the action plan. \"There need to "+
							"be clear actions that will make sure the plan will happen\": add an [[action_plan.actions]] "+
							"entry with change = %q.", name, ch.ID)})
					}
				}
				return hs
			}},
	}
}
