package docx

import (
	"bytes"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/layout"
	"lifeplan/generator/typeface"
)

// sampleLLSP composes the LLSP of samples/amira.toml, the longest document.
func sampleLLSP(b testing.TB) *doc.Document { return sampleDocument(b, "llsp") }

// sampleDocument composes one document of samples/amira.toml.
func sampleDocument(b testing.TB, id string) *doc.Document {
	for _, d := range testtools.SampleDocuments(b, "amira") {
		if d.Meta.ID == id {
			return d
		}
	}
	b.Fatalf("no %s document", id)
	return nil
}

// BenchmarkRenderLLSP times the DOCX of Amira's LLSP (35 pages, 8 pictures).
func BenchmarkRenderLLSP(b *testing.B) {
	d := sampleLLSP(b)
	benchRender(b, d)
}

// BenchmarkRenderEasyRead times the DOCX of Amira's easy read (25 pages, 110
// pictures, most of them points in layout tables).
func BenchmarkRenderEasyRead(b *testing.B) {
	d := sampleDocument(b, "easy-read")
	benchRender(b, d)
}

// benchRender times rendering d as a DOCX, reporting allocations and its size.
// The layout it follows is made once, outside the timing, as the PDF's layout
// is handed to it in a render.
func benchRender(b *testing.B, d *doc.Document) {
	res := layout.Layout(d, typeface.Default())
	l := Layout{Pages: res.PageNumbers(), Tables: res.Tables}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, l); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}
