// Package layout turns a document tree (package doc) into A4 pages of positioned
// boxes, the way Typst does: every line is broken and every page break decided here,
// where the layout can look ahead, and an exporter (package pdf) only draws the boxes.
//
// Each box knows the structure element it belongs to (a heading, a paragraph, a list
// item's label or body, a table cell, a figure with its alternative text, an aside),
// or that it is an artifact (running header and footer, rules, fills, repeated table
// header rows), so the exporter can tag a PDF for screen readers without guessing.
//
// Page breaks follow a few rules, each a "keep" between neighbouring items of one
// vertical list: a heading keeps two lines of what follows it; a paragraph leaves no
// single line alone at the foot or head of a page; a table never breaks between its
// header and its first row, never leaves one row alone on either side of a break,
// and moves to the next page whole when it has at most six rows or fits on a page;
// an aside that fits on a page is never split. An easy-read cover stays on its
// page: its picture shrinks, within limits, rather than its last point going on
// alone before the page break.
package layout

import (
	"slices"
	"strconv"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// Page geometry, in mm. The running header and footer sit in the top and bottom
// margins.
const (
	PageW = 210.0
	PageH = 297.0

	marginLeft    = 20.0
	marginRight   = 20.0
	contentTop    = 25.0
	contentBottom = PageH - 22.0
	contentW      = PageW - marginLeft - marginRight

	headerBaseline = 13.5
	headerRule     = 16.0
	footerRule     = PageH - 17.0
	footerBaseline = PageH - 12.0
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// Colours. Meaning never rests on colour alone: headings are also larger and bold,
// asides also have a bar and padding, header rows are also bold.
var (
	colText       = RGB{0x1a, 0x1a, 0x1a}
	colHeading    = RGB{0x1b, 0x4f, 0x8a} // dark blue, contrast about 8:1 on white
	colFurniture  = RGB{0x55, 0x55, 0x55} // grey, still above 7:1 on white
	colDraft      = RGB{0xa3, 0x1a, 0x1a} // dark red, about 7:1 on white; also bold
	colRule       = RGB{0x9a, 0xa5, 0xb1}
	colTableLine  = RGB{0x8a, 0x96, 0xa3}
	colHeaderFill = RGB{0xe4, 0xea, 0xf2}
	colAsideFill  = RGB{0xee, 0xf2, 0xf7}
	colAsideBar   = RGB{0x1f, 0x3a, 0x5f}
)

// BoxKind says what a box draws.
type BoxKind uint8

const (
	// Text is one run of text in one face: X is where it starts, Y its baseline, W
	// its advance width.
	Text BoxKind = iota
	// Fill is a filled rectangle: X, Y (top-left), W, H.
	Fill
	// Stroke is a rectangle's outline, LineWidth wide.
	Stroke
	// Rule is a straight line from X, Y to X2, Y2.
	Rule
	// Picture is an image in the rectangle X, Y, W, H.
	Picture
)

// Artifact says what kind of decoration a box without a structure element is.
type Artifact uint8

const (
	// ArtifactLayout: rules, borders, fills, repeated table header rows.
	ArtifactLayout Artifact = iota
	// ArtifactPagination: the running header and footer.
	ArtifactPagination
)

// Box is one thing drawn on a page, in mm from the page's top-left corner.
type Box struct {
	// The one-byte fields come first, together: a page holds thousands of boxes,
	// and spread out they cost 16 bytes of padding each.
	Kind  BoxKind
	Color RGB
	// Artifact is what kind of artifact the box is, when Elem is nil.
	Artifact Artifact
	// refAlign is how the line of a box with a page reference is aligned, and
	// refLine which line it is (0: a line without one): fillPageRefs moves the
	// line's other boxes when the number is narrower than its stand-in.
	refAlign uint8
	refLine  uint16

	X, Y      float64
	W, H      float64
	X2, Y2    float64 // Rule only
	LineWidth float64 // Stroke and Rule

	Text string
	Face *typeface.Face
	Size float64 // pt

	Image *doc.Image

	// Elem is the structure element whose content the box is; nil for an artifact.
	Elem *Elem
	// Link, when set, makes the box a link to the heading with this anchor.
	Link string
}

// Elem is a structure element: what a screen reader announces. Its roles are the
// standard structure types of PDF (ISO 32000-1, 14.8.4).
type Elem struct {
	Role  string // Document, H1..H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Div, Link
	Alt   string // Figure: the picture's alternative text
	Scope string // TH: "Column"
	Kids  []*Elem
	// Index numbers the document's elements in the order they were made,
	// from 0 for the root to Result.Elems-1, so that a renderer can keep what
	// it knows of each in a slice rather than a map.
	Index int
}

// Page is one page's boxes in drawing order, which is also reading order.
type Page struct {
	Boxes []Box
}

// Target is where a heading starts: its page (1-based) and the top of its first
// line, in mm.
type Target struct {
	Page int
	Y    float64
}

// Bookmark is an entry of the document outline.
type Bookmark struct {
	Text  string
	Level int // 1 to 3, as the heading's level
	Target
}

// Result is a laid-out document.
type Result struct {
	Pages     []Page
	Root      *Elem             // the structure tree, role Document
	Elems     int               // how many elements the tree has, Root too (see Elem.Index)
	Targets   map[string]Target // heading anchors
	Bookmarks []Bookmark
	// Cut says, for a one-page document that did not fit, which lists were
	// shortened to fit: "What is important to me: 3 of 9 items left out".
	Cut []string
	// Size is the body text size used (pt): a one-page document may shrink it.
	Size float64
	// Fonts is the set the pages were measured with; its faces draw them.
	Fonts *typeface.Set
	// Tables is how each table was laid out, for a format that lays its tables
	// out itself: a DOCX gives its columns the widths they have here.
	Tables map[*doc.Table]TableGeometry
}

// TableGeometry is a table as laid out, in mm: the width of each column, the
// height of the header row (0 when none was drawn) and of each body row, whole
// (before a row taller than a page is cut into slices).
type TableGeometry struct {
	Widths []float64
	Header float64
	Rows   []float64
}

// PageNumbers returns the page number each anchor starts on.
func (r *Result) PageNumbers() doc.Pages {
	p := make(doc.Pages, len(r.Targets))
	for a, t := range r.Targets {
		p[a] = t.Page
	}
	return p
}

// Layout lays d out on A4 pages with fonts.
//
// Page references (doc.Inline.PageOf) need the pages they point at, which are known
// only once the document is laid out. Each is laid out with the room of two digits,
// and the numbers are put in once the pages are known (fillPageRefs); only when a
// number needs more room (page 100 on) or names no anchor is the document laid
// out again with the numbers found, until they no longer change.
func Layout(d *doc.Document, fonts *typeface.Set) *Result {
	var res *Result
	switch d.Meta.Kind {
	case doc.OnePage:
		res = layoutOnePage(d, fonts)
	case doc.EasyRead:
		sh := sheetFor(d.Meta.Kind, 1)
		sh.coverFigureMaxH = coverFigureMaxH(d, fonts, sh)
		res = layoutWithRefs(d, d.Blocks, fonts, sh)
	default:
		res = layoutWithRefs(d, d.Blocks, fonts, sheetFor(d.Meta.Kind, 1))
	}
	res.Fonts = fonts
	return res
}

// coverFigureMaxH is how tall the pictures of an easy-read cover (all that
// comes before the first page break) may be so that the cover stays on one
// page: the sheet's figureMaxH when the cover fits with it, or less, in steps
// of coverFigureStep down to minCoverFigure. A cover that fits with none keeps
// the full size: its points go on over the page however small its picture.
// Without this, a cover with a large photo and three points put the third alone
// on page 2, with the rest of that page empty before the page break.
func coverFigureMaxH(d *doc.Document, fonts *typeface.Set, sh *sheet) float64 {
	end := slices.IndexFunc(d.Blocks, func(b doc.Block) bool { _, ok := b.(*doc.PageBreak); return ok })
	if end < 0 || !slices.ContainsFunc(d.Blocks[:end], func(b doc.Block) bool { _, ok := b.(*doc.Figure); return ok }) {
		return sh.figureMaxH
	}
	m := &measurer{fonts: fonts}
	try := *sh
	for h := sh.figureMaxH; h >= minCoverFigure; h -= coverFigureStep {
		try.coverFigureMaxH = h
		if len(layoutPass(d, d.Blocks[:end], m, &try).Pages) == 1 {
			return h
		}
	}
	return sh.figureMaxH
}

// A cover's picture shrinks by coverFigureStep mm at a time, to no less than
// minCoverFigure mm: still the largest thing on the page, as the person's own
// photo should be.
const (
	coverFigureStep = 5.0
	minCoverFigure  = 50.0
)

func layoutWithRefs(d *doc.Document, blocks []doc.Block, fonts *typeface.Set, sh *sheet) *Result {
	m := &measurer{fonts: fonts}
	res := layoutPass(d, blocks, m, sh)
	if !hasPageRefs(blocks) || fillPageRefs(res) {
		return res
	}
	// A page number wider than its stand-in (page 100 on), an anchor that does
	// not exist, or more lines with references than can be told apart: lay the
	// document out again with the numbers found, until they no longer change.
	for range 3 {
		m.pages = res.PageNumbers()
		next := layoutPass(d, blocks, m, sh)
		same := samePages(m.pages, next.PageNumbers())
		res = next
		if same {
			break
		}
	}
	return res
}

func samePages(a, b doc.Pages) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// layoutPass flows the blocks into one vertical list of items and breaks it into
// pages.
func layoutPass(d *doc.Document, blocks []doc.Block, m *measurer, sh *sheet) *Result {
	root := &Elem{Role: "Document"}
	f := &flow{m: m, sh: sh, root: root, accent: accent(d.Meta.Brand.Accent), tables: map[*doc.Table]TableGeometry{}}
	f.brand(d.Meta.Brand, root)
	f.blocks(blocks, root, frame{x: marginLeft, w: contentW})
	res := paginate(f.items, sh, newFurniture(d.Meta, m))
	res.Root = root
	res.Elems = f.made + 1
	res.Size = sh.body.size
	res.Tables = f.tables
	return res
}

func hasPageRefs(blocks []doc.Block) bool {
	found := false
	doc.Walk(blocks, func(b doc.Block) {
		for _, runs := range doc.Runs(b) {
			for _, r := range runs {
				found = found || r.PageOf != ""
			}
		}
	})
	return found
}

// accent is the colour of headings: the organisation's, when it gives one (the
// loader has checked its contrast with white), else the default dark blue.
func accent(hex string) RGB {
	if len(hex) != 7 || hex[0] != '#' {
		return colHeading
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return colHeading
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
