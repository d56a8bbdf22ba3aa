package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // decoders for image.DecodeConfig and padding
	"image/png"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"lifeplan/generator/doc"
)

// placedImage is how a document image was registered with fpdf.
type placedImage struct {
	name string
	// widen is the registered width over the picture's own width (1 unless
	// padded, see registerImage): the image is drawn this much wider so the
	// picture itself keeps the intended size.
	widen float64
}

// drawImage draws img in the box at x, y of size w by h mm.
func (r *renderer) drawImage(img *doc.Image, x, y, w, h float64) {
	if r.dry {
		return
	}
	p, ok := r.registerImage(img)
	if !ok {
		return
	}
	r.pdf.ImageOptions(p.name, x, y, w*p.widen, h, false, fpdf.ImageOptions{}, 0, "")
}

// registerImage hands an image to fpdf once per name.
//
// fpdf writes images in an order sorted by pixel width but, among images of equal
// width, in Go's random map order: two pictures of the same width would make the
// output differ from run to run. So a picture whose width is already taken is
// padded on the right with transparent columns until its width is unique. The
// padding is invisible and drawImage widens the box to match.
func (r *renderer) registerImage(img *doc.Image) (placedImage, bool) {
	key := img.Name
	if key == "" {
		key = "image-" + strconv.Itoa(len(r.images)+1)
	}
	if p, ok := r.images[key]; ok {
		return p, true
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil {
		r.pdf.SetError(fmt.Errorf("image %q: %w", img.Name, err))
		return placedImage{}, false
	}
	data, kind, widen := img.Data, strings.ToLower(img.Format), 1.0
	if r.widths[cfg.Width] {
		w := cfg.Width + 1
		for r.widths[w] {
			w++
		}
		if data, err = padImage(img.Data, w); err != nil {
			r.pdf.SetError(fmt.Errorf("image %q: %w", img.Name, err))
			return placedImage{}, false
		}
		kind, widen = "png", float64(w)/float64(cfg.Width)
		cfg.Width = w
	}
	r.widths[cfg.Width] = true
	r.pdf.RegisterImageOptionsReader(key, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	p := placedImage{name: key, widen: widen}
	r.images[key] = p
	return p, r.pdf.Error() == nil
}

// padImage re-encodes a picture as PNG, width pixels wide, with extra columns on
// the right: transparent for a picture with transparency, white for an opaque one,
// so that an opaque picture stays opaque and fpdf embeds its PNG data as it is
// instead of splitting out an alpha channel. Pixels are copied exactly (PNG is
// lossless). The fastest compression is used: this runs on every render, and the
// PDF's own compression of the data matters more than the PNG's.
func padImage(data []byte, width int) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	rect := image.Rect(0, 0, width, b.Dy())
	// The destination has the source's own pixel type where it can, so draw.Draw
	// copies rows instead of converting every pixel.
	var dst draw.Image
	switch src.(type) {
	case *image.RGBA:
		dst = image.NewRGBA(rect)
	default:
		dst = image.NewNRGBA(rect)
	}
	if o, ok := src.(interface{ Opaque() bool }); ok && o.Opaque() {
		draw.Draw(dst, rect, image.White, image.Point{}, draw.Src)
	}
	draw.Draw(dst, b.Sub(b.Min), src, b.Min, draw.Src)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
