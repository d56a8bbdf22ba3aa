package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig for pictures that arrive without a size
	_ "image/png"

	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/dml"
	"github.com/gomutex/godocx/dml/dmlct"
	"github.com/gomutex/godocx/dml/dmlpic"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"

	"lifeplan/generator/doc"
)

const (
	emuPerTwip            = 635
	emuPerPixel           = 9525 // at 96 dpi
	figureMaxHeight       = 3685 // 65 mm in twips
	smallPictureWidth     = 1247 // 22 mm in twips
	smallPictureMaxHeight = 1701 // 30 mm: a tall picture must not stretch its row
)

// drawing returns a run holding img inline, scaled to fit maxW × maxH twips with its
// aspect kept. godocx's AddPicture only reads files from disk and adds a duplicate
// content-type default per picture, so we store the part and build the DrawingML
// with godocx's dml types ourselves. The same doc.Image.Name shares one media part.
func (r *renderer) drawing(img *doc.Image, maxW, maxH int) (*ctypes.Run, error) {
	w, h, err := pixelSize(img)
	if err != nil {
		return nil, err
	}
	rID, err := r.mediaRel(img)
	if err != nil {
		return nil, err
	}
	cx, cy := fitEMU(w, h, maxW, maxH)
	r.titles = append(r.titles, img.Alt)
	id := uint(len(r.titles))
	inline := dml.NewInline(
		*dmlct.NewPostvSz2D(cx, cy),
		dml.DocProp{ID: uint64(id), Name: docPrName(id), Description: img.Alt},
		*dml.NewPicGraphic(dmlpic.NewPic(rID, id, cx, cy)),
	)
	drawing := &dml.Drawing{Inline: []dml.Inline{inline}}
	return &ctypes.Run{Children: []ctypes.RunChild{{Drawing: drawing}}}, nil
}

// docPrName names drawing id; the wrapper finds it by this name to add the title.
func docPrName(id uint) string { return fmt.Sprintf("Picture %d", id) }

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
	return cfg.Width, cfg.Height, nil
}

// fitEMU scales a w×h pixel picture to fill maxW twips wide unless that makes it
// taller than maxH, and returns the size in EMU.
func fitEMU(w, h, maxW, maxH int) (units.Emu, units.Emu) {
	cx := int64(maxW) * emuPerTwip
	cy := cx * int64(h) / int64(w)
	if limit := int64(maxH) * emuPerTwip; cy > limit {
		cy = limit
		cx = cy * int64(w) / int64(h)
	}
	return units.Emu(cx), units.Emu(cy)
}

// mediaRel stores the picture's bytes once and returns its relationship ID.
func (r *renderer) mediaRel(img *doc.Image) (string, error) {
	if id, ok := r.media[img.Name]; ok {
		return id, nil
	}
	ext, err := mediaExt(img.Format)
	if err != nil {
		return "", fmt.Errorf("picture %q: %w", img.Name, err)
	}
	name := fmt.Sprintf("image%d.%s", len(r.media)+1, ext)
	r.rd.FileMap.Store(constants.MediaPath+name, img.Data)
	id := addRel(r.rd, constants.SourceRelationshipImage, "media/"+name)
	r.media[img.Name] = id
	return id, nil
}

// mediaExt maps doc.Image.Format to the extensions our template declares.
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

// addRel adds a relationship from the main document part, numbered by godocx's own
// counter so IDs never collide with the ones it hands out.
func addRel(rd *docx.RootDoc, relType, target string) string {
	id := fmt.Sprintf("rId%d", rd.Document.IncRelationID())
	rd.Document.DocRels.Relationships = append(rd.Document.DocRels.Relationships,
		&docx.Relationship{ID: id, Type: relType, Target: target})
	return id
}
