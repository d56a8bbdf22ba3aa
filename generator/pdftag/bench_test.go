package pdftag

import (
	"bytes"
	"fmt"
	"image/color"
	"testing"

	"github.com/go-pdf/fpdf"
)

// longDoc draws a document of pages like the LLSP's: on each page a heading,
// a bookmark, 30 lines of text, a table of five rows, a picture and a link, all
// in marked content, and the running header and footer as artifacts.
func longDoc(b *testing.B, pages int) ([]byte, *Elem) {
	d := newDrawing(b)
	p := d.pdf
	p.RegisterImageOptionsReader("pic", fpdf.ImageOptions{ImageType: "png"}, bytes.NewReader(picture(b, 64, 48, color.NRGBA{90, 90, 200, 255})))
	for pg := 0; pg < pages; pg++ {
		d.addPage()
		p.Bookmark(fmt.Sprintf("Section %d", pg+1), pg%2, p.GetY())
		d.text(nil, "H2", fmt.Sprintf("Section %d", pg+1), 16)
		para := d.add(nil, &Elem{Role: "P"})
		for line := 0; line < 30; line++ {
			para.Kids = append(para.Kids, d.mark("P", func() {
				p.SetFont("dv", "", 11)
				p.SetX(15)
				p.CellFormat(0, 5, "A line of ordinary text about the support that is needed, line after line.", "", 1, "L", false, 0, "")
			}))
		}
		table := d.add(nil, &Elem{Role: "Table"})
		for r := 0; r < 5; r++ {
			tr := d.add(table, &Elem{Role: "TR"})
			for c := 0; c < 3; c++ {
				role, scope := "TD", ""
				if r == 0 {
					role, scope = "TH", "Column"
				}
				td := d.add(tr, &Elem{Role: role, Scope: scope})
				td.Kids = append(td.Kids, d.mark(role, func() {
					p.SetXY(15+float64(c)*50, p.GetY())
					p.CellFormat(50, 5, "cell", "", 0, "L", false, 0, "")
				}))
			}
			p.Ln(5)
		}
		d.figure("pic", "A picture", 30, 22)
		link := d.add(nil, &Elem{Role: "Link"})
		y := p.GetY()
		link.Kids = append(link.Kids, d.mark("Link", func() {
			p.SetX(15)
			p.CellFormat(40, 5, "example.org", "", 1, "L", false, 0, "")
		}))
		p.LinkString(15, y, 40, 5, "https://example.org/")
		link.Kids = append(link.Kids, OBJR(pg, 0))
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes(), d.root
}

// BenchmarkApply35Pages tags a 35-page document (it runs for every PDF).
func BenchmarkApply35Pages(b *testing.B) {
	src, root := longDoc(b, 35)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Apply(src, root, testInfo); err != nil {
			b.Fatal(err)
		}
	}
}
