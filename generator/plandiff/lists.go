package plandiff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"lifeplan/generator/plan"
)

// similarEnough is the least similarity (Dice coefficient of the two texts' word
// sets) at which a reworded item counts as the same item rather than a removed
// one and an added one. At one half, "Swimming on Saturdays" and "Swimming on
// Saturday mornings" match; "Swimming" and "Baking bread" do not.
const similarEnough = 0.5

// entry is one list item as matching sees it.
type entry struct {
	id    string // its id, if it has one
	text  string // all its text, for the record of an added or removed item
	label string // its main text: how sentences name it, and what matching compares
	words map[string]bool
}

// pair is an old item matched with a new one.
type pair struct {
	old, new int
	how      string
}

// entries reads the items of the list at key.
func entries(v reflect.Value, key string) []entry {
	out := make([]entry, v.Len())
	for i := range out {
		e := itemEntry(v.Index(i), key+"[]")
		// Items are compared by their main text, so a decision whose maker
		// changed is still the same decision.
		e.words = wordSet(e.label)
		out[i] = e
	}
	return out
}

// itemEntry reads the item at key: its id, its text (every text field, in order)
// and its label (the first text field that is not its id). A value of a closed set
// reads as its words.
func itemEntry(v reflect.Value, key string) entry {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return entry{}
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if choices := plan.KeyChoices(key); choices != nil {
			s = plan.Label(choices, s)
		}
		return entry{text: s, label: s}
	case reflect.Struct:
	default:
		s := printValue(v)
		return entry{text: s, label: s}
	}
	var e entry
	var texts []string
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name := plan.FieldKey(f)
		if name == "" || f.Type.Kind() != reflect.String {
			continue
		}
		s := strings.Join(strings.Fields(v.Field(i).String()), " ")
		if choices := plan.KeyChoices(key + "." + name); choices != nil && s != "" {
			s = plan.Label(choices, s)
		}
		if name == "id" {
			e.id = s
			continue
		}
		if s == "" || strings.HasPrefix(name, "picture") {
			continue
		}
		texts = append(texts, s)
		if e.label == "" {
			e.label = s
		}
	}
	e.text = strings.Join(texts, " ")
	if e.label == "" {
		e.label = e.id
	}
	return e
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[w] = true
	}
	return out
}

// similarity is the Dice coefficient of two word sets: 1 for the same words, 0
// for none in common.
func similarity(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// match pairs old items with new: first by id, then by the same text, then by the
// most similar text, best pairs first. Ties go to the earlier items, so the same
// two plans always pair the same way.
func match(old, new []entry) []pair {
	var pairs []pair
	usedOld := make([]bool, len(old))
	usedNew := make([]bool, len(new))
	take := func(i, j int, how string) {
		usedOld[i], usedNew[j] = true, true
		pairs = append(pairs, pair{i, j, how})
	}
	byID := map[string]int{}
	for j, e := range new {
		if e.id != "" {
			if _, dup := byID[e.id]; !dup {
				byID[e.id] = j
			}
		}
	}
	for i, e := range old {
		if j, ok := byID[e.id]; ok && e.id != "" && !usedNew[j] {
			take(i, j, "id")
		}
	}
	for i, e := range old {
		if usedOld[i] {
			continue
		}
		for j, f := range new {
			if !usedNew[j] && e.label == f.label && e.label != "" {
				take(i, j, "same text")
				break
			}
		}
	}
	type candidate struct {
		i, j int
		sim  float64
	}
	var cands []candidate
	for i, e := range old {
		for j, f := range new {
			if usedOld[i] || usedNew[j] {
				continue
			}
			if s := similarity(e.words, f.words); s >= similarEnough {
				cands = append(cands, candidate{i, j, s})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return 0
	})
	for _, c := range cands {
		if !usedOld[c.i] && !usedNew[c.j] {
			take(c.i, c.j, fmt.Sprintf("similar text (%d%%)", int(c.sim*100+0.5)))
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.new - b.new })
	return pairs
}

// short shortens a text for a sentence: long enough to show what was reworded in
// a list item, short of quoting whole paragraphs (Old and New keep them whole).
func short(s string) string {
	const max = 160
	if r := []rune(s); len(r) > max {
		return strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return s
}

func quote(s string) string { return "“" + short(s) + "”" }

// list compares two lists item by item.
func (w *walker) list(o, n reflect.Value, key, where string) {
	oe, ne := entries(o, key), entries(n, key)
	pairs := match(oe, ne)
	matchedOld := map[int]bool{}
	matchedNew := map[int]bool{}
	for _, p := range pairs {
		matchedOld[p.old], matchedNew[p.new] = true, true
	}
	elem := o.Type().Elem()
	scalarList := elem.Kind() == reflect.String
	item := func(i int) string { return fmt.Sprintf("%s[%d]", key, i) }
	at := 0
	for j := range ne {
		if !matchedNew[j] {
			w.add(Change{Kind: Added, Key: item(j), New: ne[j].text,
				Sentence: fmt.Sprintf("%s%s: %s", where, addedWords(key, elem, where == ""), quote(ne[j].label))})
			continue
		}
		p := pairs[at]
		at++
		if scalarList {
			continue // same text: nothing changed
		}
		if elem == itemType {
			ov, nv := o.Index(p.old), n.Index(j)
			if ot, nt := ov.FieldByName("Text").String(), nv.FieldByName("Text").String(); ot != nt {
				w.add(Change{Kind: Changed, Key: item(j), Old: ot, New: nt, MatchedBy: p.how,
					Sentence: fmt.Sprintf("%sReworded in %s: %s is now %s", where, plan.KeyLabel(key), quote(ot), quote(nt))})
			}
			inner := fmt.Sprintf("%sIn %s, %s: ", where, plan.KeyLabel(key), quote(nv.FieldByName("Text").String()))
			for _, f := range itemExtras {
				sf, _ := itemType.FieldByName(f)
				w.scalar(ov.FieldByName(f), nv.FieldByName(f), item(j)+"."+plan.FieldKey(sf), inner, p.how)
			}
			continue
		}
		label := ne[j].label
		if label == "" {
			label = oe[p.old].label
		}
		inner := fmt.Sprintf("%s%s %s: ", where, capital(plan.KeyItemLabel(key), where == ""), quote(label))
		w.value(o.Index(p.old), n.Index(j), item(j), inner, p.how)
	}
	for i := range oe {
		if !matchedOld[i] {
			w.add(Change{Kind: Removed, Key: item(i), Old: oe[i].text,
				Sentence: fmt.Sprintf("%s%s: %s", where, removedWords(key, elem, where == ""), quote(oe[i].label))})
		}
	}
}

// addedWords and removedWords start the sentence for an added or removed item:
// "Added to good at" for a list of items, "New change" for a list of tables.
func addedWords(key string, elem reflect.Type, first bool) string {
	if elem.Kind() == reflect.Struct && elem != itemType {
		return capital("new "+plan.KeyItemLabel(key), first)
	}
	return capital("added to "+plan.KeyLabel(key), first)
}

func removedWords(key string, elem reflect.Type, first bool) string {
	if elem.Kind() == reflect.Struct && elem != itemType {
		return capital(plan.KeyItemLabel(key)+" removed", first)
	}
	return capital("removed from "+plan.KeyLabel(key), first)
}
