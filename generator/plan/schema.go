package plan

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"lifeplan/generator/money"
)

// SchemaDraft is the JSON Schema dialect Schema writes.
const SchemaDraft = "https://json-schema.org/draft/2020-12/schema"

// Patterns of the plan's value types, as the loader accepts them.
const (
	// PatternID is an id: lower-case letters, digits, "-" and "_", starting with a
	// letter or digit (the loader's idPattern).
	PatternID = `^[a-z0-9][a-z0-9_-]*$`
	// PatternDate is a date written as text; a TOML local date is accepted too.
	PatternDate = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	// PatternMoney is an amount of pounds written as text: no currency sign, no
	// sign, at most two decimal places, commas allowed between thousands
	// (money.ParsePence).
	PatternMoney = `^\s*\+?([0-9][0-9,]*(\.[0-9]{1,2})?|\.[0-9]{1,2})\s*$`
	// PatternDecimal is a decimal number written as text, up to four places
	// (money.ParseDecimal).
	PatternDecimal = `^\s*\+?([0-9][0-9,]*(\.[0-9]{1,4})?|\.[0-9]{1,4})\s*$`
)

// schemaEnums are the closed sets by key path ("[]" for any list element), the
// same sets the loader checks.
var schemaEnums = map[string][]Choice{
	"plan.status":                 Statuses,
	"outcomes[].area":             OutcomeAreas,
	"changes[].whose_idea":        Ideas,
	"support.items[].time":        TimesOfDay,
	"risks[].likelihood":          Levels,
	"risks[].severity":            Levels,
	"control.decisions[].made_by": DecisionMakers,
	"management.budget_type":      BudgetTypes,
	"budget.lines[].category":     Categories,
	"budget.lines[].funder":       Funders,
	"budget.lines[].per":          Periods,
	"budget.lines[].age_band":     AgeBands,
	"budget.lines[].night_kind": {
		{string(TimeSleepIn), "Sleep-in night"}, {string(TimeWakingNight), "Waking night"},
	},
	"budget.allocations[].funder": Funders,
	"budget.employer.funder":      Funders,
	"budget.contingency.funder":   Funders,
	// A list of text takes its enum on each element.
	"person.information.formats":         InfoFormats,
	"about.people[].information.formats": InfoFormats,
	"control.decisions[].kind":           DecisionKinds,
	"action_plan.actions[].status":       ActionStatuses,
	"support.items[].funding":            Fundings,
	"agreement.signatories[].for":        SignsFor,
	"agreement.decision.outcome":         PanelOutcomes,
}

// schemaIDs are the keys that hold ids or lists of ids (references to them).
var schemaIDs = map[string]bool{
	"outcomes[].id": true, "changes[].id": true, "support.items[].id": true, "risks[].id": true,
	"budget.lines[].id": true, "changes[].learning": true, "changes[].milestones[].learning": true,
	"support.items[].changes": true, "support.items[].budget_line": true, "action_plan.actions[].change": true,
}

var (
	itemGoType    = reflect.TypeFor[Item]()
	dateGoType    = reflect.TypeFor[Date]()
	penceGoType   = reflect.TypeFor[money.Pence]()
	decimalGoType = reflect.TypeFor[money.Decimal]()
)

// itemKeys are the keys of an item's table form, in the order of Item's fields;
// their descriptions are under "(item).KEY". They come from the type, so a key
// added to Item is in the schema (and needs a description) at once.
var itemKeys = func() []string {
	var keys []string
	for i := range itemGoType.NumField() {
		if k := FieldKey(itemGoType.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}()

// itemDescription describes a list item, in the schema and the README.
const itemDescription = "A list item: plain text, or a table with the text and a picture beside it, or marked private."

// SchemaKeys lists every key path of the plan file, in file order: tables,
// "list[]" for the elements of a list of tables, and "(item).text" and the like
// for the table form of a list item.
func SchemaKeys() []string {
	fields := schemaFields()
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.key
	}
	return out
}

// schemaField is one key of the plan file with the Go type it decodes into.
type schemaField struct {
	key string // as SchemaKeys gives it
	typ reflect.Type
}

// schemaFields are the plan's keys with their types, in file order, each table
// followed by its own keys, then the keys of a list item's table form. The
// schema's keys, the README's tables of keys and the labels' test all read it.
func schemaFields() []schemaField {
	var out []schemaField
	var walk func(t reflect.Type, key string)
	walk = func(t reflect.Type, key string) {
		for i := range t.NumField() {
			name := FieldKey(t.Field(i))
			if name == "" {
				continue
			}
			k := join(key, name)
			ft := deref(t.Field(i).Type)
			out = append(out, schemaField{k, ft})
			switch {
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && ft.Elem() != itemGoType:
				walk(ft.Elem(), k+"[]")
			case ft.Kind() == reflect.Struct && ft != dateGoType:
				walk(ft, k)
			}
		}
	}
	walk(reflect.TypeFor[Plan](), "")
	for i := range itemGoType.NumField() {
		if k := FieldKey(itemGoType.Field(i)); k != "" {
			out = append(out, schemaField{"(item)." + k, deref(itemGoType.Field(i).Type)})
		}
	}
	return out
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// FieldKey is the key a field of a plan type is written under in a plan file:
// the name in its toml tag, or the field's own name for an untagged field, as
// BurntSushi/toml decodes it. It is "" for a field no plan file writes
// (unexported, or tagged "-"). The loader, the schema, the texts, the pictures
// and lifeplan diff all name keys with it.
func FieldKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return name
}

// Schema returns the JSON Schema (draft 2020-12) of the plan file, derived from the
// Go types by their toml tags, with every key's description from one table
// (schemaDescriptions), its closed set and its pattern. Unknown keys are refused
// (additionalProperties: false), as the loader refuses them. A key with no
// description is an error, so the schema never ships a key unexplained.
func Schema() ([]byte, error) {
	b := &schemaBuilder{}
	root := b.object(reflect.TypeFor[Plan](), "")
	root["$schema"] = SchemaDraft
	root["$id"] = "https://lifeplan.example/lifeplan.schema.json"
	root["title"] = "lifeplan plan file"
	root["description"] = "One young person's Learning and Living Support Plan, written once as TOML. " +
		"Sections follow the ten LLSP criteria in order, then good practice, then what the service and housing specifications and the support plan need."
	item := map[string]any{"type": "object", "additionalProperties": false}
	props := map[string]any{}
	itemFields := map[string]reflect.StructField{}
	for i := range itemGoType.NumField() {
		f := itemGoType.Field(i)
		itemFields[FieldKey(f)] = f
	}
	for _, k := range itemKeys {
		props[k] = b.value(itemFields[k].Type, "(item)."+k)
	}
	item["properties"] = props
	root["$defs"] = map[string]any{
		"item": map[string]any{
			"description": itemDescription,
			"anyOf":       []any{map[string]any{"type": "string"}, item},
		},
	}
	if len(b.missing) > 0 {
		return nil, fmt.Errorf("plan keys with no description in schemaDescriptions: %s", strings.Join(b.missing, ", "))
	}
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("writing the schema: %w", err)
	}
	return append(out, '\n'), nil
}

