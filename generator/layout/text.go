package layout

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// ptPerMM converts between the two units layout uses: sizes in points, lengths in mm.
const ptPerMM = 72 / 25.4

const epsilon = 1e-6

// textStyle is a size, whether every run is forced bold (headings, table headers),
// and the line height as a multiple of the size.
type textStyle struct {
	size      float64 // pt
	leading   float64
	forceBold bool
	noItalic  bool // easy read: italics are hard to read, so none are drawn
}

func (ts textStyle) lineHeight() float64 { return ts.size * ts.leading / ptPerMM }

// scaled returns the style at f times its size.
func (ts textStyle) scaled(f float64) textStyle {
	ts.size *= f
	return ts
}

// measurer measures and breaks text with one font set. Widths are the fonts' own
// advance widths summed without kerning, exactly as fpdf draws them, so what is
// measured here is what is drawn.
type measurer struct {
	fonts *typeface.Set
	pages doc.Pages       // page numbers for PageOf runs; nil in the first pass
	one   [1]typeface.Run // the one run of a plain ASCII word, reused
	// scratch holds the words of a text read and used at once (wrap,
	// naturalWidth), and a line builder's working buffers: reused from one text
	// to the next, they were a quarter of layout's allocations.
	scratch struct {
		words  []word
		pieces []piece
		buf    []byte
		starts []int
		bounds [][2]int
		// The words of the table being laid out, all its cells' (readTable).
		tableWords  []word
		tablePieces []piece
	}
}

func (m *measurer) styleOf(r doc.Inline, ts textStyle) typeface.Style {
	s := typeface.Regular
	if r.Bold || ts.forceBold {
		s |= typeface.Bold
	}
	if r.Italic && !ts.noItalic {
		s |= typeface.Italic
	}
	return s
}

// advance is the width of text in face f at size pt, in mm.
func advance(f *typeface.Face, text string, size float64) float64 {
	units := 0
	for _, r := range text {
		units += f.Advance(r)
	}
	return float64(units) * size / 1000 / ptPerMM
}

// piece is a part of a word in one face ("foo" plain then "bar" bold make one word
// of two pieces, never broken between them).
type piece struct {
	text string
	face *typeface.Face
	link string
	w    float64
}

// word is a run of non-space text; space says whether a space preceded it.
type word struct {
	pieces []piece
	w      float64
	space  bool
	brk    bool // a hard line break (doc.Inline.LineBreak), no pieces
}

// Segment is a part of a laid-out line drawn in one text operation: one face, words
// joined by spaces, so text extraction sees whole words and normal spaces.
type segment struct {
	x    float64 // offset from the line's start, mm
	text string
	face *typeface.Face
	link string // anchor the text links to, if any
	w    float64
}

// line is one laid-out line of text.
type line struct {
	segs []segment
	w    float64 // natural width, mm
}

// standIn is the text a page reference is laid out with before the pages are
// known: two digits, the room of every page number up to 99, since 0 is the
// widest digit of every face of Atkinson Hyperlegible Next (its figures are
// proportional: 1 is the narrowest). fillPageRefs checks each number fits.
const standIn = "00"

// standInMark starts the link of a stand-in: the link is the mark and the anchor.
// No anchor holds a NUL, so no real link starts with it.
const standInMark = "\x00page-of:"

// resolve turns PageOf runs into their page numbers (linked to the heading), so that
// the rest of layout only sees text. Before pages are known a two-digit stand-in
// takes the room a page number will most likely need; its link is the anchor
// marked with standInMark, so that the number can be put in its place once the
// pages are known (fillPageRefs).
func (m *measurer) resolve(runs []doc.Inline) []doc.Inline {
	has := false
	for _, r := range runs {
		if r.PageOf != "" {
			has = true
			break
		}
	}
	if !has {
		return runs
	}
	out := make([]doc.Inline, len(runs))
	copy(out, runs)
	for i, r := range out {
		if r.PageOf == "" {
			continue
		}
		text, link := standIn, standInMark+r.PageOf
		if m.pages != nil {
			link = r.PageOf
			if n, ok := m.pages[r.PageOf]; ok {
				text = strconv.Itoa(n)
			} else {
				text = r.Text // an anchor that does not exist: keep what the author wrote
			}
		}
		out[i] = doc.Inline{Text: text, Bold: r.Bold, Italic: r.Italic, Link: link}
	}
	return out
}

