package fpdf

import (
	"bytes"
	"sync"
)

// lifeplan patch 9: a document's buffers are handed on to the next document.
//
// A batch draws thousands of documents one after another. Each had its own page
// buffers and its own buffer for the whole file, hundreds of kilobytes that the
// runtime had to find, clear and collect again: some 3 MB a plan, a tenth of
// everything a plan allocated. Release puts them in these pools, and the next
// document takes them from there.

// pagePool holds page content buffers (*bytes.Buffer), emptied.
var pagePool sync.Pool

// filePool holds buffers of whole files (*[]byte), emptied.
var filePool sync.Pool

// newPageBuffer returns an empty buffer with room for at least room bytes.
func newPageBuffer(room int) *bytes.Buffer {
	if b, ok := pagePool.Get().(*bytes.Buffer); ok {
		b.Grow(room)
		return b
	}
	return bytes.NewBuffer(make([]byte, 0, room))
}

// growFile gives the file buffer room for at least room more bytes, from a
// pooled buffer when one is large enough.
func (f *Fpdf) growFile(room int) {
	if f.buffer.Cap()-f.buffer.Len() >= room {
		return
	}
	if p, ok := filePool.Get().(*[]byte); ok {
		if cap(*p) >= f.buffer.Len()+room {
			b := append((*p)[:0], f.buffer.Bytes()...)
			f.buffer.Buffer = *bytes.NewBuffer(b)
			return
		}
		// Too small: dropped, so that the larger buffer this document makes
		// is the one handed on.
	}
	f.buffer.Grow(room)
}

// Release hands f's buffers on to the documents drawn after it. The bytes that
// OutputBytes returned belong to them from then on, so neither those bytes nor
// f may be used after Release.
func (f *Fpdf) Release() {
	for _, pg := range f.pages[1:] {
		pg.Reset()
		pagePool.Put(pg)
	}
	f.pages = nil
	if f.buffer.Cap() > 0 {
		b := f.buffer.Bytes()[:0]
		filePool.Put(&b)
	}
	f.buffer = fmtBuffer{}
}
