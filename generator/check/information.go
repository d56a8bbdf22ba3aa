package check

import (
	"fmt"
	"strings"

	"lifeplan/generator/plan"
)

// The Accessible Information Standard (NHS England, DCB1605; legally required of
// health and adult social care under the Health and Social Care Act 2012, s.250)
// asks every organisation to identify, record, flag, share and meet a person's
// information and communication needs, and a carer's. A plan records them once, in
// person.information and, for each carer in about.people, information; every
// document prints them near the start.

const areaInformation = "accessible information"

func formatIDs() string {
	ids := make([]string, len(plan.InfoFormats))
	for i, f := range plan.InfoFormats {
		ids[i] = fmt.Sprintf("%q", f.ID)
	}
	return strings.Join(ids, ", ")
}

func informationRules() []rule {
	return []rule{
		{Rule{"ais-person-needs-missing", Advice, 0, "nothing records how the person needs information and contact (person.information)"}, areaInformation,
			func(c *ctx) []hit {
				if c.p.Person.Information.Recorded() {
					return nil
				}
				return hitAt("person.information", "The plan does not record how %s needs information and contact. "+
					"The Accessible Information Standard asks for it to be recorded and met by everyone who supports "+
					"them, and every document prints it near the start: add [person.information] with formats (%s), "+
					"contact (how to contact them), communication_professional (e.g. an interpreter or advocate who "+
					"must be there) and adjustments.", c.name, formatIDs())
			}},
		{Rule{"ais-person-needs-incomplete", Advice, 0, "the person's information needs do not say the format or how to contact them"}, areaInformation,
			func(c *ctx) []hit {
				in := c.p.Person.Information
				if !in.Recorded() {
					return nil
				}
				var hs []hit
				if len(in.Formats) == 0 {
					hs = append(hs, hit{"person.information.formats", fmt.Sprintf("The plan records %s information "+
						"needs but not the formats: add formats, from %s.", c.possessive(), formatIDs())})
				}
				if blank(in.Contact) {
					hs = append(hs, hit{"person.information.contact", fmt.Sprintf("The plan records %s information "+
						"needs but not how to contact them: add contact (e.g. \"Text first, then phone after 10:00; "+
						"never leave a voicemail\").", c.possessive())})
				}
				return hs
			}},
		{Rule{"ais-carer-needs-missing", Advice, 0, "a carer (about.people with carer = true) has no information needs recorded"}, areaInformation,
			func(c *ctx) []hit {
				var hs []hit
				for i, pp := range c.p.About.People {
					if !pp.Carer || pp.Information.Recorded() {
						continue
					}
					hs = append(hs, hit{fmt.Sprintf("about.people[%d].information", i), fmt.Sprintf("%s is a carer, "+
						"but the plan does not record how they need information and contact. The Accessible "+
						"Information Standard covers carers too: add [about.people.information] under them with "+
						"formats and contact (and communication_professional and adjustments if they need them).",
						describe("The person", i, pp.Name, ""))})
				}
				return hs
			}},
	}
}
