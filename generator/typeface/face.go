// Package typeface knows the embedded font faces well enough to lay text out
// without fpdf: which face draws each character, how wide it is, and which
// characters no embedded face can draw correctly.
//
// Widths are those fpdf itself uses (github.com/go-pdf/fpdf v0.9.0,
// utf8fontfile.go, parseHMTXTable and generateSCCSDictionaries, and
// Fpdf.GetStringSymbolWidth in fpdf.go), so text measured here and drawn by fpdf
// lines up exactly.
package typeface

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Style is a set of bit flags: Bold, Italic, or both.
type Style uint8

// The four styles of a family.
const (
	Regular    Style = 0
	Bold       Style = 1
	Italic     Style = 2
	BoldItalic       = Bold | Italic
)

// Fpdf is the style string fpdf's AddUTF8FontFromBytes and SetFont take.
func (st Style) Fpdf() string {
	return [...]string{"", "B", "I", "BI"}[st&BoldItalic]
}

func (st Style) String() string {
	return [...]string{"regular", "bold", "italic", "bold italic"}[st&BoldItalic]
}

const bmpSize = 0x10000

// bmpSet is a set of Basic Multilingual Plane code points, one bit each.
type bmpSet [bmpSize / 64]uint64

func (s *bmpSet) has(r rune) bool { return s[r>>6]&(1<<(r&63)) != 0 }
func (s *bmpSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }

// Face is one parsed, immutable font face, safe for concurrent use.
type Face struct {
	family string
	key    string
	style  Style
	data   []byte

	ascent, descent, capHeight int
	missing                    int // fpdf's width for a character the face has no glyph for

	// For the BMP, a lookup each: fpdf draws only BMP characters, through the
	// face's cmap format 4 subtable.
	advance [bmpSize]uint16
	covered bmpSet
	// Beyond the BMP (cmap format 12), for Has only: fpdf cannot draw these.
	supplementary []cmapGroup
	numGlyphs     int
}

// cmapGroup is one sequential map group of a cmap format 12 subtable.
type cmapGroup struct{ first, last, glyph uint32 }

// Family is the family name, e.g. "Atkinson Hyperlegible Next".
func (f *Face) Family() string { return f.family }

// Key is the family name without spaces, for fpdf and the PDF's /BaseFont (a space
// there would be written as "#20" and split the name in tools such as pdffonts).
func (f *Face) Key() string { return f.key }

// Style is the style the face itself has (DejaVu Sans has no italics, so its
// faces are Regular or Bold whatever style the text asked for).
func (f *Face) Style() Style { return f.style }

// Data is the TrueType file. It is shared: callers must not modify it.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the face maps r to a real glyph (not .notdef).
func (f *Face) Has(r rune) bool {
	if r >= 0 && r < bmpSize {
		return f.covered.has(r)
	}
	i := sort.Search(len(f.supplementary), func(i int) bool { return f.supplementary[i].last >= uint32(r) })
	if i == len(f.supplementary) || uint32(r) < f.supplementary[i].first {
		return false
	}
	g := f.supplementary[i].glyph + uint32(r) - f.supplementary[i].first
	return g != 0 && int(g) < f.numGlyphs
}

// Advance is r's advance width in 1/1000 em, exactly as fpdf counts it: the
// glyph's advance rounded to a whole unit, or the face's missing width (that of
// .notdef) for a character it has no glyph for, including every character beyond
// the BMP.
func (f *Face) Advance(r rune) int {
	if r >= 0 && r < bmpSize {
		return int(f.advance[r])
	}
	return f.missing
}

// Ascent is the ascender in 1/1000 em, as fpdf writes it into the font descriptor.
func (f *Face) Ascent() int { return f.ascent }

// Descent is the descender in 1/1000 em (negative), as fpdf writes it.
func (f *Face) Descent() int { return f.descent }

// CapHeight is the height of capital letters in 1/1000 em, as fpdf writes it.
func (f *Face) CapHeight() int { return f.capHeight }

// Parse reads the tables of a TrueType face that layout needs: head, hhea, hmtx,
// maxp, OS/2 and cmap (formats 4 and 12). The face's Key is family without spaces.
func Parse(family string, st Style, data []byte) (*Face, error) {
	f := &Face{family: family, key: removeSpaces(family), style: st, data: data}
	if err := f.parse(); err != nil {
		return nil, fmt.Errorf("font %s %s: %w", family, st, err)
	}
	return f, nil
}

