package docx

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"lifeplan/fonts"
)

// Fonts are embedded the way Word embeds them (ECMA-376 Part 1, §17.8.1 "Font
// Embedding", which also gives the obfuscation): each face is a part
// word/fonts/fontN.odttf, obfuscated with its own font key, related from
// word/fontTable.xml and named there by w:embedRegular, w:embedBold, w:embedItalic
// or w:embedBoldItalic with the key in w:fontKey; settings.xml says
// w:embedTrueTypeFonts. Word and LibreOffice (7.4 and later) then lay the document
// out in Atkinson Hyperlegible Next on a computer that does not have it.
//
// The main family's faces are embedded whole (65–71 KB each), so text typed in
// Word later has every letter the face has. The fallback face, DejaVu Sans (700
// KB a face), is embedded only when the document has characters the main face
// lacks, and then as a subset holding just those characters (w:subsetted).

// face indexes the four faces of a family.
type face int

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
)

func faceOf(bold, italic bool) face {
	f := faceRegular
	if bold {
		f |= faceBold
	}
	if italic {
		f |= faceItalic
	}
	return f
}

// coverage is which characters the main and fallback faces map, parsed once per
// process from the embedded fonts (they never change while it runs).
var coverage = sync.OnceValues(func() (cov fontCoverage, err error) {
	main, err := parseSFNT(fonts.Regular)
	if err != nil {
		return cov, fmt.Errorf("main font: %w", err)
	}
	if cov.main, err = main.cmap(); err != nil {
		return cov, fmt.Errorf("main font: %w", err)
	}
	fb, err := parseSFNT(fonts.FallbackRegular)
	if err != nil {
		return cov, fmt.Errorf("fallback font: %w", err)
	}
	if cov.fallback, err = fb.cmap(); err != nil {
		return cov, fmt.Errorf("fallback font: %w", err)
	}
	return cov, nil
})

type fontCoverage struct {
	main, fallback map[rune]uint16
}

// glyphUse records, while the document is written, which faces it uses and which
// characters need the fallback face.
type glyphUse struct {
	cov      fontCoverage
	err      error
	faces    [4]bool
	fallback [2]map[rune]bool // by bold
}

func newGlyphUse() glyphUse {
	cov, err := coverage()
	g := glyphUse{cov: cov, err: err, fallback: [2]map[rune]bool{{}, {}}}
	g.faces[faceRegular] = true
	return g
}

func (g *glyphUse) addFace(bold, italic bool) { g.faces[faceOf(bold, italic)] = true }

// needsFallback: a character the main face cannot draw and the fallback can.
// Spaces and controls never switch face.
func (g *glyphUse) needsFallback(c rune) bool {
	if c < 0x80 || unicode.IsSpace(c) || g.err != nil {
		return false
	}
	if _, ok := g.cov.main[c]; ok {
		return false
	}
	_, ok := g.cov.fallback[c]
	return ok
}

// segment returns the length in bytes of the longest prefix of s that is set in
// one face, and whether that face is the fallback. Spaces between two characters
// of the fallback face stay in its run; others go with the main face.
func (g *glyphUse) segment(s string) (int, bool) {
	if ascii(s) {
		return len(s), false // the main face has every ASCII character
	}
	first, _ := utf8.DecodeRuneInString(s)
	fb := g.needsFallback(first)
	for i, c := range s {
		if i == 0 {
			continue
		}
		if fb && unicode.IsSpace(c) {
			rest := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
			next, _ := utf8.DecodeRuneInString(rest)
			if rest != "" && g.needsFallback(next) {
				continue
			}
			return i, fb
		}
		if g.needsFallback(c) != fb {
			return i, fb
		}
	}
	return len(s), fb
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (g *glyphUse) addFallback(s string, bold bool) {
	b := 0
	if bold {
		b = 1
	}
	for _, c := range s {
		g.fallback[b][c] = true
	}
}

// addText notes text written outside runs (field results): its face only.
func (g *glyphUse) addText(s string, bold, italic bool) {
	if s != "" {
		g.addFace(bold, italic)
	}
}

func (g *glyphUse) hasFallback() bool {
	return len(g.fallback[0]) > 0 || len(g.fallback[1]) > 0
}

// embeddedFont is one face, ready to store: its family, which embedding it is,
// the obfuscated bytes and the key.
type embeddedFont struct {
	family   string
	face     face
	data     []byte // obfuscated
	key      string // {GUID}
	subset   bool
	rawBytes int // size before obfuscation, for reports
}

// mainFaces holds the obfuscated main faces, made once per process: the same
// bytes (and so the same key) go into every document.
var mainFaces = sync.OnceValue(func() [4]embeddedFont {
	var out [4]embeddedFont
	for f, data := range [4][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
		out[f] = newEmbedded(fonts.Family, face(f), data, false)
	}
	return out
})

// newEmbedded obfuscates data with a key made from the font's own bytes, so the
// same font always gets the same key and the file stays reproducible.
func newEmbedded(family string, f face, data []byte, subset bool) embeddedFont {
	sum := sha256.Sum256(data)
	var guid [16]byte
	copy(guid[:], sum[:16])
	return embeddedFont{family: family, face: f, data: obfuscate(data, guid), key: guidString(guid), subset: subset, rawBytes: len(data)}
}

// embedded lists the faces this document needs, main family first.
func (g *glyphUse) embedded() ([]embeddedFont, error) {
	if g.err != nil {
		return nil, g.err
	}
	var out []embeddedFont
	main := mainFaces()
	for f := range main {
		if g.faces[f] {
			out = append(out, main[f])
		}
	}
	for b, src := range [2][]byte{fonts.FallbackRegular, fonts.FallbackBold} {
		if len(g.fallback[b]) == 0 {
			continue
		}
		runes := make([]rune, 0, len(g.fallback[b]))
		for c := range g.fallback[b] {
			runes = append(runes, c)
		}
		slices.Sort(runes)
		data, err := subset(src, runes)
		if err != nil {
			return nil, fmt.Errorf("fallback font subset: %w", err)
		}
		out = append(out, newEmbedded(fonts.FallbackFamily, faceOf(b == 1, false), data, true))
	}
	return out, nil
}
