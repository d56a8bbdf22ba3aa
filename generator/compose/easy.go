package compose

import (
	"fmt"
	"slices"
	"strings"
	"text/template"

	"lifeplan/generator/doc"
	"lifeplan/generator/markdown"
	"lifeplan/generator/money"
	"lifeplan/generator/pictogram"
	"lifeplan/generator/plan"
)

// The easy-read version and the one-page profile: two documents for the person and
// for everyone who supports them, made from the same plan.

// easyReadSpec is the plan in easy read, for the young person and their family. Like
// the LLSP, which they also get, it may show private items: it is their own plan.
func easyReadSpec() Spec {
	return Spec{ID: "easy-read", Title: "My Plan in Easy Read",
		Audience: "me and my family",
		Subject:  "The plan in easy read: short sentences with a picture beside each point",
		Private:  true,
		Kind:     doc.EasyRead}
}

// onePageProfileSpec is who the person is on one page, for everyone who supports
// them: no health, medication or private items.
func onePageProfileSpec() Spec {
	return Spec{ID: "one-page-profile", Title: "One-Page Profile",
		Audience: "everyone who supports me",
		Subject:  "Who the young person is, what matters to them and how best to support them, on one page",
		// Everyone who supports the person reads it: what they like, what matters
		// to them and how to support them, and nothing of their health, their
		// family's view, their risks or the plan's history.
		Withhold: []Part{PartHealth, PartFamily, PartRisks, PartHistory},
		Kind:     doc.OnePage}
}

// pictogramScheme starts a picture destination that names a bundled pictogram,
// "pictogram:home", rather than one of the plan's own pictures.
const pictogramScheme = "pictogram:"

// pictogramImage resolves a bundled pictogram for the document tree.
func pictogramImage(dest, alt string) (*doc.Image, error) {
	name, ok := strings.CutPrefix(dest, pictogramScheme)
	if !ok {
		return nil, fmt.Errorf("the template shows a picture %q that the plan did not load", dest)
	}
	p, err := pictogram.Get(name)
	if err != nil {
		return nil, fmt.Errorf("the template shows a picture %q: %w", dest, err)
	}
	if alt == "" {
		alt = p.Alt
	}
	return &doc.Image{Name: "pictograms/" + name + ".png", Alt: alt, Format: "png", Data: p.Data, Width: p.Width, Height: p.Height}, nil
}

// easyFuncs are the template helpers for easy-read documents.
func easyFuncs() template.FuncMap {
	return template.FuncMap{
		"easy":      easyText,
		"easyItem":  easyItem,
		"pictogram": pictogramMarkdown,
		"picOr":     picOr,
		"pounds":    func(p money.Pence) string { return markdown.Escape(Pounds(p)) },
	}
}

// easyText is the easy-read words when the plan gives them, else the text itself,
// escaped.
func easyText(text, easy string) string {
	if strings.TrimSpace(easy) != "" {
		return markdown.Escape(easy)
	}
	return markdown.Escape(text)
}

// pictogramMarkdown writes a bundled pictogram with its alt text.
func pictogramMarkdown(name string) (string, error) {
	p, err := pictogram.Get(name)
	if err != nil {
		return "", err
	}
	return "![" + markdown.Escape(p.Alt) + "](<" + pictogramScheme + name + ">)", nil
}

// picOr writes the plan's own picture when it gives one, else the pictogram.
func picOr(p plan.Picture, alt, name string) (string, error) {
	if p != "" {
		return pic(p, alt), nil
	}
	return pictogramMarkdown(name)
}

// easyItem writes one easy-read point: the item's own picture or else the
// pictogram for its section, then its easy-read words or else its text.
func easyItem(it plan.Item, name string) (string, error) {
	picture, err := picOr(it.Picture, it.PictureAlt, name)
	if err != nil {
		return "", err
	}
	return picture + " " + easyText(it.Text, it.Easy), nil
}

// Pounds prints money in whole pounds, rounded half up: £39,142.
func Pounds(p money.Pence) string {
	s := (wholePounds(p) * 100).String()
	return strings.TrimSuffix(s, ".00")
}

// wholePounds rounds pence to whole pounds, half up, in pence.
func wholePounds(p money.Pence) money.Pence {
	if p < 0 {
		return -wholePounds(-p)
	}
	return (p + 50) / 100
}

// MoneyRow is one line of the easy-read budget: what the money pays for and how
// much, in whole pounds.
type MoneyRow struct {
	Label  string
	Pounds string
}

// EasyMoney is the budget told simply: the money there is, what the plan costs,
// what it pays for and the spare money, all in whole pounds that add up.
type EasyMoney struct {
	Allocation string // "" when no allocation is agreed yet
	Total      string // year 1, contingency included
	Rows       []MoneyRow
	Spare      string // the contingency; "" when there is none
}

