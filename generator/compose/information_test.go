package compose_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"lifeplan/generator/budget"
	"lifeplan/generator/compose"
	"lifeplan/generator/plan"
)

func markdownOf(t *testing.T, src, doc string) string {
	t.Helper()
	p, err := plan.Parse("t.toml", []byte(src), fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := budget.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := compose.SpecByID(doc)
	v := compose.View{Doc: spec, Plan: p, Person: p.Person, Budget: b}
	md, err := composer(t).Markdown(&v)
	if err != nil {
		t.Fatal(err)
	}
	return string(md)
}

// Every document says how to give the person, and each carer, information, before
// anything else it says about them.
func TestInformationNearTheStart(t *testing.T) {
	src := `[person]
name = "Amira Okafor"
preferred_name = "Amira"

[person.information]
formats = ["easy_read", "bsl"]
contact = "Text first"
communication_professional = "A BSL interpreter"
adjustments = ["Short meetings"]

[about]
who_i_am = "I love swimming."

[[about.people]]
name = "Grace Okafor"
relationship = "Mum"
carer = true

[about.people.information]
formats = ["large_print"]

[[about.people]]
name = "Lily"
relationship = "Friend"

[about.people.information]
contact = "Not a carer: not printed"

[housing]
property_type = "A flat"
`
	for _, doc := range []string{"llsp", "service-spec", "housing-spec", "support-plan"} {
		t.Run(doc, func(t *testing.T) {
			md := markdownOf(t, src, doc)
			at := strings.Index(md, "## How to give Amira information")
			if at < 0 {
				t.Fatalf("no information section:\n%s", md)
			}
			for _, want := range []string{"| Information in | Easy read, British Sign Language (BSL) |", "| How to get in touch | Text first |",
				"| Who must be there | A BSL interpreter |", "- Short meetings", "### How to give Grace Okafor (Mum) information", "| Information in | Large print |"} {
				if !strings.Contains(md[at:], want) {
					t.Errorf("information section lacks %q:\n%s", want, md[at:])
				}
			}
			if strings.Contains(md, "Not a carer") {
				t.Error("printed the information of someone who is not a carer")
			}
			// Nothing but the cover comes before it: the first section heading.
			if first := strings.Index(md, "\n## "); first >= 0 && first+1 < at && !strings.HasPrefix(md[first+1:], "## Amira") &&
				!strings.HasPrefix(md[first+1:], "## How to support") && !strings.HasPrefix(md[first+1:], "## Support for") && !strings.HasPrefix(md[first+1:], "## A home for") {
				t.Errorf("a section comes before the information section: %q", md[first+1:first+40])
			}
		})
	}
	if md := markdownOf(t, "[person]\nname = \"Sam\"\n", "llsp"); strings.Contains(md, "How to give") {
		t.Errorf("information section with nothing recorded:\n%s", md)
	}
}

// Entries marked private = true stay out of the specifications.
func TestPrivateEntries(t *testing.T) {
	src := `[person]
name = "Amira"

[[action_plan.actions]]
what = "Open action"
who = "Mum"

[[action_plan.actions]]
what = "Secret action"
who = "Mum"
private = true

[[service.aims]]
aim = "Open aim"

[[service.aims]]
aim = "Secret aim"
private = true

[[training]]
what = "Open training"

[[team.roles]]
role = "Open role"

[[team.roles]]
role = "Secret role"
private = true

[[communication]]
situation = "Open situation"

[[communication]]
situation = "Secret situation"
private = true

[[training]]
what = "Secret training"
private = true

[housing]
property_type = "A flat"

[[housing.adaptations]]
what = "Open adaptation"

[[housing.adaptations]]
what = "Secret adaptation"
private = true
`
	spec := markdownOf(t, src, "service-spec") + markdownOf(t, src, "housing-spec")
	for _, open := range []string{"Open action", "Open aim", "Open training", "Open adaptation", "Open role", "Open situation"} {
		if !strings.Contains(spec, open) {
			t.Errorf("specifications lack %q", open)
		}
	}
	if strings.Contains(spec, "Secret") {
		t.Errorf("a private entry reached a specification:\n%s", spec)
	}
	if llsp := markdownOf(t, src, "llsp"); !strings.Contains(llsp, "Secret action") || !strings.Contains(llsp, "Secret training") {
		t.Error("the LLSP leaves out private entries")
	}
}
