package pdftag

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"unicode/utf16"
)

// header is the new file's header: PDF 1.7, the version PDF/UA-1 builds on
// (fpdf writes 1.3 unless a feature it uses needs more, and /Tabs, for one,
// is PDF 1.5), and the comment of bytes above 127 that tells file-transfer
// tools the file is binary (ISO 32000-1, 7.5.2).
const header = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"

// writer builds the new file.
type writer struct {
	out     []byte
	offsets []int // by object number
}

func (w *writer) begin(n int) {
	w.offsets[n] = len(w.out)
	w.out = appendObjHeader(w.out, n)
}

func (w *writer) end() { w.out = append(w.out, "\n"+endobj...) }

func (w *writer) ref(n int) { w.out = appendRef(w.out, n) }

func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}

// write makes the new file: every object of f in its order, the changed ones
// rewritten, then the new objects in the order buildTree numbered them, then a
// new cross-reference table and trailer.
func write(f *file, d *pdfDoc, t *tree, outline map[int][]byte, info Info) ([]byte, error) {
	repl := make([][]byte, len(f.spans)) // the new text of changed objects
	repl[f.root] = catalogDict(f, d, t, info)
	if f.info != 0 {
		extra := appendTextString([]byte("/Title "), info.Title)
		repl[f.info] = appendDict(nil, f, d.info, func(k string) bool { return k == "Title" }, extra)
	}
	for i, p := range d.pages {
		repl[p.obj] = pageDict(f, p, i, t)
	}
	for n, text := range outline {
		repl[n] = text // each object once: the order of the map does not matter
	}

	// Room for what is added: about 150 bytes per element and annotation.
	w := &writer{
		out:     make([]byte, 0, len(f.src)+2048+150*(len(t.elems)+t.nextKey)),
		offsets: make([]int, t.size),
	}
	w.out = append(w.out, header...)
	for _, n := range f.order {
		if repl[n] == nil {
			w.offsets[n] = len(w.out)
			s := f.spans[n]
			w.out = append(w.out, f.src[s.start:s.end]...)
			continue
		}
		w.begin(n)
		w.out = append(w.out, repl[n]...)
		w.end()
	}
	for i, p := range d.pages {
		for j, a := range p.annots {
			w.begin(t.annotObj[i][j])
			w.out = annotDict(w.out, f, a, t.annotKey[i][j], t.annotDesc[i][j])
			w.end()
		}
	}
	w.writeTreeRoot(d, t)
	for i, e := range t.elems {
		w.begin(e.obj)
		w.out = elemDict(w.out, d, t, e, t.parent[i])
		w.end()
	}
	w.begin(t.metadata)
	x := xmp(info)
	w.out = append(w.out, "<</Type /Metadata /Subtype /XML /Length "...)
	w.out = strconv.AppendInt(w.out, int64(len(x)), 10)
	w.out = append(w.out, ">>\nstream\n"...)
	w.out = append(w.out, x...)
	w.out = append(w.out, "\nendstream"...)
	w.end()
	w.xref(f)
	return w.out, nil
}

// catalogDict is the catalog with the entries of a tagged PDF (ISO 14289-1,
// 7.1 and 7.2): the structure tree, /MarkInfo, /Lang, /DisplayDocTitle and
// the XMP metadata.
func catalogDict(f *file, d *pdfDoc, t *tree, info Info) []byte {
	extra := appendTextString([]byte("/Lang "), info.Lang)
	extra = append(extra, "\n/StructTreeRoot "...)
	extra = appendRef(extra, t.structTreeRoot)
	extra = append(extra, "\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n/Metadata "...)
	extra = appendRef(extra, t.metadata)
	return appendDict(nil, f, d.catalog, func(k string) bool { return k == "Lang" }, extra)
}

// pageDict is page i with its annotations moved to objects of their own (an
// OBJR must refer to an indirect object), its key in the parent tree, and the
// tab order of the structure (ISO 14289-1, 7.18.3).
func pageDict(f *file, p page, i int, t *tree) []byte {
	var extra []byte
	if len(p.annots) > 0 {
		extra = append(extra, "/Annots ["...)
		for j, n := range t.annotObj[i] {
			if j > 0 {
				extra = append(extra, ' ')
			}
			extra = appendRef(extra, n)
		}
		extra = append(extra, "]\n"...)
	}
	extra = append(extra, "/StructParents "...)
	extra = strconv.AppendInt(extra, int64(i), 10)
	extra = append(extra, "\n/Tabs /S"...)
	return appendDict(nil, f, p.dict, func(k string) bool { return k == "Annots" }, extra)
}

