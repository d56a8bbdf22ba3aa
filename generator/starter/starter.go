// Package starter writes the starter plan that `lifeplan init` gives a new planner:
// every section in the order of the LLSP criteria, each with the criterion's
// question, what it means, what the funders look for and why a plan would be
// refused, as comments, and example values commented out. The starter loads and
// renders as a draft as it is, and still loads with every example uncommented.
package starter

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"text/template"
	"time"
	"unicode"
)

//go:embed starter.toml.tmpl
var source string

var tmpl = template.Must(template.New("starter.toml").Parse(source))

// Options are what the starter is filled in with.
type Options struct {
	Name    string    // the person's full name
	File    string    // the plan's file name, for the "run lifeplan check" comment
	Written time.Time // the plan's date; the review is six months later
}

// Plan returns the starter plan's TOML.
func Plan(o Options) ([]byte, error) {
	name := strings.Join(strings.Fields(o.Name), " ")
	if name == "" {
		return nil, fmt.Errorf("the person's name is empty")
	}
	w := time.Date(o.Written.Year(), o.Written.Month(), o.Written.Day(), 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	err := tmpl.Execute(&buf, map[string]string{
		"Name":      tomlString(name),
		"Comment":   name,
		"File":      oneLine(o.File),
		"Written":   w.Format("2006-01-02"),
		"Review":    w.AddDate(0, 6, 0).Format("2006-01-02"),
		"Milestone": w.AddDate(0, 3, 0).Format("2006-01-02"),
	})
	if err != nil {
		return nil, fmt.Errorf("writing the starter plan: %w", err)
	}
	return buf.Bytes(), nil
}

// NameFromFile makes a name from a file name, for when none is given:
// "jo-bloggs.toml" gives "Jo Bloggs".
func NameFromFile(file string) string {
	base := file
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, ".toml")
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r) })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// tomlString quotes s as a TOML basic string. TOML has fewer escapes than Go (no
// \x, no \a), so strconv.Quote will not do.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
