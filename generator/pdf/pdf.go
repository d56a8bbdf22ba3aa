// Package pdf exports laid-out pages (package layout) as a tagged A4 PDF with fpdf.
//
// It makes no layout decision of its own: every box comes placed from the layout
// stage, and this package only draws it. While drawing, it wraps each box's content
// in marked content for the structure element the box belongs to (or marks it as an
// artifact: running header and footer, rules, fills, repeated header rows), and
// package pdftag then adds to the file what fpdf cannot write: the structure tree,
// its parent tree and the catalog entries that make the PDF a tagged one.
package pdf

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"lifeplan/generator/doc"
	"lifeplan/generator/layout"
	"lifeplan/generator/pdftag"
	"lifeplan/generator/typeface"
)

const ptPerMM = 72 / 25.4

// Render lays d out and writes it as an A4 PDF to w. Nothing is written to w unless
// the whole file was made.
func Render(w io.Writer, d *doc.Document) error {
	b, _, err := Draw(d, typeface.Default())
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("pdf: writing %q: %w", d.Meta.Title, err)
	}
	return nil
}

// Draw lays d out with fonts and returns the PDF's bytes and the layout, whose page
// numbers the other renderers use for their contents and page references.
func Draw(d *doc.Document, fonts *typeface.Set) ([]byte, *layout.Result, error) {
	res := layout.Layout(d, fonts)
	b, err := Export(res, d.Meta)
	if err != nil {
		return nil, nil, err
	}
	return b, res, nil
}

// Export draws laid-out pages as a tagged PDF.
func Export(res *layout.Result, meta doc.Meta) ([]byte, error) {
	e := newExporter(res, meta)
	for i := range res.Pages {
		e.page(i)
	}
	if e.err != nil {
		return nil, fmt.Errorf("pdf: drawing %q: %w", meta.Title, e.err)
	}
	if err := e.pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: drawing %q: %w", meta.Title, err)
	}
	src, err := e.pdf.OutputBytes()
	if err != nil {
		return nil, fmt.Errorf("pdf: writing %q: %w", meta.Title, err)
	}
	out, err := pdftag.Apply(src, e.tree(res.Root), pdftag.Info{Title: e.title, Lang: language(meta)})
	// Apply wrote a new file: fpdf's buffers go to the next document (the
	// vendored copy's patch 9).
	e.pdf.Release()
	if err != nil {
		return nil, fmt.Errorf("pdf: tagging %q: %w", meta.Title, err)
	}
	return out, nil
}

// exporter is the state of one export. Nothing is shared between exports.
type exporter struct {
	pdf   *fpdf.Fpdf
	res   *layout.Result
	title string

	font      fontState
	images    map[string]bool // pictures registered with fpdf, by name
	links     map[string]int  // fpdf link id of each anchor
	err       error           // the first error, with what it concerns
	outlineLv int             // outline level of the last bookmark, -1 before the first
	bookmark  int             // next bookmark of res.Bookmarks to add

	// What the structure elements hold, marked content and link annotations:
	// drawing records each piece in held, in drawing order; group then sorts
	// them into content by element, in one array, rather than thousands of
	// slices grown one piece at a time.
	held    []heldRef
	content [][]contentRef // by layout.Elem.Index, once grouped
	// figures holds the box of each figure's picture, in PDF points, by
	// layout.Elem.Index: the first drawn, as drawing goes in page order.
	figures []*pdftag.BBox
	// family is each face's key in lower case, as fpdf's SetFont would make
	// it (with a new string at every call).
	family map[*typeface.Face]string
	seq    int
	mcid   int // next MCID on the current page
	annots int // link annotations on the current page
}

// contentRef is one piece of an element's content.
type contentRef struct {
	seq   int // drawing order, across pages
	page  int
	mcid  int
	annot int // >= 0: a link annotation's index on its page
}

