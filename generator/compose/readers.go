package compose

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"lifeplan/generator/markdown"
	"lifeplan/generator/money"
	"lifeplan/generator/plan"
)

// This file holds what the documents work out for their readers: the action plan in
// date order with its status, hours a provider can cost, short names for outcomes,
// the signatures and the distribution list of the agreement page.

// ActionRow is one action of the action plan as documents show it.
type ActionRow struct {
	plan.Action
	Status string // "Not started", "In progress", "Done" or "Late"
	Late   bool
}

// Actions lists the action plan by date (undated last), keeping the plan's order
// for actions on the same date. An action whose date is before the plan's own date
// and is not done is late: measured from plan.written, so the same plan always
// prints the same document.
func (v *View) Actions() []ActionRow {
	out := make([]ActionRow, 0, len(v.Plan.ActionPlan.Actions))
	for _, a := range v.Plan.ActionPlan.Actions {
		r := ActionRow{Action: a, Status: plan.Label(plan.ActionStatuses, string(a.Status))}
		if a.Status == "" {
			r.Status = plan.Label(plan.ActionStatuses, string(plan.ActionNotStarted))
		}
		w := v.Plan.Plan.Written
		if a.Status != plan.ActionDone && a.By.Set() && w.Set() && a.By.Before(w.Time) {
			r.Status, r.Late = "Late", true
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b ActionRow) int {
		switch {
		case a.By.Set() != b.By.Set():
			if a.By.Set() {
				return -1
			}
			return 1
		}
		return a.By.Compare(b.By.Time)
	})
	return out
}

// OutcomeRef names an outcome briefly where it is referred to again: its number in
// the outcomes table and its short name. The full text is printed once, in the table.
func (v *View) OutcomeRef(id string) string {
	for i, o := range v.Plan.Outcomes {
		if o.ID == id {
			if o.Short != "" {
				return fmt.Sprintf("L%d %s", i+1, markdown.Escape(o.Short))
			}
			return fmt.Sprintf("Learning outcome L%d", i+1)
		}
	}
	return "a learning outcome"
}

// OutcomeRefs names a list of outcomes briefly, joined with semicolons.
func (v *View) OutcomeRefs(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, v.OutcomeRef(id))
	}
	return strings.Join(out, "; ")
}

// LearningIDs is the outcome ids a change links to, directly or through milestones,
// each once, in the order first named.
func (v *View) LearningIDs(c plan.Change) []string {
	var out []string
	for _, o := range v.Learning(c) {
		out = append(out, o.ID)
	}
	return out
}

// HoursBlock is one group of support hours a week: who provides them, and the hours
// at each time of day.
type HoursBlock struct {
	Who   string
	Hours []HoursRow // by time of day, then "Total" when there is more than one
}

// Costing is the support a provider can cost, kept apart from what others give.
type Costing struct {
	// Paid is the hours this plan's budget pays for, one block per provider, with
	// the total of all paid waking hours.
	Paid      []HoursBlock
	PaidTotal money.Decimal
	// Nights is sleep-in and waking nights a week, counted as nights, not hours.
	Nights []NightsRow
	// Unpaid is family and friends; Other is hours other services fund (college).
	Unpaid []HoursBlock
	Other  []HoursBlock
}

// NightsRow is the nights a week of one kind from one provider.
type NightsRow struct {
	Who    string
	Kind   string // "Sleep-in night" or "Waking night"
	Nights money.Decimal
}

// Funding says who pays for a support item: what the plan says, else the budget
// when it names a budget line, else nobody.
func Funding(s plan.SupportItem) plan.Funding {
	switch {
	case s.Funding != "":
		return s.Funding
	case s.BudgetLine != "":
		return plan.FundingBudget
	}
	return plan.FundingUnpaid
}

// night reports whether a support item is a night (sleep-in or waking night).
func night(t plan.TimeOfDay) bool { return t == plan.TimeSleepIn || t == plan.TimeWakingNight }

// Costing sorts the support hours into what the budget pays for (by provider and
// time of day), nights, unpaid help and hours other services fund. The provider is
// the budget line's description when the item names one, so hours paid by the same
// line are added together, as the budget counts them.
func (v *View) Costing() Costing {
	var c Costing
	type key struct{ who, time string }
	group := func(items []plan.SupportItem, by func(plan.SupportItem) string) []HoursBlock {
		sums := map[key]money.Decimal{}
		var order []string
		for _, s := range items {
			who := by(s)
			if !slices.Contains(order, who) {
				order = append(order, who)
			}
			t := string(s.Time)
			if t == "" {
				t = string(plan.TimeDay)
			}
			sums[key{who, t}] += s.HoursPerWeek
		}
		var out []HoursBlock
		for _, who := range order {
			b := HoursBlock{Who: who}
			var total money.Decimal
			for _, ch := range plan.TimesOfDay {
				if h := sums[key{who, ch.ID}]; h > 0 {
					b.Hours = append(b.Hours, HoursRow{ch.Label, h})
					total += h
				}
			}
			if len(b.Hours) > 1 {
				b.Hours = append(b.Hours, HoursRow{"Total", total})
			}
			if len(b.Hours) > 0 {
				out = append(out, b)
			}
		}
		return out
	}
	lineName := map[string]string{}
	for _, l := range v.Plan.Budget.Lines {
		if l.ID != "" {
			lineName[l.ID] = l.Category
		}
	}
	// Paid hours are grouped by the kind of budget line that pays them (personal
	// assistance, agency support …): what a provider needs to cost them, in words
	// that do not depend on how the plan's own texts are written.
	provider := func(s plan.SupportItem) string {
		if c, ok := lineName[s.BudgetLine]; ok {
			return plan.Label(plan.Categories, c)
		}
		return s.Who
	}
	var paid, unpaid, other []plan.SupportItem
	nights := map[[2]string]money.Decimal{}
	var nightOrder [][2]string
	for _, s := range v.Plan.Support.Items {
		f := Funding(s)
		if f == plan.FundingBudget && night(s.Time) {
			k := [2]string{provider(s), plan.Label(plan.TimesOfDay, string(s.Time))}
			if _, ok := nights[k]; !ok {
				nightOrder = append(nightOrder, k)
			}
			n := s.NightsPerWeek
			if n == 0 {
				n = money.DecimalScale // one night, unless the plan says how many
			}
			nights[k] += n
			continue
		}
		switch f {
		case plan.FundingBudget:
			paid = append(paid, s)
			c.PaidTotal += s.HoursPerWeek
		case plan.FundingOtherService:
			other = append(other, s)
		default:
			unpaid = append(unpaid, s)
		}
	}
	c.Paid = group(paid, provider)
	c.Unpaid = group(unpaid, func(s plan.SupportItem) string { return s.Who })
	c.Other = group(other, func(s plan.SupportItem) string { return s.Who })
	for _, k := range nightOrder {
		c.Nights = append(c.Nights, NightsRow{Who: k[0], Kind: k[1], Nights: nights[k]})
	}
	return c
}

