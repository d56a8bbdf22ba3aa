package docx

import (
	"slices"
	"strings"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// Column widths are worked out the way the PDF renderer works them out, from the
// advance widths of the body font as generator/typeface knows them (the same
// widths the PDF's layout measures with), so a table's columns in Word are as
// wide as in our PDF and the document runs to about as many pages.

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

// cellSize is a cell's text measured: its width on one line and that of its
// longest word, in twips.
type cellSize struct{ natural, longest int }

// tableSizes is every cell of a table measured once: the column widths and each
// row's height are worked out from them (measuring had been done twice for
// every body cell).
type tableSizes struct {
	header      []cellSize   // in bold, as the header is drawn
	plainHeader []cellSize   // in regular, as rowHeight has always measured it
	rows        [][]cellSize // by row, then column
}

func measureCells(cells []doc.Cell, cols int, bold bool, halfPoints int) []cellSize {
	out := make([]cellSize, min(cols, len(cells)))
	for c := range out {
		out[c].natural, out[c].longest = naturalWidth(cells[c].Text, bold, halfPoints)
	}
	return out
}

func measureTable(t *doc.Table, cols, halfPoints int) tableSizes {
	ts := tableSizes{
		header:      measureCells(t.Header, cols, true, halfPoints),
		plainHeader: measureCells(t.Header, cols, false, halfPoints),
		rows:        make([][]cellSize, len(t.Rows)),
	}
	for i, row := range t.Rows {
		ts.rows[i] = measureCells(row, cols, false, halfPoints)
	}
	return ts
}

// columnWidths shares avail twips between columns as the PDF does: every column
// gets at least its longest word (header cells kept whole when they all fit); if
// the text of every column fits on one line, widths follow it; otherwise what is
// left after the minimums goes to columns in proportion to how much more they
// would take.
func columnWidths(ts tableSizes, cols, avail, padX int) []int {
	const minColumnText = 567 // 10 mm
	natural := make([]int, cols)
	minimum := make([]int, cols)
	measure := func(cells []cellSize) {
		for c, cs := range cells {
			natural[c] = max(natural[c], cs.natural+2*padX)
			minimum[c] = max(minimum[c], cs.longest+2*padX)
		}
	}
	measure(ts.header)
	for _, row := range ts.rows {
		measure(row)
	}
	withHeader := slices.Clone(minimum)
	for c, cs := range ts.header {
		withHeader[c] = max(withHeader[c], cs.natural+2*padX)
	}
	if sum(withHeader) <= avail {
		minimum = withHeader
	}
	for c := range natural {
		minimum[c] = max(minimum[c], min(natural[c], minColumnText+2*padX))
		natural[c] = max(natural[c], minimum[c], 2*padX+20)
	}
	widths := make([]int, cols)
	sumNat, sumMin := sum(natural), sum(minimum)
	switch {
	case sumNat <= avail:
		for c := range widths {
			widths[c] = natural[c] * avail / sumNat
		}
	case sumMin >= avail:
		copy(widths, capToFit(minimum, avail))
	default:
		for c := range widths {
			widths[c] = minimum[c] + (natural[c]-minimum[c])*(avail-sumMin)/(sumNat-sumMin)
		}
	}
	// Whole twips: the rounding goes to the last column, so the table fills avail.
	widths[cols-1] += avail - sum(widths)
	return widths
}

// capToFit lowers the largest values to one common cap so that they add up to
// total, leaving the values below the cap alone.
func capToFit(v []int, total int) []int {
	sorted := slices.Clone(v)
	slices.Sort(sorted)
	limit, left := int(^uint(0)>>1), total
	for i, x := range sorted {
		if rest := len(sorted) - i; x*rest > left {
			limit = left / rest
			break
		}
		left -= x
	}
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = min(x, limit)
	}
	return out
}

func sum(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}