// EasyMoney rounds the year-1 budget to whole pounds for the easy-read version.
// Rounding each category on its own could make them add up to a pound more or less
// than the rounded total, so the pounds are shared out by largest remainder: every
// row is its amount rounded down or up, and the rows always add up to the total.
func (v *View) EasyMoney() *EasyMoney {
	b := v.Budget
	if b == nil || b.Total[0] <= 0 {
		return nil
	}
	out := &EasyMoney{Total: markdown.Escape(Pounds(b.Total[0]))}
	if b.HasAllocation {
		out.Allocation = markdown.Escape(Pounds(b.Allocation))
	}
	parts := make([]money.Pence, 0, len(b.ByCategory)+1)
	for _, c := range b.ByCategory {
		parts = append(parts, c.Year1)
	}
	if b.Contingency[0] > 0 {
		parts = append(parts, b.Contingency[0])
	}
	shares := apportion(parts, wholePounds(b.Total[0]))
	for i, c := range b.ByCategory {
		out.Rows = append(out.Rows, MoneyRow{markdown.Escape(c.Label), markdown.Escape(Pounds(shares[i] * 100))})
	}
	if b.Contingency[0] > 0 {
		out.Spare = markdown.Escape(Pounds(shares[len(shares)-1] * 100))
	}
	return out
}

// apportion shares total whole pounds among parts (in pence) by largest remainder:
// each part gets its pounds rounded down, and the pounds left over go one each to
// the parts with the largest remainders (the earlier part first on a tie).
func apportion(parts []money.Pence, total money.Pence) []money.Pence {
	out := make([]money.Pence, len(parts))
	given := money.Pence(0)
	for i, p := range parts {
		out[i] = p / 100
		given += out[i]
	}
	used := make([]bool, len(parts))
	for ; given < total; given++ {
		best := -1
		for i, p := range parts {
			if !used[i] && (best < 0 || p%100 > parts[best]%100) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		out[best]++
	}
	return out
}

// ChangePictogram is the pictogram for a change without a picture of its own: the
// part of life its first learning outcome serves (a tag the plan sets, not a guess
// from its words), else footsteps for a step forward.
func (v *View) ChangePictogram(c plan.Change) string {
	for _, o := range v.Learning(c) {
		if name, ok := areaPictograms[o.Area]; ok {
			return name
		}
	}
	return "change"
}

var areaPictograms = map[plan.OutcomeArea]string{
	plan.AreaCommunity:   "community",
	plan.AreaEmployment:  "work",
	plan.AreaCitizenship: "vote",
	plan.AreaHealth:      "health",
	plan.AreaSafety:      "safety",
	plan.AreaIndependent: "home",
}

// SupportPictogram is the pictogram for a support item without a picture of its
// own: a bed for support at night, two people holding hands otherwise.
func (v *View) SupportPictogram(s plan.SupportItem) string {
	switch s.Time {
	case plan.TimeNight, plan.TimeSleepIn, plan.TimeWakingNight:
		return "night"
	}
	return "support"
}

// Decisions lists the decisions one kind of decision maker makes: "me", "shared" or
// "others".
func (v *View) Decisions(madeBy string) []plan.Decision {
	var out []plan.Decision
	for _, d := range v.Plan.Control.Decisions {
		if string(d.MadeBy) == madeBy {
			out = append(out, d)
		}
	}
	return out
}

// ActionsByDate is the action plan in date order, soonest first (undated actions
// last, each kind in the plan's own order): the easy-read version tells what
// happens next as a timeline.
func (v *View) ActionsByDate() []plan.Action {
	out := slices.Clone(v.Plan.ActionPlan.Actions)
	slices.SortStableFunc(out, func(a, b plan.Action) int {
		switch {
		case a.By.Set() && b.By.Set():
			return a.By.Compare(b.By.Time)
		case a.By.Set():
			return -1
		case b.By.Set():
			return 1
		}
		return 0
	})
	return out
}

// HardWord is one entry of the easy-read glossary.
type HardWord struct {
	Word    string
	Meaning string
}

// HardWords is the easy-read glossary: the hard words this plan's easy-read version
// uses, each explained in sentences of at most 15 words. Which words are in it
// depends on what the plan has (PAs, a sleep-in, an Individual Service Fund …);
// templates/easy-read.md.tmpl uses each word where its condition holds.
func (v *View) HardWords() []HardWord {
	p := v.Plan
	var out []HardWord
	add := func(when bool, word, meaning string) {
		if when {
			out = append(out, HardWord{word, meaning})
		}
	}
	b := v.Budget
	hasMoney := b != nil && b.Total[0] > 0
	sleepIn := false
	for _, s := range p.Support.Items {
		sleepIn = sleepIn || s.Time == plan.TimeSleepIn
	}
	add(hasMoney, "Individualised budget", "The money I have for my support and my learning.")
	add(hasMoney && b.Contingency[0] > 0, "Contingency", "Spare money. It is kept for when things go wrong.")
	add(b != nil && b.HasPAs, "PA", "A personal assistant. A PA is someone I employ to help me.")
	switch p.Management.BudgetType {
	case "individual_service_fund":
		add(true, "Individual Service Fund", "A support provider keeps my money for me. They pay for my support.")
	case "direct_payment":
		add(true, "Direct payment", "The council pays my money to me. I use it to pay for my support.")
	case "managed_account":
		add(true, "Managed account", "Someone keeps my money in an account for me. They pay for my support.")
	}
	add(sleepIn, "Sleep-in", "A support worker sleeps in the same home as me. They help if I need it.")
	add(p.Plan.Review.Set(), "Review", "A meeting to check how my plan is going.")
	add(p.Plan.Status == plan.StatusSubmitted || p.Plan.Status == plan.StatusAgreed,
		"Agreement panel", "The people who say yes to my plan and my money.")
	return out
}

// PictogramCredit is the pictograms' attribution, escaped, for the last page.
func (v *View) PictogramCredit() string { return markdown.Escape(pictogram.Attribution) }