// words splits styled runs into words. Whitespace of any kind separates words and
// collapses, as in any typeset text; every other character is kept literally. A
// single space between digits (a phone number, "07700 900 214") or between a day and
// its month or a month and its year does not separate words: such runs never wrap
// inside. Each text is read once: a table reads its cells once for both its column
// widths and its rows (readTable).
func (m *measurer) words(runs []doc.Inline, ts textStyle) []word {
	ws, _, _ := m.readWords(runs, ts, nil, nil)
	return ws
}

// scratchWords is words read into the measurer's scratch space: valid until the
// next call, for a caller that is done with them by then.
func (m *measurer) scratchWords(runs []doc.Inline, ts textStyle) []word {
	ws, pieces, _ := m.readWords(runs, ts, m.scratch.words[:0], m.scratch.pieces[:0])
	m.scratch.words, m.scratch.pieces = ws, pieces
	return ws
}

// readWords is words, appending to out and arena when they have room enough
// (else to new ones): the words of this text are the returned words from
// index from on.
func (m *measurer) readWords(runs []doc.Inline, ts textStyle, out []word, arena []piece) (_ []word, _ []piece, from int) {
	runs = m.resolve(runs)
	n := 1
	for _, r := range runs {
		n += strings.Count(r.Text, " ") + 1
	}
	// One allocation for the words and one for all their pieces, sized by the
	// spaces: growing them was a third of layout's time.
	if cap(out)-len(out) < n {
		out = make([]word, 0, max(n, 2*cap(out)))
	}
	from = len(out)
	if cap(arena)-len(arena) < n {
		arena = make([]piece, 0, max(n, 2*cap(arena)))
	}
	cur := -1  // index in out of the word being built, or -1
	first := 0 // its first piece in arena
	end := func() {
		if cur >= 0 {
			out[cur].pieces = arena[first:len(arena):len(arena)]
			cur = -1
		}
	}
	space := false
	for _, r := range runs {
		if r.LineBreak {
			end()
			out = append(out, word{brk: true})
			space = false
			continue
		}
		st := m.styleOf(r, ts)
		text := r.Text
		for len(text) > 0 {
			i := indexBreakingSpace(text)
			chunk := text
			if i >= 0 {
				chunk = text[:i]
			}
			if chunk != "" {
				if cur < 0 {
					out = append(out, word{space: space})
					cur, first = len(out)-1, len(arena)
					space = false
				}
				for _, fr := range m.runs(chunk, st) {
					w := advance(fr.Face, fr.Text, ts.size)
					if n := len(arena); n > first && arena[n-1].face == fr.Face && arena[n-1].link == r.Link {
						arena[n-1].text += fr.Text
						arena[n-1].w += w
					} else {
						arena = append(arena, piece{text: fr.Text, face: fr.Face, link: r.Link, w: w})
					}
					out[cur].w += w
				}
			}
			if i < 0 {
				break
			}
			_, n := utf8.DecodeRuneInString(text[i:])
			text = text[i+n:]
			end()
			space = len(out) > 0 && !out[len(out)-1].brk
		}
	}
	end()
	return out, arena, from
}

// runs splits a word into runs of one face. Most words are plain ASCII, which the
// main face always has: they are one run, without the work (and allocations) of
// choosing a face per character.
func (m *measurer) runs(chunk string, st typeface.Style) []typeface.Run {
	for i := 0; i < len(chunk); i++ {
		if c := chunk[i]; c < 0x21 || c > 0x7e {
			return m.fonts.Runs(clean(chunk), st)
		}
	}
	m.one[0] = typeface.Run{Face: m.fonts.Face(st), Text: chunk}
	return m.one[:]
}

// indexBreakingSpace finds the first whitespace in text at which a line may break.
func indexBreakingSpace(text string) int {
	off := 0
	for {
		i := indexSpace(text[off:])
		if i < 0 {
			return -1
		}
		i += off
		if text[i] == ' ' && !breakableSpace(text[:i], text[i+1:]) {
			off = i + 1
			continue
		}
		return i
	}
}

