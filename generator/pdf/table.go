package pdf

import (
	"math"
	"slices"

	"lifeplan/generator/doc"
)

const (
	cellPadX      = 2.0 // mm, left and right inside a cell
	cellPadY      = 1.5 // mm, above and below a cell's text
	minColumnText = 10.0
	tableRule     = 0.25 // mm, border width
)

var (
	cellText   = textStyle{size: 11, leading: 1.3}
	headerText = textStyle{size: 11, leading: 1.3, forceBold: true}
)

// tableRow is a row laid out in its columns.
type tableRow struct {
	cells [][]line
	lines int // lines in the tallest cell
}

func (tr tableRow) height() float64 {
	return float64(tr.lines)*cellText.lineHeight() + 2*cellPadY
}

// tableLayout is what drawing a table needs once its text is laid out.
type tableLayout struct {
	x      float64
	widths []float64
	align  []doc.Align
	header tableRow
	rows   []tableRow
}

func (r *renderer) drawTable(t *doc.Table, fr frame) {
	cols := len(t.Align)
	for _, row := range append([][]doc.Cell{t.Header}, t.Rows...) {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	tl := tableLayout{x: fr.x, widths: r.columnWidths(t, cols, fr.w), align: t.Align}
	tl.header = r.layoutRow(t.Header, tl.widths, headerText)
	for _, row := range t.Rows {
		tl.rows = append(tl.rows, r.layoutRow(row, tl.widths, cellText))
	}

	r.applyGap()
	// The header never stands alone: it needs the first row (or a good part of a
	// very tall first row) below it.
	first := 0.0
	if len(tl.rows) > 0 {
		first = math.Min(tl.rows[0].height(), 3*cellText.lineHeight()+2*cellPadY)
	}
	r.ensure(tl.header.height() + first)
	r.drawRowPart(tl, tl.header, true, 0, tl.header.lines)
	for _, row := range tl.rows {
		r.drawTableRow(tl, row)
	}
	r.atTop = false
	r.gap(gapBlock)
}

// drawTableRow draws a row on this page if it fits, else on the next page below a
// repeated header. Only a row taller than a whole page is split, line by line.
func (r *renderer) drawTableRow(tl tableLayout, row tableRow) {
	headerH := tl.header.height()
	if r.y+row.height() > contentBottom+epsilon && row.height() <= contentBottom-contentTop-headerH {
		r.tableBreak(tl)
	}
	lh := cellText.lineHeight()
	fresh := false // just broke the page: another break would loop for ever
	for from := 0; from < row.lines; {
		fit := int((contentBottom - r.y - 2*cellPadY + epsilon) / lh)
		if fit < 1 && !fresh {
			r.tableBreak(tl)
			fresh = true
			continue
		}
		to := min(from+max(fit, 1), row.lines)
		r.drawRowPart(tl, row, false, from, to)
		from, fresh = to, false
	}
}

// tableBreak continues a table on a new page, repeating its header row.
func (r *renderer) tableBreak(tl tableLayout) {
	r.newPage()
	r.drawRowPart(tl, tl.header, true, 0, tl.header.lines)
}

// drawRowPart draws lines [from, to) of every cell of a row at the cursor, with
// borders, and moves the cursor below it.
func (r *renderer) drawRowPart(tl tableLayout, row tableRow, header bool, from, to int) {
	ts := cellText
	if header {
		ts = headerText
	}
	h := float64(to-from)*ts.lineHeight() + 2*cellPadY
	if !r.dry {
		r.drawCells(tl, row, ts, header, from, to, h)
	}
	r.y += h
	r.atTop = false
}

func (r *renderer) drawCells(tl tableLayout, row tableRow, ts textStyle, header bool, from, to int, h float64) {
	x := tl.x
	if header {
		r.setFill(colHeaderFill)
		r.pdf.Rect(x, r.y, sum(tl.widths), h, "F")
	}
	for c, w := range tl.widths {
		align := doc.AlignLeft
		if c < len(tl.align) {
			align = tl.align[c]
		}
		cell := frame{x: x + cellPadX, w: w - 2*cellPadX}
		if c < len(row.cells) {
			for i := from; i < min(to, len(row.cells[c])); i++ {
				top := r.y + cellPadY + float64(i-from)*ts.lineHeight()
				r.drawLine(row.cells[c][i], ts, cell, top, align, colText)
			}
		}
		x += w
	}
	r.setDraw(colTableLine, tableRule)
	x = tl.x
	for _, w := range tl.widths {
		r.pdf.Rect(x, r.y, w, h, "D")
		x += w
	}
}

func (r *renderer) layoutRow(cells []doc.Cell, widths []float64, ts textStyle) tableRow {
	tr := tableRow{cells: make([][]line, len(widths)), lines: 1}
	for c := range widths {
		if c < len(cells) {
			tr.cells[c] = r.m.wrap(cells[c].Text, ts, widths[c]-2*cellPadX)
			tr.lines = max(tr.lines, len(tr.cells[c]))
		}
	}
	return tr
}

// columnWidths shares width between columns the way browsers lay out automatic
// tables: each column gets at least its longest word (so no word is cut) and the
// rest of the room in proportion to how much more its text would like. A table
// whose text all fits on one line is stretched to the full width, in proportion.
func (r *renderer) columnWidths(t *doc.Table, cols int, width float64) []float64 {
	natural := make([]float64, cols)
	minimum := make([]float64, cols)
	measure := func(cells []doc.Cell, ts textStyle) {
		for c := 0; c < cols && c < len(cells); c++ {
			nat, longest := r.m.naturalWidth(cells[c].Text, ts)
			natural[c] = math.Max(natural[c], nat+2*cellPadX)
			minimum[c] = math.Max(minimum[c], longest+2*cellPadX)
		}
	}
	measure(t.Header, headerText)
	for _, row := range t.Rows {
		measure(row, cellText)
	}
	// Header cells read best unbroken: keep each whole if all of them fit.
	withHeader := make([]float64, cols)
	for c := range withHeader {
		withHeader[c] = minimum[c]
		if c < len(t.Header) {
			nat, _ := r.m.naturalWidth(t.Header[c].Text, headerText)
			withHeader[c] = math.Max(withHeader[c], nat+2*cellPadX)
		}
	}
	if sum(withHeader) <= width {
		minimum = withHeader
	}
	for c := range natural {
		// An empty or one-letter column still gets a usable width.
		minimum[c] = math.Max(minimum[c], math.Min(natural[c], minColumnText+2*cellPadX))
		natural[c] = math.Max(natural[c], minimum[c])
		natural[c] = math.Max(natural[c], 2*cellPadX+1)
	}
	widths := make([]float64, cols)
	sumNat, sumMin := sum(natural), sum(minimum)
	switch {
	case sumNat <= width:
		for c := range widths {
			widths[c] = natural[c] * width / sumNat
		}
	case sumMin >= width:
		// The longest words do not fit side by side: the longest of them (a web
		// address, say) are broken so the other columns keep theirs.
		copy(widths, capToFit(minimum, width))
	default:
		extra := (width - sumMin) / (sumNat - sumMin)
		for c := range widths {
			widths[c] = minimum[c] + (natural[c]-minimum[c])*extra
		}
	}
	return widths
}

// capToFit lowers the largest values to one common cap so that they add up to
// total, leaving the values below the cap alone.
func capToFit(v []float64, total float64) []float64 {
	sorted := slices.Clone(v)
	slices.Sort(sorted)
	limit, left := math.Inf(1), total
	for i, x := range sorted {
		if rest := len(sorted) - i; x*float64(rest) > left {
			limit = left / float64(rest)
			break
		}
		left -= x
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Min(x, limit)
	}
	return out
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
