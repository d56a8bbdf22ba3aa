package pdftag

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/go-pdf/fpdf"
)

// The tests run on real fpdf output: a drawing draws a document with fpdf the
// way the renderer does, each piece of content in marked content written with
// RawWriteStr, and builds the structure tree that says who owns what.

const ptPerMM = 72 / 25.4

// drawing is one document being drawn and tagged.
type drawing struct {
	t    testing.TB
	pdf  *fpdf.Fpdf
	next []int // next MCID, by page index
	root *Elem
}

// dejaVu is the test font, read once: fpdf's font cache keys on the bytes'
// identity.
var dejaVu = func() []byte {
	b, err := os.ReadFile("../../fonts/DejaVuSans.ttf")
	if err != nil {
		panic(err)
	}
	return b
}()

func newDrawing(t testing.TB) *drawing {
	p := newFpdf()
	p.SetCompression(false)
	p.SetTitle("Tagged test", true)
	p.SetLang("en-GB")
	p.AddUTF8FontFromBytes("dv", "", dejaVu)
	p.AliasNbPages("{nb}")
	p.SetAutoPageBreak(false, 0)
	d := &drawing{t: t, pdf: p, root: &Elem{Role: "Document"}}
	p.SetHeaderFunc(func() {
		d.artifact("/Artifact <</Type /Pagination /Subtype /Header>> BDC", func() {
			p.SetFont("dv", "", 9)
			p.SetXY(15, 8)
			p.CellFormat(0, 5, "Tagged test — running header", "", 0, "L", false, 0, "")
			p.Line(15, 14, 195, 14)
		})
		p.SetY(20)
	})
	p.SetFooterFunc(func() {
		d.artifact("/Artifact <</Type /Pagination /Subtype /Footer>> BDC", func() {
			p.SetFont("dv", "", 9)
			p.SetXY(15, 285)
			p.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "C", false, 0, "")
		})
	})
	return d
}

func (d *drawing) addPage() {
	d.pdf.AddPage()
	d.next = append(d.next, 0)
}

func (d *drawing) page() int { return d.pdf.PageNo() - 1 }

// mark draws inside marked content with the next MCID of the page.
func (d *drawing) mark(tag string, draw func()) Kid {
	p := d.page()
	id := d.next[p]
	d.next[p]++
	d.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", tag, id))
	draw()
	d.pdf.RawWriteStr("EMC")
	return MCR(p, id)
}

func (d *drawing) artifact(open string, draw func()) {
	d.pdf.RawWriteStr(open)
	draw()
	d.pdf.RawWriteStr("EMC")
}

// add appends e to parent (the document when nil) and returns e.
func (d *drawing) add(parent, e *Elem) *Elem {
	if parent == nil {
		parent = d.root
	}
	parent.Kids = append(parent.Kids, Child(e))
	return e
}

// text draws one line of text as a new element of role under parent.
func (d *drawing) text(parent *Elem, role, s string, size float64) *Elem {
	e := d.add(parent, &Elem{Role: role})
	e.Kids = append(e.Kids, d.mark(role, func() {
		d.pdf.SetFont("dv", "", size)
		d.pdf.SetX(15)
		d.pdf.CellFormat(0, size*0.5, s, "", 1, "L", false, 0, "")
	}))
	return e
}

// picture is a PNG of w by h pixels in one colour.
func picture(t testing.TB, w, h int, c color.NRGBA) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// figure draws a registered image as a Figure with a box in points.
func (d *drawing) figure(name, alt string, w, h float64) *Elem {
	x, y := 15.0, d.pdf.GetY()
	e := d.add(nil, &Elem{Role: "Figure", Alt: alt})
	e.Kids = append(e.Kids, d.mark("Figure", func() {
		d.pdf.ImageOptions(name, x, y, w, h, false, fpdf.ImageOptions{}, 0, "")
	}))
	_, pageH := d.pdf.GetPageSize()
	e.BBox = &BBox{Page: d.page(), X0: x * ptPerMM, Y0: (pageH - y - h) * ptPerMM, X1: (x + w) * ptPerMM, Y1: (pageH - y) * ptPerMM}
	d.pdf.SetY(y + h + 3)
	return e
}

