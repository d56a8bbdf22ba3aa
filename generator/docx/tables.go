package docx

import (
	"strings"
	"unicode/utf8"

	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"lifeplan/generator/doc"
)

const (
	cellPad      = 100 // left/right cell padding, twips
	borderColor  = "8C8C8C"
	headerFill   = "DCE6F2"
	asideFill    = "EEF3F8"
	asideBar     = "2F5496"
	asidePad     = 170
	pictureGap   = 170 // between a small picture and its text
	minColWeight = 4   // characters: keeps narrow columns readable
	maxColWeight = 40  // characters: long prose wraps instead of starving others
)

// table renders a data table across the available width: a repeating bold, shaded
// header row, thin borders, fixed column widths in proportion to their content and
// per-column alignment (money right-aligned).
func (r *renderer) table(t *doc.Table, avail int) *ctypes.Table {
	cols := columnCount(t)
	widths := columnWidths(t, cols, avail)
	tbl := newTable(avail, widths)
	tbl.TableProp.Borders = allBorders(ctypes.NewCellBorder(stypes.BorderStyleSingle, borderColor, "0", 4))
	tbl.TableProp.CellMargin = cellMargins(40, cellPad, 40, cellPad)
	if len(t.Header) > 0 {
		row := dataRow(t.Header, t.Align, widths, true)
		row.Property.Header = ctypes.OnOffFromBool(true)
		tbl.RowContents = append(tbl.RowContents, ctypes.RowContent{Row: row})
	}
	for _, cells := range t.Rows {
		row := dataRow(cells, t.Align, widths, false)
		tbl.RowContents = append(tbl.RowContents, ctypes.RowContent{Row: row})
	}
	return tbl
}

func dataRow(cells []doc.Cell, align []doc.Align, widths []int, header bool) *ctypes.Row {
	// Rows stay whole across page breaks, so a reader never loses half a line.
	row := &ctypes.Row{Property: &ctypes.RowProperty{CantSplit: ctypes.OnOffFromBool(true)}}
	for c, w := range widths {
		var text []doc.Inline
		if c < len(cells) {
			text = cells[c].Text
		}
		p := &ctypes.Paragraph{Property: &ctypes.ParagraphProp{Style: ctypes.NewParagraphStyle(styleCompact)}}
		p.Children = inlineRuns(text, header)
		p.Property.Justification = ctypes.NewGenSingleStrVal(justification(align, c))
		cell := &ctypes.Cell{
			Property: &ctypes.CellProperty{Width: ctypes.NewTableWidth(w, stypes.TableWidthDxa)},
			Contents: []ctypes.TCBlockContent{{Paragraph: p}},
		}
		if header {
			cell.Property.Shading = fill(headerFill)
		}
		row.Contents = append(row.Contents, ctypes.TRCellContent{Cell: cell})
	}
	return row
}

func justification(align []doc.Align, col int) stypes.Justification {
	if col >= len(align) {
		return stypes.JustificationLeft
	}
	switch align[col] {
	case doc.AlignRight:
		return stypes.JustificationRight
	case doc.AlignCenter:
		return stypes.JustificationCenter
	default:
		return stypes.JustificationLeft
	}
}

func columnCount(t *doc.Table) int {
	n := max(len(t.Align), len(t.Header))
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	return max(n, 1)
}

// columnWidths shares avail between columns. Each column first gets room for its
// longest word, so no word (or amount such as £39,141.50) is ever broken; what is
// left goes to the columns whose text is longer than that, in proportion to how much
// longer, so prose gets the room and short figures stay narrow.
func columnWidths(t *doc.Table, cols, avail int) []int {
	// A wide character of the body font (a bold digit) is about 7.5 pt (150 twips); the
	// padding covers the cell margins and a bold header.
	const charTwips, pad = 150, 300
	least := make([]int, cols)
	natural := make([]int, cols)
	measure := func(cells []doc.Cell, bold int) {
		for c := 0; c < len(cells) && c < cols; c++ {
			text := doc.PlainText(cells[c].Text)
			least[c] = max(least[c], longestWord(text)*(charTwips+bold)+pad)
			natural[c] = max(natural[c], min(utf8.RuneCountInString(text), maxColWeight)*(charTwips+bold)+pad)
		}
	}
	measure(t.Header, 12)
	for _, row := range t.Rows {
		measure(row, 0)
	}
	sumLeast, sumExtra := 0, 0
	for c := range cols {
		least[c] = max(least[c], minColWeight*charTwips)
		natural[c] = max(natural[c], least[c])
		sumLeast += least[c]
		sumExtra += natural[c] - least[c]
	}
	widths := make([]int, cols)
	used := 0
	for c := range cols {
		switch {
		case sumLeast >= avail: // even the longest words do not fit: share by them
			widths[c] = avail * least[c] / sumLeast
		case sumExtra == 0:
			widths[c] = least[c] + (avail-sumLeast)/cols
		default:
			widths[c] = least[c] + (avail-sumLeast)*(natural[c]-least[c])/sumExtra
		}
		used += widths[c]
	}
	widths[cols-1] += avail - used
	return widths
}

