package pdftag

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// file is a PDF as fpdf v0.9.0 writes it (fpdf.go, enddoc): a header line, the
// objects one after another, each "n 0 obj" ... "endobj", one cross-reference
// table of one subsection from object 0, a trailer with /Size, /Root and /Info,
// "startxref" and "%%EOF". Nothing else is accepted, so that a change in what
// fpdf writes fails loudly here instead of making a broken file.
type file struct {
	src        []byte
	header     int    // src[:header] is the header line
	spans      []span // by object number; spans[0] is unused
	order      []int  // object numbers in the order they are in the file
	xref       int    // offset of the cross-reference table
	root, info int    // object numbers of the catalog and the information dictionary
}

// span is where an object is in the file, from "n 0 obj" to "endobj\n".
type span struct{ start, end int }

const (
	xrefEntryLen = 20 // "0000000009 00000 n \n"
	endobj       = "endobj\n"
	eof          = "%%EOF\n"
)

var errTruncated = errors.New("the file is truncated: it does not end with startxref and %%EOF")

// readFile reads the cross-reference table and trailer of src and finds every
// object by its offset; the objects themselves are parsed only when asked for.
func readFile(src []byte) (*file, error) {
	f := &file{src: src}
	if !bytes.HasPrefix(src, []byte("%PDF-1.")) {
		return nil, errors.New("not a PDF file: no %PDF-1.x header")
	}
	f.header = bytes.IndexByte(src, '\n') + 1
	if f.header == 0 || f.header > 16 {
		return nil, errors.New("not a PDF file as fpdf writes it: bad header line")
	}
	// fpdf writes no second comment line of binary bytes; Apply does, and
	// reading it too lets the tests read what Apply wrote.
	if f.header < len(src) && src[f.header] == '%' {
		nl := bytes.IndexByte(src[f.header:min(len(src), f.header+16)], '\n')
		if nl < 0 {
			return nil, errors.New("not a PDF file as fpdf writes it: bad comment after the header")
		}
		f.header += nl + 1
	}
	// The tail: "startxref\n<offset>\n%%EOF\n".
	if !bytes.HasSuffix(src, []byte(eof)) {
		return nil, errTruncated
	}
	tailFrom := max(0, len(src)-40)
	sx := bytes.LastIndex(src[tailFrom:], []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, errTruncated
	}
	sx += tailFrom + 1 // at "startxref"
	num := src[sx+len("startxref\n") : len(src)-len(eof)]
	xref, err := strconv.Atoi(string(bytes.TrimSuffix(num, []byte("\n"))))
	if err != nil || !bytes.HasSuffix(num, []byte("\n")) || xref < f.header || xref >= sx {
		return nil, fmt.Errorf("startxref %q is not an offset in the file", num)
	}
	f.xref = xref
	if err := f.readXref(sx); err != nil {
		return nil, err
	}
	return f, f.checkSpans()
}

// readXref reads the table at f.xref and the trailer that ends at sx.
func (f *file) readXref(sx int) error {
	src := f.src
	p := f.xref
	if !bytes.HasPrefix(src[p:], []byte("xref\n0 ")) {
		if bytes.HasPrefix(src[p:], []byte("xref")) {
			return fmt.Errorf("unknown cross-reference form at offset %d: not one subsection from object 0", p)
		}
		return fmt.Errorf("unknown cross-reference form at offset %d: no xref table (a cross-reference stream?)", p)
	}
	p += len("xref\n0 ")
	nl := bytes.IndexByte(src[p:sx], '\n')
	if nl < 0 {
		return errTruncated
	}
	size, err := strconv.Atoi(string(src[p : p+nl]))
	if err != nil || size < 2 {
		return fmt.Errorf("unknown cross-reference form at offset %d: bad subsection size %q", p, src[p:p+nl])
	}
	p += nl + 1
	if size > (sx-p)/xrefEntryLen {
		return fmt.Errorf("cross-reference table of %d entries does not fit in the file", size)
	}
	f.spans = make([]span, size)
	for i := 0; i < size; i++ {
		e := src[p : p+xrefEntryLen]
		p += xrefEntryLen
		off, ok := xrefEntry(e, i == 0)
		if !ok {
			return fmt.Errorf("cross-reference entry %d %q is not as fpdf writes it", i, e)
		}
		f.spans[i].start = off
	}
	if !bytes.HasPrefix(src[p:], []byte("trailer\n")) {
		return fmt.Errorf("no trailer after the cross-reference table at offset %d", p)
	}
	l := lexer{src: src, pos: p + len("trailer\n"), end: sx, keep: 1}
	t, err := l.value(0)
	if err != nil {
		return fmt.Errorf("trailer: %w", err)
	}
	if l.skipSpace(); t.kind != kDict || l.pos != sx {
		return fmt.Errorf("trailer at offset %d is not one dictionary before startxref", p)
	}
	for _, e := range t.ents {
		switch e.key {
		case "Size":
			if e.val.kind != kInt || e.val.num != size {
				return fmt.Errorf("trailer /Size is not the %d entries of the cross-reference table", size)
			}
		case "Root", "Info":
			if e.val.kind != kRef || e.val.num >= size {
				return fmt.Errorf("trailer /%s is not a reference to an object in the file", e.key)
			}
			if e.key == "Root" {
				f.root = e.val.num
			} else {
				f.info = e.val.num
			}
		case "Encrypt":
			return errors.New("encrypted PDF files are not supported")
		default:
			return fmt.Errorf("trailer has /%s, which fpdf does not write", e.key)
		}
	}
	if f.root == 0 {
		return errors.New("trailer has no /Root")
	}
	return nil
}

