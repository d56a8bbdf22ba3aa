// Package fonts embeds the typeface every document is set in: Atkinson Hyperlegible,
// drawn by the Braille Institute for readers with low vision, whose letters are hard
// to mistake for one another (I l 1, O 0). Licensed under the SIL Open Font License 1.1
// (OFL.txt beside this file), which allows embedding in documents.
package fonts

import _ "embed"

// Family is the font family name written into documents.
const Family = "Atkinson Hyperlegible"

var (
	//go:embed AtkinsonHyperlegible-Regular.ttf
	Regular []byte
	//go:embed AtkinsonHyperlegible-Bold.ttf
	Bold []byte
	//go:embed AtkinsonHyperlegible-Italic.ttf
	Italic []byte
	//go:embed AtkinsonHyperlegible-BoldItalic.ttf
	BoldItalic []byte
)
