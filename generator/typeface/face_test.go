package typeface

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// fpdfWith returns an fpdf document (in points) with face f registered and selected.
func fpdfWith(t testing.TB, f *Face, size float64, unit string) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", unit, "A4", "")
	pdf.AddUTF8FontFromBytes(f.Key(), f.Style().Fpdf(), f.Data())
	pdf.SetFont(f.Key(), f.Style().Fpdf(), size)
	if err := pdf.Error(); err != nil {
		t.Fatalf("%s %s: fpdf: %v", f.Family(), f.Style(), err)
	}
	return pdf
}

// TestAdvanceIsFpdfWidth: for every BMP character, mapped or not, in all six faces,
// Advance is the width fpdf itself counts.
func TestAdvanceIsFpdfWidth(t *testing.T) {
	for _, f := range Default().Faces() {
		t.Run(f.Key()+f.Style().Fpdf(), func(t *testing.T) {
			pdf := fpdfWith(t, f, 10, "pt")
			mapped, wrong := 0, 0
			for r := rune(1); r < bmpSize; r++ {
				if !utf8.ValidRune(r) {
					continue // surrogates cannot be in a Go string
				}
				if f.Has(r) {
					mapped++
				}
				if got, want := f.Advance(r), pdf.GetStringSymbolWidth(string(r)); got != want {
					if wrong++; wrong <= 5 {
						t.Errorf("U+%04X (has %v): Advance %d, fpdf %d", r, f.Has(r), got, want)
					}
				}
			}
			// Beyond the BMP fpdf counts the missing width (U+10000 itself
			// panics inside fpdf, an off-by-one in GetStringSymbolWidth).
			for _, r := range []rune{0x10001, 0x1F600, 0x20000, 0x10FFFF} {
				if got, want := f.Advance(r), pdf.GetStringSymbolWidth(string(r)); got != want {
					t.Errorf("U+%04X: Advance %d, fpdf %d", r, got, want)
				}
			}
			if wrong > 0 {
				t.Errorf("%d of 65533 characters differ", wrong)
			}
			if mapped < 300 {
				t.Errorf("only %d characters mapped: the cmap was misread", mapped)
			}
		})
	}
}

// TestMetricsAreFpdfs: the vertical metrics and the missing width are the numbers
// fpdf writes into the font descriptor.
func TestMetricsAreFpdfs(t *testing.T) {
	for _, f := range Default().Faces() {
		pdf := fpdfWith(t, f, 10, "pt")
		d := pdf.GetFontDesc(f.Key(), f.Style().Fpdf())
		if f.Ascent() != d.Ascent || f.Descent() != d.Descent || f.CapHeight() != d.CapHeight {
			t.Errorf("%s %s: ascent/descent/cap height %d/%d/%d, fpdf %d/%d/%d", f.Family(), f.Style(),
				f.Ascent(), f.Descent(), f.CapHeight(), d.Ascent, d.Descent, d.CapHeight)
		}
		if f.Ascent() <= 0 || f.Descent() >= 0 || f.CapHeight() <= 0 {
			t.Errorf("%s %s: implausible metrics %d/%d/%d", f.Family(), f.Style(), f.Ascent(), f.Descent(), f.CapHeight())
		}
		if want := d.MissingWidth; want != 0 && f.Advance(0x10001) != want {
			t.Errorf("%s %s: missing width %d, fpdf %d", f.Family(), f.Style(), f.Advance(0x10001), want)
		}
	}
}

// TestWidthLinesUpInMillimetres: text measured in runs lines up with fpdf's own
// GetStringWidth to the hundredth of a millimetre at body and heading sizes.
func TestWidthLinesUpInMillimetres(t *testing.T) {
	s := Default()
	texts := []string{
		"Amira lives in Tŷ Newydd, Caerdydd, with her mum.",
		"Zażółć gęślą jaźń: Łódź, Gdańsk. Straße, Ærø, Ðiðrik.",
		"She ticks ✓ when done and ✗ when not; Ωmega, Привет.",
		"07700 900 214 · £1,234.56 · 14–21 September 2026",
	}
	for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
		for _, size := range []float64{11, 16, 24} {
			for _, text := range texts {
				var want float64
				for _, run := range s.Runs(text, st) {
					pdf := fpdfWith(t, run.Face, size, "mm")
					want += pdf.GetStringWidth(run.Text)
				}
				got := float64(s.Width(text, st)) * size / 1000 * 25.4 / 72
				if math.Abs(got-want) >= 0.005 {
					t.Errorf("%s %gpt %q: %.4f mm measured, fpdf %.4f mm", st, size, text, got, want)
				}
			}
		}
	}
}

