// Package pdf renders a document tree (package doc) as an A4 PDF with fpdf.
//
// Layout is done by this package, not by fpdf's Cell/MultiCell/Write: every piece of
// text is broken into lines by one layout helper (layout.go) and drawn at computed
// positions, so measuring and drawing always agree, long words never run off the
// page, and page breaks are decided here (fpdf's automatic page break is off).
//
// Each block kind is drawn by exactly one function (see drawBlock), which knows the
// block's role. That is where marked content for a tagged PDF will later be opened
// and closed.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"

	"lifeplan/fonts"
	"lifeplan/generator/doc"
)

// Page geometry, in mm. The header and footer sit in the top and bottom margins.
const (
	ptPerMM = 72 / 25.4

	pageW         = 210.0
	pageH         = 297.0
	marginLeft    = 20.0
	marginRight   = 20.0
	contentTop    = 25.0
	contentBottom = pageH - 22.0
	contentW      = pageW - marginLeft - marginRight

	headerBaseline = 13.5
	headerRule     = 16.0
	footerRule     = pageH - 17.0
	footerBaseline = pageH - 12.0
	furnitureSize  = 8.5 // pt, header and footer text
)

// Colours, as RGB. Meaning never rests on colour alone: headings are also larger
// and bold, asides also have a bar and padding, header rows are also bold.
type rgb struct{ r, g, b int }

var (
	colText       = rgb{0x1a, 0x1a, 0x1a}
	colHeading    = rgb{0x1b, 0x4f, 0x8a} // dark blue, contrast about 8:1 on white
	colFurniture  = rgb{0x55, 0x55, 0x55} // grey, still above 7:1 on white
	colRule       = rgb{0x9a, 0xa5, 0xb1}
	colTableLine  = rgb{0x8a, 0x96, 0xa3}
	colHeaderFill = rgb{0xe4, 0xea, 0xf2}
	colAsideFill  = rgb{0xee, 0xf2, 0xf7}
	colAsideBar   = rgb{0x1f, 0x3a, 0x5f}
)

// fontKey is the family name given to fpdf, which writes it into each font's
// /BaseFont. fonts.Family has a space, which would come out as "#20" and split the
// name in tools such as pdffonts.
const fontKey = "AtkinsonHyperlegibleNext"

// Body text: 11.5 pt with 1.4 line spacing, generous for readers with learning
// disabilities.
var bodyText = textStyle{size: 11.5, leading: 1.4}

// totalPagesAlias stands for the page count until fpdf replaces it at Output; it is
// unlikely ever to appear in a plan. shiftAlias is ours: see drawFooter.
const (
	totalPagesAlias = "{lifeplan-nb}"
	shiftAlias      = "{lifeplan-nb-shift}"
)

// Render writes d as an A4 PDF to w. Nothing is written to w unless rendering
// succeeded up to the final output.
func Render(w io.Writer, d *doc.Document) error {
	r := newRenderer(d)
	r.newPage()
	r.drawBlocks(d.Blocks, frame{x: marginLeft, w: contentW})
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: rendering %q: %w", d.Meta.Title, err)
	}
	r.finishPageCount()
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return fmt.Errorf("pdf: writing %q: %w", d.Meta.Title, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("pdf: writing %q: %w", d.Meta.Title, err)
	}
	return nil
}

// renderer is the state of one rendering. Nothing is shared between renderings.
type renderer struct {
	pdf  *fpdf.Fpdf
	meta doc.Meta
	m    *metrics

	y float64 // the cursor: top of the next thing drawn, mm

	// dry is set while measuring: everything is laid out and pages are counted,
	// but nothing is drawn. It lets a block know its height, and which pages it
	// would cover, before drawing backgrounds under it.
	dry    bool
	page   int        // pages started, counted in dry runs too
	breaks *[]float64 // when set, newPage records the cursor at each break here

	atTop      bool    // nothing drawn on the page yet
	pendingGap float64 // space owed before the next block, mm
	listDepth  int
	outlineLvl int       // outline level of the last bookmark, -1 before the first
	faces      [4]bool   // the faces added to fpdf
	font       fontState // the face and size last set, if known
	images     map[string]placedImage
	widths     map[int]bool // pixel widths of registered images, see registerImage
	markers    []*marker    // list markers waiting for their item's first line
	inAside    bool
	asideSegs  []asideSeg // aside backgrounds still to draw on coming pages
}

