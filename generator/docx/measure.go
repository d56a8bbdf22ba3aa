package docx

import (
	"strings"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// A table's columns take their widths from the PDF's layout (columnWidths in
// tables.go). What is measured here is text for the estimates of how tall an
// aside or an easy-read point will be, from the advance widths of the body font
// as generator/typeface knows them (the same widths the PDF's layout measures
// with).

// textTwips is the width of s in face f at size (half-points), in twips. A
// character the face lacks counts as wide as an "n". The faces' widths are in
// thousandths of an em.
func textTwips(f *typeface.Face, s string, halfPoints int) int {
	units := 0
	for _, c := range s {
		if c > 0x20 && c < 0x7F || f.Has(c) { // printable ASCII: every face has it (TestEveryFaceHasASCII)
			units += f.Advance(c)
		} else {
			units += f.Advance('n')
		}
	}
	return units * halfPoints * 10 / 1000
}

// naturalWidth is the width of a cell's text on one line (the widest line when it
// has line breaks), and of its longest word, in twips.
func naturalWidth(runs []doc.Inline, bold bool, halfPoints int) (natural, longest int) {
	fonts := typeface.Default()
	line := 0
	space := 0
	for _, r := range runs {
		if r.LineBreak {
			natural, line = max(natural, line), 0
			continue
		}
		face := fonts.Face(typeface.Regular)
		if bold || r.Bold {
			face = fonts.Face(typeface.Bold)
		}
		space = textTwips(face, " ", halfPoints)
		first := true
		for word := range strings.SplitSeq(r.Text, " ") {
			if !first {
				line += space
			}
			first = false
			w := textTwips(face, word, halfPoints)
			line += w
			longest = max(longest, w)
		}
	}
	return max(natural, line), longest
}
