package pdf

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"lifeplan/generator/doc"
)

// style is one of the four faces of the family. It indexes the width tables.
type style uint8

const (
	regular style = iota
	bold
	italic
	boldItalic
)

// fpdfStyle is the style string fpdf's SetFont expects.
func (s style) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[s]
}

func styleOf(r doc.Inline) style {
	s := regular
	if r.Bold {
		s |= bold
	}
	if r.Italic {
		s |= italic
	}
	return s
}

// metrics holds glyph advance widths in font units (1/1000 em) per face. fpdf sums
// the same integer widths without kerning, so measuring with these tables gives
// exactly the widths fpdf uses when it draws: what we measure is what is drawn.
type metrics struct {
	ascii [4][128]int
	other [4]map[rune]int
	// lookup measures a rune fpdf has not been asked about yet. It is only used for
	// runes that were not collected from the document up front.
	lookup func(s style, r rune) int
}

func (m *metrics) runeWidth(s style, r rune) int {
	if r < 128 {
		return m.ascii[s][r]
	}
	if w, ok := m.other[s][r]; ok {
		return w
	}
	w := m.lookup(s, r)
	m.other[s][r] = w
	return w
}

// width returns the width of text in mm at size pt.
func (m *metrics) width(s style, text string, size float64) float64 {
	units := 0
	for _, r := range text {
		units += m.runeWidth(s, r)
	}
	return unitsToMM(units, size)
}

func unitsToMM(units int, size float64) float64 {
	return float64(units) * size / 1000 / ptPerMM
}

// piece is a part of a word in one style ("foo" plain then "bar" bold make one word
// of two pieces, never broken between them).
type piece struct {
	text  string
	style style
	w     float64
}

// word is a run of non-space text; space says whether a space preceded it.
type word struct {
	pieces []piece
	w      float64
	space  bool
	brk    bool // a hard line break (doc.Inline.LineBreak), no pieces
}

// segment is a part of a laid-out line drawn in one call: one style, words joined
// by spaces, so text extraction sees whole words and normal spaces.
type segment struct {
	x     float64 // offset from the line's start, mm
	text  string
	style style
}

// line is one laid-out line of text.
type line struct {
	segs []segment
	w    float64 // natural width, mm
}

// textStyle is a size and whether every run is forced bold (headings, table headers).
type textStyle struct {
	size      float64 // pt
	forceBold bool
	leading   float64 // line height as a multiple of size
}

func (ts textStyle) lineHeight() float64 { return ts.size * ts.leading / ptPerMM }

