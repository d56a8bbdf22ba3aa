package testtools

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"lifeplan/generator/typeface"
)

// newPDF is an fpdf document with the six embedded faces registered.
func newPDF(t *testing.T, compress bool) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	for _, f := range typeface.Default().Faces() {
		pdf.AddUTF8FontFromBytes(f.Key(), f.Style().Fpdf(), f.Data())
	}
	return pdf
}

func output(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// drawInOneFace draws text in the main face only, as the renderer did before
// fallback faces: characters the face lacks become boxes.
func drawInOneFace(pdf *fpdf.Fpdf, st typeface.Style, text string) {
	f := typeface.Default().Face(st)
	pdf.AddPage()
	pdf.SetFont(f.Key(), st.Fpdf(), 14)
	pdf.Text(20, 30, text)
}

// drawInRuns draws text the way the layout should: one face per run.
func drawInRuns(pdf *fpdf.Fpdf, st typeface.Style, text string) {
	pdf.AddPage()
	x := 20.0
	for _, run := range typeface.Default().Runs(text, st) {
		pdf.SetFont(run.Face.Key(), run.Face.Style().Fpdf(), 14)
		pdf.Text(x, 30, run.Text)
		x += pdf.GetStringWidth(run.Text)
	}
}

func TestMissingGlyphs(t *testing.T) {
	for _, compress := range []bool{true, false} {
		t.Run(fmt.Sprintf("compress=%v", compress), func(t *testing.T) {
			pdf := newPDF(t, compress)
			drawInOneFace(pdf, typeface.Regular, "Tŷ ✓")        // page 1: ✓ is a box
			drawInRuns(pdf, typeface.Regular, "Tŷ ✓")           // page 2: drawn
			drawInOneFace(pdf, typeface.Bold, "Zażółć ✗ ✗")     // page 3: ✗ twice
			drawInRuns(pdf, typeface.BoldItalic, "Ŵ ✓ Ж Ωmega") // page 4: drawn
			got, err := MissingGlyphs(output(t, pdf))
			if err != nil {
				t.Fatal(err)
			}
			want := []string{
				`page 1: '✓' U+2713 in utf8atkinsonhyperlegiblenext is drawn as glyph 0 (.notdef), 1 time`,
				`page 3: '✗' U+2717 in utf8atkinsonhyperlegiblenextB is drawn as glyph 0 (.notdef), 2 times`,
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestMissingGlyphsBeyondTheBMP: a character beyond the BMP is shown as the two
// codes of its surrogate pair, which no font maps; it is reported as the one
// character it is. (fpdf itself panics in Output when Text is given such a
// character, which is one reason typeface.Runs replaces them.)
func TestMissingGlyphsBeyondTheBMP(t *testing.T) {
	pdf := newPDF(t, true)
	pdf.AddPage()
	pdf.SetFont("DejaVuSans", "", 12)
	pdf.Text(20, 30, "Hi")
	pdf.RawWriteStr("BT 56 700 Td <0048D83EDD8A> Tj ET\n")
	got, err := MissingGlyphs(output(t, pdf))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.Contains(got[0], `'🦊' U+1F98A`) {
		t.Errorf("got %q, want the fox reported once", got)
	}
}

// TestMissingGlyphsHexStrings: text written with hex strings (as a layout writing
// its own content stream might) is read too.
func TestMissingGlyphsHexStrings(t *testing.T) {
	pdf := newPDF(t, true)
	pdf.AddPage()
	pdf.SetFont("AtkinsonHyperlegibleNext", "", 12)
	// fpdf puts only characters given to Text and friends into the font subset:
	// Text registers T, ŷ, space and A, so the raw string below finds them there.
	pdf.Text(20, 30, "Tŷ ✓A")
	pdf.RawWriteStr("BT 56 700 Td <005401770020> Tj [<2713> -250 <0041>] TJ ET\n")
	got, err := MissingGlyphs(output(t, pdf))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.HasSuffix(got[0], "2 times") || !strings.Contains(got[0], "U+2713") {
		t.Errorf("got %q, want ✓ reported twice (literal and hex)", got)
	}
}

// TestMissingGlyphsEveryCharacterHasSays: what typeface's Has says a face has, the
// PDF draws with a real glyph, and what it says the face lacks is reported.
func TestMissingGlyphsEveryCharacterHasSays(t *testing.T) {
	pdf := newPDF(t, true)
	pdf.AddPage()
	var lacking int
	for _, f := range typeface.Default().Faces() {
		pdf.SetFont(f.Key(), f.Style().Fpdf(), 8)
		var has strings.Builder
		for r := rune(0x21); r < 0xFFFF; r++ {
			if f.Has(r) {
				has.WriteRune(r)
			}
		}
		pdf.Text(10, 10, has.String())
		// A sample of what it lacks, each drawn once.
		var lacks strings.Builder
		for r := rune(0x100); r < 0x2FFF && lacks.Len() < 40; r += 7 {
			if !f.Has(r) && (r < 0xD800 || r > 0xDFFF) {
				lacks.WriteRune(r)
				lacking++
			}
		}
		pdf.Text(10, 20, lacks.String())
	}
	got, err := MissingGlyphs(output(t, pdf))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != lacking {
		t.Errorf("%d characters reported, %d drawn that the faces lack:\n%s", len(got), lacking, strings.Join(got, "\n"))
	}
}

func TestMissingGlyphsErrors(t *testing.T) {
	core := fpdf.New("P", "mm", "A4", "")
	core.AddPage()
	core.SetFont("Helvetica", "", 12)
	core.Text(20, 20, "Hello")
	var buf bytes.Buffer
	if err := core.Output(&buf); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		pdf  []byte
		want string
	}{
		"core font cannot be checked": {buf.Bytes(), "cannot be checked"},
		"not a PDF":                   {[]byte("hello"), "not a PDF"},
		"truncated":                   {buf.Bytes()[:len(buf.Bytes())/2], ""},
	}
	for name, tt := range tests {
		_, err := MissingGlyphs(tt.pdf)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to say %q", name, err, tt.want)
		}
	}
}