func removeSpaces(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// sfnt reads big-endian fields with bounds checks: a truncated or corrupt font is
// an error, never a panic.
type sfnt struct {
	data []byte
	err  error
}

func (s *sfnt) u16(off int) int {
	if off < 0 || off+2 > len(s.data) {
		s.fail(off)
		return 0
	}
	return int(binary.BigEndian.Uint16(s.data[off:]))
}

func (s *sfnt) i16(off int) int { return int(int16(s.u16(off))) }

func (s *sfnt) u32(off int) int {
	if off < 0 || off+4 > len(s.data) {
		s.fail(off)
		return 0
	}
	return int(binary.BigEndian.Uint32(s.data[off:]))
}

func (s *sfnt) fail(off int) {
	if s.err == nil {
		s.err = fmt.Errorf("truncated: read at byte %d of %d", off, len(s.data))
	}
}

// table is where a table lies in the file.
type table struct{ off, len int }

func (s *sfnt) tables() (map[string]table, error) {
	switch v := s.u32(0); v {
	case 0x00010000, 0x74727565: // TrueType outlines; fpdf accepts no others
	default:
		return nil, fmt.Errorf("not a TrueType font (sfnt version %#x)", v)
	}
	n := s.u16(4)
	out := make(map[string]table, n)
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(s.data) {
			return nil, errors.New("truncated table directory")
		}
		tag := string(s.data[rec : rec+4])
		t := table{off: s.u32(rec + 8), len: s.u32(rec + 12)}
		if t.off+t.len > len(s.data) {
			return nil, fmt.Errorf("table %q runs past the end of the file", tag)
		}
		out[tag] = t
	}
	for _, need := range []string{"head", "hhea", "hmtx", "maxp", "cmap"} {
		if _, ok := out[need]; !ok {
			return nil, fmt.Errorf("no %s table", need)
		}
	}
	return out, s.err
}

func (f *Face) parse() error {
	s := &sfnt{data: f.data}
	tabs, err := s.tables()
	if err != nil {
		return err
	}
	head, hhea, os2, hasOS2 := tabs["head"].off, tabs["hhea"].off, tabs["OS/2"].off, false
	if _, ok := tabs["OS/2"]; ok {
		hasOS2 = true
	}
	unitsPerEm := s.u16(head + 18)
	if unitsPerEm == 0 {
		return errors.New("head: unitsPerEm is 0")
	}
	// fpdf scales every metric by 1000/unitsPerEm as a float64 and truncates the
	// vertical metrics with int(), rounding only advance widths.
	scale := 1000.0 / float64(unitsPerEm)
	bboxYMax, bboxYMin := s.i16(head+42), s.i16(head+38)

	f.ascent = int(float64(s.i16(hhea+4)) * scale)
	f.descent = int(float64(s.i16(hhea+6)) * scale)
	if s.u16(hhea+32) != 0 {
		return errors.New("hhea: unknown metricDataFormat")
	}
	numHMetrics := s.u16(hhea + 34)
	if numHMetrics == 0 {
		return errors.New("hhea: no horizontal metrics")
	}
	if hasOS2 {
		if fsType := s.u16(os2 + 8); fsType == 0x0002 || fsType&0x0300 != 0 {
			return errors.New("OS/2: the licence forbids embedding")
		}
		if f.ascent == 0 {
			f.ascent = int(float64(s.i16(os2+68)) * scale)
		}
		if f.descent == 0 {
			f.descent = int(float64(s.i16(os2+70)) * scale)
		}
		if s.u16(os2) > 1 {
			f.capHeight = int(float64(s.i16(os2+88)) * scale)
		} else {
			f.capHeight = f.ascent
		}
	} else {
		// fpdf scales the already scaled bounding box a second time here; copied
		// as it is, since these are the numbers fpdf writes.
		if f.ascent == 0 {
			f.ascent = int(float64(int(float64(bboxYMax)*scale)) * scale)
		}
		if f.descent == 0 {
			f.descent = int(float64(int(float64(bboxYMin)*scale)) * scale)
		}
		f.capHeight = f.ascent
	}
	f.numGlyphs = s.u16(tabs["maxp"].off + 4)
	if s.err != nil {
		return s.err
	}

	glyphOf, err := cmap4(s, tabs["cmap"].off)
	if err != nil {
		return err
	}
	if err := f.widths(s, tabs["hmtx"].off, numHMetrics, scale, glyphOf); err != nil {
		return err
	}
	f.supplementary = cmap12(s, tabs["cmap"].off)
	return s.err
}

