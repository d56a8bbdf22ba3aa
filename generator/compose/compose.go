// Package compose fills a document's template with a plan and turns the Markdown it
// writes into the renderer-neutral document tree.
package compose

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"lifeplan/generator/budget"
	"lifeplan/generator/doc"
	"lifeplan/generator/markdown"
	"lifeplan/generator/plan"
	"lifeplan/generator/plandiff"
)

// Spec describes one kind of document.
type Spec struct {
	ID       string // doc-id, also the output file's name
	Title    string
	Audience string // who it is prepared for, printed on the cover
	Subject  string
	// Private says whether items marked private = true may appear.
	Private bool
}

// Specs lists the documents lifeplan makes, in the order it makes them.
func Specs() []Spec {
	return []Spec{
		{ID: "llsp", Title: "Learning and Living Support Plan",
			Audience: "the agreement panel, and for me and my family",
			Subject:  "How a young person wants to use their individualised budget to learn and live",
			Private:  true},
		{ID: "service-spec", Title: "Service Specification",
			Audience: "commissioners and support providers",
			Subject:  "The support service to be commissioned: team, hours, aims, needs and who pays"},
		{ID: "housing-spec", Title: "Housing Specification",
			Audience: "housing brokers and landlords",
			Subject:  "The home to find: where, what kind, tenure, adaptations"},
		{ID: "support-plan", Title: "Support Plan",
			Audience: "everyone who supports me day to day: my team, professionals and my family",
			Subject:  "How to support a young person, day to day: the team's manual",
			Private:  true},
	}
}

// SpecByID finds a document kind.
func SpecByID(id string) (Spec, bool) {
	for _, s := range Specs() {
		if s.ID == id {
			return s, true
		}
	}
	return Spec{}, false
}

// View is what a template sees.
type View struct {
	Doc    Spec
	Plan   *plan.Plan
	Person plan.Person
	Budget *budget.Budget
	// Checks is the panel checklist and the count of blockers; nil when not judged.
	Checks *Checks
	// Changes is what changed since an earlier version (render --since); nil for none.
	Changes *plandiff.Diff
}

// Checks summarises package check's findings for the documents.
type Checks struct {
	Blockers  int
	Advice    int
	Checklist []ChecklistRow
}

// ChecklistRow is one criterion of the panel checklist.
type ChecklistRow struct {
	Criterion string // "1. Who are you?"
	Where     string // where the plan answers it
	Status    string // "Met" or what is missing
}

// sharedTemplates are the template files that define parts, not documents:
// changes.md.tmpl defines "changes", the "What changed since version X" section.
var sharedTemplates = []string{"changes.md.tmpl"}

// Composer fills templates. Make one with New and reuse it for many plans.
type Composer struct {
	templates map[string]*template.Template
	parser    *markdown.Parser
}

// New parses every document's template, taking each from override when it has the
// file (a council's own wording) and from base otherwise.
func New(base, override fs.FS) (*Composer, error) {
	c := &Composer{templates: map[string]*template.Template{}, parser: markdown.NewParser()}
	for _, s := range Specs() {
		name := s.ID + ".md.tmpl"
		src, err := readTemplate(base, override, name)
		if err != nil {
			return nil, err
		}
		t, err := template.New(name).Option("missingkey=error").Funcs(funcs()).Parse(src)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		// Shared parts every document template may call with {{template}}.
		for _, part := range sharedTemplates {
			src, err := readTemplate(base, override, part)
			if err != nil {
				return nil, err
			}
			if _, err := t.New(part).Parse(src); err != nil {
				return nil, fmt.Errorf("template %s: %w", part, err)
			}
		}
		c.templates[s.ID] = t
	}
	return c, nil
}

func readTemplate(base, override fs.FS, name string) (string, error) {
	if override != nil {
		b, err := fs.ReadFile(override, name)
		if err == nil {
			return string(b), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("reading template %s: %w", name, err)
		}
	}
	b, err := fs.ReadFile(base, name)
	if err != nil {
		return "", fmt.Errorf("reading built-in template %s: %w", name, err)
	}
	return string(b), nil
}

// Markdown writes the document's Markdown: the intermediate form golden tests keep.
func (c *Composer) Markdown(v *View) ([]byte, error) {
	t, ok := c.templates[v.Doc.ID]
	if !ok {
		return nil, fmt.Errorf("no template for document %q", v.Doc.ID)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("filling template: %w", err)
	}
	return tidy(dropEmptySections(buf.Bytes())), nil
}

// dropEmptySections removes headings with nothing under them (only blank lines or
// empty subsections before the next heading of the same or a higher level), so a
// draft's missing parts are left out cleanly rather than shown as empty headings.
// A page break ("---") is not content.
// A heading is a line starting with '#': user text is escaped, so only a template
// can write one.
func dropEmptySections(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	keep := make([]bool, len(lines))
	for i := len(lines) - 1; i >= 0; i-- {
		level := headingLevel(lines[i])
		if level == 0 {
			keep[i] = true
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if l := headingLevel(lines[j]); l > 0 && l <= level {
				break
			}
			if t := strings.TrimSpace(lines[j]); keep[j] && t != "" && t != "---" {
				keep[i] = true
				break
			}
		}
	}
	var out []string
	for i, l := range lines {
		if keep[i] {
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, "\n"))
}

func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(line) && line[n] != ' ') {
		return 0
	}
	return n
}

// tidy folds runs of blank lines that skipped template sections leave behind, so the
// Markdown stays readable and its golden files diff cleanly.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	out := make([]string, 0, len(lines))
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return []byte(strings.TrimSpace(strings.Join(out, "\n")) + "\n")
}

// Document composes the whole document: metadata and blocks.
func (c *Composer) Document(v *View) (*doc.Document, error) {
	md, err := c.Markdown(v)
	if err != nil {
		return nil, err
	}
	pics := v.Plan.Source.Pics
	blocks, err := c.parser.Parse(md, func(dest, alt string) (*doc.Image, error) {
		img, ok := pics[dest]
		if !ok {
			return nil, fmt.Errorf("the template shows a picture %q that the plan did not load", dest)
		}
		return &doc.Image{Name: dest, Alt: alt, Format: img.Format, Data: img.Data, Width: img.Width, Height: img.Height}, nil
	})
	if err != nil {
		return nil, err
	}
	// A page break with nothing after it (a draft with no sections yet) would leave
	// a blank page.
	for len(blocks) > 0 {
		if _, ok := blocks[len(blocks)-1].(*doc.PageBreak); !ok {
			break
		}
		blocks = blocks[:len(blocks)-1]
	}
	p := v.Plan
	return &doc.Document{Meta: doc.Meta{
		ID:             v.Doc.ID,
		Title:          v.Doc.Title,
		Subject:        v.Doc.Subject,
		Author:         p.Plan.Author,
		Language:       p.Plan.Language,
		Classification: p.Plan.Classification,
		PersonName:     p.Person.Name,
		Version:        p.Plan.Version,
		Date:           p.Plan.Written.Long(),
		ReviewDate:     p.Plan.Review.Long(),
		Created:        p.Plan.Written.ISO(),
	}, Blocks: blocks}, nil
}