// fontState is a face and size; known is false when fpdf may have changed it.
type fontState struct {
	style style
	size  float64
	known bool
}

// frame is the horizontal extent blocks are drawn in.
type frame struct{ x, w float64 }

func newRenderer(d *doc.Document) *renderer {
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		SizeStr:        "A4",
	})
	r := &renderer{
		pdf:        p,
		meta:       d.Meta,
		outlineLvl: -1,
		images:     map[string]placedImage{},
		widths:     map[int]bool{},
		atTop:      true,
	}
	p.SetMargins(marginLeft, contentTop, marginRight)
	// We decide every page break ourselves; fpdf's would not know about our tables,
	// asides and keep-with-next rules.
	p.SetAutoPageBreak(false, pageH-contentBottom)
	p.SetCellMargin(0)
	// Without this fpdf writes fonts and images in Go's random map order.
	p.SetCatalogSort(true)
	// fpdf builds a new 1.2 MB zlib writer for every page, which made up half the
	// time of a 20-page render (about 35 ms against 20 ms). Uncompressed pages make
	// the file about three times larger (some 10 KB a page); fonts and images
	// stay compressed. Speed was asked for; size stays small enough for email.
	p.SetCompression(false)
	r.setMetadata()
	u := collectUsage(d)
	// Each face costs fpdf several milliseconds to load and write, used or not,
	// so only the faces the document uses are added.
	for s, data := range [...][]byte{regular: fonts.Regular, bold: fonts.Bold, italic: fonts.Italic, boldItalic: fonts.BoldItalic} {
		if u.faces[s] {
			p.AddUTF8FontFromBytes(fontKey, style(s).fpdfStyle(), data)
		}
	}
	r.faces = u.faces
	p.AliasNbPages(totalPagesAlias)
	r.m = r.newMetrics(u.runes)
	p.SetHeaderFunc(r.drawHeader)
	p.SetFooterFunc(r.drawFooter)
	return r
}

