package layout_test

import (
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/layout"
	"lifeplan/generator/typeface"
	"lifeplan/templates"
)

// sampleDocuments composes every document of samples/amira.toml.
func sampleDocuments(b *testing.B) []*doc.Document {
	p, bud := testtools.Sample(b, "amira")
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	docs, err := c.Documents(compose.Specs(), compose.View{Plan: p, Person: p.Person, Budget: bud, Checks: compose.Judge(p, bud)})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkLayout lays out each document of the complete sample: the LLSP and the
// support plan twice (page references), the one-page profile until it fits.
func BenchmarkLayout(b *testing.B) {
	fonts := typeface.Default()
	for _, d := range sampleDocuments(b) {
		b.Run(d.Meta.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				layout.Layout(d, fonts)
			}
		})
	}
}
