package testtools

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// MissingGlyphs reads a PDF as fpdf writes it and describes every character drawn
// with a glyph the font has not got: one that maps to glyph 0 (.notdef, the empty
// box) or past the end of the embedded font program. Text extraction cannot see
// these, since the ToUnicode map still gives the letter back while the reader sees
// a box.
//
// It reads the font programs embedded as Type0 fonts over CIDFontType2 (FontFile2,
// CIDToGIDMap, ToUnicode; streams plain or FlateDecode), and the text shown by Tj,
// TJ, ' and " under each Tf in every page's content streams and the form XObjects
// they draw, with literal or hex strings. Each description names the page, the
// font and the character, with how many times it was drawn, in order of first
// appearance. Text in a font it cannot check (one not embedded as a CIDFontType2)
// is an error, not a pass.
func MissingGlyphs(pdf []byte) ([]string, error) {
	d, err := parsePDF(pdf)
	if err != nil {
		return nil, err
	}
	pages, err := d.pages()
	if err != nil {
		return nil, err
	}
	c := &glyphCheck{doc: d, fonts: map[pdfRef]*cidFont{}, counts: map[string]int{}}
	for i, pg := range pages {
		c.page = i + 1
		content, err := d.contents(pg.dict["Contents"])
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", c.page, err)
		}
		if err := c.run(content, pg.resources, 0); err != nil {
			return nil, fmt.Errorf("page %d: %w", c.page, err)
		}
	}
	out := make([]string, len(c.order))
	for i, key := range c.order {
		times := "times"
		if c.counts[key] == 1 {
			times = "time"
		}
		out[i] = fmt.Sprintf("%s, %d %s", key, c.counts[key], times)
	}
	return out, nil
}

// cidFont is what a glyph check needs of one font.
type cidFont struct {
	name      string // BaseFont, e.g. utf8AtkinsonHyperlegibleNext-Bold
	identity  bool   // CIDToGIDMap /Identity
	cidToGID  []byte // two bytes per CID
	numGlyphs int    // from the font program's maxp table
	toUnicode map[int]rune
}

func (f *cidFont) glyph(cid int) int {
	if f.identity {
		return cid
	}
	if 2*cid+1 >= len(f.cidToGID) {
		return 0
	}
	return int(binary.BigEndian.Uint16(f.cidToGID[2*cid:]))
}

type glyphCheck struct {
	doc    *pdfDoc
	fonts  map[pdfRef]*cidFont
	page   int
	order  []string
	counts map[string]int
}

func (c *glyphCheck) report(key string) {
	if c.counts[key] == 0 {
		c.order = append(c.order, key)
	}
	c.counts[key]++
}

// run interprets one content stream with its resources.
func (c *glyphCheck) run(content []byte, resources pdfDict, depth int) error {
	if depth > 8 {
		return errors.New("form XObjects nested too deeply")
	}
	type state struct {
		font     *cidFont
		fontName string
	}
	var cur state
	var saved []state
	var operands []any
	lx := &lexer{src: content}
	for {
		tok, err := lx.object()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("content stream: %w", err)
		}
		op, isOp := tok.(pdfKeyword)
		if !isOp {
			operands = append(operands, tok)
			continue
		}
		switch op {
		case "q":
			saved = append(saved, cur)
		case "Q":
			if n := len(saved); n > 0 {
				cur, saved = saved[n-1], saved[:n-1]
			}
		case "Tf":
			if len(operands) < 2 {
				return errors.New("Tf without a font name")
			}
			name, ok := operands[len(operands)-2].(pdfName)
			if !ok {
				return errors.New("Tf without a font name")
			}
			f, err := c.font(resources, string(name))
			if err != nil {
				return err
			}
			cur = state{f, string(name)}
		case "Tj", "'", "\"", "TJ":
			if len(operands) == 0 {
				return fmt.Errorf("%s without a string", op)
			}
			var strs []pdfString
			switch x := operands[len(operands)-1].(type) {
			case pdfString:
				strs = append(strs, x)
			case pdfArray:
				for _, e := range x {
					if s, ok := e.(pdfString); ok {
						strs = append(strs, s)
					}
				}
			}
			for _, s := range strs {
				if cur.font == nil {
					return fmt.Errorf("text shown with no font selected, or in font /%s, which is not an embedded TrueType (CIDFontType2) font and cannot be checked", cur.fontName)
				}
				c.check(cur.font, s)
			}
		case "BI":
			lx.skipInlineImage()
		case "Do":
			if len(operands) > 0 {
				if name, ok := operands[len(operands)-1].(pdfName); ok {
					if err := c.form(resources, string(name), depth); err != nil {
						return err
					}
				}
			}
		}
		operands = operands[:0]
	}
}