// breakableSpace says whether a line may break at a single space between before
// and after: not inside a figure written with spaces, nor inside a date.
func breakableSpace(before, after string) bool {
	if before != "" && after != "" {
		if b, a := before[len(before)-1], after[0]; b < utf8.RuneSelf && a < utf8.RuneSelf &&
			(b < '0' || b > '9') && (a < '0' || a > '9') {
			return true // ASCII and no digit either side: the common case, without decoding
		}
	}
	b, _ := utf8.DecodeLastRuneInString(before)
	a, _ := utf8.DecodeRuneInString(after)
	if b == utf8.RuneError || a == utf8.RuneError {
		return true
	}
	bd, ad := unicode.IsDigit(b), unicode.IsDigit(a)
	if bd && ad {
		return false
	}
	if !bd && !ad {
		return true // neither side can be a day or a year: the common case, kept fast
	}
	last := before[strings.LastIndexFunc(before, isSpace)+1:]
	next := after
	if j := strings.IndexFunc(after, isSpace); j >= 0 {
		next = after[:j]
	}
	next = strings.TrimRight(next, ",.;:)")
	switch {
	case isDay(last) && months[next]:
		return false // "14 September"
	case months[last] && isYear(next):
		return false // "September 2026"
	}
	return true
}

var months = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

func isDay(s string) bool {
	s = strings.TrimLeft(s, "(")
	// Atoi makes an error for every word that is not a number: most are not,
	// and a number starts with a digit or a sign.
	if s == "" || (s[0] < '0' || s[0] > '9') && s[0] != '+' && s[0] != '-' {
		return false
	}
	n, err := strconv.Atoi(strings.TrimRight(s, "stndrh"))
	return err == nil && n >= 1 && n <= 31 && len(s) <= 4
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// indexSpace is strings.IndexFunc(s, isSpace), byte by byte: every space isSpace
// knows is ASCII, and no byte of a longer UTF-8 character is.
func indexSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' && isSpace(rune(c)) {
			return i
		}
	}
	return -1
}

// clean drops control characters, which have no glyph in any font.
func clean(s string) string {
	for _, r := range s {
		if unicode.IsControl(r) {
			return strings.Map(func(r rune) rune {
				if unicode.IsControl(r) {
					return -1
				}
				return r
			}, s)
		}
	}
	return s
}

// wrap lays runs out in lines no wider than width mm. Words longer than a line are
// broken between characters, so nothing ever runs past the edge.
func (m *measurer) wrap(runs []doc.Inline, ts textStyle, width float64) []line {
	width = math.Max(width, 1)
	return m.wrapWords(m.scratchWords(runs, ts), ts, width)
}

// wrapWords breaks words into lines no wider than width mm.
func (m *measurer) wrapWords(ws []word, ts textStyle, width float64) []line {
	// Room for the lines, their segments and their text at once, from the
	// words' widths and lengths: growing them was a quarter of layout's time.
	total, size := 0.0, len(ws)
	for _, w := range ws {
		total += w.w
		for _, p := range w.pieces {
			size += len(p.text)
		}
	}
	n := int(total/width) + 1
	lines := make([]line, 0, n)
	sc := &m.scratch
	if cap(sc.buf) < size {
		sc.buf = make([]byte, 0, size)
	}
	b := lineBuilder{buf: sc.buf[:0], starts: sc.starts[:0], bounds: sc.bounds[:0], segs: make([]segment, 0, n+1)}
	for _, w := range ws {
		if w.brk {
			lines = append(lines, b.finish())
			continue
		}
		sp := 0.0
		if w.space && len(b.segs) > 0 {
			sp = advance(b.lastFace(), " ", ts.size)
		}
		switch {
		case b.w+sp+w.w <= width+epsilon:
			b.add(w, sp)
		case w.w <= width+epsilon:
			lines = append(lines, b.finish())
			w.space = false
			b.add(w, 0)
		default:
			// A word wider than the whole line: start it on this line if a useful
			// amount of room is left, then cut it wherever the line is full.
			if width-b.w-sp < width/5 {
				if len(b.segs) > 0 {
					lines = append(lines, b.finish())
				}
				sp = 0
			}
			lines = m.breakWord(lines, &b, w, sp, ts.size, width)
		}
	}
	if len(b.segs) > 0 || len(lines) == 0 {
		lines = append(lines, b.finish())
	}
	b.setTexts(lines)
	sc.buf, sc.starts, sc.bounds = b.buf, b.starts, b.bounds
	return lines
}

// breakWord places a word that is wider than a line, character by character.
func (m *measurer) breakWord(lines []line, b *lineBuilder, w word, sp, size, width float64) []line {
	first := true
	for _, p := range w.pieces {
		text := p.text
		for text != "" {
			room := width - b.w - sp
			n, pw := fit(p.face, text, size, room)
			if n == 0 {
				if len(b.segs) == 0 {
					// Not even one character fits an empty line: place one anyway.
					_, n = utf8.DecodeRuneInString(text)
					pw = advance(p.face, text[:n], size)
				} else {
					lines = append(lines, b.finish())
					sp = 0
					continue
				}
			}
			b.addPiece(piece{text: text[:n], face: p.face, link: p.link, w: pw}, sp, first && w.space && sp > 0)
			first, sp = false, 0
			text = text[n:]
			if text != "" {
				lines = append(lines, b.finish())
			}
		}
	}
	return lines
}

