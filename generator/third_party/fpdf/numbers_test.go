package fpdf

import (
	"bytes"
	"testing"
	"time"
)

// TestNumbersAsUpstreamFormatted: the writers of patch 8 write what upstream's
// outf wrote with its format strings.
func TestNumbersAsUpstreamFormatted(t *testing.T) {
	f := New("P", "mm", "A4", "")
	for _, offset := range []int{0, 7, 1234, 999999999, 1000000000, 12345678901} {
		f.buffer.Reset()
		f.outXref(offset)
		if got, want := f.buffer.String(), sprintf("%010d 00000 n \n", offset); got != want {
			t.Errorf("xref of %d: got %q, want %q", offset, got, want)
		}
	}
	for _, n := range []int{0, 3, 45678} {
		f.buffer.Reset()
		f.outRef("/Parent ", n, " 0 R")
		if got, want := f.buffer.String(), sprintf("/Parent %d 0 R\n", n); got != want {
			t.Errorf("ref %d: got %q, want %q", n, got, want)
		}
	}
	f.AddPage()
	for _, w := range []float64{0, 0.2, 0.35, 1.005, 12.5} {
		before := f.pages[f.page].Len()
		f.SetLineWidth(w)
		f.Line(1.25, 2, 3.5, 4)
		got := f.pages[f.page].String()[before:]
		want := sprintf("%.2f w\n%.2f %.2f m %.2f %.2f l S\n", w*f.k, 1.25*f.k, (f.h-2)*f.k, 3.5*f.k, (f.h-4)*f.k)
		if got != want {
			t.Errorf("line width %v: got %q, want %q", w, got, want)
		}
	}
}

// TestReleasedBuffersGiveTheSameFile: a document drawn with the buffers another
// released (patch 9) has the same bytes as one drawn with new buffers, whether
// the buffer it gets is larger or smaller than it needs.
func TestReleasedBuffersGiveTheSameFile(t *testing.T) {
	draw := func(pages int) []byte {
		f := New("P", "mm", "A4", "")
		f.SetCompression(false)
		f.SetCreationDate(time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC))
		f.SetModificationDate(time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC))
		f.SetFont("Helvetica", "", 12)
		for i := 0; i < pages; i++ {
			f.AddPage()
			for j := 0; j < 40; j++ {
				f.Text(10, float64(10+j*6), sprintf("page %d, line %d", i, j))
			}
		}
		b, err := f.OutputBytes()
		if err != nil {
			t.Fatal(err)
		}
		out := bytes.Clone(b)
		f.Release()
		f.Release() // a second Release does nothing
		return out
	}
	small, large := draw(1), draw(12)
	for round := 0; round < 3; round++ {
		if got := draw(1); !bytes.Equal(got, small) {
			t.Fatalf("round %d: the one-page file differs after a release", round)
		}
		if got := draw(12); !bytes.Equal(got, large) {
			t.Fatalf("round %d: the twelve-page file differs after a release", round)
		}
	}
}
