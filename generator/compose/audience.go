package compose

import (
	"reflect"

	"lifeplan/generator/plan"
)

// Part is a part of the plan that some readers may not see (UK GDPR data
// minimisation). A document's Spec lists the parts it withholds; compose removes them
// from the plan before any template runs, so a council's own template cannot print
// what its readers may not see.
type Part string

const (
	// PartHealth is conditions, health routines and medication ([health]).
	PartHealth Part = "health"
	// PartFamily is the family's own view: perspective, hopes, concerns, family
	// issues, and what is working and not working for the family.
	PartFamily Part = "family"
	// PartRisks is the risk assessment ([[risks]]).
	PartRisks Part = "risks"
	// PartSupport is the support the person gets and how to give it: support items,
	// the communication chart, distress and emergency guidance, the routine, the
	// team, training, the first-shift page and the support plan's own records.
	PartSupport Part = "support"
	// PartHistory is the LLSP's version history and the agreement page's names.
	PartHistory Part = "history"
)

// partLabels are the words the distribution list uses for what a document leaves out.
var partLabels = map[Part]string{
	PartHealth:  "health and medication",
	PartFamily:  "the family's own view",
	PartRisks:   "risks",
	PartSupport: "day-to-day support detail",
	PartHistory: "the plan's history",
}

// forAudience returns a copy of p holding only what the document's readers may see:
// without the parts it withholds and, unless the document may carry them, without
// any item, risk or support item marked private. p itself is not changed.
func forAudience(p *plan.Plan, s Spec) *plan.Plan {
	cp := *p
	for _, part := range s.Withhold {
		switch part {
		case PartHealth:
			cp.Health = plan.Health{}
		case PartFamily:
			cp.Family = plan.Family{}
			cp.Working.Family, cp.Working.FamilyNot = nil, nil
		case PartRisks:
			cp.Risks = nil
		case PartSupport:
			cp.Support.Items = nil
			cp.Communication = nil
			cp.Distress, cp.DistressSteps = "", nil
			cp.Emergencies = plan.Emergencies{}
			cp.Daily = plan.DailyLife{}
			cp.Team = plan.Team{}
			cp.Training = nil
			cp.FirstShift = plan.FirstShift{}
			cp.SupportPlan = plan.SupportPlan{}
		case PartHistory:
			cp.History = nil
			cp.Agreement = plan.Agreement{}
		}
	}
	if !s.Private {
		dropPrivate(reflect.ValueOf(&cp).Elem())
	}
	return &cp
}

// dropPrivate walks a struct and replaces every slice that holds a private element
// (any struct with a true Private field: items, risks, support items) with a new
// slice without it. It never writes into a slice it did not make, so the plan the
// copy was made from keeps all its items. Walking by reflection means a list added
// to the plan later is filtered too, without anyone remembering to.
func dropPrivate(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				dropPrivate(f)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 || v.Type().Elem().Kind() != reflect.Struct {
			return
		}
		out := reflect.MakeSlice(v.Type(), 0, v.Len())
		for i := range v.Len() {
			if !isPrivate(v.Index(i)) {
				out = reflect.Append(out, v.Index(i))
			}
		}
		for i := range out.Len() {
			dropPrivate(out.Index(i))
		}
		v.Set(out)
	}
}

func isPrivate(v reflect.Value) bool {
	f := v.FieldByName("Private")
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}