// heldRef is a piece of content and the Index of the element holding it.
type heldRef struct {
	elem int
	c    contentRef
}

type fontState struct {
	face *typeface.Face
	size float64
}

// subsetBase is what every embedded subset of the main faces holds, drawn or
// not: the letters, digits and punctuation of English and the other languages
// written in Latin script (Basic Latin, Latin-1 Supplement, Latin Extended-A) and
// the typographic quotes and dashes. Most plans draw only characters from it, so
// their PDFs embed the same subset of each face, which fpdf then makes once per
// process (the vendored copy's patch 5), not once per document: subsetting and
// compressing the fonts was an eighth of a batch's time. It adds 20 to 26 KB to a file (measured on the samples).
var subsetBase = func() string {
	var b []rune
	for r := rune(0x20); r <= 0xFF; r++ {
		if r < 0x7F || r >= 0xA0 {
			b = append(b, r)
		}
	}
	return string(append(b, []rune("‘’‚“”„–—…•‹›€™−")...))
}()

func newExporter(res *layout.Result, meta doc.Meta) *exporter {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	e := &exporter{
		pdf:       p,
		res:       res,
		images:    map[string]bool{},
		links:     map[string]int{},
		held:      make([]heldRef, 0, res.Elems),
		outlineLv: -1,
	}
	p.SetMargins(0, 0, 0)
	// Layout decided every page break; fpdf's own would not know our rules.
	p.SetAutoPageBreak(false, 0)
	p.SetCellMargin(0)
	// Without this fpdf writes fonts and images in Go's random map order.
	p.SetCatalogSort(true)
	// fpdf builds a new 1.2 MB zlib writer for every page, which made up half the
	// time of a 20-page render. Uncompressed pages make the file about three times
	// larger (some 10 KB a page); fonts and images stay compressed.
	p.SetCompression(false)
	e.setMetadata(meta)
	// Each face costs fpdf time to load and write, used or not: only the faces the
	// pages use are added.
	seen := map[*typeface.Face]bool{}
	for _, pg := range res.Pages {
		for _, b := range pg.Boxes {
			if b.Kind == layout.Text && !seen[b.Face] {
				seen[b.Face] = true
			}
		}
	}
	e.family = make(map[*typeface.Face]string, len(seen))
	for _, f := range orderedFaces(seen) {
		p.AddUTF8FontFromBytes(f.Key(), f.Style().Fpdf(), f.Data())
		e.family[f] = strings.ToLower(f.Key())
	}
	if res.Fonts != nil {
		p.SetFontSubsetBase(res.Fonts.Face(typeface.Regular).Key(), subsetBase)
	}
	for _, pg := range res.Pages {
		for _, b := range pg.Boxes {
			if b.Link != "" {
				if _, ok := e.links[b.Link]; !ok {
					if t, ok := res.Targets[b.Link]; ok {
						id := p.AddLink()
						p.SetLink(id, t.Y, t.Page)
						e.links[b.Link] = id
					}
				}
			}
		}
	}
	return e
}