// check looks up every two-byte code of a string shown in an Identity-H font.
func (c *glyphCheck) check(f *cidFont, s pdfString) {
	drawn := func(g int) bool { return g != 0 && g < f.numGlyphs }
	for i := 0; i+1 < len(s); i += 2 {
		cid := int(s[i])<<8 | int(s[i+1])
		g := f.glyph(cid)
		ok := drawn(g)
		r, named := f.toUnicode[cid]
		// fpdf draws a character beyond the BMP as the two codes of its UTF-16
		// surrogate pair: report it as one character.
		if utf16.IsSurrogate(r) && i+3 < len(s) {
			low := int(s[i+2])<<8 | int(s[i+3])
			if pair := utf16.DecodeRune(r, f.toUnicode[low]); pair != '\uFFFD' {
				ok = ok && drawn(f.glyph(low))
				r = pair
				i += 2
			}
		}
		if ok {
			continue
		}
		what := fmt.Sprintf("CID %d", cid)
		if named {
			what = fmt.Sprintf("%q U+%04X", r, r)
		}
		why := "glyph 0 (.notdef)"
		if g != 0 {
			why = fmt.Sprintf("glyph %d, past the %d glyphs of the font", g, f.numGlyphs)
		}
		c.report(fmt.Sprintf("page %d: %s in %s is drawn as %s", c.page, what, f.name, why))
	}
}

// font loads the font a resource name refers to; nil (no error) for a font that
// is not a CIDFontType2, so that text shown in it is reported where it is shown.
func (c *glyphCheck) font(resources pdfDict, name string) (*cidFont, error) {
	fonts, _ := c.doc.resolve(resources["Font"]).(pdfDict)
	ref, ok := fonts[name].(pdfRef)
	if !ok {
		if fonts[name] == nil {
			return nil, fmt.Errorf("Tf names font /%s, which the page's resources do not have", name)
		}
		return nil, nil
	}
	if f, seen := c.fonts[ref]; seen {
		return f, nil
	}
	f, err := c.doc.cidFont(ref)
	if err != nil {
		return nil, fmt.Errorf("font /%s: %w", name, err)
	}
	c.fonts[ref] = f
	return f, nil
}

// form runs a form XObject's content stream; images and others are skipped.
func (c *glyphCheck) form(resources pdfDict, name string, depth int) error {
	xobjects, _ := c.doc.resolve(resources["XObject"]).(pdfDict)
	st, ok := c.doc.resolve(xobjects[name]).(*pdfStream)
	if !ok || st.dict["Subtype"] != pdfName("Form") {
		return nil
	}
	data, err := st.decode()
	if err != nil {
		return fmt.Errorf("form /%s: %w", name, err)
	}
	res, ok := c.doc.resolve(st.dict["Resources"]).(pdfDict)
	if !ok {
		res = resources
	}
	return c.run(data, res, depth+1)
}

