package plan

import "strings"

// schemaLabels are the words for keys whose TOML name reads badly in a sentence
// ("who_i_am" → "who I am"), as lifeplan diff names what changed. An entry is a
// key path in SchemaKeys' form ("plan.written", "outcomes[].short"), or a key's
// last name alone ("easy"), which then names every key of that name that has no
// entry of its own. TestSchemaLabelsNameKeys fails when an entry names no key.
var schemaLabels = map[string]string{
	// By name, wherever the key is.
	"who_i_am": "who I am", "i_do": "what I do", "we_think": "what we think it means",
	"we_should": "what we should do", "how_i_lead": "how I lead my reviews", "pa": "employed PA",
	"dbs_checks": "DBS checks", "isf": "Individual Service Fund", "year2": "year 2 cost",
	"year3": "year 3 cost", "deprivation_of_liberty": "deprivation of liberty",
	"person_centred_plan": "person-centred plan", "photo_alt": "photo's description",
	"made_by": "who decides", "by": "date", "picture_alt": "picture's description",
	"ni_secondary_threshold": "NI secondary threshold", "employer_ni_percent": "employer's NI percent",
	"ni_upper_secondary_threshold": "NI upper secondary threshold", "pension_opt_in": "pension opt-in",
	"easy": "easy-read words", "easy_summary": "easy-read summary", "easy_purpose": "easy-read purpose",
	"formats": "information formats", "adjustments": "reasonable adjustments", "funding": "who pays",
	"support_plan_due": "date the support plan is due", "distress_steps": "what to do when I am anxious or upset",
	"how_i_agreed": "how I agreed", "dos": "things to do", "donts": "things not to do",
	"read_by": "read and understood by",

	// By key path, where the name alone is ambiguous or not enough.
	"plan.written": "date written", "plan.review": "review date",
	"housing.deprivation_of_liberty.review": "review date",
	"outcomes[].short":                      "short name", "control.decisions[].kind": "kind of decision",
	"budget.starts": "start of year 1", "service.start": "start date", "service.length": "length of the contract",
	"agreement.signatories[].for":      "signs for",
	"emergencies.guides[].first_shift": "on the first-shift page",
	"first_shift.yes":                  "how I say yes", "first_shift.no": "how I say no", "first_shift.pain": "how I show pain",
	"first_shift.upset": "how I show I am upset",
	"support.items":     "support items", "important_to.items": "what is important to me",
	"important_for.healthy": "staying healthy", "important_for.safe": "staying safe",
	"management.want_to_learn": "what I want to learn about managing my budget",
	"control.want_to_learn":    "what I want to learn about making decisions",
}

// schemaItemLabels name one element of a list of tables ("changes" → "change"), by
// the list's key path or its last name, as schemaLabels.
var schemaItemLabels = map[string]string{
	"changes": "change", "milestones": "milestone", "steps": "step", "outcomes": "learning outcome",
	"support.items": "support item", "risks": "risk", "budget.lines": "budget line",
	"allocations": "funder's allocation", "responsibilities": "responsibility", "decisions": "decision",
	"actions": "action", "communication": "communication chart row", "training": "training",
	"contacts": "contact", "roles": "role", "members": "team member", "aims": "service aim",
	"adaptations": "adaptation", "daily": "daily routine step", "weekly": "weekly routine step",
	"medication": "medicine", "history": "change history entry", "people": "person",
	"guides": "emergency guide", "reporting": "report to the commissioner", "involved": "person involved in the plan",
	"signatories": "signatory", "read_by": "read-and-understood entry",
	"support_plan.history": "support plan history entry",
}

// KeyLabel names a key in words for a sentence: "budget.lines[2].hourly_rate" →
// "hourly rate", "plan.written" → "date written". The key may name list elements
// by index or with "[]".
func KeyLabel(key string) string {
	return lookupLabel(schemaLabels, key, func(name string) string { return strings.ReplaceAll(name, "_", " ") })
}

// KeyItemLabel names one element of the list at key: "changes" → "change",
// "about.good_at" → "item of good at".
func KeyItemLabel(key string) string {
	return lookupLabel(schemaItemLabels, key, func(string) string { return "item of " + KeyLabel(key) })
}

func lookupLabel(labels map[string]string, key string, otherwise func(name string) string) string {
	key = strings.TrimSuffix(listIndex.ReplaceAllString(key, "[]"), "[]")
	if w, ok := labels[key]; ok {
		return w
	}
	name := key
	if i := strings.LastIndexAny(key, ".]"); i >= 0 {
		name = key[i+1:]
	}
	if w, ok := labels[name]; ok {
		return w
	}
	return otherwise(name)
}
