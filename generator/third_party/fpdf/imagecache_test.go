package fpdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"
)

// TestImageCacheSameBytes: a document whose picture comes from the cache is
// byte-identical to one that parsed it, with and without transparency.
func TestImageCacheSameBytes(t *testing.T) {
	for _, alpha := range []uint8{255, 128} {
		img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
		for i := range img.Pix {
			img.Pix[i] = alpha
		}
		img.Set(1, 1, color.NRGBA{200, 10, 10, alpha})
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		draw := func() []byte {
			p := New("P", "mm", "A4", "")
			p.SetCreationDate(time.Unix(0, 0).UTC())
			p.SetModificationDate(time.Unix(0, 0).UTC())
			p.AddPage()
			p.RegisterImageOptionsBytes("pic", ImageOptions{ImageType: "png"}, data)
			p.ImageOptions("pic", 10, 10, 20, 20, false, ImageOptions{}, 0, "")
			var out bytes.Buffer
			if err := p.Output(&out); err != nil {
				t.Fatal(err)
			}
			return out.Bytes()
		}
		first, second := draw(), draw() // a parse, then a cache hit
		if !bytes.Equal(first, second) {
			t.Errorf("alpha %d: the cached image gives other bytes", alpha)
		}
	}
}
