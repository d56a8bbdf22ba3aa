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
