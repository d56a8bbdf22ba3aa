package fpdf

import (
	"strings"
	"testing"
)

// TestTextFastIsUpstreamText: the fast path of Text (patch 6) writes the bytes
// upstream's Text wrote, for text that needs escaping, for one-, two- and
// three-byte characters, with and without a text colour.
func TestTextFastIsUpstreamText(t *testing.T) {
	texts := []string{"", "plain", "a (b) c\\d\re", "£39,057.33 – café", "✓ Ελληνικά → ŷ", "()\\"}
	for _, coloured := range []bool{false, true} {
		for _, text := range texts {
			f := New("P", "mm", "A4", "")
			f.AddPage()
			if coloured {
				f.SetTextColor(200, 10, 10)
			}
			// What upstream's Text wrote for a UTF-8 font.
			want := sprintf("BT %.2f %.2f Td (%s) Tj ET", 12.5*f.k, (f.h+3.25)*f.k, f.escape(utf8toutf16(text, false)))
			if f.colorFlag {
				want = sprintf("q %s %s Q", f.color.text.str, want)
			}
			f.currentFont.usedRunes = map[int]int{}
			before := f.pages[f.page].Len()
			f.textFast(12.5, -3.25, text)
			got := f.pages[f.page].String()[before:]
			if got != want+"\n" {
				t.Errorf("colour %v, text %q:\n got %q\nwant %q", coloured, text, got, want+"\n")
			}
			for _, r := range text {
				if f.currentFont.usedRunes[int(r)] != int(r) {
					t.Errorf("text %q: rune %q not marked used", text, r)
				}
			}
			if strings.Count(got, "\n") != 1 {
				t.Errorf("text %q: not one line", text)
			}
		}
	}
}

// TestFontSelectIsUpstreams: SetFont writes the operator upstream's did.
func TestFontSelectIsUpstreams(t *testing.T) {
	f := New("P", "mm", "A4", "")
	f.AddPage()
	for _, size := range []float64{12, 10.5, 9.333, 16} {
		before := f.pages[f.page].Len()
		f.SetFont("Helvetica", "B", size)
		want := sprintf("BT /F%s %.2f Tf ET", f.currentFont.i, f.fontSizePt) + "\n"
		if got := f.pages[f.page].String()[before:]; got != want {
			t.Errorf("size %v: got %q, want %q", size, got, want)
		}
	}
}
