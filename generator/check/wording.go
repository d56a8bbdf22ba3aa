package check

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Wording: phrases the panel reads as "written in very general terms" ("The plan
// will not be agreed if it is written in very general terms"), and support that does
// not say how much or how often.

const areaWording = "wording"

// vaguePattern is one phrase that makes provision unenforceable, as the SEND Code of
// Practice (paragraphs 9.61 to 9.69: provision "must be detailed and specific and
// should normally be quantified, for example, in terms of the type, hours and
// frequency of support and level of expertise") and tribunal decisions read it.
type vaguePattern struct {
	words []string
	// vagueAt reports whether the match at ts[i] is the vague use, not a near miss
	// ("up to date", "in May"); nil means always.
	vagueAt func(ts []token, i int) bool
}

// vaguePatterns, by their first word, are tried longest first at each word, so
// "support as needed" is reported once, not also as "as needed".
var vaguePatterns = func() map[string][]vaguePattern {
	var ps []vaguePattern
	add := func(f func(ts []token, i int) bool, phrases ...string) {
		for _, p := range phrases {
			ps = append(ps, vaguePattern{words(p), f})
		}
	}
	add(nil,
		"support as needed", "support as required", "support as appropriate",
		"support will be provided", "support will be given", "support will be offered",
		"support will be available", "support where needed", "support when needed", "support if needed",
		"as and when", "as needed", "as required", "as appropriate", "as necessary",
		"where appropriate", "where possible", "where necessary", "where needed",
		"when needed", "when required", "if needed", "if required", "if necessary",
		"access to", "opportunities to", "opportunities for", "opportunity to", "opportunity for",
		"opportunities", "opportunity", "regularly", "regular", "ongoing", "input",
		"would benefit from", "will benefit from", "could benefit from", "etc")
	// "with support" is vague when nothing follows it in the clause ("cooks with
	// support."); "with support from Beth on Mondays" says whose.
	add(func(ts []token, i int) bool { return ts[i+1].clauseEnd }, "with support")
	// "up to" is vague as a ceiling on provision ("up to 10 hours", "up to six
	// sessions"), not in "up to date" or a spending limit ("up to £500 at a time").
	add(func(ts []token, i int) bool {
		return i+3 < len(ts) && isNumber(ts[i+2].word) && provisionUnit[ts[i+3].word]
	}, "up to")
	// "some", but not "some of them".
	add(func(ts []token, i int) bool { return i+1 >= len(ts) || ts[i+1].word != "of" }, "some")
	add(mayIsVerb, "may")
	slices.SortStableFunc(ps, func(a, b vaguePattern) int { return cmp.Compare(len(b.words), len(a.words)) })
	byFirst := map[string][]vaguePattern{}
	for _, p := range ps {
		byFirst[p.words[0]] = append(byFirst[p.words[0]], p)
	}
	return byFirst
}()

// provisionUnit are the words that measure provision after a number.
var provisionUnit = map[string]bool{
	"hour": true, "hours": true, "session": true, "sessions": true, "visit": true, "visits": true,
	"day": true, "days": true, "night": true, "nights": true, "week": true, "weeks": true,
	"minute": true, "minutes": true, "times": true, "lessons": true, "appointments": true, "shifts": true,
}

// mayIsVerb tells "may" the verb ("Amira may need help") from May the month ("in
// May", "by 14 May 2027", "May 2027"): a capital M is the month unless it starts a
// clause before a verb.
func mayIsVerb(ts []token, i int) bool {
	if i+1 < len(ts) && isNumber(ts[i+1].word) {
		return false
	}
	if i > 0 {
		switch ts[i-1].word {
		case "in", "on", "by", "of", "from", "until", "till", "since", "during", "last", "next", "this",
			"early", "late", "mid", "end", "before", "after":
			return false
		}
		if isNumber(ts[i-1].word) {
			return false
		}
	}
	if !ts[i].capital {
		return true
	}
	startsClause := i == 0 || ts[i-1].clauseEnd
	if !startsClause || i+1 >= len(ts) {
		return false
	}
	switch ts[i+1].word {
	case "be", "need", "needs", "have", "want", "benefit", "require", "get", "find", "use", "go", "also", "not":
		return true
	}
	return false
}

// isNumber reports whether a word is a number: digits, or a number word.
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "forty", "fifty", "half", "a":
		return true
	}
	return false
}

// amount finds a number in a support item's "when": digits, or a number word.
var amount = regexp.MustCompile(`(?i)[0-9]|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|dozen)\b`)