// Risk levels in order, for picking the highest risks.
var levelRank = map[plan.Level]int{plan.LevelLow: 1, plan.LevelMedium: 2, plan.LevelHigh: 3}

// HighRisks is the risks rated high in likelihood or severity, most serious first,
// for the panel summary.
func (v *View) HighRisks() []plan.Risk {
	var out []plan.Risk
	for _, r := range v.Plan.Risks {
		if r.Likelihood == plan.LevelHigh || r.Severity == plan.LevelHigh {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b plan.Risk) int {
		return cmp.Or(
			cmp.Compare(levelRank[b.Severity], levelRank[a.Severity]),
			cmp.Compare(levelRank[b.Likelihood], levelRank[a.Likelihood]))
	})
	return out
}

// SignatureRow is one line of the agreement page's signature block.
type SignatureRow struct {
	For  string // whose signature: "The young person", "Local authority" …
	Name string // name and role, when the plan gives them
}

// Signatures lists who signs the plan: the young person, the family or
// representative, the local authority and the college funder, each with the name
// and role the plan gives (or a line to write them on), then anyone else the plan
// names. The criteria say a plan must be "agreed by both the LSC and LA".
func (v *View) Signatures() []SignatureRow {
	named := map[string][]plan.Signatory{}
	for _, s := range v.Plan.Agreement.Signatories {
		f := s.For
		if f == "" {
			f = "other"
		}
		named[f] = append(named[f], s)
	}
	var out []SignatureRow
	for _, ch := range plan.SignsFor {
		list := named[ch.ID]
		if len(list) == 0 && ch.ID == "person" {
			list = []plan.Signatory{{Name: v.Plan.Person.Name}}
		}
		if len(list) == 0 && ch.ID != "other" {
			out = append(out, SignatureRow{For: ch.Label})
		}
		for _, s := range list {
			name := s.Name
			if s.Role != "" {
				name += ", " + s.Role
			}
			out = append(out, SignatureRow{For: ch.Label, Name: name})
		}
	}
	return out
}

// Copy is one line of the distribution list: a document and who receives it.
type Copy struct {
	Title     string
	Audience  string
	LeavesOut string // what the document leaves out for its readers; empty for none
}

// Distribution lists every document lifeplan makes from the plan, who it is for and
// what it leaves out, so everyone can see who sees what.
func (v *View) Distribution() []Copy {
	var out []Copy
	for _, s := range Specs() {
		var parts []string
		for _, p := range s.Withhold {
			parts = append(parts, partLabels[p])
		}
		if !s.Private {
			parts = append(parts, "anything marked private")
		}
		out = append(out, Copy{Title: s.Title, Audience: s.Audience, LeavesOut: joinWords(parts)})
	}
	return out
}

// joinWords joins "a", "b" and "c" as "a, b and c".
func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// FirstShiftGuides is the emergency guides marked for the first-shift page.
func (v *View) FirstShiftGuides() []plan.Guide {
	var out []plan.Guide
	for _, g := range v.Plan.Emergencies.Guides {
		if g.FirstShift {
			out = append(out, g)
		}
	}
	return out
}

// YearsAgainstAllocation compares years 2 and 3 with the allocation, which the plan
// gives for year 1 only: the panel sees whether later years fit the same amount.
type YearAgainst struct {
	Year     int
	Total    money.Pence
	Headroom money.Pence // allocation less the year's total; negative when over
}

// LaterYears is years 2 and 3 against this year's allocation.
func (v *View) LaterYears() []YearAgainst {
	b := v.Budget
	if b == nil || !b.HasAllocation {
		return nil
	}
	return []YearAgainst{
		{2, b.Total[1], b.Allocation - b.Total[1]},
		{3, b.Total[2], b.Allocation - b.Total[2]},
	}
}

// Verdict is the check's word on the plan, for the panel summary.
func (v *View) Verdict() string {
	switch {
	case v.Checks == nil:
		return ""
	case v.Checks.Blockers == 0:
		return "Meets every criterion the checks can see."
	}
	return fmt.Sprintf("Not ready: %s the panel would not agree to.", plural(v.Checks.Blockers, "thing", "things"))
}

// plural writes a count with the right form of its noun: "1 night", "2 nights".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Their is the person's possessive pronoun for the third-person documents, from the
// plan's pronouns ("she/her" gives "her"); "their" when the plan does not say.
func (v *View) Their() string {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(v.Person.Pronouns)), "/")
	switch first {
	case "she":
		return "her"
	case "he":
		return "his"
	}
	return "their"
}
