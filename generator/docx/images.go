package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig for pictures that arrive without a size
	_ "image/png"
	"strconv"

	"lifeplan/generator/doc"
)

const (
	emuPerTwip = 635
	// decorativeExt is the extension Word writes in wp:docPr when a picture is
	// marked decorative (Office 2019 and later; [MS-ODRAWXML] 2.3.3.1.1), so a
	// screen reader skips it.
	decorativeExt = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
	nsDecorative  = "http://schemas.microsoft.com/office/drawing/2017/decorative"
)

// mediaPart is one picture stored in word/media, shared by every drawing of it.
type mediaPart struct {
	name string // e.g. "image1.png"
	rel  string
	data []byte
}

// drawingRun writes a run holding img inline, scaled to fit maxW × maxH twips with
// its aspect kept. The alt text is both description and title; a picture without
// alt text carries no meaning and is marked decorative.
func (r *renderer) drawingRun(w *xmlWriter, img *doc.Image, maxW, maxH int) error {
	pw, ph, err := pixelSize(img)
	if err != nil {
		return err
	}
	rel, name, err := r.mediaRel(img)
	if err != nil {
		return err
	}
	cx, cy := fitEMU(pw, ph, maxW, maxH)
	r.drawing++
	id := strconv.Itoa(r.drawing)
	x, y := strconv.FormatInt(cx, 10), strconv.FormatInt(cy, 10)
	w.WriteString(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	w.empty("wp:extent", "cx", x, "cy", y)
	w.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
	if img.Alt == "" {
		w.start("wp:docPr", "id", id, "name", "Picture "+id)
		w.WriteString(`<a:extLst><a:ext uri="` + decorativeExt + `"><adec:decorative xmlns:adec="` + nsDecorative + `" val="1"/></a:ext></a:extLst>`)
		w.end("wp:docPr")
	} else {
		w.empty("wp:docPr", "id", id, "name", "Picture "+id, "descr", img.Alt, "title", img.Alt)
	}
	w.WriteString(`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
		`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic><pic:nvPicPr>`)
	w.empty("pic:cNvPr", "id", id, "name", name)
	w.WriteString(`<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>`)
	w.empty("a:blip", "r:embed", rel)
	w.WriteString(`<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>`)
	w.empty("a:ext", "cx", x, "cy", y)
	w.WriteString(`</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
	return nil
}

func pixelSize(img *doc.Image) (w, h int, err error) {
	if len(img.Data) == 0 {
		return 0, 0, fmt.Errorf("picture %q has no data", img.Name)
	}
	if img.Width > 0 && img.Height > 0 {
		return img.Width, img.Height, nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil {
		return 0, 0, fmt.Errorf("picture %q size: %w", img.Name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("picture %q has no size", img.Name)
	}
	return cfg.Width, cfg.Height, nil
}

// fitEMU scales a w×h pixel picture to fill maxW twips wide unless that makes it
// taller than maxH, and returns the size in EMU.
func fitEMU(w, h, maxW, maxH int) (int64, int64) {
	cx := int64(maxW) * emuPerTwip
	cy := cx * int64(h) / int64(w)
	if limit := int64(maxH) * emuPerTwip; cy > limit {
		cy = limit
		cx = cy * int64(w) / int64(h)
	}
	return cx, cy
}

// mediaRel stores the picture's bytes once and returns its relationship ID and
// part name.
func (r *renderer) mediaRel(img *doc.Image) (rel, name string, err error) {
	if i, ok := r.byName[img.Name]; ok {
		return r.media[i].rel, r.media[i].name, nil
	}
	ext, err := mediaExt(img.Format)
	if err != nil {
		return "", "", fmt.Errorf("picture %q: %w", img.Name, err)
	}
	n := len(r.media) + 1
	m := mediaPart{name: "image" + strconv.Itoa(n) + "." + ext, rel: "rIdImage" + strconv.Itoa(n), data: img.Data}
	r.byName[img.Name] = len(r.media)
	r.media = append(r.media, m)
	return m.rel, m.name, nil
}

// mediaExt maps doc.Image.Format to the extensions [Content_Types].xml declares.
func mediaExt(format string) (string, error) {
	switch format {
	case "png":
		return "png", nil
	case "jpeg", "jpg":
		return "jpeg", nil
	default:
		return "", fmt.Errorf("unsupported picture format %q", format)
	}
}