// words splits styled runs into words. Whitespace of any kind separates words and
// collapses, as in any typeset text; every other character is kept literally.
func (m *metrics) words(runs []doc.Inline, ts textStyle) []word {
	var out []word
	var cur *word
	space := false
	for _, r := range runs {
		if r.LineBreak {
			out = append(out, word{brk: true})
			cur, space = nil, false
			continue
		}
		st := styleOf(r)
		if ts.forceBold {
			st |= bold
		}
		text := r.Text
		for len(text) > 0 {
			i := strings.IndexFunc(text, isSpace)
			chunk := text
			if i >= 0 {
				chunk = text[:i]
			}
			if chunk != "" {
				chunk = safeText(chunk)
				if cur == nil {
					out = append(out, word{space: space})
					cur = &out[len(out)-1]
					space = false
				}
				w := m.width(st, chunk, ts.size)
				if n := len(cur.pieces); n > 0 && cur.pieces[n-1].style == st {
					cur.pieces[n-1].text += chunk
					cur.pieces[n-1].w += w
				} else {
					cur.pieces = append(cur.pieces, piece{text: chunk, style: st, w: w})
				}
				cur.w += w
			}
			if i < 0 {
				break
			}
			_, n := utf8.DecodeRuneInString(text[i:])
			text = text[i+n:]
			cur, space = nil, len(out) > 0 && !out[len(out)-1].brk
		}
	}
	return out
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// safeText replaces characters fpdf cannot handle: runes beyond the Basic
// Multilingual Plane (emoji) index past fpdf's width table and can panic it, and
// control characters have no glyph. The font has no glyph for either anyway.
func safeText(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || unicode.IsControl(r) || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > 0xFFFF || r == utf8.RuneError:
			b.WriteRune('?')
		case unicode.IsControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrap lays runs out in lines no wider than width mm. Words longer than a line are
// broken between characters, so nothing ever runs past the edge.
func (m *metrics) wrap(runs []doc.Inline, ts textStyle, width float64) []line {
	width = math.Max(width, 1)
	ws := m.words(runs, ts)
	var lines []line
	var b lineBuilder
	for _, w := range ws {
		if w.brk {
			lines = append(lines, b.finish())
			continue
		}
		sp := 0.0
		if w.space && len(b.segs) > 0 {
			sp = m.width(b.lastStyle(), " ", ts.size)
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
	return lines
}

const epsilon = 1e-6

// breakWord places a word that is wider than a line, character by character.
func (m *metrics) breakWord(lines []line, b *lineBuilder, w word, sp, size, width float64) []line {
	first := true
	for _, p := range w.pieces {
		text := p.text
		for text != "" {
			room := width - b.w - sp
			n, pw := m.fit(p.style, text, size, room)
			if n == 0 {
				if len(b.segs) == 0 {
					// Not even one character fits an empty line: place one anyway.
					_, n = utf8.DecodeRuneInString(text)
					pw = m.width(p.style, text[:n], size)
				} else {
					lines = append(lines, b.finish())
					sp = 0
					continue
				}
			}
			b.addPiece(piece{text: text[:n], style: p.style, w: pw}, sp, first && w.space && sp > 0)
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
func (m *metrics) fit(s style, text string, size, room float64) (int, float64) {
	units, fitUnits, fitBytes := 0, 0, 0
	for i, r := range text {
		units += m.runeWidth(s, r)
		if unitsToMM(units, size) > room+epsilon {
			break
		}
		end := i + utf8.RuneLen(r)
		if next, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && unicode.Is(unicode.Mn, next) {
			continue // keep the mark with its base character
		}
		fitUnits, fitBytes = units, end
	}
	return fitBytes, unitsToMM(fitUnits, size)
}

// lineBuilder accumulates words into segments of one style. Text is collected in
// one buffer and turned into strings once per line: wrapping is the renderer's
// hottest loop.
type lineBuilder struct {
	buf    []byte
	starts []int // where each segment's text begins in buf
	segs   []segment
	w      float64
}

func (b *lineBuilder) lastStyle() style { return b.segs[len(b.segs)-1].style }

func (b *lineBuilder) add(w word, sp float64) {
	for i, p := range w.pieces {
		b.addPiece(p, sp, i == 0 && w.space && sp > 0)
		sp = 0
	}
}

// addPiece appends a piece, preceded by a space (of width sp, in the previous
// segment's style) when withSpace. Same-style text joins the previous segment so
// each line is drawn in as few text operations as possible.
func (b *lineBuilder) addPiece(p piece, sp float64, withSpace bool) {
	if n := len(b.segs); n > 0 {
		if withSpace {
			b.buf = append(b.buf, ' ')
			b.w += sp
		}
		if b.segs[n-1].style == p.style {
			b.buf = append(b.buf, p.text...)
			b.w += p.w
			return
		}
	}
	b.starts = append(b.starts, len(b.buf))
	b.segs = append(b.segs, segment{x: b.w, style: p.style})
	b.buf = append(b.buf, p.text...)
	b.w += p.w
}

func (b *lineBuilder) finish() line {
	l := line{segs: b.segs, w: b.w}
	for i := range l.segs {
		end := len(b.buf)
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		l.segs[i].text = string(b.buf[b.starts[i]:end])
	}
	*b = lineBuilder{buf: b.buf[:0], starts: b.starts[:0]}
	return l
}

// naturalWidth is the width of runs set on one line, and minWidth the width of
// their longest word: the two numbers automatic table layout needs.
func (m *metrics) naturalWidth(runs []doc.Inline, ts textStyle) (natural, longest float64) {
	lineW := 0.0
	var prev style
	for _, w := range m.words(runs, ts) {
		if w.brk {
			natural = math.Max(natural, lineW)
			lineW = 0
			continue
		}
		if w.space && lineW > 0 {
			// wrap measures a space in the style of the text before it; so do we.
			lineW += m.width(prev, " ", ts.size)
		}
		lineW += w.w
		longest = math.Max(longest, w.w)
		prev = w.pieces[len(w.pieces)-1].style
	}
	return math.Max(natural, lineW), longest
}
