package check

import (
	"fmt"

	"lifeplan/generator/plan"
)

// Criteria 1 to 3: who the person is, what is important to them and for them.

const (
	area1 = "criterion 1: who you are"
	area2 = "criterion 2: important to"
	area3 = "criterion 3: important for"
)

func whoYouAreRules() []rule {
	missing := func(id, key string, get func(plan.About) []plan.Item, summary, msg string) rule {
		return rule{Rule{id, Blocker, 1, summary}, area1, func(c *ctx) []hit {
			if !noItems(get(c.p.About)) {
				return nil
			}
			return hitAt(key, msg, c.name)
		}}
	}
	return []rule{
		missing("c1-no-strengths", "about.good_at", func(a plan.About) []plan.Item { return a.GoodAt },
			"nothing says what the person is good at (about.good_at)",
			"The plan does not say what %s is good at. Criterion 1 asks \"What are you good at?\": "+
				"add about.good_at with their strengths, in all areas of their life."),
		missing("c1-no-achievements", "about.achievements", func(a plan.About) []plan.Item { return a.Achievements },
			"nothing says what the person has achieved (about.achievements)",
			"The plan does not say what %s has achieved. \"The plan will not be agreed if it does not give "+
				"information about their learning and achievements now\": add about.achievements."),
		missing("c1-no-learning-now", "about.learning_now", func(a plan.About) []plan.Item { return a.LearningNow },
			"nothing says where the person is now with their learning (about.learning_now)",
			"The plan does not say where %s is now with their learning. \"The plan will not be agreed if it does "+
				"not give information about their learning and achievements now, and what they need to learn next\": "+
				"add about.learning_now."),
		missing("c1-no-learning-next", "about.learning_next", func(a plan.About) []plan.Item { return a.LearningNext },
			"nothing says what the person wants or needs to learn next (about.learning_next)",
			"The plan does not say what %s needs to learn next. The criteria call this \"critical as this will "+
				"show progression\": add about.learning_next."),
		{Rule{"c1-no-who-i-am", Advice, 1, "no description of the person in their own words (about.who_i_am)"}, area1,
			func(c *ctx) []hit {
				if !blank(c.p.About.WhoIAm) {
					return nil
				}
				return hitAt("about.who_i_am", "There is no description of who %s is. \"If someone reads a plan, they "+
					"should get a good sense of the young person and their lifestyle\": add about.who_i_am, "+
					"written so it could not be about anyone else.", c.name)
			}},
	}
}

func importantToRules() []rule {
	return []rule{
		{Rule{"c2-nothing-important-to", Blocker, 2, "nothing recorded as important to the person (important_to)"}, area2,
			func(c *ctx) []hit {
				it := c.p.ImportantTo
				if !noItems(it.Items) || !blank(it.Summary) {
					return nil
				}
				return hitAt("important_to.items", "Nothing is recorded as important to %s. Criterion 2 asks "+
					"\"What is important to you?\": add important_to.items (and a summary if it helps), "+
					"in their words where possible.", c.name)
			}},
		{Rule{"c2-no-want-to-learn", Advice, 2, "nothing says what the person wants to learn (important_to.want_to_learn)"}, area2,
			func(c *ctx) []hit {
				if !noItems(c.p.ImportantTo.WantToLearn) {
					return nil
				}
				return hitAt("important_to.want_to_learn", "Criterion 2 also asks \"What do you want to learn?\": "+
					"add important_to.want_to_learn with what %s wants to learn.", c.name)
			}},
	}
}

func importantForRules() []rule {
	outcome := func(area plan.OutcomeArea, id, words string) rule {
		label := plan.Label(plan.OutcomeAreas, string(area))
		return rule{Rule{id, Blocker, 3, fmt.Sprintf("no learning outcome with area = %q", area)}, area3,
			func(c *ctx) []hit {
				for _, o := range c.p.Outcomes {
					if o.Area == area {
						return nil
					}
				}
				return hitAt("outcomes", "No learning outcome supports %s. \"The plan will not be agreed if it does "+
					"not include learning outcomes that support community inclusion, employment opportunities and "+
					"citizenship\": add an [[outcomes]] entry with area = %q (%s), saying what %s will learn and how.",
					words, area, label, c.name)
			}}
	}
	return []rule{
		{Rule{"c3-no-healthy", Blocker, 3, "nothing says how the person will stay healthy (important_for.healthy)"}, area3,
			func(c *ctx) []hit {
				if !noItems(c.p.ImportantFor.Healthy) {
					return nil
				}
				return hitAt("important_for.healthy", "The plan does not say how %s will stay healthy. \"The plan "+
					"will not be agreed if it does not describe how the young person will stay healthy and safe\": "+
					"add important_for.healthy.", c.name)
			}},
		{Rule{"c3-no-safe", Blocker, 3, "nothing says how the person will stay safe (important_for.safe)"}, area3,
			func(c *ctx) []hit {
				if !noItems(c.p.ImportantFor.Safe) {
					return nil
				}
				return hitAt("important_for.safe", "The plan does not say how %s will stay safe. \"The plan will "+
					"not be agreed if it does not describe how the young person will stay healthy and safe\": "+
					"add important_for.safe.", c.name)
			}},
		outcome(plan.AreaCommunity, "c3-no-community-outcome", "community inclusion"),
		outcome(plan.AreaEmployment, "c3-no-employment-outcome", "employment opportunities"),
		outcome(plan.AreaCitizenship, "c3-no-citizenship-outcome", "citizenship"),
	}
}
