// Package pipeline renders a plan file into its document files, without the
// command line: it loads the plan and works out its budget, gives it a
// council's branding, judges it as lifeplan check does, works out what changed
// since its previous version, composes the documents and draws each in every
// format. Writing the files is a separate step (Result.Write), so a caller can
// look at the files and warnings first, or write them where it likes.
//
// It is what lifeplan render runs for every plan; a batch job or a test can use
// it directly. A Renderer is made once, which parses the templates, and then
// renders any number of plans, one after another or from many goroutines at
// once: it holds nothing that rendering a plan changes.
//
// Errors name the file, line and key where the plan has them, exactly as the
// command line prints them (it prints these errors as they are).
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"lifeplan/generator/budget"
	"lifeplan/generator/compose"
	"lifeplan/generator/plan"
	"lifeplan/generator/plandiff"
	"lifeplan/generator/render"
	"lifeplan/templates"
)

// Options choose what a Renderer makes. The zero value makes every document as
// PDF and DOCX from the built-in templates, as lifeplan render does.
type Options struct {
	// Documents are the doc-ids to make ("llsp", "service-spec", "housing-spec",
	// "support-plan", "easy-read", "one-page-profile"), made in that usual order
	// whatever the order here. None means all of them.
	Documents []string
	// Formats are the formats to draw ("pdf", "docx", "html", "md"), drawn in
	// that order. None means PDF and DOCX.
	Formats []string
	// Templates holds templates that replace built-in ones by name
	// (<doc-id>.md.tmpl, parts.md.tmpl); the rest come from the built-in set.
	// Nil means the built-in set only.
	Templates fs.FS
	// Brand, when set, replaces every plan's own [organisation] (see LoadBrand).
	Brand *Brand
	// Previous is the plan's earlier version: the LLSP and the support plan then
	// say what changed since it. It belongs to one plan's history, so a Renderer
	// with a Previous is for that one plan.
	Previous *Loaded
	// Jobs is how many of one plan's documents are drawn at once; below 1 means
	// one per usable core. A caller rendering many plans at once divides its
	// cores between the plans instead (lifeplan render does).
	Jobs int
}

// defaultFormats are the formats drawn when Options.Formats names none.
func defaultFormats() []string { return []string{"pdf", "docx"} }

// Brand is a council's branding from a branding file: its [organisation] table
// and the logo that table names.
type Brand struct {
	Organisation plan.Organisation
	Logo         *plan.Image // nil when the branding has no logo
}

// LoadBrand reads a branding file (a TOML file with an [organisation] table, as
// a plan's). Its errors name the file, line and key.
func LoadBrand(path string) (*Brand, error) {
	o, logo, err := plan.LoadBrand(path)
	if err != nil {
		return nil, err
	}
	return &Brand{Organisation: o, Logo: logo}, nil
}

// Loaded is a plan with its budget worked out.
type Loaded struct {
	Plan   *plan.Plan
	Budget *budget.Budget
}

