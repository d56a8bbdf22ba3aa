// lifeplan patch (see LIFEPLAN.md): parsed images are reused across documents.

package fpdf

import (
	"bytes"
	"sync"
)

// imageKey names one parse: the identity of the image's bytes (where they are and
// how long, not their contents, which would cost a good part of what the cache
// saves to hash), its type and what parsing depends on.
type imageKey struct {
	data    *byte
	size    int
	typ     string
	readDpi bool
	k       float64
}

// imageCacheMax bounds the cache; when it is full it starts again, so a long batch
// whose plans each bring their own pictures never makes it grow without end.
const imageCacheMax = 256

// imageCache holds parsed images, safe for concurrent use. An entry is never
// changed once made: each document gets its own copy of the ImageInfoType (whose
// object number is the document's), sharing the read-only pixel data.
var imageCache struct {
	sync.Mutex
	m map[imageKey]*ImageInfoType
}

// RegisterImageOptionsBytes registers an image from its bytes, as
// RegisterImageOptionsReader does from a reader, but parses the same bytes only
// once per process: a PNG with transparency costs a decompression and two
// compressions to parse, once for every document that shows it otherwise. The
// bytes must not change after they are first handed to fpdf.
func (f *Fpdf) RegisterImageOptionsBytes(imgName string, options ImageOptions, data []byte) (info *ImageInfoType) {
	if f.err != nil {
		return
	}
	if info, ok := f.images[imgName]; ok {
		return info
	}
	key := imageKey{size: len(data), typ: options.ImageType, readDpi: options.ReadDpi, k: f.k}
	if len(data) > 0 {
		key.data = &data[0]
	}
	c := &imageCache
	c.Lock()
	cached, ok := c.m[key]
	c.Unlock()
	if !ok {
		parsed := f.RegisterImageOptionsReader(imgName, options, bytes.NewReader(data))
		if f.err != nil || parsed == nil {
			return parsed
		}
		shared := *parsed
		c.Lock()
		if c.m == nil || len(c.m) >= imageCacheMax {
			c.m = map[imageKey]*ImageInfoType{}
		}
		c.m[key] = &shared
		c.Unlock()
		return parsed
	}
	own := *cached
	f.images[imgName] = &own
	// Parsing has one side effect on the document, which a cached image must
	// have too: a picture with transparency makes it PDF 1.4 (see parsepng).
	if len(own.smask) > 0 && f.pdfVersion < pdfVers1_4 {
		f.pdfVersion = pdfVers1_4
	}
	return &own
}
