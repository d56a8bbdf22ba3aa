package pdftag_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"log"

	"github.com/go-pdf/fpdf"

	"lifeplan/generator/pdftag"
)

// A page with a heading, a picture and a paragraph with a link, drawn with
// fpdf in marked content and tagged.
func ExampleApply() {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 12)
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 20, 10))); err != nil {
		log.Fatal(err)
	}
	pdf.RegisterImageOptionsReader("pic", fpdf.ImageOptions{ImageType: "png"}, &pic)
	pdf.AddPage()
	page := pdf.PageNo() - 1 // Kids count pages from 0

	pdf.RawWriteStr(pdftag.PaginationArtifact)
	pdf.Text(10, 10, "Running header")
	pdf.RawWriteStr(pdftag.EMC)

	pdf.RawWriteStr(pdftag.BDC("H1", 0))
	pdf.Text(10, 30, "My plan")
	pdf.RawWriteStr(pdftag.EMC)

	// The picture's box: fpdf's millimetres from the top left become points
	// from the bottom left.
	x, y, w, h := 10.0, 40.0, 40.0, 20.0
	pdf.RawWriteStr(pdftag.BDC("Figure", 1))
	pdf.ImageOptions("pic", x, y, w, h, false, fpdf.ImageOptions{}, 0, "")
	pdf.RawWriteStr(pdftag.EMC)
	_, pageH := pdf.GetPageSize()
	k := 72 / 25.4
	box := &pdftag.BBox{Page: page, X0: x * k, Y0: (pageH - y - h) * k, X1: (x + w) * k, Y1: (pageH - y) * k}

	pdf.RawWriteStr(pdftag.BDC("P", 2))
	pdf.Text(10, 70, "More at ")
	pdf.RawWriteStr(pdftag.EMC)
	pdf.RawWriteStr(pdftag.BDC("Link", 3))
	pdf.Text(27, 70, "example.org")
	pdf.RawWriteStr(pdftag.EMC)
	pdf.LinkString(27, 66, 25, 5, "https://example.org/") // annotation 0 of the page

	root := &pdftag.Elem{Role: "Document", Kids: []pdftag.Kid{
		pdftag.Child(&pdftag.Elem{Role: "H1", Kids: []pdftag.Kid{pdftag.MCR(page, 0)}}),
		pdftag.Child(&pdftag.Elem{Role: "Figure", Alt: "A grey square", BBox: box, Kids: []pdftag.Kid{pdftag.MCR(page, 1)}}),
		pdftag.Child(&pdftag.Elem{Role: "P", Kids: []pdftag.Kid{
			pdftag.MCR(page, 2),
			pdftag.Child(&pdftag.Elem{Role: "Link", Alt: "example.org", Kids: []pdftag.Kid{pdftag.MCR(page, 3), pdftag.OBJR(page, 0)}}),
		}}),
	}}
	var src bytes.Buffer
	if err := pdf.Output(&src); err != nil {
		log.Fatal(err)
	}
	out, err := pdftag.Apply(src.Bytes(), root, pdftag.Info{Title: "My plan", Lang: "en-GB"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Contains(out, []byte("/StructTreeRoot")), bytes.Contains(out, []byte("/MarkInfo <</Marked true>>")))
	// Output: true true
}
