package typeface

import (
	"testing"

	"github.com/go-pdf/fpdf"

	"lifeplan/fonts"
)

const benchText = "Amira lives in Tŷ Newydd with her mum. She ticks ✓ when a job is done; " +
	"her phone number is 07700 900 214 and her support costs £1,234.56 a week."

// BenchmarkNewSet is the once-per-process cost of Default: all six faces.
func BenchmarkNewSet(b *testing.B) {
	for b.Loop() {
		if _, err := NewSet(fonts.Family, [4][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic},
			fonts.FallbackFamily, [2][]byte{fonts.FallbackRegular, fonts.FallbackBold}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFpdfAddFonts is, for comparison, what fpdf spends parsing the same six
// faces in every document it writes.
func BenchmarkFpdfAddFonts(b *testing.B) {
	faces := Default().Faces()
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		for _, f := range faces {
			pdf.AddUTF8FontFromBytes(f.Key(), f.Style().Fpdf(), f.Data())
		}
		if err := pdf.Error(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAdvance(b *testing.B) {
	f := Default().Face(Regular)
	for b.Loop() {
		for _, r := range benchText {
			_ = f.Advance(r)
		}
	}
}

func BenchmarkHas(b *testing.B) {
	f := Default().Face(Regular)
	for b.Loop() {
		for _, r := range benchText {
			_ = f.Has(r)
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	s := Default()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = s.Width(benchText, Regular)
	}
}

func BenchmarkRuns(b *testing.B) {
	s := Default()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = s.Runs(benchText, Regular)
	}
}

func BenchmarkUndrawable(b *testing.B) {
	s := Default()
	for _, bench := range []struct{ name, text string }{
		{"Latin", benchText},
		{"Urdu", "Ammi says: میری بیٹی بہت خوش ہے 😀"},
	} {
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(bench.text)))
			for b.Loop() {
				_ = s.Undrawable(bench.text)
			}
		})
	}
}