// widths fills the advance table the way fpdf's parseHMTXTable fills its CharWidths
// and GetStringSymbolWidth reads them.
func (f *Face) widths(s *sfnt, hmtx, numHMetrics int, scale float64, glyphOf *[bmpSize]uint16) error {
	// fpdf walks glyphs 0 .. max(numberOfHMetrics, numGlyphs)-1; a glyph past that
	// gets no width and counts as missing.
	walked := max(numHMetrics, f.numGlyphs)
	mapped := make([]bool, walked)
	for c := range bmpSize { // fpdf marks glyphs reached from character 0 and U+FFFF too
		if g := int(glyphOf[c]); g < walked {
			mapped[g] = true
		}
	}
	// Advance widths by glyph, with fpdf's quirks: a mapped glyph's advance of
	// 32768 or more counts as 0, and glyphs past numberOfHMetrics take the last
	// value fpdf's loop held.
	adv := make([]int, walked)
	last := 0
	for g := range numHMetrics {
		last = s.u16(hmtx + 4*g)
		if (g < walked && mapped[g] || g == 0) && last >= 1<<15 {
			last = 0
		}
		if g < walked {
			adv[g] = last
		}
	}
	for g := numHMetrics; g < walked; g++ {
		adv[g] = last
	}
	if s.err != nil {
		return s.err
	}
	f.missing = fpdfRound(scale * float64(adv[0]))
	if f.missing == 0 {
		f.missing = 500 // GetStringSymbolWidth's default when MissingWidth is 0
	}
	for c := range bmpSize {
		g := int(glyphOf[c])
		// fpdf skips character 0 and U+FFFF, and glyph 0 (.notdef).
		if c == 0 || c == bmpSize-1 || g == 0 || g >= walked {
			f.advance[c] = uint16(f.missing)
			continue
		}
		w := int(math.Round(scale * float64(adv[g])))
		if w > math.MaxUint16-1 {
			return fmt.Errorf("hmtx: implausible advance %d for U+%04X", w, c)
		}
		// fpdf stores a zero width as 65535 ("has a glyph") and counts it as 0.
		f.advance[c] = uint16(w)
		f.covered.add(rune(c))
	}
	return nil
}

// fpdfRound is fpdf's round (util.go), used for the missing width.
func fpdfRound(x float64) int {
	if x < 0 {
		return -int(math.Floor(-x + 0.5))
	}
	return int(math.Floor(x + 0.5))
}

// cmap4 maps every BMP character to its glyph through the subtable fpdf uses: the
// first Unicode (platform 0) or Windows Unicode BMP (3, 1) subtable of format 4,
// read as fpdf's generateSCCSDictionaries reads it.
func cmap4(s *sfnt, cmap int) (*[bmpSize]uint16, error) {
	sub := 0
	for i := range s.u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		platform, encoding, off := s.u16(rec), s.u16(rec+2), s.u32(rec+4)
		if (platform == 3 && encoding == 1 || platform == 0) && s.u16(cmap+off) == 4 {
			sub = cmap + off
			break
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	if sub == 0 {
		return nil, errors.New("cmap: no Unicode subtable of format 4, which fpdf needs")
	}
	end := sub + s.u16(sub+2) // fpdf's "rim": glyph ids at or past it read as 0
	segs := s.u16(sub+6) / 2
	endCodes := sub + 14
	startCodes := endCodes + 2*segs + 2
	deltas := startCodes + 2*segs
	rangeOffsets := deltas + 2*segs
	glyphOf := new([bmpSize]uint16)
	for n := range segs {
		first, last := s.u16(startCodes+2*n), s.u16(endCodes+2*n)
		delta, ro := s.i16(deltas+2*n), s.u16(rangeOffsets+2*n)
		for c := first; c <= last; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if at := rangeOffsets + 2*n + ro + 2*(c-first); at < end {
				if g = s.u16(at); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			glyphOf[c] = uint16(g)
		}
		if s.err != nil {
			return nil, fmt.Errorf("cmap format 4: %w", s.err)
		}
	}
	return glyphOf, nil
}

// cmap12 reads the groups beyond the BMP of a format 12 subtable (Windows UCS-4 or
// Unicode full repertoire), if the face has one.
func cmap12(s *sfnt, cmap int) []cmapGroup {
	for i := range s.u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		platform, encoding, off := s.u16(rec), s.u16(rec+2), s.u32(rec+4)
		if !(platform == 3 && encoding == 10 || platform == 0 && (encoding == 4 || encoding == 6)) || s.u16(cmap+off) != 12 {
			continue
		}
		sub := cmap + off
		n := s.u32(sub + 12)
		if sub+16+12*n > len(s.data) {
			s.fail(sub + 16 + 12*n)
			return nil
		}
		var groups []cmapGroup
		for k := range n {
			at := sub + 16 + 12*k
			g := cmapGroup{uint32(s.u32(at)), uint32(s.u32(at + 4)), uint32(s.u32(at + 8))}
			if g.last < bmpSize || g.last < g.first {
				continue
			}
			if g.first < bmpSize {
				g.glyph += bmpSize - g.first
				g.first = bmpSize
			}
			groups = append(groups, g)
		}
		sort.Slice(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
		return groups
	}
	return nil
}
