// Package docx renders a doc.Document as an Office Open XML word-processing file
// (ECMA-376) that Word and LibreOffice open, edit and restyle as their own: every
// look comes from named styles (styles.go), headings carry bookmarks, a contents
// field lists them with page numbers, internal links and page references are real
// hyperlinks and PAGEREF fields, and the fonts are embedded (fonts.go). In easy
// read, each pictured point is a row of a borderless layout table, the picture
// beside its words (points.go).
//
// Every part is written by hand with a small XML writer (xmlw.go) and the package
// is zipped once (package.go). The same document always gives the same bytes.
package docx

import (
	"fmt"
	"io"
	"strconv"

	"lifeplan/generator/doc"
	"lifeplan/generator/internal/reuse"
	"lifeplan/generator/layout"
	"lifeplan/generator/typeface"
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)

// Layout is what a DOCX takes from our PDF layout of the same document, so that
// Word shows what the PDF shows.
type Layout struct {
	// Pages is the page each heading starts on: the contents and page
	// references are pre-filled with those numbers (Word updates them on open).
	// nil leaves the numbers for Word to fill in.
	Pages doc.Pages
	// Tables is how each table was laid out: a DOCX table's columns follow the
	// widths they have in the PDF (columnWidths). nil: Render lays d out for
	// them itself.
	Tables map[*doc.Table]layout.TableGeometry
}

// Render writes d as a DOCX document to w, as laid out in l.
func Render(w io.Writer, d *doc.Document, l Layout) error {
	if d == nil {
		return fmt.Errorf("docx: nil document")
	}
	created, err := parseCreated(d.Meta.Created)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if l.Tables == nil {
		l.Tables = layout.Layout(d, typeface.Default()).Tables
	}
	r := newRenderer(d, l)
	body := buffers.Get(newXMLWriter)
	defer buffers.Put(body)
	body.Reset()
	if err := r.document(body); err != nil {
		return fmt.Errorf("docx: %q: %w", d.Meta.Title, err)
	}
	file := buffers.Get(newXMLWriter)
	defer buffers.Put(file)
	file.Reset()
	if err := r.pack(&file.Buffer, body.Bytes(), created); err != nil {
		return fmt.Errorf("docx: %q: %w", d.Meta.Title, err)
	}
	if _, err := w.Write(file.Bytes()); err != nil {
		return fmt.Errorf("docx: writing %q: %w", d.Meta.Title, err)
	}
	return nil
}

// buffers hold a document's XML and its zip while Render makes them; both are
// copied out (to w) before Render returns, so they are reused by the next
// document rather than grown from nothing each time (a long document's XML is
// some 300 KB, its file as much again).
var buffers = make(reuse.List[*xmlWriter], 8)

func newXMLWriter() *xmlWriter { return new(xmlWriter) }

// renderer is the state of one Render call. Nothing is shared between calls but
// read-only caches of the embedded fonts (their coverage, widths and compressed
// bytes), made once per process.
type renderer struct {
	d      *doc.Document
	pages  doc.Pages
	tables map[*doc.Table]layout.TableGeometry
	s      sheet

	marks     map[string]string       // heading anchor → bookmark name
	headMarks map[*doc.Heading]string // every bookmarked heading → its bookmark
	captions  map[*doc.Table]string   // table → the heading it stands under
	toc       tocPlan
	nums      []numInstance
	media     []mediaPart
	byName    map[string]int // doc.Image.Name → index in media
	drawing   int            // drawings written, for unique wp:docPr ids
	bmID      int            // bookmarks written, for unique w:id
	glyphs    glyphUse

	pendingBreak bool // the next paragraph starts a new page
	afterTable   bool // the last body block was a table
	afterPoints  bool // … a table of easy-read points, which ends with its own space
}

func newRenderer(d *doc.Document, l Layout) *renderer {
	r := &renderer{
		d:         d,
		pages:     l.Pages,
		tables:    l.Tables,
		s:         sheetFor(d.Meta.Kind, d.Meta.Brand.Accent),
		marks:     map[string]string{},
		headMarks: map[*doc.Heading]string{},
		captions:  map[*doc.Table]string{},
		byName:    map[string]int{},
		glyphs:    newGlyphUse(),
	}
	r.planBookmarks()
	r.toc = r.planTOC()
	return r
}

// place is where blocks are being written: the width available (twips), whether
// inside a table cell, and the list depth.
type place struct {
	width  int
	inCell bool
	depth  int
}

