package docx

import (
	"math"
	"strconv"
	"strings"

	"lifeplan/generator/doc"
)

const (
	asideBar = 85 // 1.5 mm, the aside box's left bar
	asidePad = 227
)

// table writes a data table in the Plan Table style: a header row that repeats on
// every page (w:tblHeader), fixed column widths in proportion to their content and
// per-column alignment (money right-aligned) by paragraph style. Borders, padding
// and the header's shading all come from the style; no cell carries its own.
// Cells are never merged. The caption (w:tblCaption) is the heading the table
// stands under, the description lists its columns, for screen readers.
func (r *renderer) table(w *xmlWriter, t *doc.Table, avail int) {
	cols := columnCount(t)
	geom := r.tables[t]
	widths := columnWidths(geom.Widths, cols, avail)
	hasHeader := len(t.Header) > 0
	w.start("w:tbl")
	w.start("w:tblPr")
	w.empty("w:tblStyle", "w:val", styleTable)
	w.empty("w:tblW", "w:w", strconv.Itoa(avail), "w:type", "dxa")
	w.empty("w:tblLayout", "w:type", "fixed")
	// w:val is the same flags as a bit mask, which LibreOffice reads instead of
	// the attributes: 0x0020 first row, 0x0200 no horizontal bands, 0x0400 no
	// vertical bands.
	first, look := "0", "0600"
	if hasHeader {
		first, look = "1", "0620"
	}
	w.empty("w:tblLook", "w:val", look, "w:firstRow", first, "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	if c := r.captions[t]; c != "" {
		w.empty("w:tblCaption", "w:val", c)
	}
	if hasHeader {
		names := make([]string, 0, len(t.Header))
		for _, c := range t.Header {
			if s := strings.TrimSpace(doc.PlainText(c.Text)); s != "" {
				names = append(names, s)
			}
		}
		if len(names) > 0 {
			w.empty("w:tblDescription", "w:val", "Columns: "+strings.Join(names, "; "))
		}
	}
	w.end("w:tblPr")
	grid(w, widths)
	if hasHeader {
		r.row(w, t.Header, geom.Header, t.Align, widths, true)
	}
	for i, cells := range t.Rows {
		var h float64
		if i < len(geom.Rows) {
			h = geom.Rows[i]
		}
		r.row(w, cells, h, t.Align, widths, false)
	}
	w.end("w:tbl")
}

func grid(w *xmlWriter, widths []int) {
	w.start("w:tblGrid")
	for _, c := range widths {
		w.empty("w:gridCol", "w:w", strconv.Itoa(c))
	}
	w.end("w:tblGrid")
}

func (r *renderer) row(w *xmlWriter, cells []doc.Cell, height float64, align []doc.Align, widths []int, header bool) {
	w.start("w:tr")
	// Rows stay whole across page breaks, so a reader never loses half a line,
	// unless a row may be too tall for a page (LibreOffice would cut it off); the
	// header row repeats at the top of every page the table runs onto.
	w.start("w:trPr")
	if mmToTwips(height) < maxUnsplitAside {
		w.empty("w:cantSplit")
	}
	if header {
		w.empty("w:tblHeader")
	}
	w.end("w:trPr")
	for c, cw := range widths {
		w.start("w:tc")
		w.start("w:tcPr")
		w.empty("w:tcW", "w:w", strconv.Itoa(cw), "w:type", "dxa")
		w.end("w:tcPr")
		w.start("w:p")
		w.start("w:pPr")
		w.empty("w:pStyle", "w:val", cellStyle(align, c))
		if r.pendingBreak {
			// A page break owed before the table moves the whole table on.
			w.empty("w:pageBreakBefore")
			r.pendingBreak = false
		}
		w.end("w:pPr")
		if c < len(cells) {
			r.runs(w, cells[c].Text, header)
		}
		w.end("w:p")
		w.end("w:tc")
	}
	w.end("w:tr")
}

func cellStyle(align []doc.Align, col int) string {
	if col < len(align) {
		switch align[col] {
		case doc.AlignRight:
			return styleTableRight
		case doc.AlignCenter:
			return styleTableCenter
		}
	}
	return styleTableText
}

func columnCount(t *doc.Table) int {
	n := max(len(t.Align), len(t.Header))
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	return max(n, 1)
}

