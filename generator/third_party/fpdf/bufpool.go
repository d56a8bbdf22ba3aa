package fpdf

import "bytes"

// lifeplan patch 9: a document's buffers are handed on to the next document.
//
// A batch draws thousands of documents one after another. Each had its own page
// buffers and its own buffer for the whole file, hundreds of kilobytes that the
// runtime had to find, clear and collect again: some 3 MB a plan, a tenth of
// everything a plan allocated. Release puts them in these pools, and the next
// document takes them from there.

// The pools are channels, not sync.Pools: the collector empties a sync.Pool at
// each cycle, which in a batch comes every plan or two, and most documents
// found it empty. They hold at most what two long documents drawn at once
// leave: some 100 pages of 10 KB, and four files of up to a megabyte.

// pagePool holds page content buffers, emptied.
var pagePool = make(chan *bytes.Buffer, 128)

// filePool holds buffers of whole files, emptied.
var filePool = make(chan []byte, 4)

// newPageBuffer returns an empty buffer with room for at least room bytes.
func newPageBuffer(room int) *bytes.Buffer {
	select {
	case b := <-pagePool:
		b.Grow(room)
		return b
	default:
		return bytes.NewBuffer(make([]byte, 0, room))
	}
}

// growFile gives the file buffer room for at least room more bytes, from a
// pooled buffer when one is large enough.
func (f *Fpdf) growFile(room int) {
	if f.buffer.Cap()-f.buffer.Len() >= room {
		return
	}
	select {
	case p := <-filePool:
		if cap(p) >= f.buffer.Len()+room {
			f.buffer.Buffer = *bytes.NewBuffer(append(p[:0], f.buffer.Bytes()...))
			return
		}
		// Too small: dropped, so that the larger buffer this document makes
		// is the one handed on.
	default:
	}
	f.buffer.Grow(room)
}

// Release hands f's buffers on to the documents drawn after it. The bytes that
// OutputBytes returned belong to them from then on, so neither those bytes nor
// f may be used after Release.
func (f *Fpdf) Release() {
	if len(f.pages) == 0 {
		return // released already
	}
	for _, pg := range f.pages[1:] {
		pg.Reset()
		select {
		case pagePool <- pg:
		default:
		}
	}
	f.pages = nil
	if f.buffer.Cap() > 0 {
		select {
		case filePool <- f.buffer.Bytes()[:0]:
		default:
		}
	}
	f.buffer = fmtBuffer{}
}