func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// aside sets blocks apart in a one-cell table with a light fill and a coloured bar on
// the left: a box survives page breaks and holds lists and tables, which paragraph
// borders would not frame as one unit.
func (r *renderer) aside(s sink, a *doc.Aside) error {
	avail := s.width()
	tbl := newTable(avail, []int{avail})
	none := ctypes.NewCellBorder(stypes.BorderStyleNone, "auto", "0", 0)
	borders := allBorders(none)
	borders.Left = ctypes.NewCellBorder(stypes.BorderStyleSingle, asideBar, "0", 24)
	tbl.TableProp.Borders = borders
	tbl.TableProp.CellMargin = cellMargins(asidePad, asidePad, 60, asidePad)
	cell := &ctypes.Cell{Property: &ctypes.CellProperty{
		Width:   ctypes.NewTableWidth(avail, stypes.TableWidthDxa),
		Shading: fill(asideFill),
	}}
	inner := &cellSink{cell: cell, w: avail - 2*asidePad}
	if err := r.blocks(inner, a.Blocks); err != nil {
		return err
	}
	inner.close()
	row := &ctypes.Row{Contents: []ctypes.TRCellContent{{Cell: cell}}}
	tbl.RowContents = append(tbl.RowContents, ctypes.RowContent{Row: row})
	s.table(tbl)
	return nil
}

// pictureBeside lays out a small picture to the left of content in a borderless
// two-column table, the way easy-read documents pair pictures with text; unlike a
// floating picture it cannot overlap the next paragraph.
func (r *renderer) pictureBeside(s sink, img *doc.Image, content func(sink) error) error {
	avail := s.width()
	run, err := r.drawing(img, smallPictureWidth, smallPictureMaxHeight)
	if err != nil {
		return err
	}
	picCol := smallPictureWidth + pictureGap
	widths := []int{picCol, avail - picCol}
	tbl := newTable(avail, widths)
	tbl.TableProp.Borders = allBorders(ctypes.NewCellBorder(stypes.BorderStyleNone, "auto", "0", 0))
	tbl.TableProp.CellMargin = cellMargins(0, 0, 0, 0)

	picPara := &ctypes.Paragraph{Children: []ctypes.ParagraphChild{{Run: run}}}
	picCell := &ctypes.Cell{
		Property: &ctypes.CellProperty{Width: ctypes.NewTableWidth(picCol, stypes.TableWidthDxa),
			VAlign: ctypes.NewGenSingleStrVal(stypes.VerticalJcCenter)},
		Contents: []ctypes.TCBlockContent{{Paragraph: picPara}},
	}
	textCell := &ctypes.Cell{Property: &ctypes.CellProperty{
		Width:  ctypes.NewTableWidth(widths[1], stypes.TableWidthDxa),
		VAlign: ctypes.NewGenSingleStrVal(stypes.VerticalJcCenter),
	}}
	inner := &cellSink{cell: textCell, w: widths[1]}
	if err := content(inner); err != nil {
		return err
	}
	inner.close()
	row := &ctypes.Row{
		Property: &ctypes.RowProperty{CantSplit: ctypes.OnOffFromBool(true)},
		Contents: []ctypes.TRCellContent{{Cell: picCell}, {Cell: textCell}},
	}
	tbl.RowContents = append(tbl.RowContents, ctypes.RowContent{Row: row})
	s.table(tbl)
	return nil
}

// newTable is a fixed-layout table of the given width and column grid.
func newTable(width int, cols []int) *ctypes.Table {
	layout := stypes.TableLayoutFixed
	tbl := &ctypes.Table{}
	tbl.TableProp.Width = ctypes.NewTableWidth(width, stypes.TableWidthDxa)
	tbl.TableProp.Layout = &ctypes.TableLayout{LayoutType: &layout}
	for _, w := range cols {
		cw := uint64(w)
		tbl.Grid.Col = append(tbl.Grid.Col, ctypes.Column{Width: &cw})
	}
	return tbl
}

func allBorders(b *ctypes.Border) *ctypes.TableBorders {
	return &ctypes.TableBorders{Top: b, Left: b, Bottom: b, Right: b, InsideH: b, InsideV: b}
}

func cellMargins(top, left, bottom, right int) *ctypes.CellMargins {
	dxa := stypes.TableWidthDxa
	return &ctypes.CellMargins{
		Top:    ctypes.NewTableWidth(top, dxa),
		Left:   ctypes.NewTableWidth(left, dxa),
		Bottom: ctypes.NewTableWidth(bottom, dxa),
		Right:  ctypes.NewTableWidth(right, dxa),
	}
}

func fill(color string) *ctypes.Shading {
	auto := "auto"
	return &ctypes.Shading{Val: stypes.ShdClear, Color: &auto, Fill: &color}
}
