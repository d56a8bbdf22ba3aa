package layout_test

import (
	"testing"

	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/layout"
	"lifeplan/generator/typeface"
)

// BenchmarkLayout lays out each document of the complete sample: the LLSP and the
// support plan twice (page references), the one-page profile until it fits.
func BenchmarkLayout(b *testing.B) {
	fonts := typeface.Default()
	for _, d := range testtools.SampleDocuments(b, "amira") {
		b.Run(d.Meta.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				layout.Layout(d, fonts)
			}
		})
	}
}
