package layout

import (
	"math"
	"slices"
	"strings"

	"lifeplan/generator/doc"
)

// maxWholeTableRows: a table of at most this many body rows is never split; it moves
// to the next page whole.
const maxWholeTableRows = 6

// tableGeom is a table's columns once laid out.
type tableGeom struct {
	x      float64
	widths []float64
	align  []doc.Align
}

func (f *flow) table(t *doc.Table, parent *Elem, fr frame) {
	cols := len(t.Align)
	for _, row := range append([][]doc.Cell{t.Header}, t.Rows...) {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	sh := f.sh
	tw := f.readTable(t)
	g := tableGeom{x: fr.x, widths: f.columnWidthsOf(t, tw, cols, fr.w), align: t.Align}
	te := f.elem(parent, "Table")
	start := len(f.items)

	geom := TableGeometry{Widths: g.widths, Rows: make([]float64, len(t.Rows))}
	var header *item
	if !emptyRow(t.Header) {
		// Key/value tables (About this plan) come without a header: none is drawn.
		tr := f.elem(te, "TR")
		cells := make([]*Elem, cols)
		for c := range cells {
			cells[c] = f.elem(tr, "TH")
			cells[c].Scope = "Column"
		}
		hi := f.rowItem(g, tw.header, sh.header, cells, true)
		geom.Header = hi.h
		f.add(hi)
		header = &f.items[len(f.items)-1]
	}
	var repeat *item
	if header != nil {
		repeat = asArtifacts(*header)
	}
	firstRow := len(f.items)
	for r := range t.Rows {
		tr := f.elem(te, "TR")
		cells := make([]*Elem, cols)
		for c := range cells {
			cells[c] = f.elem(tr, "TD")
		}
		row := f.rowItem(g, tw.rows[r], sh.cell, cells, false)
		geom.Rows[r] = row.h
		for _, it := range f.splitRow(row) {
			it.repeat = repeat
			f.add(it)
		}
	}
	f.tables[t] = geom
	items := f.items[start:]
	rows := f.items[firstRow:]
	total := 0.0
	for _, it := range items {
		total += it.h
	}
	if len(t.Rows) <= maxWholeTableRows || total <= contentBottom-contentTop {
		// Moves to the next page whole.
		for i := range items {
			if i > 0 {
				items[i].keep = true
			}
		}
	} else if len(rows) > 0 {
		// The header never stands alone, and no row is left alone on either side
		// of a break.
		rows[0].keep = header != nil || rows[0].keep
		if len(rows) > 1 {
			rows[1].keep = true
			rows[len(rows)-1].keep = true
		}
	}
	f.gap(sh.gapBlock)
}

func emptyRow(cells []doc.Cell) bool {
	for _, c := range cells {
		if strings.TrimSpace(doc.PlainText(c.Text)) != "" {
			return false
		}
	}
	return true
}

// asArtifacts copies an item with every box made an artifact: a header row repeated
// on a later page is decoration; it was read once where the table began.
func asArtifacts(it item) *item {
	c := it
	c.boxes = slices.Clone(it.boxes)
	for i := range c.boxes {
		c.boxes[i].Elem = nil
		c.boxes[i].Artifact = ArtifactLayout
		if !strings.HasPrefix(c.boxes[i].Link, standInMark) { // fillPageRefs must find its stand-ins
			c.boxes[i].Link = ""
		}
	}
	c.keep, c.gap, c.anchors, c.bookmark, c.repeat = false, 0, nil, nil, nil
	return &c
}

// tableWords is a table's cells read into words, once: the column widths measure
// them, then each row wraps them.
type tableWords struct {
	header [][]word   // by column
	rows   [][][]word // by row, then column
}

// readTable reads every cell into the measurer's table scratch space, one block
// for all of them; the words are valid until the next table is read.
func (f *flow) readTable(t *doc.Table) tableWords {
	sc := &f.m.scratch
	ws, pieces := sc.tableWords[:0], sc.tablePieces[:0]
	read := func(cells []doc.Cell, ts textStyle) [][]word {
		out := make([][]word, len(cells))
		for c, cell := range cells {
			var from int
			ws, pieces, from = f.m.readWords(cell.Text, ts, ws, pieces)
			out[c] = ws[from:len(ws):len(ws)]
		}
		return out
	}
	tw := tableWords{header: read(t.Header, f.sh.header), rows: make([][][]word, len(t.Rows))}
	for r, row := range t.Rows {
		tw.rows[r] = read(row, f.sh.cell)
	}
	sc.tableWords, sc.tablePieces = ws, pieces
	return tw
}

// rowItem lays out one row: fill (header), the cells' text, then the borders.
func (f *flow) rowItem(g tableGeom, cells [][]word, ts textStyle, elems []*Elem, header bool) item {
	sh := f.sh
	lh := ts.lineHeight()
	laid := make([][]line, len(g.widths))
	n := 1
	for c := range g.widths {
		if c < len(cells) {
			laid[c] = f.m.wrapWords(cells[c], ts, math.Max(g.widths[c]-2*sh.cellPadX, 1))
			n = max(n, len(laid[c]))
		}
	}
	h := float64(n)*lh + 2*sh.cellPadY
	it := item{h: h, lines: 2}
	// The row's boxes, counted: the fill, each segment of each line, a border
	// for each cell.
	count := 1 + len(g.widths)
	for _, ls := range laid {
		for _, l := range ls {
			count += len(l.segs)
		}
	}
	it.boxes = f.boxRoom(count)
	tw := sum(g.widths)
	if header {
		it.boxes = append(it.boxes, Box{Kind: Fill, X: g.x, Y: 0, W: tw, H: h, Color: colHeaderFill})
	}
	x := g.x
	for c, w := range g.widths {
		align := doc.AlignLeft
		if c < len(g.align) {
			align = g.align[c]
		}
		cell := frame{x: x + sh.cellPadX, w: w - 2*sh.cellPadX}
		for i, l := range laid[c] {
			it.boxes = f.lineBoxes(it.boxes, nil, l, ts, cell, sh.cellPadY+float64(i)*lh, align, colText, elems[c])
		}
		x += w
	}
	x = g.x
	for _, w := range g.widths {
		it.boxes = append(it.boxes, Box{Kind: Stroke, X: x, Y: 0, W: w, H: h, LineWidth: sh.tableRule, Color: colTableLine})
		x += w
	}
	return it
}

// splitRow cuts a row taller than a page into slices of whole lines, each with its
// own borders, so that even a very long cell flows across pages.
func (f *flow) splitRow(it item) []item {
	room := contentBottom - contentTop - 2*f.sh.cellPadY - f.sh.header.lineHeight()*2
	if it.h <= room {
		return []item{it}
	}
	lh := f.sh.cell.lineHeight()
	perSlice := max(int(room/lh), 1)
	pad := f.sh.cellPadY
	// Text boxes by line: a line's baseline lies within [pad+i*lh, pad+(i+1)*lh).
	var strokes []Box
	var fills []Box
	byLine := map[int][]Box{}
	maxLine := 0
	for _, b := range it.boxes {
		switch b.Kind {
		case Stroke:
			strokes = append(strokes, b)
		case Fill:
			fills = append(fills, b)
		default:
			i := int((b.Y - pad) / lh)
			byLine[i] = append(byLine[i], b)
			maxLine = max(maxLine, i)
		}
	}
	var out []item
	for from := 0; from <= maxLine; from += perSlice {
		to := min(from+perSlice, maxLine+1)
		h := float64(to-from)*lh + 2*pad
		s := item{h: h, lines: to - from, keep: from > 0}
		for _, b := range fills {
			b.H = h
			s.boxes = append(s.boxes, b)
		}
		for i := from; i < to; i++ {
			for _, b := range byLine[i] {
				b.Y -= float64(from) * lh
				s.boxes = append(s.boxes, b)
			}
		}
		for _, b := range strokes {
			b.H = h
			s.boxes = append(s.boxes, b)
		}
		out = append(out, s)
	}
	// The slices of a row may break between them: they are a row taller than a page.
	for i := range out {
		if i > 0 {
			out[i].keep = false
		}
	}
	return out
}

// columnWidths shares width between columns the way browsers lay out automatic
// tables: each column gets at least its longest word (so no word is cut) and the
// rest of the room in proportion to how much more its text would like. A table
// whose text all fits on one line is stretched to the full width, in proportion.
func (f *flow) columnWidths(t *doc.Table, cols int, width float64) []float64 {
	return f.columnWidthsOf(t, f.readTable(t), cols, width)
}

// columnWidthsOf is columnWidths for t read into words, tw.
func (f *flow) columnWidthsOf(t *doc.Table, tw tableWords, cols int, width float64) []float64 {
	sh := f.sh
	natural := make([]float64, cols)
	minimum := make([]float64, cols)
	measure := func(cells [][]word, ts textStyle) {
		for c := 0; c < cols && c < len(cells); c++ {
			nat, longest := naturalWidthOf(cells[c], ts)
			natural[c] = math.Max(natural[c], nat+2*sh.cellPadX)
			minimum[c] = math.Max(minimum[c], longest+2*sh.cellPadX)
		}
	}
	measure(tw.header, sh.header)
	for _, row := range tw.rows {
		measure(row, sh.cell)
	}
	// Header cells read best unbroken: keep each whole if all of them fit.
	withHeader := make([]float64, cols)
	for c := range withHeader {
		withHeader[c] = minimum[c]
		if c < len(tw.header) {
			nat, _ := naturalWidthOf(tw.header[c], sh.header)
			withHeader[c] = math.Max(withHeader[c], nat+2*sh.cellPadX)
		}
	}
	if sum(withHeader) <= width {
		minimum = withHeader
	}
	for c := range natural {
		// An empty or one-letter column still gets a usable width.
		minimum[c] = math.Max(minimum[c], math.Min(natural[c], sh.minColumnText+2*sh.cellPadX))
		natural[c] = math.Max(natural[c], minimum[c])
		natural[c] = math.Max(natural[c], 2*sh.cellPadX+1)
	}
	widths := make([]float64, cols)
	sumNat, sumMin := sum(natural), sum(minimum)
	switch {
	case sumNat <= width:
		// Every column fits its text on one line. The room left goes to the text
		// columns: a column of figures (right-aligned: money, hours) stays as
		// narrow as its longest figure.
		grow := 0.0
		for c := range natural {
			if !figureColumn(t, c) {
				grow += natural[c]
			}
		}
		for c := range widths {
			widths[c] = natural[c]
			switch {
			case grow == 0:
				widths[c] = natural[c] * width / sumNat
			case !figureColumn(t, c):
				widths[c] += natural[c] / grow * (width - sumNat)
			}
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

// figureColumn says whether column c holds figures: the template right-aligns them.
func figureColumn(t *doc.Table, c int) bool {
	return c < len(t.Align) && t.Align[c] == doc.AlignRight
}
