package pdftag

import (
	"bytes"
	"image/color"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// Tests of the patches to the vendored fpdf (generator/third_party/fpdf,
// LIFEPLAN.md), here so that go test ./... runs them.

// newFpdf is an A4 document that is the same bytes every time: fixed dates,
// fonts and images written in sorted order.
func newFpdf() *fpdf.Fpdf {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC))
	p.SetModificationDate(time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC))
	return p
}

// samePixelWidth writes a page with three pictures of the same pixel width,
// registered in the given order.
func samePixelWidth(t *testing.T, names []string, pics map[string][]byte) []byte {
	t.Helper()
	p := newFpdf()
	p.AddPage()
	for _, n := range names {
		p.RegisterImageOptionsReader(n, fpdf.ImageOptions{ImageType: "png"}, bytes.NewReader(pics[n]))
	}
	for i, n := range []string{"a", "b", "c"} {
		p.ImageOptions(n, 10, 10+float64(i)*40, 30, 30, false, fpdf.ImageOptions{}, 0, "")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImagesOfEqualWidthKeepTheirOrder: upstream fpdf writes images of equal
// width in Go's random map order, so this fails about once in two runs of
// each document without the patch.
func TestImagesOfEqualWidthKeepTheirOrder(t *testing.T) {
	pics := map[string][]byte{
		"a": picture(t, 32, 32, color.NRGBA{255, 0, 0, 255}),
		"b": picture(t, 32, 16, color.NRGBA{0, 0, 255, 255}),
		"c": picture(t, 32, 8, color.NRGBA{0, 255, 0, 255}),
	}
	want := samePixelWidth(t, []string{"a", "b", "c"}, pics)
	orders := [][]string{{"c", "b", "a"}, {"b", "a", "c"}, {"a", "c", "b"}}
	for i := 0; i < 30; i++ {
		order := orders[i%len(orders)]
		if got := samePixelWidth(t, order, pics); !bytes.Equal(got, want) {
			t.Fatalf("registering the pictures in the order %v changed the file (run %d)", order, i)
		}
	}
}

// fontDoc writes a page of text in DejaVu Sans.
func fontDoc() ([]byte, error) {
	p := newFpdf()
	p.AddUTF8FontFromBytes("dv", "", dejaVu)
	p.AddPage()
	p.SetFont("dv", "", 12)
	p.Cell(0, 10, "Tŷ Ŵŵ zażółć ✓ Ελληνικά Кириллица")
	var b bytes.Buffer
	err := p.Output(&b)
	return b.Bytes(), err
}

// TestParsedFontsAreShared: documents made one after another and at the same
// time, all but the first from the parsed-font cache, are the same bytes.
// (The first document of the process is the same as upstream fpdf's: see
// LIFEPLAN.md.) Run with -race to check the cache's locking.
func TestParsedFontsAreShared(t *testing.T) {
	want, err := fontDoc()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(want, []byte("/FontFile2")) {
		t.Fatal("the font is not embedded")
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	errs := make([]error, len(got))
	for i := range got {
		wg.Go(func() { got[i], errs[i] = fontDoc() })
	}
	wg.Wait()
	for i, g := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(g, want) {
			t.Fatalf("document %d differs from the first", i+2)
		}
	}
}

// subsetDoc writes a page of text in DejaVu Sans, with base as the font's
// subset base when it is not empty.
func subsetDoc(text, base string) ([]byte, error) {
	p := newFpdf()
	p.AddUTF8FontFromBytes("dv", "", dejaVu)
	if base != "" {
		p.SetFontSubsetBase("dv", base)
	}
	p.AddPage()
	p.SetFont("dv", "", 12)
	p.Cell(0, 10, text)
	var b bytes.Buffer
	err := p.Output(&b)
	return b.Bytes(), err
}

// fontProgram is the embedded font program of a one-font document: the
// stream of the object with /Length1.
func fontProgram(t *testing.T, pdf []byte) []byte {
	t.Helper()
	_, rest, ok := bytes.Cut(pdf, []byte("/Length1 "))
	if ok {
		_, rest, ok = bytes.Cut(rest, []byte("stream\n"))
	}
	var program []byte
	if ok {
		program, _, ok = bytes.Cut(rest, []byte("endstream"))
	}
	if !ok {
		t.Fatal("no embedded font program")
	}
	return program
}

// TestFontSubsetsAreShared: a subset made once and reused (patch 5) gives the
// same bytes as the first time, also when documents with other characters are
// made between and beside; and a subset base puts its characters in the
// subset, as drawing them would.
func TestFontSubsetsAreShared(t *testing.T) {
	texts := []string{"Tŷ Ŵŵ zażółć ✓", "Ελληνικά Кириллица", "Tŷ Ŵŵ zażółć ✓"}
	want := make([][]byte, len(texts))
	for i, text := range texts {
		b, err := subsetDoc(text, "")
		if err != nil {
			t.Fatal(err)
		}
		want[i] = b
	}
	if !bytes.Equal(want[0], want[2]) {
		t.Fatal("the same text gave other bytes the second time (from the subset cache)")
	}
	if bytes.Equal(fontProgram(t, want[0]), fontProgram(t, want[1])) {
		t.Fatal("texts of other characters embedded the same subset")
	}
	var wg sync.WaitGroup
	got := make([][]byte, 6)
	errs := make([]error, len(got))
	for i := range got {
		wg.Go(func() { got[i], errs[i] = subsetDoc(texts[i%2], "") })
	}
	wg.Wait()
	for i, g := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(g, want[i%2]) {
			t.Fatalf("concurrent document %d differs from the same text made alone", i)
		}
	}

	drawn, err := subsetDoc("Hi zoë", "")
	if err != nil {
		t.Fatal(err)
	}
	based, err := subsetDoc("Hi", " zoë")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fontProgram(t, based), fontProgram(t, drawn)) {
		t.Error("a subset with the base \" zoë\" is not the subset of a text that draws them")
	}
	plain, err := subsetDoc("Hi", "")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(fontProgram(t, plain), fontProgram(t, based)) {
		t.Error("the subset base changed nothing")
	}
}

// BenchmarkAddUTF8Font measures adding DejaVu Sans (760 KB) to a document:
// with the cache only the first call in the process parses it.
func BenchmarkAddUTF8Font(b *testing.B) {
	for b.Loop() {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("dv", "", dejaVu)
		if p.Err() {
			b.Fatal(p.Error())
		}
	}
}