// xrefEntry reads "oooooooooo ggggg n \n"; the first entry must be the head of
// the free list, "0000000000 65535 f \n", and fpdf writes no other free entry.
func xrefEntry(e []byte, first bool) (int, bool) {
	want := "00000 n \n"
	if first {
		want = "65535 f \n"
	}
	if e[10] != ' ' || string(e[11:]) != want {
		return 0, false
	}
	off := 0
	for _, c := range e[:10] {
		if c < '0' || c > '9' {
			return 0, false
		}
		off = off*10 + int(c-'0')
	}
	return off, !first || off == 0
}

// checkSpans orders the objects by offset and checks that they fill the file
// from the header to the cross-reference table, one after another, each "n 0
// obj" ... "endobj". An object's end is the next one's offset: streams may hold
// any bytes, so the file is never searched for keywords.
func (f *file) checkSpans() error {
	n := len(f.spans)
	f.order = make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		f.order = append(f.order, i)
	}
	slices.SortFunc(f.order, func(a, b int) int { return f.spans[a].start - f.spans[b].start })
	at := f.header
	for k, i := range f.order {
		s := &f.spans[i]
		if s.start != at {
			return fmt.Errorf("object %d at offset %d: expected an object at offset %d (objects must follow each other)", i, s.start, at)
		}
		s.end = f.xref
		if k+1 < len(f.order) {
			s.end = f.spans[f.order[k+1]].start
		}
		var buf [24]byte
		head := appendObjHeader(buf[:0], i)
		obj := f.src[s.start:s.end]
		if !bytes.HasPrefix(obj, head) || !bytes.HasSuffix(obj, []byte(endobj)) || len(obj) < len(head)+len(endobj) {
			return fmt.Errorf("object %d at offset %d does not start with %q and end with %q", i, s.start, bytes.TrimSpace(head), "endobj")
		}
		at = s.end
	}
	if at != f.xref {
		return fmt.Errorf("%d bytes between the last object and the cross-reference table", f.xref-at)
	}
	return nil
}

// appendObjHeader appends "n 0 obj\n".
func appendObjHeader(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 obj\n"...)
}

// object parses object n, which must not be a stream.
func (f *file) object(n int) (value, error) {
	if n <= 0 || n >= len(f.spans) {
		return value{}, fmt.Errorf("no object %d in the file", n)
	}
	s := f.spans[n]
	var buf [24]byte
	l := lexer{src: f.src, pos: s.start + len(appendObjHeader(buf[:0], n)), end: s.end - len(endobj), keep: 3}
	v, err := l.value(0)
	if err != nil {
		return value{}, fmt.Errorf("object %d: %w", n, err)
	}
	if l.skipSpace(); l.pos != l.end {
		return value{}, fmt.Errorf("object %d at offset %d: more than one object before endobj (a stream?)", n, s.start)
	}
	return v, nil
}

// dict parses object n, which must be a dictionary with /Type /typ when typ is given.
func (f *file) dict(n int, typ string) (value, error) {
	v, err := f.object(n)
	if err != nil {
		return value{}, err
	}
	if v.kind != kDict {
		return value{}, fmt.Errorf("object %d is not a dictionary", n)
	}
	if typ != "" {
		if t, _ := v.get("Type"); t.kind != kName || t.name != typ {
			return value{}, fmt.Errorf("object %d is not a /Type /%s dictionary", n, typ)
		}
	}
	return v, nil
}

// raw is the source text of a parsed value.
func (f *file) raw(v value) []byte { return f.src[v.start:v.end] }
