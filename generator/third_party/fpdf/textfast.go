// lifeplan patch (see LIFEPLAN.md, patch 6): Text writes the common case, UTF-8
// text without underline, strike-out or right-to-left order, straight into the
// page, without fmt and without the intermediate strings; so does SetFont.

package fpdf

// textFast is Text for a UTF-8 font on a page, with no underline, strike-out or
// RTL: the same bytes as Text's general path ("BT x y Td (…) Tj ET", inside
// "q colour … Q" when a text colour is set), made with one reused buffer.
func (f *Fpdf) textFast(x, y float64, txtStr string) {
	b := f.textBuf[:0]
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendFixed2(b, x*f.k)
	b = append(b, ' ')
	b = appendFixed2(b, (f.h-y)*f.k)
	b = append(b, " Td ("...)
	b = appendEscapedUTF16(b, txtStr)
	b = append(b, ") Tj ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	f.pages[f.page].Write(b)
	f.textBuf = b

	used, latin1 := f.currentFont.usedRunes, f.currentFont.latin1Used
	for _, uni := range txtStr {
		if latin1 != nil && uni < 0x100 {
			// Most text is Latin-1: a bit says the rune is in the map already,
			// where a map lookup for every character cost a third of Text.
			if latin1[uni>>6]&(1<<(uni&63)) != 0 {
				continue
			}
			latin1[uni>>6] |= 1 << (uni & 63)
		}
		if v, ok := used[int(uni)]; !ok || v != int(uni) {
			used[int(uni)] = int(uni) // a map write costs more than a read
		}
	}
}

// outFontSelect writes what SetFont wrote with outf("BT /F%s %.2f Tf ET",
// f.currentFont.i, f.fontSizePt), without fmt.
func (f *Fpdf) outFontSelect() {
	b := append(f.textBuf[:0], "BT /F"...)
	b = append(b, f.currentFont.i...)
	b = append(b, ' ')
	b = appendFixed2(b, f.fontSizePt)
	b = append(b, " Tf ET\n"...)
	if f.state == 2 {
		f.pages[f.page].Write(b)
	} else {
		f.buffer.Write(b)
	}
	f.textBuf = b
}

// appendEscapedUTF16 appends s as UTF-16BE (as utf8toutf16 converts it: one,
// two and three-byte sequences) with escape's escapes applied to the bytes.
func appendEscapedUTF16(b []byte, s string) []byte {
	put := func(b []byte, c byte) []byte {
		switch c {
		case '\\', '(', ')':
			return append(b, '\\', c)
		case '\r':
			return append(b, '\\', 'r')
		}
		return append(b, c)
	}
	nb := len(s)
	for i := 0; i < nb; {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			c2, c3 := s[i], s[i+1]
			i += 2
			b = put(b, ((c1&0x0F)<<4)+((c2&0x3C)>>2))
			b = put(b, ((c2&0x03)<<6)+(c3&0x3F))
		case c1 >= 192:
			c2 := s[i]
			i++
			b = put(b, (c1&0x1C)>>2)
			b = put(b, ((c1&0x03)<<6)+(c2&0x3F))
		default:
			b = append(b, 0)
			b = put(b, c1)
		}
	}
	return b
}

// OutputBytes closes the document and returns its bytes, without the copy that
// Output makes into a writer: the slice is the document's own buffer, so the
// Fpdf must not be used afterwards (lifeplan patch 7).
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	return f.buffer.Bytes(), nil
}
