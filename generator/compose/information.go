package compose

import (
	"strings"

	"lifeplan/generator/markdown"
	"lifeplan/generator/plan"
)

// InfoNeeds is one person's information needs, for the "How to give … information"
// section: the young person's first, then each carer's.
type InfoNeeds struct {
	Person       bool   // the young person, not a carer
	Who          string // name, escaped
	Relationship string
	Info         plan.AccessibleInfo
}

// InformationNeeds lists whose information needs are recorded: the person's, then
// those of each carer (about.people with carer = true).
func (v *View) InformationNeeds() []InfoNeeds {
	var out []InfoNeeds
	if in := v.Plan.Person.Information; in.Recorded() {
		out = append(out, InfoNeeds{Person: true, Who: v.Name(), Info: in})
	}
	for _, p := range v.Plan.About.People {
		if p.Carer && p.Information.Recorded() {
			out = append(out, InfoNeeds{Who: markdown.Escape(p.Name), Relationship: p.Relationship, Info: p.Information})
		}
	}
	return out
}

// Formats prints information formats as words, escaped, e.g. "Easy read, Large print".
func (v *View) Formats(a plan.AccessibleInfo) string {
	out := make([]string, len(a.Formats))
	for i, f := range a.Formats {
		out[i] = markdown.Escape(plan.Label(plan.InfoFormats, f))
	}
	return strings.Join(out, ", ")
}
