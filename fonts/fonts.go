// Package fonts embeds the typefaces every document is set in.
//
// The main face is Atkinson Hyperlegible Next, drawn by the Braille Institute for
// readers with low vision, whose letters are hard to mistake for one another (I l 1,
// O 0). It has the Welsh letters (Ŵ ŵ Ŷ ŷ, as in "Tŷ") the first Atkinson Hyperlegible
// lacked. SIL Open Font License 1.1 (OFL.txt), which allows embedding in documents.
//
// The fallback face is DejaVu Sans (Bitstream Vera licence, LICENSE-DejaVu.txt), with
// wide coverage (Greek, Cyrillic, symbols such as ✓ ✗) for the characters the main
// face has no glyph for. It has no italics: italic text that falls back is drawn
// upright, which keeps the letter readable.
package fonts

import _ "embed"

// Family is the main font family name written into documents.
const Family = "Atkinson Hyperlegible Next"

// FallbackFamily is the family of the fallback face.
const FallbackFamily = "DejaVu Sans"

var (
	//go:embed AtkinsonHyperlegibleNext-Regular.ttf
	Regular []byte
	//go:embed AtkinsonHyperlegibleNext-Bold.ttf
	Bold []byte
	//go:embed AtkinsonHyperlegibleNext-Italic.ttf
	Italic []byte
	//go:embed AtkinsonHyperlegibleNext-BoldItalic.ttf
	BoldItalic []byte

	//go:embed DejaVuSans.ttf
	FallbackRegular []byte
	//go:embed DejaVuSans-Bold.ttf
	FallbackBold []byte
)