func TestEveryFaceHasASCII(t *testing.T) {
	for _, f := range Default().Faces() {
		for r := rune(0x20); r < 0x7F; r++ {
			if !f.Has(r) {
				t.Errorf("%s %s has no %q", f.Family(), f.Style(), r)
			}
		}
	}
}

func TestHas(t *testing.T) {
	s := Default()
	tests := []struct {
		r              rune
		main, fallback bool
		why            string
	}{
		{'A', true, true, "ASCII"},
		{'ŷ', true, true, "Welsh: the reason for Atkinson Hyperlegible Next"},
		{'Ŵ', true, true, "Welsh capital"},
		{'ł', true, true, "Polish"},
		{'✓', false, true, "check mark: only DejaVu"},
		{'✗', false, true, "ballot x: only DejaVu"},
		{'Ж', false, true, "Cyrillic: only DejaVu"},
		{'\uFFFD', false, true, "replacement character"},
		{'中', false, false, "Han: neither"},
		{0x1F98A, false, false, "emoji (fox): neither"},
		{0xFFFF, false, false, "noncharacter"},
		{0, false, false, "NUL"},
		{-1, false, false, "not a code point"},
	}
	for _, tt := range tests {
		if got := s.Face(Regular).Has(tt.r); got != tt.main {
			t.Errorf("%s (U+%04X): main Has = %v, want %v", tt.why, tt.r, got, tt.main)
		}
		if got := s.Fallback(Regular).Has(tt.r); got != tt.fallback {
			t.Errorf("%s (U+%04X): fallback Has = %v, want %v", tt.why, tt.r, got, tt.fallback)
		}
	}
	// DejaVu Sans maps some characters beyond the BMP (format 12): Has knows them,
	// though fpdf cannot draw them.
	beyond := 0
	for r := rune(bmpSize); r < 0x20000; r++ {
		if s.Fallback(Regular).Has(r) {
			beyond++
		}
	}
	if beyond == 0 {
		t.Error("DejaVu Sans: no character beyond the BMP found; format 12 was not read")
	}
}

func TestParseRejectsBadFonts(t *testing.T) {
	good := Default().Face(Regular).Data()
	tests := map[string][]byte{
		"empty":          nil,
		"not a TTF":      []byte("%PDF-1.4 not a font at all, but long enough to read a header"),
		"OpenType CFF":   append([]byte("OTTO"), good[4:]...),
		"truncated":      good[:len(good)/3],
		"directory only": good[:200],
	}
	for name, data := range tests {
		if _, err := Parse("Test", Regular, data); err == nil {
			t.Errorf("%s: parsed without error", name)
		} else if !strings.Contains(err.Error(), "font Test regular") {
			t.Errorf("%s: error %q does not name the face", name, err)
		}
	}
}

func TestKeyAndStyle(t *testing.T) {
	s := Default()
	tests := []struct {
		f      *Face
		family string
		key    string
		style  Style
	}{
		{s.Face(Regular), "Atkinson Hyperlegible Next", "AtkinsonHyperlegibleNext", Regular},
		{s.Face(BoldItalic), "Atkinson Hyperlegible Next", "AtkinsonHyperlegibleNext", BoldItalic},
		{s.Fallback(Italic), "DejaVu Sans", "DejaVuSans", Regular},
		{s.Fallback(BoldItalic), "DejaVu Sans", "DejaVuSans", Bold},
		{s.Fallback(Bold), "DejaVu Sans", "DejaVuSans", Bold},
	}
	for _, tt := range tests {
		if tt.f.Family() != tt.family || tt.f.Key() != tt.key || tt.f.Style() != tt.style {
			t.Errorf("got %q %q %v, want %q %q %v", tt.f.Family(), tt.f.Key(), tt.f.Style(), tt.family, tt.key, tt.style)
		}
	}
	if Default() != s {
		t.Error("Default parsed the fonts twice")
	}
}