// aside sets blocks apart in a one-cell table in the Aside Box style (a tint and a
// bar down the left, as in the PDF): unlike paragraph borders, a box holds lists
// and tables as one unit and keeps its shape across page breaks.
func (r *renderer) aside(w *xmlWriter, a *doc.Aside, at place) error {
	if at.inCell {
		// A box inside a box adds nothing for the reader.
		return r.blocks(w, a.Blocks, at)
	}
	r.beforeTable(w, at)
	avail := at.width
	w.start("w:tbl")
	w.start("w:tblPr")
	w.empty("w:tblStyle", "w:val", styleAside)
	w.empty("w:tblW", "w:w", strconv.Itoa(avail), "w:type", "dxa")
	w.empty("w:tblLayout", "w:type", "fixed")
	w.empty("w:tblLook", "w:val", "0600", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	w.empty("w:tblDescription", "w:val", "Set apart from the main text")
	w.end("w:tblPr")
	grid(w, []int{avail})
	w.start("w:tr")
	// A short box is not split, as in the PDF. A row that may not split and is
	// taller than a page is cut off by LibreOffice, so a box that might not fit
	// on one page is left free to break.
	if r.estimateHeight(a.Blocks, avail-2*asidePad-asideBar) < maxUnsplitAside {
		w.WriteString("<w:trPr><w:cantSplit/></w:trPr>")
	}
	w.start("w:tc")
	w.start("w:tcPr")
	w.empty("w:tcW", "w:w", strconv.Itoa(avail), "w:type", "dxa")
	w.end("w:tcPr")
	inner := place{width: avail - 2*asidePad - asideBar, inCell: true, depth: at.depth}
	r.afterTable = false
	endsWithTable := false
	for _, b := range a.Blocks {
		if err := r.block(w, b, inner); err != nil {
			return err
		}
		_, isTable := b.(*doc.Table)
		endsWithTable = isTable
	}
	if len(a.Blocks) == 0 || endsWithTable {
		// OOXML requires a cell to end with a paragraph.
		r.openPara(w, styleTableText, 0, 0)
		w.end("w:p")
	}
	w.end("w:tc")
	w.end("w:tr")
	w.end("w:tbl")
	r.tableDone(at)
	return nil
}

// maxUnsplitAside is the tallest an aside may be estimated, in twips, and still be
// kept on one page: 60% of the page's text height, so a low estimate still fits.
const maxUnsplitAside = (pageHeight - marginTop - marginBottom) * 6 / 10

// estimateHeight is roughly how tall blocks are set width twips wide: lines of
// body text at the body's line height, plus the space after each paragraph.
func (r *renderer) estimateHeight(blocks []doc.Block, width int) int {
	h := 0
	lines := func(runs []doc.Inline, size, w int) int {
		nat, _ := naturalWidth(runs, false, size)
		return nat/max(w, 1) + 1
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			h += lines(b.Text, r.s.body, width)*r.s.bodyLine + r.s.paraAfter
			if b.Picture != nil {
				h += r.s.pictureMaxH
			}
		case *doc.Heading:
			h += r.s.heading[min(max(b.Level, 1), 4)].line * 2
		case *doc.List:
			for _, it := range b.Items {
				h += r.estimateHeight(it.Blocks, width-r.s.listIndent)
				if it.Picture != nil {
					h += r.s.pictureMaxH
				}
			}
		case *doc.Table:
			cols := max(columnCount(b), 1)
			for _, row := range append([][]doc.Cell{b.Header}, b.Rows...) {
				most := 1
				for _, c := range row {
					most = max(most, lines(c.Text, r.s.table, width/cols))
				}
				h += most*r.s.tableLine + 2*r.s.cellPadY
			}
		case *doc.Figure:
			h += r.s.figureMaxH
		case *doc.Aside:
			h += r.estimateHeight(b.Blocks, width)
		}
	}
	return h
}

// columnWidths shares avail twips between cols columns as the PDF's layout
// shared its width between them (mm), so a table's columns in Word are about as
// wide as in our PDF: a money column as narrow, a column of prose as wide, and
// the document runs to about as many pages. Word and LibreOffice measure text a
// little wider than our layout does (LibreOffice broke £39,057.33 in bold, set
// in a column exactly its width in the PDF), so each column but the widest gets
// columnSlack more, and the widest gives it up as long as that is at most a
// quarter of it (else the widths are the layout's as they are). The rounding
// goes to the last column, so the table fills avail. A table the layout did not
// see (it always does) gets equal columns.
func columnWidths(mm []float64, cols, avail int) []int {
	widths := make([]int, cols)
	total := 0.0
	for _, w := range mm {
		total += w
	}
	if len(mm) != cols || total <= 0 {
		for c := range widths {
			widths[c] = avail / cols
		}
		widths[cols-1] += avail - avail/cols*cols
		return widths
	}
	used := 0
	for c := range widths {
		widths[c] = int(float64(avail) * mm[c] / total)
		used += widths[c]
	}
	widths[cols-1] += avail - used
	widest := 0
	slack := make([]int, cols)
	extra := 0
	for c, w := range widths {
		if w > widths[widest] {
			widest = c
		}
		slack[c] = int(float64(w) * columnSlack)
		extra += slack[c]
	}
	extra -= slack[widest]
	if extra > widths[widest]/4 {
		return widths
	}
	for c := range widths {
		if c != widest {
			widths[c] += slack[c]
		}
	}
	widths[widest] -= extra
	return widths
}

// columnSlack is how much wider than in the PDF a DOCX column is made: 5%, some
// 70 twips (1.2 mm) on a column of figures.
const columnSlack = 0.05

// mmToTwips converts a length in mm to twips (1,440 an inch).
func mmToTwips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }
