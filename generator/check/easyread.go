package check

import (
	"fmt"
	"strings"
	"unicode"

	"lifeplan/generator/plan"
)

// Easy read: the easy-read version of the plan is for the young person, so every
// sentence it prints should be short. GOV.UK's guidance on easy read ("Accessible
// communication formats", Disability Unit,
// https://www.gov.uk/government/publications/inclusive-communication/accessible-communication-formats#easy-read-and-makaton):
// "keep sentences short – they should be no more than ten to 15 words", "each
// sentence should have just one idea", "keep the number of pages to 24 or less", and
// "include a glossary explaining abbreviations and jargon". Where the plan gives
// easy-read words (easy, easy_summary, easy_purpose) they are printed; otherwise the
// text itself, and these rules say which texts need easy words. The one-page
// profile must fit on one A4 page.

const areaEasyRead = "easy read"

// MaxEasyWords is the most words an easy-read sentence should have.
const MaxEasyWords = 15

// EasyText is one piece of the plan's text that the easy-read version prints.
type EasyText struct {
	Key     string // where the text is written, e.g. "about.good_at[1]" or "changes[0].what"
	EasyKey string // where its easy-read words go, e.g. "changes[0].easy"; "" when it has none of its own
	Text    string // the text as written
	Easy    string // its easy-read words, if given
}

// Shown is what the easy-read version prints: the easy words if given, else the text.
func (e EasyText) Shown() string {
	if strings.TrimSpace(e.Easy) != "" {
		return e.Easy
	}
	return e.Text
}

// Flagged reports whether the easy-read version prints a sentence longer than
// MaxEasyWords from this text: it has no easy words and its own are long, or its
// easy words are long too.
func (e EasyText) Flagged() bool {
	return LongestSentence(e.Shown()) > MaxEasyWords
}

// Sentences splits text into sentences: a sentence ends at '.', '!' or '?' followed
// by a space or the end of the text (so "16.5 hours" stays whole).
func Sentences(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
			continue
		}
		end := i + 1
		for end < len(rs) && strings.ContainsRune("\"'”’)", rs[end]) { // closing quotes belong to the sentence
			end++
		}
		if end < len(rs) && !unicode.IsSpace(rs[end]) {
			continue
		}
		if t := strings.TrimSpace(string(rs[start:end])); t != "" {
			out = append(out, t)
		}
		start, i = end, end-1
	}
	if t := strings.TrimSpace(string(rs[start:])); t != "" {
		out = append(out, t)
	}
	return out
}

// Words counts the words of a sentence: runs of text with a letter or a digit
// ("£40", "09:30" and "K-pop" are words; a dash standing alone is not).
func Words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// LongestSentence is the number of words in the longest sentence of s.
func LongestSentence(s string) int {
	most := 0
	for _, sentence := range Sentences(s) {
		most = max(most, Words(sentence))
	}
	return most
}

// EasyReadTexts lists every piece of the plan's own text the easy-read version
// prints (templates/easy-read.md.tmpl), in the order it prints them. The
// easy-read version is for the person and their family, so private items are
// included. Names and phone numbers are left out: they are not sentences.
func EasyReadTexts(p *plan.Plan) []EasyText {
	var out []EasyText
	text := func(key, easyKey, text, easy string) {
		if strings.TrimSpace(text) != "" || strings.TrimSpace(easy) != "" {
			out = append(out, EasyText{key, easyKey, text, easy})
		}
	}
	items := func(key string, list []plan.Item) {
		for i, it := range list {
			at := fmt.Sprintf("%s[%d]", key, i)
			text(at, at+".easy", it.Text, it.Easy)
		}
	}
	a := p.About
	text("about.who_i_am", "about.easy_summary", a.WhoIAm, a.EasySummary)
	items("about.liked_and_admired", a.LikedAndAdmired)
	items("about.good_at", a.GoodAt)
	items("about.achievements", a.Achievements)
	for i, person := range a.People {
		text(fmt.Sprintf("about.people[%d].relationship", i), "", person.Relationship, "")
	}
	items("about.hopes", a.Hopes)

	text("important_to.summary", "important_to.easy_summary", p.ImportantTo.Summary, p.ImportantTo.EasySummary)
	items("important_to.items", p.ImportantTo.Items)
	items("important_to.want_to_learn", p.ImportantTo.WantToLearn)

	f := p.ImportantFor
	text("important_for.summary", "important_for.easy_summary", f.Summary, f.EasySummary)
	items("important_for.healthy", f.Healthy)
	items("important_for.safe", f.Safe)
	items("important_for.community", f.Community)
	items("important_for.need_to_learn", f.NeedToLearn)

	for i, c := range p.Changes {
		at := fmt.Sprintf("changes[%d]", i)
		text(at+".what", at+".easy", c.What, c.Easy)
		for j, m := range c.Milestones {
			mt := fmt.Sprintf("%s.milestones[%d]", at, j)
			text(mt+".what", mt+".easy", m.What, m.Easy)
		}
		for j, s := range c.Steps {
			st := fmt.Sprintf("%s.steps[%d]", at, j)
			text(st+".what", st+".easy", s.What, s.Easy)
		}
	}

	text("support.summary", "support.easy_summary", p.Support.Summary, p.Support.EasySummary)
	for i, s := range p.Support.Items {
		at := fmt.Sprintf("support.items[%d]", i)
		text(at+".what", at+".easy", s.What, s.Easy)
		text(at+".when", "", s.When, "")
		text(at+".who", "", s.Who, "")
	}

	cg := p.Budget.Contingency
	text("budget.contingency.purpose", "budget.contingency.easy_purpose", cg.Purpose, cg.EasyPurpose)
	text("management.isf.holder", "", p.Management.ISF.Holder, "")
	text("control.money_review.who", "", p.Control.MoneyReview.Who, "")

	text("control.summary", "control.easy_summary", p.Control.Summary, p.Control.EasySummary)
	for i, d := range p.Control.Decisions {
		at := fmt.Sprintf("control.decisions[%d]", i)
		text(at+".what", at+".easy", d.What, d.Easy)
		if d.MadeBy == plan.DecidesOthers {
			text(at+".final_say", "", d.FinalSay, "")
		}
	}

	ls := p.LearningStyle
	if blank(ls.EasySummary) {
		for _, f := range []struct{ key, text string }{
			{"people", ls.People}, {"environments", ls.Environments}, {"approaches", ls.Approaches},
			{"pace", ls.Pace}, {"motivation", ls.Motivation},
		} {
			text("learning_style."+f.key, "learning_style.easy_summary", f.text, "")
		}
	} else {
		text("learning_style.easy_summary", "learning_style.easy_summary", "", ls.EasySummary)
	}

	for i, ac := range p.ActionPlan.Actions {
		at := fmt.Sprintf("action_plan.actions[%d]", i)
		text(at+".what", at+".easy", ac.What, ac.Easy)
		text(at+".who", "", ac.Who, "")
	}
	text("plan.author", "", p.Plan.Author, "")
	for i, c := range p.Emergencies.Contacts {
		text(fmt.Sprintf("emergencies.contacts[%d].role", i), "", c.Role, "")
	}
	return out
}

func easyReadRules() []rule {
	return []rule{
		{Rule{"easy-long-sentence", Advice, 0, "a text the easy-read version prints has a sentence of more than 15 words (give it easy-read words: easy, easy_summary, easy_purpose)"}, areaEasyRead,
			func(c *ctx) []hit {
				var hs []hit
				for _, t := range EasyReadTexts(c.p) {
					if !t.Flagged() {
						continue
					}
					if !blank(t.Easy) {
						hs = append(hs, hit{t.EasyKey, fmt.Sprintf("The easy-read words in %s have a sentence of %d words: %s. "+
							"Split them into sentences of at most %d words, one idea each.",
							t.EasyKey, LongestSentence(t.Easy), quote(longestSentenceText(t.Easy)), MaxEasyWords)})
						continue
					}
					fix := fmt.Sprintf("shorten it to sentences of at most %d words", MaxEasyWords)
					switch {
					case t.EasyKey == t.Key+".easy":
						fix = fmt.Sprintf("give the item easy-read words, { text = \"…\", easy = \"…\" }, or %s", fix)
					case t.EasyKey != "":
						fix = fmt.Sprintf("add easy-read words in %s, or %s", t.EasyKey, fix)
					}
					hs = append(hs, hit{t.Key, fmt.Sprintf("%s has a sentence of %d words: %s. %s's easy-read version "+
						"prints it as it is, and easy read asks for sentences of at most %d words: %s.",
						t.Key, LongestSentence(t.Text), quote(longestSentenceText(t.Text)), c.name, MaxEasyWords, fix)})
				}
				return hs
			}},
		{Rule{"easy-profile-too-long", Advice, 0, "the one-page profile would not fit on one A4 page even at 11 pt"}, areaEasyRead,
			func(c *ctx) []hit {
				est := EstimateProfile(c.p)
				if est.Lines <= ProfileCapacity {
					return nil
				}
				longest := est.Parts[0]
				for _, part := range est.Parts[1:] {
					if part.Lines > longest.Lines {
						longest = part
					}
				}
				return hitAt(longest.Key, "The one-page profile needs about %d lines of 11 pt text, but one A4 page "+
					"holds about %d, so the last points of its lists will be cut. Shorten %s (about %d lines, the "+
					"longest part): keep the points that matter most to %s.",
					est.Lines, ProfileCapacity, longest.Key, longest.Lines, c.name)
			}},
	}
}

func longestSentenceText(s string) string {
	best, most := "", -1
	for _, sentence := range Sentences(s) {
		if n := Words(sentence); n > most {
			best, most = sentence, n
		}
	}
	return best
}

// The one-page profile's capacity, estimated for an A4 page at the layout's 11 pt
// floor. The figures are this estimate's own, from the page and the font rather
// than from the layout: A4 is 297 mm tall; 20 mm margins and the running header and
// footer leave about 240 mm; 11 pt text with 1.3 line spacing is 14.3 pt, 5.0 mm, a
// line, so a page holds 48 lines. The name heading takes 3 of them, the photo
// (35 mm) 7, and the three headings 2 each. Atkinson Hyperlegible's average
// character is about 0.52 em wide, so a 170 mm line holds about 84 characters and a
// list item's, indented 6 mm, about 80. The lead engineer's layout stage knows the
// real result (it shrinks the text, then cuts lists): it may replace this estimate
// with the layout's own answer when check can ask it.
const (
	ProfileCapacity  = 48 - 3 - 7 - 3*2 // lines for the profile's text
	profileLineChars = 84
	profileItemChars = 80
	profileItemGap   = 0.25 // space after a list item, in lines
	profileParaGap   = 0.5  // space after a paragraph, in lines
)

// ProfileEstimate is how many lines of the page the profile's parts need.
type ProfileEstimate struct {
	Lines int
	Parts []ProfilePart
}

// ProfilePart is one list or paragraph of the profile.
type ProfilePart struct {
	Key   string // e.g. "important_to.items"
	Lines int
}

// profileItems keeps the items the one-page profile may show: never private ones,
// because its readers are everyone who supports the person.
func profileItems(items []plan.Item) []plan.Item {
	var out []plan.Item
	for _, it := range items {
		if !it.Private && !blank(it.Text) {
			out = append(out, it)
		}
	}
	return out
}

// EstimateProfile estimates the lines the one-page profile (templates/
// one-page-profile.md.tmpl) needs at 11 pt.
func EstimateProfile(p *plan.Plan) ProfileEstimate {
	list := func(key string, items []plan.Item) ProfilePart {
		lines := 0.0
		for _, it := range profileItems(items) {
			lines += float64(wrapLines(it.Text, profileItemChars)) + profileItemGap
		}
		return ProfilePart{key, int(lines + 0.999)}
	}
	para := func(key, text string) ProfilePart {
		if blank(text) {
			return ProfilePart{key, 0}
		}
		return ProfilePart{key, int(float64(wrapLines(text, profileLineChars)) + profileParaGap + 0.999)}
	}
	est := ProfileEstimate{Parts: []ProfilePart{
		list("about.liked_and_admired", p.About.LikedAndAdmired),
		list("important_to.items", p.ImportantTo.Items),
		para("person.communication", p.Person.Communication),
		list("team.characteristics", p.Team.Characteristics),
	}}
	for _, part := range est.Parts {
		est.Lines += part.Lines
	}
	return est
}

// wrapLines is how many lines text takes when wrapped at width characters.
func wrapLines(text string, width int) int {
	lines, col := 1, 0
	for _, w := range strings.Fields(text) {
		n := len([]rune(w))
		switch {
		case col == 0:
			col = n
		case col+1+n > width:
			lines++
			col = n
		default:
			col += 1 + n
		}
	}
	return lines
}
