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
	"lifeplan/generator/internal/reuse"
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
	// Withhold lists the parts of the plan this document's readers may not see.
	// Compose removes them before the template runs.
	Withhold []Part
	// OwnVersion says the document is versioned by its provider ([support_plan]
	// version), apart from the LLSP: its pages carry that version when the plan gives it.
	OwnVersion bool
	// Kind chooses the layout's style sheet (standard, easy read, one page).
	Kind doc.Kind
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
			Subject:  "The support service to be commissioned: team, hours, aims, needs and who pays",
			Withhold: []Part{PartHealth, PartFamily}},
		{ID: "housing-spec", Title: "Housing Specification",
			Audience: "housing brokers and landlords",
			Subject:  "The home to find: where, what kind, tenure, adaptations",
			Withhold: []Part{PartHealth, PartFamily, PartRisks, PartSupport, PartHistory}},
		{ID: "support-plan", Title: "Support Plan",
			Audience:   "everyone who supports me day to day: my team, professionals and my family",
			Subject:    "How to support a young person, day to day: the team's manual",
			Private:    true,
			OwnVersion: true},
		easyReadSpec(),
		onePageProfileSpec(),
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
	Checklist []ChecklistRow // the ten criteria, in order
	Practice  []ChecklistRow // the good-practice list, in order
}

// ChecklistRow is one criterion or good-practice item of the panel checklist.
type ChecklistRow struct {
	Criterion string // "1. Who are you?"
	// Met rows point at the heading where the evidence is; documents print its page.
	Met    bool
	Anchor string
	// Status is what is missing, in plain words, for a row not met; for a met row,
	// an optional note (suggestions from lifeplan check).
	Status string
}

// sharedTemplates are the template files that define parts, not documents, that
// several documents call: information.md.tmpl defines "information" (how to give
// the person information), changes.md.tmpl defines "changes" (the "What changed
// since version X" section). A council may override each like any other template.
var sharedTemplates = []string{"information.md.tmpl", "changes.md.tmpl"}

// Composer fills templates. Make one with New and reuse it for many plans.
type Composer struct {
	templates map[string]*template.Template
	parser    *markdown.Parser
}

// PartsFile holds the named templates ({{define}}) every document shares: the item
// list, numbered steps, the DRAFT banner. A council's parts file need only hold the
// definitions it rewords; each replaces the built-in one of the same name.
const PartsFile = "parts.md.tmpl"

