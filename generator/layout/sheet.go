package layout

import "lifeplan/generator/doc"

// sheet is a style sheet: the sizes and spacing of one kind of document. Lengths are
// in mm, sizes in pt.
type sheet struct {
	body, cell, header, furniture textStyle
	brandContact                  textStyle       // the organisation's contact line on the first page
	headings                      [5]headingStyle // by level, 1 to 4

	gapParagraph float64 // after a paragraph in the main flow
	gapInList    float64 // after a paragraph or nested list inside a list item
	gapBlock     float64 // after a list, table, figure or aside

	listIndent float64 // hanging indent per list level
	markerGap  float64 // between a marker and its text

	// A picture beside a paragraph, and beside a list item's text.
	pictureW, pictureMaxH, pictureGap float64
	// pictureColumn, when set, is the width from a paragraph's picture to its text,
	// so that in easy read all the words start in one column.
	pictureColumn                 float64
	itemPictureW, itemPictureMaxH float64
	figureMaxH                    float64
	// coverFigureMaxH, when set, is the most a picture on the cover (before the
	// first page break) may be: less than figureMaxH when the cover would not
	// otherwise fit its page (coverFigureMaxH in layout.go).
	coverFigureMaxH float64

	asidePad, asideBar float64
	cellPadX, cellPadY float64
	minColumnText      float64
	tableRule          float64
	minTextWidth       float64 // deeply nested content never gets narrower than this
}

type headingStyle struct {
	ts            textStyle
	before, after float64
}

// sheetFor returns the style sheet of a kind of document, with every text size
// multiplied by scale (a one-page document shrinks to fit).
func sheetFor(k doc.Kind, scale float64) *sheet {
	var s sheet
	switch k {
	case doc.EasyRead:
		// UK easy-read conventions (Department of Health, "Making written
		// information easier to understand for people with learning disabilities",
		// 2010; Mencap, "Am I making myself clear?"): text of at least 16 pt, about
		// 1.5 line spacing, no italics, a picture on the left of each point, about a
		// third of the width, and plenty of white space.
		s = sheet{
			body:      textStyle{size: 16, leading: 1.5, noItalic: true},
			cell:      textStyle{size: 16, leading: 1.4, noItalic: true},
			header:    textStyle{size: 16, leading: 1.4, forceBold: true, noItalic: true},
			furniture: textStyle{size: 10, leading: 1.2},
			// Every word of an easy-read document is at least 16 pt.
			brandContact: textStyle{size: 16, leading: 1.3, noItalic: true},
			headings: [5]headingStyle{
				1: {textStyle{size: 30, leading: 1.2, forceBold: true, noItalic: true}, 0, 8},
				2: {textStyle{size: 24, leading: 1.25, forceBold: true, noItalic: true}, 12, 6},
				3: {textStyle{size: 20, leading: 1.25, forceBold: true, noItalic: true}, 8, 4},
				4: {textStyle{size: 18, leading: 1.3, forceBold: true, noItalic: true}, 6, 3},
			},
			gapParagraph: 5, gapInList: 3, gapBlock: 7,
			listIndent: 9, markerGap: 3,
			pictureW: 38, pictureMaxH: 30, pictureGap: 8, pictureColumn: contentW / 3,
			itemPictureW: 30, itemPictureMaxH: 30,
			figureMaxH: 80,
			asidePad:   5, asideBar: 2,
			cellPadX: 2.5, cellPadY: 2,
			minColumnText: 14, tableRule: 0.3, minTextWidth: 30,
		}
	case doc.OnePage:
		s = sheet{
			body:         textStyle{size: 12, leading: 1.3},
			cell:         textStyle{size: 12, leading: 1.25},
			header:       textStyle{size: 12, leading: 1.25, forceBold: true},
			furniture:    textStyle{size: 8.5, leading: 1.2},
			brandContact: textStyle{size: 9.5, leading: 1.3},
			headings: [5]headingStyle{
				1: {textStyle{size: 22, leading: 1.15, forceBold: true}, 0, 3},
				2: {textStyle{size: 15, leading: 1.2, forceBold: true}, 5, 1.5},
				3: {textStyle{size: 13, leading: 1.2, forceBold: true}, 3, 1},
				4: {textStyle{size: 12, leading: 1.25, forceBold: true}, 2.5, 1},
			},
			gapParagraph: 2, gapInList: 0.8, gapBlock: 2.5,
			listIndent: 6, markerGap: 2,
			pictureW: 40, pictureMaxH: 45, pictureGap: 5,
			itemPictureW: 12, itemPictureMaxH: 12,
			figureMaxH: 45,
			asidePad:   3, asideBar: 1.5,
			cellPadX: 1.5, cellPadY: 1,
			minColumnText: 10, tableRule: 0.25, minTextWidth: 15,
		}
	default:
		// Body text: 11.5 pt with 1.4 line spacing, generous for readers with
		// learning disabilities.
		s = sheet{
			body:         textStyle{size: 11.5, leading: 1.4},
			cell:         textStyle{size: 11, leading: 1.3},
			header:       textStyle{size: 11, leading: 1.3, forceBold: true},
			furniture:    textStyle{size: 8.5, leading: 1.2},
			brandContact: textStyle{size: 9.5, leading: 1.3},
			headings: [5]headingStyle{
				1: {textStyle{size: 24, leading: 1.2, forceBold: true}, 0, 6},
				2: {textStyle{size: 17, leading: 1.25, forceBold: true}, 9, 3},
				3: {textStyle{size: 14, leading: 1.25, forceBold: true}, 6, 2.5},
				4: {textStyle{size: 12, leading: 1.3, forceBold: true}, 4.5, 2},
			},
			gapParagraph: 3, gapInList: 1.6, gapBlock: 4.5,
			listIndent: 7.5, markerGap: 2.5,
			pictureW: 22, pictureMaxH: 30, pictureGap: 4,
			itemPictureW: 14, itemPictureMaxH: 14,
			figureMaxH: 65,
			asidePad:   4, asideBar: 1.5,
			cellPadX: 2, cellPadY: 1.5,
			minColumnText: 10, tableRule: 0.25, minTextWidth: 15,
		}
	}
	if scale != 1 {
		s.body = s.body.scaled(scale)
		s.cell = s.cell.scaled(scale)
		s.header = s.header.scaled(scale)
		for i := range s.headings {
			s.headings[i].ts = s.headings[i].ts.scaled(scale)
		}
	}
	return &s
}
