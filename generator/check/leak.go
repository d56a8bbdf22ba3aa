package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"lifeplan/generator/plan"
)

// The leak guard. The service specification goes to commissioners and providers, the
// housing specification to brokers and landlords; neither may carry health detail or
// the family's concerns (UK GDPR art. 5(1)(c), data minimisation). Their templates
// leave [health] and [family] out, but a planner can still write a medicine into a
// support item's text. These rules read every piece of text the specifications show
// for the names of medicines and conditions in [health] and for the family's
// concerns.

const areaPrivacy = "data minimisation"

// shownText is one piece of plan text a specification prints.
type shownText struct {
	key, text string
	doc       string  // the document's title
	private   bool    // whether the entry can be marked private = true
	words     []token // text, read into words
	mask      wordMask
}

// shownInSpecs is specText, read into words once for both leak rules.
func (c *ctx) shownInSpecs() []shownText {
	if c.shown == nil {
		c.shown = specText(c.p)
		for i := range c.shown {
			c.shown[i].words = tokens(c.shown[i].text)
			c.shown[i].mask = tokensMask(c.shown[i].words)
		}
	}
	return c.shown
}

const (
	docService = "service specification"
	docHousing = "housing specification"
)

// specText lists the text the service and housing specifications print, entry by
// entry, leaving out entries marked private. It follows templates/service-spec.md.tmpl
// and templates/housing-spec.md.tmpl; the compose tests keep [health] out of both.
func specText(p *plan.Plan) []shownText {
	var out []shownText
	add := func(doc, key, text string, private bool) {
		if !blank(text) {
			out = append(out, shownText{key: key, text: text, doc: doc, private: private})
		}
	}
	itemsIn := func(doc, key string, its []plan.Item) {
		for i, it := range its {
			if !it.Private {
				add(doc, fmt.Sprintf("%s[%d]", key, i), it.Text, true)
			}
		}
	}
	info := func(doc, key string, a plan.AccessibleInfo) {
		add(doc, key+".contact", a.Contact, false)
		add(doc, key+".communication_professional", a.Professional, false)
		itemsIn(doc, key+".adjustments", a.Adjustments)
	}
	for _, doc := range []string{docService, docHousing} {
		info(doc, "person.information", p.Person.Information)
		for i, pp := range p.About.People {
			if pp.Carer && pp.Information.Recorded() {
				add(doc, fmt.Sprintf("about.people[%d].relationship", i), pp.Relationship, false)
				info(doc, fmt.Sprintf("about.people[%d].information", i), pp.Information)
			}
		}
	}

	s := docService
	add(s, "about.who_i_am", p.About.WhoIAm, false)
	itemsIn(s, "important_to.items", p.ImportantTo.Items)
	for i, it := range p.Support.Items {
		if it.Private {
			continue
		}
		at := fmt.Sprintf("support.items[%d]", i)
		add(s, at+".what", it.What, true)
		add(s, at+".when", it.When, true)
		add(s, at+".how", it.How, true)
		add(s, at+".who", it.Who, true)
	}
	for i, r := range p.Team.Roles {
		if !r.Private {
			add(s, fmt.Sprintf("team.roles[%d].role", i), r.Role, true)
		}
	}
	itemsIn(s, "team.essential", p.Team.Essential)
	itemsIn(s, "team.desirable", p.Team.Desirable)
	itemsIn(s, "team.characteristics", p.Team.Characteristics)
	itemsIn(s, "team.shared_interests", p.Team.SharedInterests)
	for i, t := range p.Training {
		if !t.Private {
			add(s, fmt.Sprintf("training[%d].what", i), t.What, true)
			add(s, fmt.Sprintf("training[%d].who", i), t.Who, true)
		}
	}
	add(s, "team.on_call", p.Team.OnCall, false)
	add(s, "emergencies.on_call", p.Emergencies.OnCall, false)
	for i, a := range p.Service.Aims {
		if !a.Private {
			at := fmt.Sprintf("service.aims[%d]", i)
			add(s, at+".aim", a.Aim, true)
			add(s, at+".measure", a.Measure, true)
			add(s, at+".review", a.Review, true)
			add(s, at+".reviewed_by", a.ReviewedBy, true)
		}
	}
	add(s, "service.length", p.Service.Length, false)
	for i, r := range p.Service.Reporting {
		at := fmt.Sprintf("service.reporting[%d]", i)
		add(s, at+".what", r.What, false)
		add(s, at+".how_often", r.HowOften, false)
		add(s, at+".to", r.To, false)
	}
	add(s, "support.summary", p.Support.Summary, false)
	itemsIn(s, "important_for.healthy", p.ImportantFor.Healthy)
	itemsIn(s, "important_for.safe", p.ImportantFor.Safe)
	itemsIn(s, "important_for.community", p.ImportantFor.Community)
	add(s, "support.staying_safe_and_well", p.Support.StayingSafe, false)
	for i, r := range p.Communication {
		if r.Private {
			continue
		}
		at := fmt.Sprintf("communication[%d]", i)
		add(s, at+".situation", r.Situation, true)
		add(s, at+".i_do", r.IDo, true)
		add(s, at+".we_think", r.WeThink, true)
		add(s, at+".we_should", r.WeShould, true)
	}
	add(s, "support.when_not_going_well", p.Support.NotGoingWell, false)
	itemsIn(s, "daily_life.bad_day", p.Daily.BadDay)
	for i, st := range p.DistressSteps {
		add(s, fmt.Sprintf("distress_steps[%d]", i), st, false)
	}
	for i, r := range p.Risks {
		if !r.Private {
			at := fmt.Sprintf("risks[%d]", i)
			add(s, at+".what", r.What, true)
			add(s, at+".managed", r.Managed, true)
			add(s, at+".who", r.Who, true)
		}
	}
	inv := p.Service.Involvement
	add(s, "service.involvement.service", inv.Service, false)
	add(s, "service.involvement.recruitment", inv.Recruitment, false)
	add(s, "service.involvement.training", inv.Training, false)
	add(s, "management.isf.holder", p.Management.ISF.Holder, false)
	add(s, "management.isf.management_fee", p.Management.ISF.ManagementFee, false)
	add(s, "management.isf.reporting", p.Management.ISF.Reporting, false)
	for i, l := range p.Budget.Lines {
		add(s, fmt.Sprintf("budget.lines[%d].what", i), l.What, false)
	}
	itemsIn(s, "service.to_commission", p.Service.Commission)
	for i, a := range p.ActionPlan.Actions {
		if !a.Private {
			at := fmt.Sprintf("action_plan.actions[%d]", i)
			add(s, at+".what", a.What, true)
			add(s, at+".who", a.Who, true)
			add(s, at+".check", a.Check, true)
		}
	}

	h, hs := p.Housing, docHousing
	itemsIn(hs, "housing.areas", h.Areas)
	itemsIn(hs, "housing.near", h.Near)
	itemsIn(hs, "housing.avoid", h.Avoid)
	itemsIn(hs, "housing.wrong_if", h.WrongIf)
	itemsIn(hs, "housing.essential", h.Essential)
	itemsIn(hs, "housing.preferred", h.Preferred)
	add(hs, "housing.contact.role", h.Contact.Role, false)
	add(hs, "housing.contact.phone", h.Contact.Phone, false)
	add(hs, "housing.contact.when", h.Contact.When, false)
	for _, f := range []struct{ key, text string }{
		{"housing.transport", h.Transport}, {"housing.property_type", h.PropertyType},
		{"housing.staff_space", h.StaffSpace}, {"housing.live_with", h.LiveWith}, {"housing.tenure", h.Tenure},
		{"housing.accessibility", h.Accessibility}, {"housing.capacity", h.Capacity},
		{"housing.deprivation_of_liberty.status", h.DoLS.Status}, {"housing.deprivation_of_liberty.route", h.DoLS.Route},
		{"housing.move_when", h.MoveWhen}, {"housing.rent", h.Rent}, {"housing.benefits", h.Benefits},
		{"housing.pets", h.Pets}, {"housing.garden", h.Garden},
	} {
		add(hs, f.key, f.text, false)
	}
	for i, a := range h.Adaptations {
		if !a.Private {
			add(hs, fmt.Sprintf("housing.adaptations[%d].what", i), a.What, true)
			add(hs, fmt.Sprintf("housing.adaptations[%d].why", i), a.Why, true)
		}
	}
	return out
}