// vaguePhrases returns the distinct vague phrases in s, in order, in lower case.
func vaguePhrases(s string) []string {
	ts := tokens(s)
	var out []string
	for i := 0; i < len(ts); {
		n := 1
		for _, p := range vaguePatterns[ts[i].word] {
			if !matchAt(ts, i, p.words) || (p.vagueAt != nil && !p.vagueAt(ts, i)) {
				continue
			}
			m := strings.Join(p.words, " ")
			if m == "etc" {
				m = "etc."
			}
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
			n = len(p.words)
			break
		}
		i += n
	}
	return out
}

// field is one piece of text to read for vague wording.
type field struct{ key, text string }

func vagueRule(id string, criterion int, what string, fields func(c *ctx) []field) rule {
	return rule{Rule{id, Advice, criterion, "vague wording (\"support will be provided\", \"access to\", \"regular\", \"as needed\", \"may\" …) in " + what}, areaWording,
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
					"if it is written in very general terms\", and provision that does not say its type, hours, "+
					"frequency and who gives it cannot be held to: say exactly what, how much, how often and by whom "+
					"(e.g. \"two hours every Tuesday with Beth\" rather than \"regular support\").", f.key, strings.Join(qs, ", "))})
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
		vagueRule("wording-vague-change", 4, "changes, milestones and steps (changes[].what, .defined_how, .milestones[].what, .steps[].what)", func(c *ctx) []field {
			var fs []field
			for i, ch := range c.p.Changes {
				at := fmt.Sprintf("changes[%d]", i)
				fs = append(fs, field{at + ".what", ch.What}, field{at + ".defined_how", ch.DefinedHow})
				for j, m := range ch.Milestones {
					fs = append(fs, field{fmt.Sprintf("%s.milestones[%d].what", at, j), m.What})
				}
				for j, st := range ch.Steps {
					fs = append(fs, field{fmt.Sprintf("%s.steps[%d].what", at, j), st.What})
				}
			}
			return fs
		}),
		vagueRule("wording-vague-support", 5, "support (support.items[].what, .when, .how, .who; support.summary, .staying_safe_and_well, .when_not_going_well)", func(c *ctx) []field {
			sp := c.p.Support
			fs := []field{{"support.summary", sp.Summary}, {"support.staying_safe_and_well", sp.StayingSafe},
				{"support.when_not_going_well", sp.NotGoingWell}}
			for i, s := range sp.Items {
				at := fmt.Sprintf("support.items[%d]", i)
				fs = append(fs, field{at + ".what", s.What}, field{at + ".when", s.When}, field{at + ".how", s.How}, field{at + ".who", s.Who})
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
		vagueRule("wording-vague-risk", 5, "risks and how they are managed (risks[].what, .managed)", func(c *ctx) []field {
			var fs []field
			for i, r := range c.p.Risks {
				at := fmt.Sprintf("risks[%d]", i)
				fs = append(fs, field{at + ".what", r.What}, field{at + ".managed", r.Managed})
			}
			return fs
		}),
		vagueRule("wording-vague-contingency", 6, "the contingency fund and what happens if things go wrong (budget.contingency.purpose, .released_by; budget.if_things_go_wrong)", func(c *ctx) []field {
			b := c.p.Budget
			return []field{{"budget.contingency.purpose", b.Contingency.Purpose}, {"budget.contingency.released_by", b.Contingency.ReleasedBy},
				{"budget.if_things_go_wrong", b.IfThingsGoWrong}}
		}),
		vagueRule("wording-vague-management", 7, "how the budget is managed (management.how, .responsibilities[].what, .employer.*)", func(c *ctx) []field {
			m := c.p.Management
			fs := []field{{"management.how", m.How}}
			for i, r := range m.Responsibilities {
				fs = append(fs, field{fmt.Sprintf("management.responsibilities[%d].what", i), r.What})
			}
			for _, d := range employerDuties() {
				fs = append(fs, field{"management.employer." + d.field, d.get(m.Employer)})
			}
			return fs
		}),
		vagueRule("wording-vague-learning-style", 9, "how the person learns best (learning_style.*)", func(c *ctx) []field {
			l := c.p.LearningStyle
			return []field{{"learning_style.people", l.People}, {"learning_style.environments", l.Environments},
				{"learning_style.approaches", l.Approaches}, {"learning_style.pace", l.Pace}, {"learning_style.motivation", l.Motivation}}
		}),
		vagueRule("wording-vague-action", 10, "the action plan (action_plan.how_checked, .actions[].what, .check)", func(c *ctx) []field {
			fs := []field{{"action_plan.how_checked", c.p.ActionPlan.HowChecked}}
			for i, a := range c.p.ActionPlan.Actions {
				at := fmt.Sprintf("action_plan.actions[%d]", i)
				fs = append(fs, field{at + ".what", a.What}, field{at + ".check", a.Check})
			}
			return fs
		}),
	}
}