// cidFont reads a Type0 font, its CIDFontType2 descendant and its font program.
// It returns nil for any other kind of font.
func (d *pdfDoc) cidFont(ref pdfRef) (*cidFont, error) {
	top, ok := d.resolve(ref).(pdfDict)
	if !ok {
		return nil, errors.New("not a font dictionary")
	}
	if top["Subtype"] != pdfName("Type0") {
		return nil, nil
	}
	desc, _ := d.resolve(top["DescendantFonts"]).(pdfArray)
	if len(desc) != 1 {
		return nil, errors.New("Type0 font without one descendant font")
	}
	cf, ok := d.resolve(desc[0]).(pdfDict)
	if !ok || cf["Subtype"] != pdfName("CIDFontType2") {
		return nil, nil
	}
	name, _ := top["BaseFont"].(pdfName)
	f := &cidFont{name: string(name)}
	switch m := d.resolve(cf["CIDToGIDMap"]).(type) {
	case pdfName:
		f.identity = m == "Identity"
	case *pdfStream:
		data, err := m.decode()
		if err != nil {
			return nil, fmt.Errorf("CIDToGIDMap: %w", err)
		}
		f.cidToGID = data
	case nil:
		f.identity = true // the default, PDF 32000-1:2008 table 117
	}
	fd, _ := d.resolve(cf["FontDescriptor"]).(pdfDict)
	prog, ok := d.resolve(fd["FontFile2"]).(*pdfStream)
	if !ok {
		return nil, fmt.Errorf("%s: no embedded font program (FontFile2)", name)
	}
	ttf, err := prog.decode()
	if err != nil {
		return nil, fmt.Errorf("%s: FontFile2: %w", name, err)
	}
	if f.numGlyphs, err = ttfNumGlyphs(ttf); err != nil {
		return nil, fmt.Errorf("%s: FontFile2: %w", name, err)
	}
	if tu, ok := d.resolve(top["ToUnicode"]).(*pdfStream); ok {
		data, err := tu.decode()
		if err != nil {
			return nil, fmt.Errorf("%s: ToUnicode: %w", name, err)
		}
		f.toUnicode = parseToUnicode(data)
	}
	return f, nil
}

// ttfNumGlyphs reads numGlyphs from a TrueType font's maxp table.
func ttfNumGlyphs(ttf []byte) (int, error) {
	if len(ttf) < 12 {
		return 0, errors.New("too short for a TrueType font")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			break
		}
		if string(ttf[rec:rec+4]) == "maxp" {
			off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
			if off+6 > len(ttf) {
				break
			}
			return int(binary.BigEndian.Uint16(ttf[off+4:])), nil
		}
	}
	return 0, errors.New("no maxp table")
}

var (
	bfchar  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	bfrange = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	section = regexp.MustCompile(`(?s)begin(bfchar|bfrange)(.*?)end(bfchar|bfrange)`)
)

// parseToUnicode reads the single-character entries of a ToUnicode CMap: enough
// to name the characters a check reports. fpdf writes one identity range.
func parseToUnicode(data []byte) map[int]rune {
	m := map[int]rune{}
	hex := func(s []byte) int { v, _ := strconv.ParseUint(string(s), 16, 32); return int(v) }
	for _, sec := range section.FindAllSubmatch(data, -1) {
		if string(sec[1]) == "bfrange" {
			for _, e := range bfrange.FindAllSubmatch(sec[2], -1) {
				lo, hi, dst := hex(e[1]), hex(e[2]), hex(e[3])
				for c := lo; c <= hi && c-lo <= 0xFFFF; c++ {
					m[c] = rune(dst + c - lo)
				}
			}
			continue
		}
		for _, e := range bfchar.FindAllSubmatch(sec[2], -1) {
			dst := e[2]
			if len(dst) == 8 { // a surrogate pair
				m[hex(e[1])] = utf16.DecodeRune(rune(hex(dst[:4])), rune(hex(dst[4:])))
			} else {
				m[hex(e[1])] = rune(hex(dst))
			}
		}
	}
	return m
}

// A small reader for the PDF that fpdf writes: indirect objects one after another,
// a classic xref table and trailer, streams plain or FlateDecode. Objects written
// later (an incremental update, or a post-processor appending) replace earlier ones.

type (
	pdfName    string
	pdfKeyword string
	pdfString  []byte
	pdfArray   []any
	pdfDict    map[string]any
	pdfRef     struct{ num, gen int }
	pdfStream  struct {
		dict pdfDict
		raw  []byte
	}
)

type pdfDoc struct {
	objects map[int]any
	trailer pdfDict
}

var objHeader = regexp.MustCompile(`(?m)(?:^|[\r\n ])(\d+)\s+(\d+)\s+obj\b`)