// New parses every document's template, taking each from override when it has the
// file (a council's own wording) and from base otherwise. The shared parts come from
// base, then from override's parts file, one definition at a time.
func New(base, override fs.FS) (*Composer, error) {
	c := &Composer{templates: map[string]*template.Template{}, parser: markdown.NewParser()}
	baseParts, err := fs.ReadFile(base, PartsFile)
	if err != nil {
		return nil, fmt.Errorf("reading built-in template %s: %w", PartsFile, err)
	}
	var ownParts []byte
	if override != nil {
		ownParts, err = fs.ReadFile(override, PartsFile)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("reading template %s: %w", PartsFile, err)
		}
	}
	for _, s := range Specs() {
		name := s.ID + ".md.tmpl"
		src, err := readTemplate(base, override, name)
		if err != nil {
			return nil, err
		}
		t := template.New(name).Option("missingkey=error").Funcs(allFuncs())
		if _, err := t.New(PartsFile).Parse(string(baseParts)); err != nil {
			return nil, fmt.Errorf("built-in template %s: %w", PartsFile, err)
		}
		if ownParts != nil {
			if _, err := t.New(PartsFile).Parse(string(ownParts)); err != nil {
				return nil, fmt.Errorf("template %s: %w", PartsFile, err)
			}
		}
		if _, err := t.Parse(src); err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		for _, shared := range sharedTemplates {
			src, err := readTemplate(base, override, shared)
			if err != nil {
				return nil, err
			}
			if _, err := t.New(shared).Parse(src); err != nil {
				return nil, fmt.Errorf("template %s: %w", shared, err)
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
	// The template sees only what this document's readers may see.
	seen := *v
	seen.Plan = forAudience(v.Plan, v.Doc)
	seen.Person = seen.Plan.Person
	buf := markdownBuffers.Get(newBuffer)
	defer markdownBuffers.Put(buf)
	buf.Reset()
	if err := t.Execute(buf, &seen); err != nil {
		return nil, fmt.Errorf("filling template: %w", err)
	}
	return tidy(dropEmptySections(buf.String())), nil
}

// markdownBuffers hold the Markdown that templates write, which dropEmptySections
// copies out: an LLSP's is some 75 KB, and a buffer grown from nothing for each
// document made half a megabyte of garbage a plan.
var markdownBuffers = make(reuse.List[*bytes.Buffer], 8)

func newBuffer() *bytes.Buffer { return new(bytes.Buffer) }

// NotWritten is the line a criterion's section shows in a draft that does not answer
// it yet: every criterion keeps its place, so the panel sees what is missing.
const NotWritten = "*Not written yet: the plan does not answer this question yet.*"

// alwaysShown reports whether a heading keeps its place even with nothing under it:
// the ten criteria, anchored {#criterion-N}.
func alwaysShown(line string) bool {
	return strings.Contains(line, "{#criterion-")
}

// dropEmptySections removes headings with nothing under them (only blank lines or
// empty subsections before the next heading of the same or a higher level), so a
// draft's missing parts are left out cleanly rather than shown as empty headings.
// A page break ("---") is not content.
// A heading is a line starting with '#': user text is escaped, so only a template
// can write one.
func dropEmptySections(md string) []string {
	lines := strings.Split(md, "\n")
	keep := make([]bool, len(lines))
	empty := make([]bool, len(lines)) // an always-shown heading with nothing under it
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
		if !keep[i] && alwaysShown(lines[i]) {
			keep[i], empty[i] = true, true
		}
	}
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		if keep[i] {
			out = append(out, l)
		}
		if empty[i] {
			out = append(out, "", NotWritten, "")
		}
	}
	return out
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
// Markdown stays readable and its golden files diff cleanly, and joins the lines.
func tidy(lines []string) []byte {
	out := make([]string, 0, len(lines))
	blank := true
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		// A hard line break ("\" at the end) before a blank line would print as a
		// backslash: the line after it was left out. An even run of backslashes is
		// escaped text, not a break.
		if n := len(l) - len(strings.TrimRight(l, `\`)); n%2 == 1 && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "") {
			l = l[:len(l)-1]
		}
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
	// Joined straight into the bytes returned, with room for the last newline.
	n := len(out) + 1
	for _, l := range out {
		n += len(l)
	}
	joined := make([]byte, 0, n)
	for i, l := range out {
		if i > 0 {
			joined = append(joined, '\n')
		}
		joined = append(joined, l...)
	}
	return append(bytes.TrimSpace(joined), '\n')
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
			return pictogramImage(dest, alt)
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
	version := p.Plan.Version
	if v.Doc.OwnVersion && p.SupportPlan.Version != "" {
		version = p.SupportPlan.Version
	}
	draft := ""
	if (v.Checks != nil && v.Checks.Blockers > 0) || p.Plan.Status == plan.StatusDraft {
		draft = "DRAFT"
	}
	return &doc.Document{Meta: doc.Meta{
		Draft:          draft,
		ID:             v.Doc.ID,
		Title:          v.Doc.Title,
		Subject:        v.Doc.Subject,
		Author:         p.Plan.Author,
		Language:       p.Plan.Language,
		Classification: p.Plan.Classification,
		PersonName:     p.Person.Name,
		Version:        version,
		Date:           p.Plan.Written.Long(),
		ReviewDate:     p.Plan.Review.Long(),
		Created:        p.Plan.Written.ISO(),
		Kind:           v.Doc.Kind,
		Brand:          brand(p),
	}, Blocks: blocks}, nil
}

// brand is the plan's branding for the document tree.
func brand(p *plan.Plan) doc.Brand {
	o := p.Organisation
	b := doc.Brand{Name: o.Name, Contact: o.Contact, Accent: o.Accent}
	if img, ok := p.Source.Pics[string(o.Logo)]; ok && o.Logo != "" {
		alt := o.LogoAlt
		if alt == "" {
			alt = o.Name + " logo"
		}
		b.Logo = &doc.Image{Name: "organisation-logo", Alt: alt, Format: img.Format, Data: img.Data, Width: img.Width, Height: img.Height}
	}
	return b
}

// Documents composes the chosen documents of one plan, in the order of specs: all
// a plan's documents are made here, so rendering needs only the document trees.
func (c *Composer) Documents(specs []Spec, v View) ([]*doc.Document, error) {
	docs := make([]*doc.Document, 0, len(specs))
	for _, s := range specs {
		view := v
		view.Doc = s
		d, err := c.Document(&view)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ID, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}