// orderedFaces puts faces in a fixed order, so fpdf numbers its fonts the same way
// every time.
func orderedFaces(set map[*typeface.Face]bool) []*typeface.Face {
	var out []*typeface.Face
	for f := range set {
		out = append(out, f)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && faceKey(out[j]) < faceKey(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func faceKey(f *typeface.Face) string { return f.Key() + "/" + f.Style().Fpdf() }

// setMetadata fills the document information dictionary. Dates come from the plan,
// never the clock, so the same plan always gives the same bytes.
func (e *exporter) setMetadata(m doc.Meta) {
	p := e.pdf
	e.title = m.Title
	if e.title == "" {
		e.title = "Untitled document" // a tagged PDF must have a title to show
	}
	if m.PersonName != "" {
		e.title += ": " + m.PersonName
	}
	p.SetTitle(e.title, true)
	p.SetAuthor(m.Author, true)
	p.SetSubject(m.Subject, true)
	p.SetCreator("lifeplan", true)
	p.SetProducer("lifeplan (fpdf)", true)
	if m.Classification != "" {
		p.SetKeywords(m.Classification, true)
	}
	p.SetLang(language(m))
	t := created(m.Created)
	p.SetCreationDate(t)
	p.SetModificationDate(t)
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// language is the document's BCP 47 tag. A tagged PDF must name one, so a missing
// or malformed tag (fpdf writes /Lang unescaped) becomes en-GB, the language
// lifeplan's documents are written in.
func language(m doc.Meta) string {
	if langTag.MatchString(m.Language) {
		return m.Language
	}
	return "en-GB"
}

// created parses Meta.Created, falling back to a fixed date so output never depends
// on the clock.
func created(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// page draws page i: its bookmarks, then its boxes, each run of boxes of one
// element (or of one kind of artifact) inside one marked-content sequence.
func (e *exporter) page(i int) {
	p := e.pdf
	p.AddPage()
	e.font = fontState{} // AddPage resets fpdf's font behind our back
	e.mcid, e.annots = 0, 0
	for e.bookmark < len(e.res.Bookmarks) && e.res.Bookmarks[e.bookmark].Page == i+1 {
		bm := e.res.Bookmarks[e.bookmark]
		// fpdf links entries by level and mislinks a level that skips one (H1 then
		// H3), so a level is never more than one deeper than the entry before.
		lvl := min(bm.Level-1, e.outlineLv+1)
		e.outlineLv = lvl
		e.setFont(e.anyFace(), 12) // Bookmark writes UTF-16 titles only with a UTF-8 font set
		p.Bookmark(bm.Text, lvl, bm.Y)
		e.bookmark++
	}
	boxes := e.res.Pages[i].Boxes
	for start := 0; start < len(boxes); {
		end := start + 1
		for end < len(boxes) && sameOwner(boxes[start], boxes[end]) {
			end++
		}
		e.marked(i, boxes[start:end])
		start = end
	}
}

// anyFace returns a face the document has registered.
func (e *exporter) anyFace() *typeface.Face {
	for _, pg := range e.res.Pages {
		for _, b := range pg.Boxes {
			if b.Kind == layout.Text {
				return b.Face
			}
		}
	}
	return nil
}

func sameOwner(a, b layout.Box) bool {
	if a.Elem != b.Elem || a.Link != b.Link {
		return false
	}
	return a.Elem != nil || a.Artifact == b.Artifact
}

// marked draws boxes of one owner inside one marked-content sequence.
func (e *exporter) marked(page int, boxes []layout.Box) {
	p := e.pdf
	el := boxes[0].Elem
	if el == nil {
		kind := "Layout"
		if boxes[0].Artifact == layout.ArtifactPagination {
			kind = "Pagination"
		}
		p.RawWriteStr("/Artifact <</Type /" + kind + ">> BDC")
		for _, b := range boxes {
			e.draw(b)
		}
		p.RawWriteStr("EMC")
		return
	}
	p.RawWriteStr("/" + el.Role + " <</MCID " + strconv.Itoa(e.mcid) + ">> BDC")
	e.own(el, contentRef{seq: e.next(), page: page, mcid: e.mcid, annot: -1})
	e.mcid++
	for _, b := range boxes {
		e.draw(b)
	}
	p.RawWriteStr("EMC")
	if id, ok := e.links[boxes[0].Link]; ok && boxes[0].Link != "" {
		// One annotation over the run's text, which the Link element owns too.
		x0, x1 := boxes[0].X, boxes[0].X+boxes[0].W
		top, bottom := boxes[0].Y, boxes[0].Y
		for _, b := range boxes {
			x0, x1 = min(x0, b.X), max(x1, b.X+b.W)
			asc := b.Size / ptPerMM * 0.8
			top, bottom = min(top, b.Y-asc), max(bottom, b.Y+b.Size/ptPerMM*0.25)
		}
		p.Link(x0, top, x1-x0, bottom-top, id)
		e.own(el, contentRef{seq: e.next(), page: page, annot: e.annots})
		e.annots++
	}
}

// own records c as el's.
func (e *exporter) own(el *layout.Elem, c contentRef) {
	e.held = append(e.held, heldRef{el.Index, c})
}

// group sorts what own recorded into content, by element, keeping the drawing
// order within each: a counting sort into one array.
func (e *exporter) group() {
	n := 0
	for _, h := range e.held {
		n = max(n, h.elem+1)
	}
	start := make([]int, n+1)
	for _, h := range e.held {
		start[h.elem+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	all := make([]contentRef, len(e.held))
	next := slices.Clone(start[:n])
	for _, h := range e.held {
		all[next[h.elem]] = h.c
		next[h.elem]++
	}
	e.content = make([][]contentRef, n)
	for i := range n {
		if start[i] < start[i+1] {
			e.content[i] = all[start[i]:start[i+1]:start[i+1]]
		}
	}
}

// owned is what el holds.
func (e *exporter) owned(el *layout.Elem) []contentRef {
	if el.Index < len(e.content) {
		return e.content[el.Index]
	}
	return nil
}

func (e *exporter) next() int {
	e.seq++
	return e.seq
}

// draw draws one box.
func (e *exporter) draw(b layout.Box) {
	p := e.pdf
	switch b.Kind {
	case layout.Text:
		e.setFont(b.Face, b.Size)
		e.setTextColour(b.Color)
		p.Text(b.X, b.Y, b.Text)
	case layout.Fill:
		e.setFill(b.Color)
		p.Rect(b.X, b.Y, b.W, b.H, "F")
	case layout.Stroke:
		e.setDraw(b.Color, b.LineWidth)
		p.Rect(b.X, b.Y, b.W, b.H, "D")
	case layout.Rule:
		e.setDraw(b.Color, b.LineWidth)
		p.Line(b.X, b.Y, b.X2, b.Y2)
	case layout.Picture:
		if name, ok := e.register(b.Image); ok {
			p.ImageOptions(name, b.X, b.Y, b.W, b.H, false, fpdf.ImageOptions{}, 0, "")
		}
		if b.Elem != nil {
			for b.Elem.Index >= len(e.figures) {
				e.figures = append(e.figures, nil)
			}
			if e.figures[b.Elem.Index] == nil {
				e.figures[b.Elem.Index] = &pdftag.BBox{
					Page: e.pdf.PageNo() - 1,
					X0:   b.X * ptPerMM, Y0: (layout.PageH - b.Y - b.H) * ptPerMM,
					X1: (b.X + b.W) * ptPerMM, Y1: (layout.PageH - b.Y) * ptPerMM,
				}
			}
		}
	}
}

// register hands a picture to fpdf once. doc.Image names are unique within a
// document, and one picture shown twice keeps its name.
func (e *exporter) register(img *doc.Image) (string, bool) {
	name := img.Name
	if name == "" {
		name = "image-" + strconv.Itoa(len(e.images)+1)
	}
	if ok := e.images[name]; ok {
		return name, true
	}
	// The vendored fpdf parses the same picture bytes once per process (LIFEPLAN.md).
	e.pdf.RegisterImageOptionsBytes(name, fpdf.ImageOptions{ImageType: strings.ToLower(img.Format)}, img.Data)
	if err := e.pdf.Error(); err != nil {
		if e.err == nil {
			e.err = fmt.Errorf("picture %q: %w", img.Name, err)
		}
		return "", false
	}
	e.images[name] = true
	return name, true
}

// setFont selects a face and size (pt) for drawing.
func (e *exporter) setFont(f *typeface.Face, size float64) {
	if f == nil || e.font == (fontState{f, size}) {
		return // fpdf's own check costs more, and this is called for every line
	}
	e.font = fontState{f, size}
	family, ok := e.family[f]
	if !ok {
		family = f.Key()
	}
	e.pdf.SetFont(family, f.Style().Fpdf(), size)
}

// setTextColour sets the colour text is drawn in.
func (e *exporter) setTextColour(c layout.RGB) {
	if r, g, b := e.pdf.GetTextColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		e.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	}
}

func (e *exporter) setFill(c layout.RGB) {
	if r, g, b := e.pdf.GetFillColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		e.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	}
}

func (e *exporter) setDraw(c layout.RGB, width float64) {
	if r, g, b := e.pdf.GetDrawColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		e.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	}
	if e.pdf.GetLineWidth() != width {
		e.pdf.SetLineWidth(width)
	}
}

// tree converts the layout's structure tree into pdftag's, with each element's
// marked content and annotations placed among its children in reading order.
func (e *exporter) tree(root *layout.Elem) *pdftag.Elem {
	e.group()
	// The elements and their kids in two allocations, sized by a first walk,
	// rather than two for every element: the LLSP has some 2,000.
	elems, kids := 0, 0
	var count func(*layout.Elem)
	count = func(el *layout.Elem) {
		elems++
		kids += len(el.Kids) + len(e.owned(el))
		for _, k := range el.Kids {
			count(k)
		}
	}
	count(root)
	elemArena := make([]pdftag.Elem, 0, elems)
	kidArena := make([]pdftag.Kid, 0, kids)

	// The first drawing-order number of each element's content, its
	// children's included, by Index; unknown is -2, none -1.
	first := make([]int, max(elems, len(e.content)))
	for i := range first {
		first[i] = -2
	}
	var firstSeq func(*layout.Elem) int
	firstSeq = func(el *layout.Elem) int {
		if el.Index < len(first) && first[el.Index] != -2 {
			return first[el.Index]
		}
		s := -1
		if c := e.owned(el); len(c) > 0 {
			s = c[0].seq
		}
		for _, k := range el.Kids {
			if ks := firstSeq(k); ks >= 0 && (s < 0 || ks < s) {
				s = ks
			}
		}
		if el.Index < len(first) {
			first[el.Index] = s
		}
		return s
	}
	var conv func(*layout.Elem) *pdftag.Elem
	conv = func(el *layout.Elem) *pdftag.Elem {
		own := e.owned(el)
		elemArena = append(elemArena, pdftag.Elem{Role: el.Role, Alt: el.Alt, Scope: el.Scope})
		out := &elemArena[len(elemArena)-1]
		n := len(el.Kids) + len(own)
		out.Kids = kidArena[len(kidArena) : len(kidArena) : len(kidArena)+n]
		kidArena = kidArena[:len(kidArena)+n]
		// Children keep their order; an empty child stays after the one before it.
		last := -1
		for _, k := range el.Kids {
			s := firstSeq(k)
			if s < 0 {
				s = last
			}
			for len(own) > 0 && own[0].seq < s {
				out.Kids = append(out.Kids, kid(own[0]))
				own = own[1:]
			}
			out.Kids = append(out.Kids, pdftag.Child(conv(k)))
			last = s
		}
		for _, c := range own {
			out.Kids = append(out.Kids, kid(c))
		}
		if el.Role == "Figure" {
			out.BBox = e.figureBox(el)
		}
		return out
	}
	return conv(root)
}

func kid(c contentRef) pdftag.Kid {
	if c.annot >= 0 {
		return pdftag.OBJR(c.page, c.annot)
	}
	return pdftag.MCR(c.page, c.mcid)
}

// figureBox returns the box of a figure's picture in PDF points, or nil for a
// figure whose picture was not drawn.
func (e *exporter) figureBox(el *layout.Elem) *pdftag.BBox {
	if el.Index < len(e.figures) {
		return e.figures[el.Index]
	}
	return nil
}