// annotDict is a link annotation with its key in the parent tree and, when its
// Link element has one, its description.
func annotDict(b []byte, f *file, a value, key int, desc string) []byte {
	extra := strconv.AppendInt([]byte("/StructParent "), int64(key), 10)
	if desc != "" {
		extra = appendTextString(append(extra, "\n/Contents "...), desc)
	}
	return appendDict(b, f, a, func(k string) bool { return desc != "" && k == "Contents" }, extra)
}

// writeTreeRoot writes the structure tree root, the parent tree and the
// parent tree's array for each page (ISO 32000-1, 14.7.2 and 14.7.4.4).
func (w *writer) writeTreeRoot(d *pdfDoc, t *tree) {
	w.begin(t.structTreeRoot)
	w.out = append(w.out, "<</Type /StructTreeRoot\n/K "...)
	w.ref(t.elems[0].obj)
	w.out = append(w.out, "\n/ParentTree "...)
	w.ref(t.parentTree)
	w.out = append(w.out, "\n/ParentTreeNextKey "...)
	w.out = strconv.AppendInt(w.out, int64(t.nextKey), 10)
	w.out = append(w.out, ">>"...)
	w.end()

	// One node of the number tree: keys 0 to pages-1 are the pages (an
	// array of the owners of their MCIDs), the rest the link annotations.
	w.begin(t.parentTree)
	w.out = append(w.out, "<</Nums ["...)
	for i := range d.pages {
		if i > 0 {
			w.out = append(w.out, ' ')
		}
		w.out = strconv.AppendInt(w.out, int64(i), 10)
		w.out = append(w.out, ' ')
		w.ref(t.pageArrays + i)
	}
	for k, owner := range t.keyOwner {
		w.out = append(w.out, ' ')
		w.out = strconv.AppendInt(w.out, int64(len(d.pages)+k), 10)
		w.out = append(w.out, ' ')
		w.ref(owner)
	}
	w.out = append(w.out, "]>>"...)
	w.end()

	for i := range d.pages {
		w.begin(t.pageArrays + i)
		w.out = append(w.out, '[')
		for j, owner := range t.mcOwner[i] {
			if j > 0 {
				w.out = append(w.out, ' ')
			}
			if owner == 0 {
				w.out = append(w.out, "null"...)
			} else {
				w.ref(owner)
			}
		}
		w.out = append(w.out, ']')
		w.end()
	}
}