// Load reads, checks and decodes the plan at path and works out its budget.
// Every error names the file, and the line and key where the problem has one
// (a budget that cannot be worked out too).
func Load(path string) (*Loaded, error) {
	p, err := plan.Load(path)
	if err != nil {
		return nil, err
	}
	b, err := budget.Compute(p)
	if err != nil {
		var be *budget.Error
		if errors.As(err, &be) {
			return nil, &plan.Error{File: path, Pos: p.Locate(be.Key), Key: be.Key, Msg: be.Msg}
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Loaded{Plan: p, Budget: b}, nil
}

// Renderer makes the chosen documents of any plan. Make one with New.
type Renderer struct {
	composer *compose.Composer // parsed once: templates are the slow part to set up
	specs    []compose.Spec
	formats  []render.Format
	brand    *Brand
	previous *Loaded
	jobs     int
}

// New checks the options and parses the templates. An error in a template
// names the template.
func New(o Options) (*Renderer, error) {
	docs := o.Documents
	if len(docs) == 0 {
		for _, s := range compose.Specs() {
			docs = append(docs, s.ID)
		}
	}
	specs, err := pick("document", docs, compose.Specs(), func(s compose.Spec) string { return s.ID })
	if err != nil {
		return nil, err
	}
	names := o.Formats
	if len(names) == 0 {
		names = defaultFormats()
	}
	formats, err := pick("format", names, render.Formats(), func(f render.Format) string { return f.Name })
	if err != nil {
		return nil, err
	}
	composer, err := compose.New(templates.FS, o.Templates)
	if err != nil {
		return nil, err
	}
	return &Renderer{composer: composer, specs: specs, formats: formats, brand: o.Brand, previous: o.Previous, jobs: o.Jobs}, nil
}

// pick finds each named element of all, and gives them in all's order, each once.
func pick[T any](what string, wanted []string, all []T, name func(T) string) ([]T, error) {
	var known []string
	for _, x := range all {
		known = append(known, name(x))
	}
	for _, w := range wanted {
		if !slices.Contains(known, w) {
			return nil, fmt.Errorf("there is no %s %q: the %ss are %s", what, w, what, strings.Join(known, ", "))
		}
	}
	var out []T
	for i, x := range all {
		if slices.Contains(wanted, known[i]) {
			out = append(out, x)
		}
	}
	return out, nil
}

// Result is one plan's documents, drawn and not yet written.
type Result struct {
	Path string // the plan file, as given
	// Name is the plan file's name without .toml: lifeplan render writes the
	// files into <out>/<Name>/.
	Name string
	// Files are the drawn files in the documents' order and, within a document,
	// in the formats' order, with the pictures a Markdown file shows after it.
	Files []render.File
	// Warnings are what the plan's writer should know, one line each as the
	// command line prints them: text the PDF cannot draw (with its file, line
	// and key), a one-page document whose lists were cut to fit. A warning does
	// not stop the documents.
	Warnings []string
}

// Render loads the plan at path and draws its documents (see RenderLoaded).
func (r *Renderer) Render(path string) (*Result, error) {
	l, err := Load(path)
	if err != nil {
		return &Result{Path: path}, err
	}
	return r.RenderLoaded(l)
}

// RenderLoaded draws the documents of a loaded plan, all in memory. With a
// Brand, the plan is given it in place of its own. The Result is never nil: on
// an error it holds the warnings found before it, to be shown with the error,
// and no files.
func (r *Renderer) RenderLoaded(l *Loaded) (*Result, error) {
	p := l.Plan
	res := &Result{Path: p.Source.Path, Name: p.Source.Name}
	if r.brand != nil {
		p.Brand(r.brand.Organisation, r.brand.Logo)
	}
	if slices.ContainsFunc(r.formats, func(f render.Format) bool { return f.Name == "pdf" }) {
		for _, e := range Undrawable(p) {
			res.Warnings = append(res.Warnings, e.Error())
		}
	}
	view := compose.View{Plan: p, Person: p.Person, Budget: l.Budget, Checks: compose.Judge(p, l.Budget)}
	if r.previous != nil {
		view.Changes = plandiff.Compare(r.previous.Plan, p, r.previous.Budget, l.Budget)
	}
	documents, err := r.composer.Documents(r.specs, view)
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.Path, err)
	}
	files, notes, err := render.DrawAll(documents, r.formats, r.jobs)
	for _, n := range notes {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: warning: %s", res.Path, n))
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.Path, err)
	}
	res.Files = files
	return res, nil
}

// Write writes the files into dir, making it if need be, and returns the paths
// written, in order. Every file is written and synced under a temporary name
// before any is renamed into place (see render.Write), so a failure leaves none
// of the plan's files changed, and a power cut leaves each as it was or
// complete. On an error it returns the paths already renamed into place.
func (res *Result) Write(dir string) ([]string, error) {
	written, err := render.Write(dir, res.Files)
	if err != nil {
		return written, fmt.Errorf("%s: %w", res.Path, err)
	}
	return written, nil
}
