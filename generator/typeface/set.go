package typeface

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"lifeplan/fonts"
)

// Replacement is drawn, in the fallback face, for a character no face can draw
// correctly, so that it is visibly marked rather than a silent box or "?".
const Replacement = '\uFFFD'

// Set is the main family and its fallback, parsed once per process.
type Set struct {
	main     [4]*Face // by Style
	fallback [2]*Face // Regular, Bold
	// shaped holds the BMP characters of scripts that need shaping or right-to-left
	// ordering, which fpdf cannot do.
	shaped *bmpSet
	// drawable holds the BMP characters every style can draw: a fast path for
	// Undrawable.
	drawable bmpSet
}

// Default is the embedded set: Atkinson Hyperlegible Next, with DejaVu Sans as the
// fallback. The fonts are parsed on first use, once per process.
func Default() *Set { return defaultSet() }

var defaultSet = sync.OnceValue(func() *Set {
	s, err := NewSet(fonts.Family, [4][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic},
		fonts.FallbackFamily, [2][]byte{fonts.FallbackRegular, fonts.FallbackBold})
	if err != nil {
		// The fonts are embedded in the binary and covered by tests.
		panic(fmt.Sprintf("typeface: embedded fonts: %v", err))
	}
	return s
})

// NewSet parses a main family (faces in Style order: regular, bold, italic, bold
// italic) and a fallback family (regular, bold).
func NewSet(family string, main [4][]byte, fallbackFamily string, fallback [2][]byte) (*Set, error) {
	s := &Set{shaped: shapedScripts()}
	// Six faces, parsed side by side: most of the time goes into DejaVu's cmap.
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for st := range Style(4) {
		wg.Go(func() { s.main[st], errs[st] = Parse(family, st, main[st]) })
	}
	for i, st := range []Style{Regular, Bold} {
		wg.Go(func() { s.fallback[i], errs[4+i] = Parse(fallbackFamily, st, fallback[i]) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, f := range s.fallback {
		if !f.Has(Replacement) {
			return nil, fmt.Errorf("font %s %s has no U+FFFD to mark characters it cannot draw", f.family, f.style)
		}
	}
	for w := range s.drawable {
		all := ^uint64(0)
		for st := range Style(4) {
			all &= s.Face(st).covered[w] | s.Fallback(st).covered[w]
		}
		s.drawable[w] = all &^ s.shaped[w]
	}
	return s, nil
}

// Face is the main face of style st.
func (s *Set) Face(st Style) *Face { return s.main[st&BoldItalic] }

// Fallback is the fallback face for style st: bold for the bold styles, else regular.
func (s *Set) Fallback(st Style) *Face { return s.fallback[st&Bold] }

// Faces is every face of the set, main faces first, in a fixed order: what a PDF
// writer registers.
func (s *Set) Faces() []*Face {
	return []*Face{s.main[0], s.main[1], s.main[2], s.main[3], s.fallback[0], s.fallback[1]}
}

// Run is text drawn in one face.
type Run struct {
	Face *Face
	Text string
}

// Runs splits text drawn in style st into runs of one face each: the main face for
// every character it has, else the fallback face when it has it. Spaces and
// combining marks stay in the run of the character before them when its face has
// them. A character no face can draw correctly (see Undrawable) is replaced by
// U+FFFD in the fallback face, and the combining marks that follow it are left
// out with it. Invisible format characters (zero-width space, soft hyphen,
// variation selectors: the Default_Ignorable_Code_Point property) are left out,
// since drawing them would show a box, and so are control characters (layout deals
// with line breaks and tabs before it asks for runs). So every character of a run
// is one its face has (tested for the whole BMP), and none is beyond the BMP, on
// which fpdf v0.9.0 panics in Output. Measure the runs (Width does), not the
// text: they can differ.
func (s *Set) Runs(text string, st Style) []Run {
	// Most text is drawn as written in one face: its one run is text itself,
	// not a copy made character by character.
	var one *Face
	verbatim, next := true, 0
	s.each(text, st, false, func(i int, f *Face, r rune, _ string) {
		if !verbatim {
			return
		}
		written, size := utf8.DecodeRuneInString(text[i:])
		if i != next || r != written || size == 1 && written == utf8.RuneError || one != nil && f != one {
			verbatim = false // skipped, replaced or in another face
			return
		}
		one, next = f, i+size
	})
	if verbatim && one != nil && next == len(text) {
		return []Run{{one, text}}
	}
	var runs []Run
	var b strings.Builder
	var cur *Face
	s.each(text, st, false, func(_ int, f *Face, r rune, _ string) {
		if r < 0 {
			return
		}
		if f != cur && cur != nil {
			runs = append(runs, Run{cur, b.String()})
			b.Reset()
		}
		cur = f
		b.WriteRune(r)
	})
	if cur != nil {
		runs = append(runs, Run{cur, b.String()})
	}
	return runs
}

// Width is the advance width of text drawn in style st, in 1/1000 em: the sum of
// the advances of its runs. It allocates nothing.
func (s *Set) Width(text string, st Style) int {
	w := 0
	s.each(text, st, false, func(_ int, f *Face, r rune, _ string) {
		if r >= 0 {
			w += f.Advance(r)
		}
	})
	return w
}

// Problem is a number of characters of one script (or "Emoji", or "Symbols" for
// characters of no particular script) that cannot be drawn.
type Problem struct {
	Script string
	Count  int
}

// String says what cannot be drawn: "6 characters (Arabic script)".
func (p Problem) String() string {
	what := p.Script + " script"
	switch p.Script {
	case scriptEmoji:
		what = "emoji"
	case scriptSymbols:
		what = "symbols"
	}
	noun := "characters"
	if p.Count == 1 {
		noun = "character"
	}
	return fmt.Sprintf("%d %s (%s)", p.Count, noun, what)
}

// Undrawable reports, by script in order of first appearance, the characters of
// text that no embedded face can draw correctly: those no face of the style
// covers; those of scripts that need shaping or right-to-left ordering, which fpdf
// cannot do (Arabic, Hebrew, Devanagari, Thai, ...: see shapingScripts); emoji no
// face has a glyph for (those DejaVu Sans has, such as ☕, are drawn in black);
// anything outside the Basic Multilingual Plane (fpdf can index only the BMP); and
// the combining marks that follow any of these. A character counts if any of the
// four styles cannot draw it, since the text may be set in any of them. Control
// and invisible format characters are ignored.
func (s *Set) Undrawable(text string) []Problem {
	if s.allDrawable(text) {
		return nil
	}
	at := map[int]string{} // byte offset of an undrawable character to its script
	for st := range Style(4) {
		s.each(text, st, true, func(i int, _ *Face, _ rune, script string) {
			if _, seen := at[i]; script != "" && !seen {
				at[i] = script
			}
		})
	}
	if len(at) == 0 {
		return nil
	}
	offsets := make([]int, 0, len(at))
	for i := range at {
		offsets = append(offsets, i)
	}
	slices.Sort(offsets)
	var out []Problem
next:
	for _, i := range offsets {
		for k := range out {
			if out[k].Script == at[i] {
				out[k].Count++
				continue next
			}
		}
		out = append(out, Problem{at[i], 1})
	}
	return out
}

// allDrawable is the fast path of Undrawable: every character is one that every
// style draws (ASCII is, tested), or a control or invisible one.
func (s *Set) allDrawable(text string) bool {
	for _, r := range text {
		if r < 0x80 || r < bmpSize && s.drawable.has(r) || r < 0xA0 || ignorable(r) {
			continue
		}
		return false
	}
	return true
}

// each decides, for every character of text (at byte offset i) drawn in style st,
// the face that draws it and what is drawn: the character, U+FFFD, or nothing
// (r < 0) for a combining mark that goes with an undrawable character before it.
// script is the script of a character that cannot be drawn correctly (or "?",
// unless naming), else "".
// Control and invisible format characters are skipped without a call.
func (s *Set) each(text string, st Style, naming bool, emit func(i int, f *Face, r rune, script string)) {
	main, fallback := s.Face(st), s.Fallback(st)
	var cur *Face  // face of the character before
	var bad string // script of the undrawable character the marks that follow go with
	for i, r := range text {
		if r > 0x20 && r < 0x7F { // printable ASCII, most of any text: every face has it (tested)
			cur, bad = main, ""
			emit(i, main, r, "")
			continue
		}
		switch {
		case r < 0x20 || r >= 0x7F && r < 0xA0:
			continue // control: no face draws it; layout breaks lines and tabs before
		case r == utf8.RuneError:
			// U+FFFD as written, or invalid UTF-8, which reads as it.
			cur, bad = fallback, ""
			emit(i, cur, Replacement, "")
			continue
		case r >= 0x80 && ignorable(r):
			continue
		}
		mark := r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me)
		if mark && bad != "" {
			emit(i, fallback, -1, bad)
			continue
		}
		if s.undrawable(r, main, fallback) {
			// Naming the script is a search through every script: only
			// Undrawable needs it.
			bad = "?"
			if naming {
				bad = scriptOf(r)
			}
			cur = fallback
			emit(i, cur, Replacement, bad)
			continue
		}
		bad = ""
		if cur != nil && (mark || r == ' ' || r >= 0x80 && unicode.Is(unicode.Zs, r)) && cur.Has(r) {
			emit(i, cur, r, "")
			continue
		}
		if main.Has(r) {
			cur = main
		} else {
			cur = fallback
		}
		emit(i, cur, r, "")
	}
}

// undrawable reports a character no face of the style can draw correctly.
func (s *Set) undrawable(r rune, main, fallback *Face) bool {
	if r < 0x80 {
		return false // both faces cover ASCII (tested)
	}
	return r >= bmpSize || s.shaped.has(r) || !main.Has(r) && !fallback.Has(r)
}