// guardedTerm is a name from [health] that must not reach a specification.
type guardedTerm struct {
	words []string
	from  string // the [health] key it comes from
	shown string // as written there
}

// healthTerms are the names of medicines (with any name in brackets: "Sodium
// valproate (Epilim)"), the names of conditions (the start of each condition, up to
// the first , ; : or bracket, when that is at most three words: "Epilepsy, since
// 13" names "Epilepsy"), and health.guarded_terms.
func healthTerms(h plan.Health) []guardedTerm {
	var out []guardedTerm
	add := func(from, term string) {
		term = strings.TrimSpace(term)
		if w := words(term); len(w) > 0 && utf8.RuneCountInString(term) >= 3 {
			out = append(out, guardedTerm{w, from, term})
		}
	}
	for i, m := range h.Medication {
		from := fmt.Sprintf("health.medication[%d].name", i)
		name, inner, _ := strings.Cut(m.Name, "(")
		add(from, name)
		if inner, _, ok := strings.Cut(inner, ")"); ok {
			add(from, inner)
		}
	}
	for i, c := range h.Conditions {
		name := c.Text
		if j := strings.IndexAny(name, ",;:(\n"); j >= 0 {
			name = name[:j]
		}
		if n := len(words(name)); n > 0 && n <= 3 {
			add(fmt.Sprintf("health.conditions[%d]", i), name)
		}
	}
	for i, t := range h.GuardedTerms {
		add(fmt.Sprintf("health.guarded_terms[%d]", i), t)
	}
	return out
}