// document writes word/document.xml into w.
func (r *renderer) document(w *xmlWriter) error {
	w.WriteString(xmlHeader)
	w.start("w:document", "xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP, "xmlns:a", nsA, "xmlns:pic", nsPic)
	w.start("w:body")
	top := place{width: textWidth}
	if err := r.organisation(w); err != nil {
		return err
	}
	// Consecutive easy-read points are gathered into one table (points.go).
	var run []*doc.Paragraph
	first := 0
	flush := func() error {
		if err := r.points(w, run, top); err != nil {
			return fmt.Errorf("blocks %d–%d: %w", first, first+len(run)-1, err)
		}
		run = run[:0]
		return nil
	}
	for i, b := range r.d.Blocks {
		if p := r.point(b, top); p != nil {
			if len(run) == 0 {
				first = i
			}
			run = append(run, p)
		} else {
			if err := flush(); err != nil {
				return err
			}
			if err := r.block(w, b, top); err != nil {
				return fmt.Errorf("block %d: %w", i, err)
			}
		}
		if r.toc.after == i {
			if err := flush(); err != nil {
				return err
			}
			r.contents(w)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if r.toc.after == len(r.d.Blocks) {
		r.contents(w)
	}
	w.start("w:sectPr")
	w.empty("w:headerReference", "w:type", "default", "r:id", relHeader)
	w.empty("w:footerReference", "w:type", "default", "r:id", relFooter)
	w.empty("w:pgSz", "w:w", strconv.Itoa(pageWidth), "w:h", strconv.Itoa(pageHeight))
	w.empty("w:pgMar", "w:top", strconv.Itoa(marginTop), "w:right", strconv.Itoa(marginLeft),
		"w:bottom", strconv.Itoa(marginBottom), "w:left", strconv.Itoa(marginLeft),
		"w:header", strconv.Itoa(headerDist), "w:footer", strconv.Itoa(headerDist), "w:gutter", "0")
	w.end("w:sectPr")
	w.end("w:body")
	w.end("w:document")
	return nil
}

func (r *renderer) blocks(w *xmlWriter, bs []doc.Block, at place) error {
	for _, b := range bs {
		if err := r.block(w, b, at); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) block(w *xmlWriter, b doc.Block, at place) error {
	switch b := b.(type) {
	case *doc.Heading:
		r.heading(w, b)
	case *doc.Paragraph:
		return r.paragraph(w, b)
	case *doc.List:
		return r.list(w, b, at)
	case *doc.Table:
		r.beforeTable(w, at)
		r.table(w, b, at.width)
		r.tableDone(at)
	case *doc.Figure:
		return r.figure(w, b, at)
	case *doc.Aside:
		return r.aside(w, b, at)
	case *doc.PageBreak:
		// A page break is a property of what follows, not an empty paragraph
		// holding a break: Word would otherwise start the next page with an
		// empty line.
		r.pendingBreak = true
	case nil:
		return fmt.Errorf("nil block")
	default:
		return fmt.Errorf("unknown block type %T", b)
	}
	return nil
}

// openPara opens a paragraph with its style and, if one is owed, a page break
// before it. numID > 0 numbers it at list level ilvl.
func (r *renderer) openPara(w *xmlWriter, style string, numID, ilvl int) {
	w.start("w:p")
	if style == styleNormal && r.afterTable && !r.afterPoints {
		style = styleAfterTable
	}
	r.afterTable, r.afterPoints = false, false
	if style == styleNormal && !r.pendingBreak && numID == 0 {
		return
	}
	w.start("w:pPr")
	if style != styleNormal {
		w.empty("w:pStyle", "w:val", style)
	}
	if r.pendingBreak {
		w.empty("w:pageBreakBefore")
		r.pendingBreak = false
	}
	if numID > 0 {
		w.start("w:numPr")
		w.empty("w:ilvl", "w:val", strconv.Itoa(ilvl))
		w.empty("w:numId", "w:val", strconv.Itoa(numID))
		w.end("w:numPr")
	}
	w.end("w:pPr")
}

func (r *renderer) heading(w *xmlWriter, h *doc.Heading) {
	lvl := min(max(h.Level, 1), 4)
	r.openPara(w, "Heading"+strconv.Itoa(lvl), 0, 0)
	name := r.headMarks[h]
	if name != "" {
		r.bmID++
		w.empty("w:bookmarkStart", "w:id", strconv.Itoa(r.bmID), "w:name", name)
	}
	r.runs(w, h.Text, true)
	if name != "" {
		w.empty("w:bookmarkEnd", "w:id", strconv.Itoa(r.bmID))
	}
	w.end("w:p")
}

func (r *renderer) paragraph(w *xmlWriter, p *doc.Paragraph) error {
	return r.styledParagraph(w, styleNormal, p)
}

// styledParagraph writes p, its picture first, in the paragraph style style.
func (r *renderer) styledParagraph(w *xmlWriter, style string, p *doc.Paragraph) error {
	r.openPara(w, style, 0, 0)
	if p.Picture != nil {
		if err := r.pictureRun(w, p.Picture); err != nil {
			return err
		}
	}
	r.runs(w, p.Text, false)
	w.end("w:p")
	return nil
}

func (r *renderer) figure(w *xmlWriter, f *doc.Figure, at place) error {
	if f.Image == nil {
		return fmt.Errorf("figure without image")
	}
	r.openPara(w, styleFigure, 0, 0)
	if err := r.drawingRun(w, f.Image, at.width, r.s.figureMaxH); err != nil {
		return err
	}
	w.end("w:p")
	return nil
}

// pictureRun writes a small picture at the start of a paragraph or list item,
// with a little space before the text beside it.
func (r *renderer) pictureRun(w *xmlWriter, img *doc.Image) error {
	if err := r.drawingRun(w, img, r.s.pictureW, r.s.pictureMaxH); err != nil {
		return err
	}
	w.WriteString(`<w:r><w:t xml:space="preserve">  </w:t></w:r>`)
	return nil
}

// runs writes inline text. Headings and header rows are bold by their style, so
// bold tells only which faces are used.
func (r *renderer) runs(w *xmlWriter, in []doc.Inline, bold bool) {
	for _, it := range in {
		switch {
		case it.LineBreak:
			w.WriteString(`<w:r><w:br/></w:r>`)
		case it.PageOf != "":
			r.pageRef(w, it, bold)
		case it.Link != "" && r.marks[it.Link] != "":
			w.start("w:hyperlink", "w:anchor", r.marks[it.Link], "w:history", "1")
			r.text(w, it, bold, styleHyperlink)
			w.end("w:hyperlink")
		default:
			r.text(w, it, bold, "")
		}
	}
}

// pageRef writes the number of the page a heading starts on as a PAGEREF field to
// its bookmark (\h: also a link to it), pre-filled with our own layout's number.
func (r *renderer) pageRef(w *xmlWriter, it doc.Inline, bold bool) {
	name := r.marks[it.PageOf]
	if name == "" {
		r.text(w, it, bold, "")
		return
	}
	num := r.pageOf(it.PageOf)
	w.start("w:hyperlink", "w:anchor", name, "w:history", "1")
	field(w, "PAGEREF "+name+" \\h", num, styleHyperlink)
	r.glyphs.addText(num, bold, false)
	w.end("w:hyperlink")
}

// pageOf is the pre-filled page number of the heading with anchor, or "" when
// our layout's pages are not known.
func (r *renderer) pageOf(anchor string) string {
	n, ok := r.pages[anchor]
	if !ok || n <= 0 {
		return ""
	}
	if r.toc.shifts(anchor) {
		n += r.toc.pages
	}
	return strconv.Itoa(n)
}

// field writes a complex field: instr, then result as its cached value.
func field(w *xmlWriter, instr, result, rStyle string) {
	w.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `)
	w.escape(instr)
	w.WriteString(` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	if result != "" {
		w.start("w:r")
		if rStyle != "" {
			w.start("w:rPr")
			w.empty("w:rStyle", "w:val", rStyle)
			w.end("w:rPr")
		}
		w.elem("w:t", result)
		w.end("w:r")
	}
	w.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

// text writes one styled run, split where characters need the fallback face.
func (r *renderer) text(w *xmlWriter, it doc.Inline, bold bool, rStyle string) {
	italic := it.Italic && !r.s.noItalic
	r.glyphs.addFace(bold || it.Bold, italic)
	s := it.Text
	for s != "" {
		n, fallback := r.glyphs.segment(s)
		seg := s[:n]
		s = s[n:]
		style := rStyle
		if fallback {
			style = styleFallback
			r.glyphs.addFallback(seg, bold || it.Bold)
		}
		w.start("w:r")
		if style != "" || it.Bold || italic {
			w.start("w:rPr")
			if style != "" {
				w.empty("w:rStyle", "w:val", style)
			}
			if it.Bold {
				w.empty("w:b")
			}
			if italic {
				w.empty("w:i")
			}
			w.end("w:rPr")
		}
		w.start("w:t", "xml:space", "preserve")
		w.escape(seg)
		w.end("w:t")
		w.end("w:r")
	}
}

// beforeTable keeps two tables apart: with nothing between them, Word and
// LibreOffice join them into one. The one paragraph that does it carries the
// space a table leaves after it.
func (r *renderer) beforeTable(w *xmlWriter, at place) {
	if r.afterTable && !at.inCell {
		r.openPara(w, styleNormal, 0, 0)
		w.end("w:p")
	}
}

func (r *renderer) tableDone(at place) {
	if !at.inCell {
		r.afterTable, r.afterPoints = true, false
	}
}

// organisation writes who sends the document above everything else: its logo,
// name and contact line, as the PDF's first page has them.
func (r *renderer) organisation(w *xmlWriter) error {
	b := r.d.Meta.Brand
	if b.Name == "" && b.Logo == nil {
		return nil
	}
	r.openPara(w, styleOrganisation, 0, 0)
	if b.Logo != nil {
		// 60 by 18 mm at most, as in the PDF (1 mm = 56.7 twips).
		if err := r.drawingRun(w, b.Logo, 3402, 1020); err != nil {
			return fmt.Errorf("organisation logo: %w", err)
		}
		w.WriteString(`<w:r><w:br/></w:r>`)
	}
	if b.Name != "" {
		r.text(w, doc.Inline{Text: b.Name, Bold: true}, false, "")
	}
	if b.Contact != "" {
		w.WriteString(`<w:r><w:br/></w:r>`)
		r.text(w, doc.Inline{Text: b.Contact}, false, "")
	}
	w.end("w:p")
	return nil
}