// setMetadata fills the document information dictionary. Dates come from the plan,
// never the clock, so the same plan always gives the same bytes. fpdf writes no
// other time-varying value (its /ID is only written for encrypted files).
func (r *renderer) setMetadata() {
	p, m := r.pdf, r.meta
	title := m.Title
	if m.PersonName != "" {
		title += " — " + m.PersonName
	}
	p.SetTitle(title, true)
	p.SetAuthor(m.Author, true)
	p.SetSubject(m.Subject, true)
	p.SetCreator("lifeplan", true)
	p.SetProducer("lifeplan (fpdf)", true)
	if m.Classification != "" {
		p.SetKeywords(m.Classification, true)
	}
	// fpdf writes /Lang unescaped; a BCP 47 tag never needs escaping, anything
	// else is dropped rather than allowed to break the file.
	if langTag.MatchString(m.Language) {
		p.SetLang(m.Language)
	}
	t := created(m.Created)
	p.SetCreationDate(t)
	p.SetModificationDate(t)
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// created parses Meta.Created, falling back to a fixed date so output never
// depends on the clock.
func created(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// newMetrics builds width tables for the characters the document uses, measured
// by fpdf itself before the first page exists (so measuring writes nothing).
func (r *renderer) newMetrics(runes map[rune]bool) *metrics {
	m := &metrics{lookup: r.measureRune}
	for s := range m.other {
		m.other[s] = map[rune]int{}
		if !r.faces[s] {
			continue
		}
		for c := rune(32); c < 127; c++ {
			m.ascii[s][c] = r.measureRune(style(s), c)
		}
		for c := range runes {
			if c >= 128 && c <= 0xFFFF {
				m.other[s][c] = r.measureRune(style(s), c)
			}
		}
	}
	for s := range m.other {
		if !r.faces[s] {
			m.ascii[s], m.other[s] = m.ascii[regular], m.other[regular]
		}
	}
	return m
}

// measureRune asks fpdf for one glyph's width in font units. It leaves the font
// set to the measured face; callers that draw always set their font first.
func (r *renderer) measureRune(s style, c rune) int {
	const size = 100.0
	r.setFont(s, size)
	w := r.pdf.GetStringWidth(string(c)) // mm
	return int(w*ptPerMM*1000/size + 0.5)
}

// usage is what a document needs from the fonts: its faces and characters.
type usage struct {
	faces [4]bool
	runes map[rune]bool
}

// collectUsage walks the document the way drawing will: headings and table
// headers are bold whatever their runs say; header, footer and markers are regular.
func collectUsage(d *doc.Document) usage {
	u := usage{runes: map[rune]bool{}}
	u.faces[regular] = true
	for _, s := range []string{d.Meta.Title, d.Meta.PersonName, d.Meta.Classification, d.Meta.Version, d.Meta.Date, "•·…"} {
		u.addText(s)
	}
	u.addBlocks(d.Blocks)
	return u
}

func (u *usage) addText(s string) {
	for _, c := range s {
		u.runes[c] = true
	}
}

func (u *usage) addRuns(runs []doc.Inline, forceBold bool) {
	for _, in := range runs {
		s := styleOf(in)
		if forceBold {
			s |= bold
		}
		u.faces[s] = true
		u.addText(in.Text)
	}
}

func (u *usage) addBlocks(blocks []doc.Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Heading:
			u.addRuns(b.Text, true)
		case *doc.Paragraph:
			u.addRuns(b.Text, false)
		case *doc.List:
			for _, it := range b.Items {
				u.addBlocks(it.Blocks)
			}
		case *doc.Table:
			for _, c := range b.Header {
				u.addRuns(c.Text, true)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					u.addRuns(c.Text, false)
				}
			}
		case *doc.Aside:
			u.addBlocks(b.Blocks)
		}
	}
}

// setFont selects a face and size (pt) for drawing.
func (r *renderer) setFont(s style, size float64) {
	if !r.faces[s] {
		s = regular // never happens if collectUsage is right; fpdf would fail
	}
	if r.font == (fontState{s, size, true}) {
		return // fpdf's own check costs more, and this is called for every line
	}
	r.font = fontState{s, size, true}
	r.pdf.SetFont(fontKey, s.fpdfStyle(), size)
}

// setTextColour sets the colour text is drawn in. (fpdf's Text wraps text in its
// own colour only while the text and fill colours differ; either way it comes out
// in this colour.)
func (r *renderer) setTextColour(c rgb) {
	if cr, cg, cb := r.pdf.GetTextColor(); cr != c.r || cg != c.g || cb != c.b {
		r.pdf.SetTextColor(c.r, c.g, c.b)
	}
}

func (r *renderer) setFill(c rgb) {
	if cr, cg, cb := r.pdf.GetFillColor(); cr != c.r || cg != c.g || cb != c.b {
		r.pdf.SetFillColor(c.r, c.g, c.b)
	}
}

func (r *renderer) setDraw(c rgb, width float64) {
	if cr, cg, cb := r.pdf.GetDrawColor(); cr != c.r || cg != c.g || cb != c.b {
		r.pdf.SetDrawColor(c.r, c.g, c.b)
	}
	if r.pdf.GetLineWidth() != width {
		r.pdf.SetLineWidth(width)
	}
}

