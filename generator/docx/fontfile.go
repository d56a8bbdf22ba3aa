package docx

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// This file reads and writes TrueType files as far as embedding needs: which
// characters a face maps (its cmap), and a subset of a face that keeps only the
// glyphs a document uses. The format is Apple's and Microsoft's TrueType/OpenType
// specification (https://learn.microsoft.com/en-us/typography/opentype/spec/):
// the table directory ("otff"), cmap formats 4 and 12, loca and glyf (composite
// glyphs name their components), head.indexToLocFormat and checkSumAdjustment.

// sfnt is a parsed table directory: tag → table bytes (slices of the font).
type sfnt struct {
	tables map[string][]byte
}

func parseSFNT(b []byte) (*sfnt, error) {
	if len(b) < 12 {
		return nil, errors.New("font: too short")
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 { // 'true'
		return nil, fmt.Errorf("font: not TrueType outlines (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("font: table directory cut short")
	}
	f := &sfnt{tables: make(map[string][]byte, n)}
	for i := range n {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("font: table %q outside the file", rec[:4])
		}
		f.tables[string(rec[:4])] = b[off : off+size]
	}
	for _, tag := range []string{"cmap", "head", "maxp", "loca", "glyf"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("font: no %s table", tag)
		}
	}
	return f, nil
}

// cmap returns the face's character to glyph map, from its Unicode subtable
// (format 12 if present, else format 4).
func (f *sfnt) cmap() (map[rune]uint16, error) {
	t := f.tables["cmap"]
	if len(t) < 4 {
		return nil, errors.New("font: cmap too short")
	}
	var best []byte
	bestFormat := 0
	n := int(binary.BigEndian.Uint16(t[2:]))
	for i := range n {
		rec := t[4+8*i:]
		if len(rec) < 8 {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if !(platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)) || int(off)+2 > len(t) {
			continue
		}
		format := int(binary.BigEndian.Uint16(t[off:]))
		if (format == 12 || format == 4) && format > bestFormat {
			best, bestFormat = t[off:], format
		}
	}
	switch bestFormat {
	case 12:
		return cmap12(best)
	case 4:
		return cmap4(best)
	}
	return nil, errors.New("font: no Unicode cmap of format 4 or 12")
}

func cmap4(t []byte) (map[rune]uint16, error) {
	if len(t) < 14 {
		return nil, errors.New("font: cmap format 4 too short")
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if len(t) < ranges+2*segs {
		return nil, errors.New("font: cmap format 4 cut short")
	}
	m := map[rune]uint16{}
	u16 := func(at int) uint16 { return binary.BigEndian.Uint16(t[at:]) }
	for s := range segs {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), int(u16(ranges+2*s))
		for c := uint32(start); c <= uint32(end) && c != 0xFFFF; c++ {
			var g uint16
			if ro == 0 {
				g = uint16(c) + delta
			} else {
				at := ranges + 2*s + ro + 2*int(c-uint32(start))
				if at+2 > len(t) {
					continue
				}
				if g = u16(at); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				m[rune(c)] = g
			}
		}
	}
	return m, nil
}

func cmap12(t []byte) (map[rune]uint16, error) {
	if len(t) < 16 {
		return nil, errors.New("font: cmap format 12 too short")
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if len(t) < 16+12*n {
		return nil, errors.New("font: cmap format 12 cut short")
	}
	m := map[rune]uint16{}
	for i := range n {
		g := t[16+12*i:]
		start, end, glyph := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
		for c := start; c <= end && c <= 0x10FFFF; c++ {
			m[rune(c)] = uint16(glyph + c - start)
		}
	}
	return m, nil
}

// subsetTables are the tables a subset keeps. Layout tables (GSUB, GPOS, GDEF,
// kern, MATH) are dropped: a fallback face draws single characters, so its
// ligatures and kerning pairs are not needed, and they are much of its size.
var subsetTables = []string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}

