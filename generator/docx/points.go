package docx

import (
	"strconv"
	"strings"

	"lifeplan/generator/doc"
)

// Easy-read points. In an easy-read document each point is a picture on the left,
// a third of the width, and a few short sentences on the right, both centred on
// each other (generator/layout draws the PDF so). Word has no "picture beside
// text" that keeps its place as text is edited, so the DOCX does what councils'
// easy-read Word templates do: a borderless layout table of two columns, one row
// a point. A run of consecutive points is one table, so Word and LibreOffice never
// join two tables that touch, and the reading order stays picture, words, point by
// point.
//
// It is marked as a layout table, the way accessibility guidance asks: no header
// row (no w:tblHeader, and a tblLook without firstRow, so that the style's
// conditional formats never make the first point look like a header), and no
// caption or description, which would announce it as data (W3C, Techniques for
// WCAG 2.0, F46: "Failure of Success Criterion 1.3.1 due to using th elements,
// caption elements, or non-empty summary attributes in layout tables"). Word's
// Accessibility Checker (Microsoft, "Rules for the Accessibility Checker") asks of
// a layout table only that it reads in order, left to right and top to bottom,
// with no merged or split cells and no nested tables; each row here reads picture,
// then words, and no cell is blank. The picture keeps its alt text.
// Points inside a box (an aside) or a list stay paragraphs with the picture
// inline, so no table is ever nested in another.

// pointPadX is the cell margin left and right of a point's picture and words.
// None: the picture then starts at the text's left edge and the words exactly a
// third of the way across, wrapping where the PDF's do; the picture (at most
// 38 mm in a column of 57 mm) never reaches the words.
const pointPadX = 0

// point returns b as an easy-read point, or nil: a paragraph with a picture and
// words, in the main flow of a document whose sheet lays points out in columns.
func (r *renderer) point(b doc.Block, at place) *doc.Paragraph {
	p, ok := b.(*doc.Paragraph)
	if !ok || p.Picture == nil || !r.s.points || at.inCell || at.depth > 0 || !hasWords(p.Text) {
		return nil
	}
	return p
}

// hasWords reports whether runs print anything, so that no point leaves its words
// cell blank.
func hasWords(runs []doc.Inline) bool {
	for _, it := range runs {
		if strings.TrimSpace(it.Text) != "" || it.PageOf != "" {
			return true
		}
	}
	return false
}

// points writes a run of consecutive points as one layout table in the Easy Read
// Points style, one row a point. Spacing, the lack of borders, cell margins and
// the vertical centring all come from the style; a cell carries only its width.
func (r *renderer) points(w *xmlWriter, ps []*doc.Paragraph, at place) error {
	if len(ps) == 0 {
		return nil
	}
	r.beforeTable(w, at)
	widths := pointColumns(at.width)
	w.start("w:tbl")
	w.start("w:tblPr")
	w.empty("w:tblStyle", "w:val", stylePoints)
	w.empty("w:tblW", "w:w", strconv.Itoa(at.width), "w:type", "dxa")
	w.empty("w:tblLayout", "w:type", "fixed")
	// No first row, no bands: nothing marks a row as a header (the bit mask as in
	// table, which LibreOffice reads instead of the attributes).
	w.empty("w:tblLook", "w:val", "0600", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	w.end("w:tblPr")
	grid(w, widths)
	cells := [2]string{strconv.Itoa(widths[0]), strconv.Itoa(widths[1])}
	pictureW := min(r.s.pointW, widths[0]-2*pointPadX)
	for _, p := range ps {
		w.start("w:tr")
		// A point stays whole on its page, as in the PDF, unless its words might
		// not fit on one page (LibreOffice would cut the row off).
		if r.pointHeight(p, widths[1]) < maxUnsplitAside {
			w.WriteString("<w:trPr><w:cantSplit/></w:trPr>")
		}
		r.openPointCell(w, cells[0], stylePointPicture)
		if err := r.drawingRun(w, p.Picture, pictureW, r.s.pointMaxH); err != nil {
			return err
		}
		w.WriteString("</w:p></w:tc>")
		r.openPointCell(w, cells[1], stylePointText)
		r.runs(w, p.Text, false)
		w.WriteString("</w:p></w:tc>")
		w.end("w:tr")
	}
	w.end("w:tbl")
	r.tableDone(at)
	// The last row's bottom margin is the space a point leaves after it, so the
	// paragraph after the table needs none of its own.
	r.afterPoints = true
	return nil
}

// openPointCell opens a cell width twips wide and its paragraph in style. The
// paragraph also takes a page break owed before the points, which then moves the
// whole table on.
func (r *renderer) openPointCell(w *xmlWriter, width, style string) {
	w.start("w:tc")
	w.start("w:tcPr")
	w.empty("w:tcW", "w:w", width, "w:type", "dxa")
	w.end("w:tcPr")
	r.openPara(w, style, 0, 0)
}

// pointColumns gives the picture a third of width and the words the rest, as the
// PDF's easy read starts every point's words a third of the way across.
func pointColumns(width int) []int {
	pic := width / 3
	return []int{pic, width - pic}
}

// pointHeight estimates a point's height in twips: its words or its picture,
// whichever is taller, and the space after it.
func (r *renderer) pointHeight(p *doc.Paragraph, wordsWidth int) int {
	nat, _ := naturalWidth(p.Text, false, r.s.body)
	lines := nat/max(wordsWidth-2*pointPadX, 1) + 1
	for _, it := range p.Text {
		if it.LineBreak {
			lines++
		}
	}
	return max(lines*r.s.bodyLine, r.s.pointMaxH) + r.s.pointGap
}
