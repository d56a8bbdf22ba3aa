package check

import (
	"fmt"
	"regexp"
	"strings"
)

// Wording: phrases the panel reads as "written in very general terms" ("The plan
// will not be agreed if it is written in very general terms"), and support that does
// not say how much or how often.

const areaWording = "wording"

// vague finds the vague phrases, whole words only, any case, any spacing. Longer
// phrases come first so "support as needed" is reported once, not also as "as needed".
var vague = regexp.MustCompile(`(?i)\b(?:support\s+as\s+needed|as\s+needed|as\s+and\s+when|as\s+required|` +
	`access\s+to|opportunities\s+to|opportunity\s+to|regularly|regular)\b|\betc\b\.?`)

// amount finds a number in a support item's "when": digits, or a number word.
var amount = regexp.MustCompile(`(?i)[0-9]|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|dozen)\b`)

// vaguePhrases returns the distinct vague phrases in s, in order, in lower case.
func vaguePhrases(s string) []string {
	var out []string
	for _, m := range vague.FindAllString(s, -1) {
		m = strings.Join(strings.Fields(strings.ToLower(m)), " ")
		if m == "etc" {
			m = "etc."
		}
		dup := false
		for _, o := range out {
			dup = dup || o == m
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

// field is one piece of text to read for vague wording.
type field struct{ key, text string }

func vagueRule(id string, criterion int, what string, fields func(c *ctx) []field) rule {
	return rule{Rule{id, Advice, criterion, "vague wording (\"access to\", \"regular\", \"as needed\", \"etc.\" …) in " + what}, areaWording,
		func(c *ctx) []hit {
			var hs []hit
			for _, f := range fields(c) {
				ps := vaguePhrases(f.text)
				if len(ps) == 0 {
					continue
				}
				qs := make([]string, len(ps))
				for i, p := range ps {
					qs[i] = fmt.Sprintf("%q", p)
				}
				hs = append(hs, hit{f.key, fmt.Sprintf("%s says %s, which is vague. \"The plan will not be agreed "+
					"if it is written in very general terms\": say exactly what, how much and how often (e.g. "+
					"\"two hours every Tuesday\" rather than \"regular\").", f.key, strings.Join(qs, ", "))})
			}
			return hs
		}}
}

func wordingRules() []rule {
	return []rule{
		vagueRule("wording-vague-outcome", 3, "learning outcomes (outcomes[].what, .how)", func(c *ctx) []field {
			var fs []field
			for i, o := range c.p.Outcomes {
				at := fmt.Sprintf("outcomes[%d]", i)
				fs = append(fs, field{at + ".what", o.What}, field{at + ".how", o.How})
			}
			return fs
		}),
		vagueRule("wording-vague-change", 4, "changes and milestones (changes[].what, changes[].milestones[].what)", func(c *ctx) []field {
			var fs []field
			for i, ch := range c.p.Changes {
				at := fmt.Sprintf("changes[%d]", i)
				fs = append(fs, field{at + ".what", ch.What})
				for j, m := range ch.Milestones {
					fs = append(fs, field{fmt.Sprintf("%s.milestones[%d].what", at, j), m.What})
				}
			}
			return fs
		}),
		vagueRule("wording-vague-support", 5, "support items (support.items[].what, .when, .how)", func(c *ctx) []field {
			var fs []field
			for i, s := range c.p.Support.Items {
				at := fmt.Sprintf("support.items[%d]", i)
				fs = append(fs, field{at + ".what", s.What}, field{at + ".when", s.When}, field{at + ".how", s.How})
			}
			return fs
		}),
		{Rule{"wording-support-how-much", Advice, 5, "a support item has neither hours_per_week nor a number in when"}, areaWording,
			func(c *ctx) []hit {
				var hs []hit
				for i, s := range c.p.Support.Items {
					if s.HoursPerWeek > 0 || blank(s.When) || amount.MatchString(s.When) {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("support.items[%d].when", i), fmt.Sprintf("%s does not say how "+
						"much or how often (when = %s). \"The plan should say exactly what support the young person "+
						"wants, when they need it\": add hours_per_week, or put the times in when (e.g. \"Tuesdays "+
						"10:00 to 12:00\", \"twice a week\").", describe("The support item", i, s.What, s.ID), quote(s.When))})
				}
				return hs
			}},
		vagueRule("wording-vague-action", 10, "actions (action_plan.actions[].what, .check)", func(c *ctx) []field {
			var fs []field
			for i, a := range c.p.ActionPlan.Actions {
				at := fmt.Sprintf("action_plan.actions[%d]", i)
				fs = append(fs, field{at + ".what", a.What}, field{at + ".check", a.Check})
			}
			return fs
		}),
	}
}