// subset returns a copy of the font in which only the glyphs for runes (and glyph
// 0, and the components of composite glyphs) keep their outlines; every other
// glyph is empty. Glyph numbers do not change, so cmap and hmtx stay valid as
// they are, which is what keeps this simple.
func subset(font []byte, runes []rune) ([]byte, error) {
	f, err := parseSFNT(font)
	if err != nil {
		return nil, err
	}
	cm, err := f.cmap()
	if err != nil {
		return nil, err
	}
	head, loca, glyf := f.tables["head"], f.tables["loca"], f.tables["glyf"]
	if len(head) < 54 || len(f.tables["maxp"]) < 6 {
		return nil, errors.New("font: head or maxp too short")
	}
	numGlyphs := int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) (int, error) {
		var o int
		if long {
			if 4*g+4 > len(loca) {
				return 0, errors.New("font: loca cut short")
			}
			o = int(binary.BigEndian.Uint32(loca[4*g:]))
		} else {
			if 2*g+2 > len(loca) {
				return 0, errors.New("font: loca cut short")
			}
			o = 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		}
		if o > len(glyf) {
			return 0, errors.New("font: loca points outside glyf")
		}
		return o, nil
	}
	glyph := func(g int) ([]byte, error) {
		a, err := offset(g)
		if err != nil {
			return nil, err
		}
		b, err := offset(g + 1)
		if err != nil || b < a {
			return nil, errors.New("font: bad loca entry")
		}
		return glyf[a:b], nil
	}

	keep := map[int]bool{0: true}
	queue := []int{0}
	for _, r := range runes {
		if g, ok := cm[r]; ok && int(g) < numGlyphs && !keep[int(g)] {
			keep[int(g)] = true
			queue = append(queue, int(g))
		}
	}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		data, err := glyph(g)
		if err != nil {
			return nil, err
		}
		for _, c := range components(data) {
			if c < numGlyphs && !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		}
	}

	var newGlyf []byte
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := range numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if !keep[g] {
			continue
		}
		data, err := glyph(g)
		if err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	out := map[string][]byte{}
	for _, tag := range subsetTables {
		if t, ok := f.tables[tag]; ok {
			out[tag] = t
		}
	}
	out["glyf"], out["loca"] = newGlyf, newLoca
	newHead := slices.Clone(head)
	binary.BigEndian.PutUint16(newHead[50:], 1) // indexToLocFormat: long offsets
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	out["head"] = newHead
	if post := f.tables["post"]; len(post) >= 32 {
		// Format 3 has no glyph names: they are only for tools, and they are a
		// tenth of DejaVu Sans.
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	return writeSFNT(out), nil
}

// components lists the glyphs a composite glyph is built from (none for a simple one).
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		moreComps    = 0x0020
		haveXYScale  = 0x0040
		haveTwoByTwo = 0x0080
	)
	var out []int
	for at := 10; at+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[at:])
		out = append(out, int(binary.BigEndian.Uint16(g[at+2:])))
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComps == 0 {
			break
		}
	}
	return out
}

// writeSFNT lays the tables out in tag order with a fresh directory and checksums.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange))
	headAt := 0
	for i, tag := range tags {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt > 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// obfuscate applies the obfuscation of ECMA-376 Part 1, §17.8.1 ("Font
// Embedding"): the font key is a GUID; its 32 hex digits, read as 16 bytes and
// taken in reverse order, are XORed over the first 32 bytes of the font (once
// against bytes 0-15, once against 16-31).
// Readers undo it with the w:fontKey written beside the embedding. (The same
// algorithm as in Word's own files and in the dolanmiu/docx and docx4j writers.)
func obfuscate(font []byte, guid [16]byte) []byte {
	out := slices.Clone(font)
	for i := 0; i < 32 && i < len(out); i++ {
		out[i] ^= guid[15-i%16]
	}
	return out
}

// guidString formats 16 bytes as a registry-style GUID, {XXXXXXXX-XXXX-...}, the
// hex digits in byte order (the order obfuscate reverses).
func guidString(g [16]byte) string {
	return fmt.Sprintf("{%X-%X-%X-%X-%X}", g[0:4], g[4:6], g[6:8], g[8:10], g[10:16])
}