type schemaBuilder struct {
	missing []string
}

func (b *schemaBuilder) describe(s map[string]any, key string) {
	d, ok := schemaDescriptions[key]
	if !ok {
		b.missing = append(b.missing, key)
		return
	}
	s["description"] = d
}

func (b *schemaBuilder) object(t reflect.Type, key string) map[string]any {
	props := map[string]any{}
	for i := range t.NumField() {
		f := t.Field(i)
		name := FieldKey(f)
		if name == "" {
			continue
		}
		props[name] = b.value(f.Type, join(key, name))
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

func (b *schemaBuilder) value(t reflect.Type, key string) map[string]any {
	t = deref(t)
	var s map[string]any
	switch {
	case t == dateGoType:
		s = map[string]any{"type": "string", "format": "date", "pattern": PatternDate}
	case t == penceGoType:
		s = map[string]any{"anyOf": []any{
			map[string]any{"type": "string", "pattern": PatternMoney},
			map[string]any{"type": "number", "minimum": 0},
		}}
	case t == decimalGoType:
		s = map[string]any{"anyOf": []any{
			map[string]any{"type": "string", "pattern": PatternDecimal},
			map[string]any{"type": "number", "minimum": 0},
		}}
	case t == itemGoType:
		s = map[string]any{"$ref": "#/$defs/item"}
	case t.Kind() == reflect.Struct:
		s = b.object(t, key)
	case t.Kind() == reflect.Slice:
		elem := deref(t.Elem())
		var items map[string]any
		switch {
		case elem == itemGoType:
			items = map[string]any{"$ref": "#/$defs/item"}
		case elem.Kind() == reflect.Struct:
			items = b.object(elem, key+"[]")
		default:
			items = b.scalar(elem, key)
		}
		s = map[string]any{"type": "array", "items": items}
	default:
		s = b.scalar(t, key)
	}
	b.describe(s, key)
	return s
}

func (b *schemaBuilder) scalar(t reflect.Type, key string) map[string]any {
	s := map[string]any{}
	switch t.Kind() {
	case reflect.String:
		s["type"] = "string"
	case reflect.Bool:
		s["type"] = "boolean"
	case reflect.Int, reflect.Int64:
		s["type"] = "integer"
		s["minimum"] = 0
	default:
		s["type"] = "string"
	}
	if choices, ok := schemaEnums[key]; ok {
		ids := make([]any, len(choices))
		for i, c := range choices {
			ids[i] = c.ID
		}
		s["enum"] = ids
	}
	if schemaIDs[key] {
		s["pattern"] = PatternID
	}
	if key == "organisation.accent" {
		s["pattern"] = hexColour.String()
	}
	return s
}

// schemaDescriptionKeys lists the description table's keys, sorted, for tests.
func schemaDescriptionKeys() []string {
	keys := make([]string, 0, len(schemaDescriptions))
	for k := range schemaDescriptions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// listIndex matches the index of a list element in a key path ("[2]").
var listIndex = regexp.MustCompile(`\[[0-9]+\]`)

// KeyChoices returns the closed set a key holds, or nil for a key that takes any
// value. The key may name list elements by index ("support.items[2].funding") or
// with "[]", and may end in an element of a list of text ("person.information.formats[0]").
// It reads the same table the schema and the loader's test use, so a tool that
// prints a value's words (lifeplan diff) knows every set without a list of its own.
func KeyChoices(key string) []Choice {
	key = listIndex.ReplaceAllString(key, "[]")
	if c, ok := schemaEnums[key]; ok {
		return c
	}
	return schemaEnums[strings.TrimSuffix(key, "[]")]
}
