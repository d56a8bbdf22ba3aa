// lifeplan patch (see LIFEPLAN.md): parsed UTF-8 TrueType fonts are reused
// across documents.

package fpdf

import "sync"

// utf8FontKey names one parse: the identity of the font's bytes (where they are
// and how long, not their contents, which would cost a good part of what the
// cache saves to hash) and the font key, which the font's ID depends on.
type utf8FontKey struct {
	data    *byte
	size    int
	fontkey string
}

// parsedUTF8Font is what AddUTF8FontFromBytes takes from parsing a font. It is
// shared between documents and never changed once made.
type parsedUTF8Font struct {
	desc   FontDescType
	up, ut int
	cw     []int
	id     string
	// subsets are the font's embedded subsets made so far (patch 5).
	subsets utf8Subsets
}

// utf8FontCacheMax bounds the cache, so that a caller that hands over a fresh
// copy of the bytes for each document does not make it grow without end (such
// a caller gets no reuse, as before the patch).
const utf8FontCacheMax = 64

// utf8FontCache holds the parsed fonts, safe for concurrent use.
var utf8FontCache struct {
	sync.Mutex
	m map[utf8FontKey]*parsedUTF8Font
}

// parseUTF8Font returns the metrics of the font in data under fontkey, parsing
// it only the first time these very bytes are seen. The bytes must not change
// after they are first handed to fpdf.
func parseUTF8Font(fontkey string, data []byte) (*parsedUTF8Font, error) {
	key := utf8FontKey{size: len(data), fontkey: fontkey}
	if len(data) > 0 {
		key.data = &data[0]
	}
	c := &utf8FontCache
	c.Lock()
	p, ok := c.m[key]
	c.Unlock()
	if ok {
		return p, nil
	}
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: data})
	if err := utf8File.parseFile(); err != nil {
		return nil, err
	}
	p = &parsedUTF8Font{
		desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		up: int(round(utf8File.UnderlinePosition)),
		ut: round(utf8File.UnderlineThickness),
		cw: utf8File.CharWidths,
	}
	// The ID is a hash of the exported fields of the definition, as
	// addFontFromBytes made it before the patch.
	p.id, _ = generateFontID(fontDefType{Tp: "UTF8", Name: fontkey, Desc: p.desc, Up: p.up, Ut: p.ut, Cw: p.cw})
	c.Lock()
	if c.m == nil {
		c.m = make(map[utf8FontKey]*parsedUTF8Font)
	}
	if len(c.m) < utf8FontCacheMax {
		c.m[key] = p
	}
	c.Unlock()
	return p, nil
}