// concernWindow is how many words in a row of a family concern, found in a
// specification's text, count as the concern copied there.
const concernWindow = 5

func fix(s shownText) string {
	if s.private {
		return "reword it, move the detail to [health] or [family], or mark the entry private = true"
	}
	return "reword it, or move the detail to [health] or [family]"
}

func leakRules() []rule {
	return []rule{
		{Rule{"leak-health-in-spec", Blocker, 0, "a medicine or condition named in [health] appears in text the service or housing specification prints"}, areaPrivacy,
			func(c *ctx) []hit {
				terms := healthTerms(c.p.Health)
				if len(terms) == 0 {
					return nil
				}
				var hs []hit
				for _, s := range c.shownInSpecs() {
					ts := s.words
					var found []string
					for _, t := range terms {
						if mayContain(s.mask, maskOf(t.words)) && contains(ts, t.words) && !containsString(found, t.shown) {
							found = append(found, t.shown)
						}
					}
					if len(found) == 0 {
						continue
					}
					hs = append(hs, hit{s.key, fmt.Sprintf("%s names %s from [health], and the %s would print it. "+
						"Health detail belongs only in the LLSP and the support plan (data minimisation): %s.",
						s.key, quoteAll(found), s.doc, fix(s))})
				}
				return hs
			}},
		{Rule{"leak-family-concern-in-spec", Blocker, 0, "the family's concerns (family.concerns) appear in text the service or housing specification prints"}, areaPrivacy,
			func(c *ctx) []hit {
				var concerns [][]string
				for _, it := range c.p.Family.Concerns {
					// A concern of one or two words ("money") is too common to trace.
					if w := words(it.Text); len(w) >= 3 {
						concerns = append(concerns, w)
					}
				}
				if len(concerns) == 0 {
					return nil
				}
				var hs []hit
				for _, s := range c.shownInSpecs() {
					ts := s.words
					for ci, w := range concerns {
						if !sharesRun(ts, s.mask, w) {
							continue
						}
						hs = append(hs, hit{s.key, fmt.Sprintf("%s repeats the family's concern %s (family.concerns[%d]), "+
							"and the %s would print it. The family's concerns belong only in the LLSP and the support "+
							"plan: %s.", s.key, quote(strings.Join(w, " ")), ci, s.doc, fix(s))})
						break
					}
				}
				return hs
			}},
	}
}

// sharesRun reports whether text (whose wordMask is mask) holds the whole
// concern, or concernWindow of its words in a row.
func sharesRun(text []token, mask wordMask, concern []string) bool {
	n := min(len(concern), concernWindow)
	for i := 0; i+n <= len(concern); i++ {
		if w := concern[i : i+n]; mayContain(mask, maskOf(w)) && contains(text, w) {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}
