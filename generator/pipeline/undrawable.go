package pipeline

import (
	"fmt"
	"strings"

	"lifeplan/generator/plan"
	"lifeplan/generator/typeface"
)

// Undrawable finds every text of the plan with characters the PDF cannot draw
// (scripts that need shaping or right-to-left ordering, emoji, characters no
// embedded font has), one problem for each text, at the place it was written:
// the PDF shows them as U+FFFD, the DOCX keeps them as written. They are
// warnings, not errors: the documents are still made.
func Undrawable(p *plan.Plan) []*plan.Error {
	set := typeface.Default()
	var out []*plan.Error
	for _, t := range p.Texts() {
		problems := set.Undrawable(t.Value)
		if len(problems) == 0 {
			continue
		}
		out = append(out, &plan.Error{File: p.Source.Path, Pos: t.Pos, Key: t.Key, Msg: undrawableMessage(problems)})
	}
	return out
}

// undrawableMessage: "6 characters (Arabic script) and 1 character (emoji) cannot
// be drawn in the PDF; the DOCX keeps them".
func undrawableMessage(problems []typeface.Problem) string {
	parts := make([]string, len(problems))
	total := 0
	for i, p := range problems {
		parts[i] = p.String()
		total += p.Count
	}
	list := parts[0]
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	them := "them"
	if total == 1 {
		them = "it"
	}
	return fmt.Sprintf("%s cannot be drawn in the PDF; the DOCX keeps %s", list, them)
}