func parsePDF(data []byte) (*pdfDoc, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF (no %PDF- header)")
	}
	d := &pdfDoc{objects: map[int]any{}}
	pos := 0
	for {
		loc := objHeader.FindSubmatchIndex(data[pos:])
		if loc == nil {
			break
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		lx := &lexer{src: data, pos: pos + loc[1]}
		obj, err := lx.object()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		if dict, ok := obj.(pdfDict); ok && lx.keyword("stream") {
			raw, err := lx.streamData(dict)
			if err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			obj = &pdfStream{dict: dict, raw: raw}
		}
		d.objects[num] = obj
		pos = lx.pos
	}
	if len(d.objects) == 0 {
		return nil, errors.New("no objects found")
	}
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		lx := &lexer{src: data, pos: i + len("trailer")}
		if t, err := lx.object(); err == nil {
			d.trailer, _ = t.(pdfDict)
		}
	}
	if d.trailer == nil {
		return nil, errors.New("no trailer dictionary (an xref stream, which fpdf does not write?)")
	}
	return d, nil
}

func (d *pdfDoc) resolve(v any) any {
	for range 16 {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		v = d.objects[r.num]
	}
	return nil
}

type pdfPage struct {
	dict      pdfDict
	resources pdfDict
}

// pages walks the page tree from the catalog, in page order, passing inherited
// resources down.
func (d *pdfDoc) pages() ([]pdfPage, error) {
	root, ok := d.resolve(d.trailer["Root"]).(pdfDict)
	if !ok {
		return nil, errors.New("no document catalog (/Root)")
	}
	var out []pdfPage
	var walk func(node any, inherited pdfDict, depth int) error
	walk = func(node any, inherited pdfDict, depth int) error {
		if depth > 32 {
			return errors.New("page tree too deep")
		}
		n, ok := d.resolve(node).(pdfDict)
		if !ok {
			return errors.New("page tree node is not a dictionary")
		}
		if res, ok := d.resolve(n["Resources"]).(pdfDict); ok {
			inherited = res
		}
		switch n["Type"] {
		case pdfName("Page"):
			out = append(out, pdfPage{n, inherited})
			return nil
		case pdfName("Pages"):
			kids, _ := d.resolve(n["Kids"]).(pdfArray)
			for _, k := range kids {
				if err := walk(k, inherited, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		return fmt.Errorf("page tree node of type %v", n["Type"])
	}
	if err := walk(root["Pages"], nil, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// contents decodes a page's content streams, joined as one.
func (d *pdfDoc) contents(v any) ([]byte, error) {
	var parts []any
	switch x := d.resolve(v).(type) {
	case *pdfStream:
		parts = []any{x}
	case pdfArray:
		parts = x
	case nil:
		return nil, nil
	}
	var all []byte
	for _, p := range parts {
		st, ok := d.resolve(p).(*pdfStream)
		if !ok {
			return nil, errors.New("page contents are not a stream")
		}
		data, err := st.decode()
		if err != nil {
			return nil, fmt.Errorf("contents: %w", err)
		}
		all = append(append(all, data...), '\n')
	}
	return all, nil
}

// decode applies the stream's filter: none or FlateDecode, which is all fpdf uses.
func (s *pdfStream) decode() ([]byte, error) {
	var filters []any
	switch f := s.dict["Filter"].(type) {
	case nil:
	case pdfName:
		filters = []any{f}
	case pdfArray:
		filters = f
	}
	data := s.raw
	for _, f := range filters {
		if f != pdfName("FlateDecode") {
			return nil, fmt.Errorf("stream filter %v, which fpdf does not write", f)
		}
		if _, ok := s.dict["DecodeParms"]; ok {
			return nil, errors.New("FlateDecode with DecodeParms, which fpdf does not write")
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("FlateDecode: %w", err)
		}
		out, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("FlateDecode: %w", err)
		}
		data = out
	}
	return data, nil
}

// lexer reads PDF objects from file or content-stream syntax.
type lexer struct {
	src []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// keyword consumes kw if it comes next.
func (l *lexer) keyword(kw string) bool {
	l.skipSpace()
	if bytes.HasPrefix(l.src[l.pos:], []byte(kw)) {
		l.pos += len(kw)
		return true
	}
	return false
}

func (l *lexer) regular() []byte {
	start := l.pos
	for l.pos < len(l.src) && !isSpace(l.src[l.pos]) && !isDelim(l.src[l.pos]) {
		l.pos++
	}
	return l.src[start:l.pos]
}

// object reads one object; in file syntax "N G R" becomes a reference. Keywords
// (operators, endobj, true, false, null) come back as pdfKeyword, but true, false
// and null are values.
func (l *lexer) object() (any, error) {
	l.skipSpace()
	if l.pos >= len(l.src) {
		return nil, io.EOF
	}
	c := l.src[l.pos]
	switch {
	case c == '/':
		l.pos++
		return pdfName(l.regular()), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '<':
		l.pos += 2
		dict := pdfDict{}
		for {
			if l.keyword(">>") {
				return dict, nil
			}
			k, err := l.object()
			if err != nil {
				return nil, err
			}
			name, ok := k.(pdfName)
			if !ok {
				return nil, fmt.Errorf("dictionary key %v is not a name", k)
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			dict[string(name)] = v
		}
	case c == '<':
		return l.hex()
	case c == '[':
		l.pos++
		var arr pdfArray
		for {
			if l.keyword("]") {
				return arr, nil
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		return nil, fmt.Errorf("unexpected %q at byte %d", c, l.pos)
	}
	word := l.regular()
	if len(word) == 0 {
		return nil, fmt.Errorf("unexpected %q at byte %d", c, l.pos)
	}
	if n, err := strconv.ParseFloat(string(word), 64); err == nil && (word[0] >= '0' && word[0] <= '9' || word[0] == '-' || word[0] == '+' || word[0] == '.') {
		return n, nil
	}
	switch string(word) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return pdfKeyword(word), nil
}

// value reads an object where "N G R" may stand for a reference.
func (l *lexer) value() (any, error) {
	v, err := l.object()
	if err != nil {
		return nil, err
	}
	num, ok := v.(float64)
	if !ok {
		return v, nil
	}
	save := l.pos
	if g, err := l.object(); err == nil {
		if gen, ok := g.(float64); ok {
			if r, err := l.object(); err == nil && r == pdfKeyword("R") {
				return pdfRef{int(num), int(gen)}, nil
			}
		}
	}
	l.pos = save
	return num, nil
}

func (l *lexer) literal() (pdfString, error) {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out, nil
			}
		case '\\':
			if l.pos >= len(l.src) {
				return nil, errors.New("unterminated string")
			}
			e := l.src[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.src) && l.src[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.src) && l.src[l.pos] >= '0' && l.src[l.pos] <= '7'; k++ {
						v = v*8 + int(l.src[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and any other escaped byte stand for themselves
				}
			}
		}
		out = append(out, c)
	}
	return nil, errors.New("unterminated string")
}

func (l *lexer) hex() (pdfString, error) {
	end := bytes.IndexByte(l.src[l.pos:], '>')
	if end < 0 {
		return nil, errors.New("unterminated hex string")
	}
	var digits []byte
	for _, c := range l.src[l.pos+1 : l.pos+end] {
		if !isSpace(c) {
			digits = append(digits, c)
		}
	}
	l.pos += end + 1
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, fmt.Errorf("bad hex string: %w", err)
		}
		out[i] = byte(v)
	}
	return out, nil
}

// streamData reads the bytes of a stream whose keyword was just read: /Length
// bytes when that is a direct number that lands on endstream, else up to endstream.
func (l *lexer) streamData(dict pdfDict) ([]byte, error) {
	if l.pos < len(l.src) && l.src[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(l.src) && l.src[l.pos] == '\n' {
		l.pos++
	}
	start := l.pos
	if n, ok := dict["Length"].(float64); ok && n >= 0 && start+int(n) <= len(l.src) {
		end := start + int(n)
		l.pos = end
		if l.keyword("endstream") {
			return l.src[start:end], nil
		}
	}
	// An indirect /Length, or one that does not land on endstream.
	i := bytes.Index(l.src[start:], []byte("endstream"))
	if i < 0 {
		return nil, errors.New("stream without endstream")
	}
	l.pos = start + i + len("endstream")
	return bytes.TrimRight(l.src[start:start+i], "\r\n"), nil
}

// skipInlineImage skips BI ... ID <data> EI.
func (l *lexer) skipInlineImage() {
	if i := bytes.Index(l.src[l.pos:], []byte("ID")); i >= 0 {
		l.pos += i + 2
	}
	for l.pos < len(l.src) {
		i := bytes.Index(l.src[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.src)
			return
		}
		l.pos += i + 2
		if i > 0 && isSpace(l.src[l.pos-3]) && (l.pos == len(l.src) || isSpace(l.src[l.pos])) {
			return
		}
	}
}