// testDoc draws three pages: headings, a paragraph across a page break, a
// list, a table with header cells, two pictures of the same pixel width, an
// outside and an inside link, and nested bookmarks.
func testDoc(t testing.TB) ([]byte, *Elem) {
	d := newDrawing(t)
	p := d.pdf
	p.RegisterImageOptionsReader("house", fpdf.ImageOptions{ImageType: "png"}, bytes.NewReader(picture(t, 40, 30, color.NRGBA{200, 40, 40, 255})))
	p.RegisterImageOptionsReader("garden", fpdf.ImageOptions{ImageType: "png"}, bytes.NewReader(picture(t, 40, 20, color.NRGBA{40, 160, 40, 255})))

	d.addPage()
	p.Bookmark("Tagged test", 0, p.GetY())
	d.text(nil, "H1", "Tagged test", 20)
	d.text(nil, "P", "A paragraph of plain text, in marked content.", 11)
	p.Bookmark("Details", 1, p.GetY())
	d.text(nil, "H2", "Details", 16)
	d.figure("house", "A red house", 40, 30)

	// A list of two items, each a label and a body.
	list := d.add(nil, &Elem{Role: "L"})
	for _, item := range []string{"First item", "Second item, about Tŷ Gwyn"} {
		li := d.add(list, &Elem{Role: "LI"})
		y := p.GetY()
		lbl := d.add(li, &Elem{Role: "Lbl"})
		lbl.Kids = append(lbl.Kids, d.mark("Lbl", func() {
			p.SetXY(15, y)
			p.CellFormat(5, 6, "•", "", 0, "L", false, 0, "")
		}))
		body := d.add(li, &Elem{Role: "LBody"})
		body.Kids = append(body.Kids, d.mark("LBody", func() {
			p.SetXY(20, y)
			p.CellFormat(0, 6, item, "", 1, "L", false, 0, "")
		}))
	}

	// A table: a header row of TH (column scope) and two body rows; the cell
	// borders are artifacts.
	table := d.add(nil, &Elem{Role: "Table"})
	for r, row := range [][]string{{"Day", "Hours"}, {"Monday", "6"}, {"Tuesday", "4"}} {
		tr := d.add(table, &Elem{Role: "TR"})
		y := p.GetY()
		for c, cell := range row {
			role, scope := "TD", ""
			if r == 0 {
				role, scope = "TH", "Column"
			}
			x := 15 + float64(c)*40
			d.artifact("/Artifact BMC", func() { p.Rect(x, y, 40, 7, "D") })
			td := d.add(tr, &Elem{Role: role, Scope: scope})
			td.Kids = append(td.Kids, d.mark(role, func() {
				p.SetXY(x+1, y)
				p.CellFormat(38, 7, cell, "", 0, "L", false, 0, "")
			}))
		}
		p.SetY(y + 7)
	}

	// A link to a web page: the text and its annotation in one Link element.
	para := d.add(nil, &Elem{Role: "P"})
	para.Kids = append(para.Kids, d.mark("P", func() {
		p.SetXY(15, p.GetY()+3)
		p.CellFormat(30, 6, "Read more at", "", 0, "L", false, 0, "")
	}))
	link := d.add(para, &Elem{Role: "Link", Alt: "example.org, the project's web site"})
	y := p.GetY()
	link.Kids = append(link.Kids, d.mark("Link", func() {
		p.SetXY(45, y)
		p.CellFormat(40, 6, "example.org", "", 1, "L", false, 0, "")
	}))
	p.LinkString(45, y, 40, 6, "https://example.org/")
	link.Kids = append(link.Kids, OBJR(0, 0))

	// A paragraph that goes on over the page break: its element refers to
	// marked content on both pages.
	long := d.add(nil, &Elem{Role: "P"})
	long.Kids = append(long.Kids, d.mark("P", func() {
		p.SetXY(15, 270)
		p.CellFormat(0, 6, "This paragraph starts at the foot of page one", "", 1, "L", false, 0, "")
	}))
	d.addPage()
	long.Kids = append(long.Kids, d.mark("P", func() {
		p.SetX(15)
		p.CellFormat(0, 6, "and ends at the head of page two.", "", 1, "L", false, 0, "")
	}))
	p.Bookmark("Deeper", 2, p.GetY())
	d.text(nil, "H3", "Deeper", 13)
	d.figure("garden", "A green garden", 40, 20)

	p.Bookmark("Second section", 0, p.GetY())
	d.text(nil, "H1", "Second section", 20)
	// An inside link, back to page one.
	back := p.AddLink()
	p.SetLink(back, 20, 1)
	para2 := d.add(nil, &Elem{Role: "P"})
	link2 := d.add(para2, &Elem{Role: "Link"})
	y = p.GetY()
	link2.Kids = append(link2.Kids, d.mark("Link", func() {
		p.SetXY(15, y)
		p.CellFormat(60, 6, "Back to the start", "", 1, "L", false, 0, "")
	}))
	p.Link(15, y, 60, 6, back)
	link2.Kids = append(link2.Kids, OBJR(1, 0))

	d.addPage()
	p.Bookmark("Third", 0, p.GetY())
	d.text(nil, "H1", "Third", 20)
	p.Bookmark("Third a", 1, p.GetY())
	d.text(nil, "H2", "Third a", 16)
	note := d.text(nil, "P", "Cymraeg: Tŷ, ŵ; Polski: zażółć; ✓ done", 11)
	note.Lang = "cy"
	note.ActualText = "Cymraeg: Tŷ, ŵ; Polski: zażółć; ✓ done"

	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), d.root
}

// testInfo is the Info of testDoc.
var testInfo = Info{Title: "Tagged test — Amira", Lang: "en-GB"}
