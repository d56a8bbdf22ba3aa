// Package docx renders a doc.Document as an Office Open XML word-processing file.
//
// The body is built with github.com/gomutex/godocx (its paragraph, run, table and
// DrawingML types and its marshaller). What godocx lacks — A4 section properties,
// header and footer parts with page fields, core and app properties, list numbering
// that restarts, picture titles and byte-for-byte reproducible zips — is added by the
// wrapper in package.go.
package docx

import (
	"bytes"
	"fmt"
	"io"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/packager"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"lifeplan/generator/doc"
)

// Render writes d as a DOCX (Office Open XML) document to w.
func Render(w io.Writer, d *doc.Document) error {
	if d == nil {
		return fmt.Errorf("docx: nil document")
	}
	tpl, err := templateZip(d.Meta.Language)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	rd, err := packager.Unpack(&tpl)
	if err != nil {
		return fmt.Errorf("docx: unpack template: %w", err)
	}
	r := &renderer{rd: rd, media: map[string]string{}}
	body := &bodySink{rd: rd}
	for i, b := range d.Blocks {
		if err := r.block(body, b); err != nil {
			return fmt.Errorf("docx: block %d: %w", i, err)
		}
	}
	pkg := newPackage(rd, d.Meta)
	pkg.setNumbering(r.nums)
	if err := pkg.prepare(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	var raw bytes.Buffer
	if err := rd.Write(&raw); err != nil {
		return fmt.Errorf("docx: godocx write: %w", err)
	}
	if err := pkg.finish(raw.Bytes(), w, r.titles); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// renderer holds the state of one Render call: list instances handed out so far,
// media parts already stored (by doc.Image.Name) and the title of every drawing.
type renderer struct {
	rd     *docx.RootDoc
	nums   []numInstance
	media  map[string]string // doc.Image.Name → relationship ID
	titles []string          // titles[i] belongs to drawing (docPr) i+1
}

// sink is where blocks go: the document body or a table cell. Width is the room
// available to its content, in twips, so tables and pictures can fit it.
type sink interface {
	para(p *ctypes.Paragraph)
	table(t *ctypes.Table)
	width() int
}

// bodySink appends to the document body through godocx's own constructors, because
// the body only accepts godocx's wrapper types.
type bodySink struct {
	rd        *docx.RootDoc
	lastTable bool
}

func (s *bodySink) para(p *ctypes.Paragraph) {
	*s.rd.AddEmptyParagraph().GetCT() = *p
	s.lastTable = false
}

func (s *bodySink) table(t *ctypes.Table) {
	// Two tables with nothing between them are merged into one by Word and
	// LibreOffice; a tiny paragraph keeps them apart.
	if s.lastTable {
		s.para(spacerPara())
	}
	*s.rd.AddTable().GetCT() = *t
	s.lastTable = true
}

func (s *bodySink) width() int { return textWidth }

// cellSink appends to a table cell.
type cellSink struct {
	cell *ctypes.Cell
	w    int
}

func (s *cellSink) para(p *ctypes.Paragraph) {
	s.cell.Contents = append(s.cell.Contents, ctypes.TCBlockContent{Paragraph: p})
}

func (s *cellSink) table(t *ctypes.Table) {
	if s.lastIsTable() {
		s.para(spacerPara())
	}
	s.cell.Contents = append(s.cell.Contents, ctypes.TCBlockContent{Table: t})
}

func (s *cellSink) width() int { return s.w }

func (s *cellSink) lastIsTable() bool {
	n := len(s.cell.Contents)
	return n > 0 && s.cell.Contents[n-1].Table != nil
}

// close makes the cell valid: OOXML requires every cell to end with a paragraph.
func (s *cellSink) close() {
	if len(s.cell.Contents) == 0 || s.lastIsTable() {
		s.para(spacerPara())
	}
}

func (r *renderer) blocks(s sink, bs []doc.Block) error {
	for _, b := range bs {
		if err := r.block(s, b); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) block(s sink, b doc.Block) error {
	switch b := b.(type) {
	case *doc.Heading:
		s.para(headingPara(b))
	case *doc.Paragraph:
		return r.paragraph(s, b)
	case *doc.List:
		return r.list(s, b, 0)
	case *doc.Table:
		s.table(r.table(b, s.width()))
	case *doc.Figure:
		return r.figure(s, b)
	case *doc.Aside:
		return r.aside(s, b)
	case *doc.PageBreak:
		s.para(pageBreakPara())
	case nil:
		return fmt.Errorf("nil block")
	default:
		return fmt.Errorf("unknown block type %T", b)
	}
	return nil
}

// headingPara uses the built-in Heading1–4 styles, so the structure shows in Word's
// navigation pane and LibreOffice's navigator and becomes PDF bookmarks on export.
func headingPara(h *doc.Heading) *ctypes.Paragraph {
	lvl := min(max(h.Level, 1), 4)
	p := &ctypes.Paragraph{Property: &ctypes.ParagraphProp{
		Style: ctypes.NewParagraphStyle(fmt.Sprintf("Heading%d", lvl)),
	}}
	p.Children = inlineRuns(h.Text, false)
	return p
}

func (r *renderer) paragraph(s sink, p *doc.Paragraph) error {
	if p.Picture == nil {
		s.para(textPara(p.Text, ""))
		return nil
	}
	return r.pictureBeside(s, p.Picture, func(inner sink) error {
		inner.para(textPara(p.Text, ""))
		return nil
	})
}

func (r *renderer) figure(s sink, f *doc.Figure) error {
	if f.Image == nil {
		return fmt.Errorf("figure without image")
	}
	run, err := r.drawing(f.Image, s.width(), figureMaxHeight)
	if err != nil {
		return err
	}
	p := &ctypes.Paragraph{Property: &ctypes.ParagraphProp{
		Justification: ctypes.NewGenSingleStrVal(stypes.JustificationCenter),
	}}
	p.Children = []ctypes.ParagraphChild{{Run: run}}
	s.para(p)
	return nil
}

// textPara is a paragraph of inline runs in the given style ("" for Normal).
func textPara(in []doc.Inline, style string) *ctypes.Paragraph {
	p := &ctypes.Paragraph{}
	if style != "" {
		p.Property = &ctypes.ParagraphProp{Style: ctypes.NewParagraphStyle(style)}
	}
	p.Children = inlineRuns(in, false)
	return p
}

// inlineRuns turns styled text into w:r elements. Text goes through godocx's
// encoder, which escapes markup characters, so user text is always literal.
func inlineRuns(in []doc.Inline, bold bool) []ctypes.ParagraphChild {
	out := make([]ctypes.ParagraphChild, 0, len(in))
	for _, it := range in {
		run := &ctypes.Run{}
		if it.LineBreak {
			run.Children = []ctypes.RunChild{{Break: &ctypes.Break{}}}
		} else {
			run.Children = []ctypes.RunChild{{Text: ctypes.TextFromString(it.Text)}}
		}
		if it.Bold || bold || it.Italic {
			run.Property = &ctypes.RunProperty{}
			if it.Bold || bold {
				run.Property.Bold = ctypes.OnOffFromBool(true)
			}
			if it.Italic {
				run.Property.Italic = ctypes.OnOffFromBool(true)
			}
		}
		out = append(out, ctypes.ParagraphChild{Run: run})
	}
	return out
}

func pageBreakPara() *ctypes.Paragraph {
	page := stypes.BreakTypePage
	run := &ctypes.Run{Children: []ctypes.RunChild{{Break: &ctypes.Break{BreakType: &page}}}}
	return &ctypes.Paragraph{Children: []ctypes.ParagraphChild{{Run: run}}}
}

// spacerPara is an almost invisible empty paragraph (2 pt, no spacing).
func spacerPara() *ctypes.Paragraph {
	zero := uint64(0)
	line := 40
	exact := stypes.LineSpacingRuleExact
	return &ctypes.Paragraph{Property: &ctypes.ParagraphProp{
		Spacing: &ctypes.Spacing{Before: &zero, After: &zero, Line: &line, LineRule: &exact},
	}}
}