// fit returns how many bytes of text fit in room mm, never splitting a base
// character from the combining marks that follow it.
func fit(f *typeface.Face, text string, size, room float64) (int, float64) {
	units, fitUnits, fitBytes := 0, 0, 0
	for i, r := range text {
		units += f.Advance(r)
		if float64(units)*size/1000/ptPerMM > room+epsilon {
			break
		}
		end := i + utf8.RuneLen(r)
		if next, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && unicode.Is(unicode.Mn, next) {
			continue // keep the mark with its base character
		}
		fitUnits, fitBytes = units, end
	}
	return fitBytes, float64(fitUnits) * size / 1000 / ptPerMM
}

// lineBuilder accumulates words into segments of one face and link, line after
// line. The text of all the lines goes into one buffer, made one string at the
// end (setTexts), and their segments into one array.
type lineBuilder struct {
	buf    []byte
	starts []int // where each segment of this line begins in buf
	segs   []segment
	w      float64
	// bounds are where the text of each finished segment lies in buf, in order.
	bounds [][2]int
}

func (b *lineBuilder) lastFace() *typeface.Face { return b.segs[len(b.segs)-1].face }

func (b *lineBuilder) add(w word, sp float64) {
	for i, p := range w.pieces {
		b.addPiece(p, sp, i == 0 && w.space && sp > 0)
		sp = 0
	}
}

// addPiece appends a piece, preceded by a space (of width sp, in the previous
// segment's face) when withSpace. Text of the same face and link joins the previous
// segment, so each line is drawn in as few text operations as possible; a space
// between two links of different targets belongs to neither.
func (b *lineBuilder) addPiece(p piece, sp float64, withSpace bool) {
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if withSpace {
			if last.link != "" && last.link != p.link {
				// The space is plain text, outside the link before it.
				b.starts = append(b.starts, len(b.buf))
				b.segs = append(b.segs, segment{x: b.w, face: last.face, w: sp})
				b.buf = append(b.buf, ' ')
				b.w += sp
			} else {
				b.buf = append(b.buf, ' ')
				last.w += sp
				b.w += sp
			}
		}
		last = &b.segs[len(b.segs)-1]
		if last.face == p.face && last.link == p.link {
			b.buf = append(b.buf, p.text...)
			last.w += p.w
			b.w += p.w
			return
		}
	}
	b.starts = append(b.starts, len(b.buf))
	b.segs = append(b.segs, segment{x: b.w, face: p.face, link: p.link, w: p.w})
	b.buf = append(b.buf, p.text...)
	b.w += p.w
}

// finish ends the line; its segments get their text from setTexts.
func (b *lineBuilder) finish() line {
	n := len(b.segs)
	l := line{segs: b.segs[:n:n], w: b.w}
	for i := range n {
		end := len(b.buf)
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		b.bounds = append(b.bounds, [2]int{b.starts[i], end})
	}
	b.segs, b.starts, b.w = b.segs[n:], b.starts[:0], 0
	return l
}

// setTexts gives the segments of lines, every line finished, their text.
func (b *lineBuilder) setTexts(lines []line) {
	all := string(b.buf)
	k := 0
	for _, l := range lines {
		for i := range l.segs {
			l.segs[i].text = all[b.bounds[k][0]:b.bounds[k][1]]
			k++
		}
	}
}

// naturalWidth is the width of runs set on one line, and longest the width of
// their longest word: the two numbers automatic table layout needs.
func (m *measurer) naturalWidth(runs []doc.Inline, ts textStyle) (natural, longest float64) {
	return naturalWidthOf(m.scratchWords(runs, ts), ts)
}

// naturalWidthOf is naturalWidth for text read into words.
func naturalWidthOf(ws []word, ts textStyle) (natural, longest float64) {
	lineW := 0.0
	var prev *typeface.Face
	for _, w := range ws {
		if w.brk {
			natural = math.Max(natural, lineW)
			lineW = 0
			continue
		}
		if w.space && lineW > 0 {
			// wrap measures a space in the face of the text before it; so do we.
			lineW += advance(prev, " ", ts.size)
		}
		lineW += w.w
		longest = math.Max(longest, w.w)
		prev = w.pieces[len(w.pieces)-1].face
	}
	return math.Max(natural, lineW), longest
}