// drawHeader runs at the top of every page (fpdf calls it from AddPage).
func (r *renderer) drawHeader() {
	p := r.pdf
	r.font = fontState{} // AddPage has just reset fpdf's font behind our back
	r.setFont(regular, furnitureSize)
	r.setTextColour(colFurniture)
	right := r.meta.PersonName
	rw := r.m.width(regular, right, furnitureSize)
	left := r.fitText(regular, r.meta.Classification, furnitureSize, contentW-rw-8)
	p.Text(marginLeft, headerBaseline, left)
	p.Text(pageW-marginRight-rw, headerBaseline, right)
	r.setDraw(colRule, 0.2)
	p.Line(marginLeft, headerRule, pageW-marginRight, headerRule)
}

// drawFooter runs at the end of every page. "Page X of Y" is right-aligned, but Y
// is only known when the document is closed and fpdf measures nothing then. So
// the text is drawn as if Y were empty, inside a translation by shiftAlias, which
// finishPageCount replaces with minus the real width of Y: the line then ends
// exactly at the margin whatever the number of digits.
func (r *renderer) drawFooter() {
	p := r.pdf
	r.font = fontState{}
	r.setDraw(colRule, 0.2)
	p.Line(marginLeft, footerRule, pageW-marginRight, footerRule)
	r.setFont(regular, furnitureSize)
	r.setTextColour(colFurniture)
	pageText := "Page " + strconv.Itoa(p.PageNo()) + " of "
	pw := r.m.width(regular, pageText, furnitureSize)
	left := r.meta.Title
	for _, s := range []string{"version " + r.meta.Version, r.meta.Date} {
		if s != "" && s != "version " {
			left += " · " + s
		}
	}
	left = r.fitText(regular, left, furnitureSize, contentW-pw-20)
	p.Text(marginLeft, footerBaseline, left)
	p.RawWriteStr("q 1 0 0 1 " + shiftAlias + " 0 cm")
	p.Text(pageW-marginRight-pw, footerBaseline, pageText+totalPagesAlias)
	p.RawWriteStr("Q")
}

// finishPageCount registers the footer shift once the page count is known. The
// last page's footer has already drawn the count's digits (as its own page
// number), so the font subset is sure to contain them.
func (r *renderer) finishPageCount() {
	total := strconv.Itoa(r.pdf.PageCount())
	w := r.m.width(regular, total, furnitureSize) * ptPerMM
	r.pdf.RegisterAlias(shiftAlias, strconv.FormatFloat(-w, 'f', 2, 64))
}

// fitText shortens s with an ellipsis to fit width mm: header and footer lines
// must never collide.
func (r *renderer) fitText(s style, text string, size, width float64) string {
	if r.m.width(s, text, size) <= width {
		return text
	}
	runes := []rune(text)
	for len(runes) > 0 && r.m.width(s, string(runes)+"…", size) > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}

// newPage starts a page (or, in a dry run, pretends to).
func (r *renderer) newPage() {
	if r.breaks != nil {
		*r.breaks = append(*r.breaks, r.y)
	}
	r.y = contentTop
	r.atTop = true
	r.page++
	if r.dry {
		return
	}
	r.pdf.AddPage()
	// AddPage ran the header and footer, which set their own font; it then
	// restored ours, but drop the cache rather than rely on that.
	r.font = fontState{}
	r.drawAsideBackground()
}

// ensure starts a new page if h mm do not fit below the cursor, unless the page is
// still empty (then nothing would be gained).
func (r *renderer) ensure(h float64) {
	if r.y+h > contentBottom+epsilon && !r.atTop {
		r.newPage()
	}
}

// measure lays fn out without drawing and reports how many page breaks it took
// and where the cursor ended. The renderer's state is left as it was.
func (r *renderer) measure(fn func()) (pages int, endY float64) {
	saved := *r
	r.dry, r.breaks = true, nil
	fn()
	pages, endY = r.page-saved.page, r.y
	*r = saved
	return pages, endY
}
