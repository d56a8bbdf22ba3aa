package docx

import (
	"bytes"
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/templates"
)

// sampleLLSP composes the LLSP of samples/amira.toml, the longest document.
func sampleLLSP(b testing.TB) *doc.Document {
	p, bud := testtools.Sample(b, "amira")
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, spec := range compose.Specs() {
		if spec.ID == "llsp" {
			v := compose.View{Plan: p, Person: p.Person, Budget: bud, Checks: compose.Judge(p), Doc: spec}
			d, err := c.Document(&v)
			if err != nil {
				b.Fatal(err)
			}
			return d
		}
	}
	b.Fatal("no llsp spec")
	return nil
}

// BenchmarkRenderLLSP times the DOCX of Amira's LLSP (35 pages, 8 pictures).
func BenchmarkRenderLLSP(b *testing.B) {
	d := sampleLLSP(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}