// elemDict is a structure element (ISO 32000-1, 14.7.2, table 323). Its /Pg
// is the page of its first marked content or annotation, and marked content on
// that page is written as a bare MCID.
func elemDict(b []byte, d *pdfDoc, t *tree, e *Elem, parent int) []byte {
	b = append(b, "<</Type /StructElem\n/S /"...)
	b = append(b, e.Role...)
	b = append(b, "\n/P "...)
	b = appendRef(b, parent)
	pg := -1
	for _, k := range e.Kids {
		if k.Elem == nil {
			pg = k.Page
			break
		}
	}
	if pg < 0 && e.BBox != nil {
		pg = e.BBox.Page
	}
	if pg >= 0 {
		b = append(b, "\n/Pg "...)
		b = appendRef(b, d.pages[pg].obj)
	}
	b = append(b, "\n/K ["...)
	for i, k := range e.Kids {
		if i > 0 {
			b = append(b, ' ')
		}
		switch {
		case k.Elem != nil:
			b = appendRef(b, k.Elem.obj)
		case k.Annot >= 0:
			b = append(b, "<</Type /OBJR /Obj "...)
			b = appendRef(b, t.annotObj[k.Page][k.Annot])
			b = append(b, " /Pg "...)
			b = appendRef(b, d.pages[k.Page].obj)
			b = append(b, ">>"...)
		case k.Page == pg:
			b = strconv.AppendInt(b, int64(k.MCID), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = appendRef(b, d.pages[k.Page].obj)
			b = append(b, " /MCID "...)
			b = strconv.AppendInt(b, int64(k.MCID), 10)
			b = append(b, ">>"...)
		}
	}
	b = append(b, ']')
	if e.Alt != "" && e.Role != "Link" {
		b = appendTextString(append(b, "\n/Alt "...), e.Alt)
	}
	if e.ActualText != "" {
		b = appendTextString(append(b, "\n/ActualText "...), e.ActualText)
	}
	if e.Lang != "" {
		b = appendTextString(append(b, "\n/Lang "...), e.Lang)
	}
	// Attributes (ISO 32000-1, 14.8.5): the scope of a header cell, the box of
	// a figure. Two owners make an array of two dictionaries.
	var attrs [][]byte
	if e.Scope != "" {
		attrs = append(attrs, append([]byte("<</O /Table /Scope /"), e.Scope+">>"...))
	}
	if bb := e.BBox; bb != nil {
		a := []byte("<</O /Layout /BBox [")
		for i, v := range [...]float64{bb.X0, bb.Y0, bb.X1, bb.Y1} {
			if i > 0 {
				a = append(a, ' ')
			}
			a = appendReal(a, v)
		}
		attrs = append(attrs, append(a, "]>>"...))
	}
	switch len(attrs) {
	case 1:
		b = append(append(b, "\n/A "...), attrs[0]...)
	case 2:
		b = append(append(b, "\n/A ["...), bytes.Join(attrs, []byte(" "))...)
		b = append(b, ']')
	}
	return append(b, ">>"...)
}

// xref writes the cross-reference table and the trailer.
func (w *writer) xref(f *file) {
	at := len(w.out)
	w.out = append(w.out, "xref\n0 "...)
	w.out = strconv.AppendInt(w.out, int64(len(w.offsets)), 10)
	w.out = append(w.out, "\n0000000000 65535 f \n"...)
	for _, off := range w.offsets[1:] {
		var e [xrefEntryLen]byte
		copy(e[:], "0000000000 00000 n \n")
		for i := 9; off > 0; i-- {
			e[i] = byte('0' + off%10)
			off /= 10
		}
		w.out = append(w.out, e[:]...)
	}
	w.out = append(w.out, "trailer\n<<\n/Size "...)
	w.out = strconv.AppendInt(w.out, int64(len(w.offsets)), 10)
	w.out = append(w.out, "\n/Root "...)
	w.ref(f.root)
	if f.info != 0 {
		w.out = append(w.out, "\n/Info "...)
		w.ref(f.info)
	}
	w.out = append(w.out, "\n>>\nstartxref\n"...)
	w.out = strconv.AppendInt(w.out, int64(at), 10)
	w.out = append(w.out, "\n"+eof...)
}

// appendDict writes dictionary d of f without the entries that drop names,
// each kept entry as it was written, then the entries in extra.
func appendDict(b []byte, f *file, d value, drop func(key string) bool, extra []byte) []byte {
	b = append(b, "<<"...)
	first := true
	for _, e := range d.ents {
		if drop(e.key) {
			continue
		}
		if !first {
			b = append(b, '\n')
		}
		first = false
		b = append(b, f.src[e.keyStart:e.val.end]...)
	}
	if len(extra) > 0 {
		if !first {
			b = append(b, '\n')
		}
		b = append(b, extra...)
	}
	return append(b, ">>"...)
}

// appendTextString writes s as a PDF text string (ISO 32000-1, 7.9.2.2):
// printable ASCII as a literal string, anything else as UTF-16BE with a byte
// order mark, in hexadecimal so that no byte of it can end the string.
func appendTextString(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	var units [2]uint16
	for _, r := range s {
		u := units[:1]
		if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
			units[0], units[1] = uint16(r1), uint16(r2)
			u = units[:2]
		} else {
			units[0] = uint16(r)
		}
		for _, c := range u {
			b = append(b, hex[c>>12], hex[c>>8&15], hex[c>>4&15], hex[c&15])
		}
	}
	return append(b, '>')
}

// appendReal writes v rounded to a hundredth of a point, without an exponent
// (PDF has none) and without trailing zeros.
func appendReal(b []byte, v float64) []byte {
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}

// xmp is the XMP metadata packet (ISO 16684-1) that PDF/UA-1 asks for: the
// title, the language and the PDF/UA identification (ISO 14289-1, 5 and 7.1).
func xmp(info Info) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
		"<dc:format>application/pdf</dc:format>\n" +
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
	_ = xml.EscapeText(&b, []byte(info.Title)) // a bytes.Buffer does not fail
	b.WriteString("</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag><rdf:li>")
	_ = xml.EscapeText(&b, []byte(info.Lang))
	b.WriteString("</rdf:li></rdf:Bag></dc:language>\n" +
		"<pdfuaid:part>1</pdfuaid:part>\n" +
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}
