package docx

import (
	"strconv"
	"strings"

	"lifeplan/fonts"
	"lifeplan/generator/doc"
)

// The style sheet carries every look of the document, so that a council restyles
// the whole of it by changing a few styles in Word: the body paragraphs, headings,
// lists, the one table style every data table uses, the aside box, the DRAFT
// banner, captions, contents entries, header and footer. The body carries no
// direct formatting beyond what is content: bold and italic runs, list numbering,
// column widths.
//
// Sizes and spacing follow the PDF renderer (generator/pdf), so Word and
// LibreOffice lay the document out in about as many pages as our PDF: A4, margins
// 20 mm left and right, 25 mm top, 22 mm bottom; body 11.5 pt with 1.4 line height;
// headings 24/17/14/12 pt bold; tables 11 pt with 1.3 line height and 2 mm / 1.5 mm
// cell padding. Word adds the space after one paragraph to the space before the
// next, where our PDF takes the larger, so a heading's space before is the PDF's
// less the 3 mm a paragraph leaves after it.

// Page geometry in twips (1/20 pt; 1 mm = 56.69 twips).
const (
	pageWidth    = 11906 // 210 mm
	pageHeight   = 16838 // 297 mm
	marginLeft   = 1134  // 20 mm
	marginTop    = 1417  // 25 mm
	marginBottom = 1247  // 22 mm
	headerDist   = 567   // 10 mm from the page edge
	textWidth    = pageWidth - 2*marginLeft
)

// Style IDs, as Word names its built-in styles where there is one, so Word and
// LibreOffice recognise headings, lists, contents entries, captions and hyperlinks.
const (
	styleNormal       = "Normal"
	styleAfterTable   = "BodyAfterTable"
	styleListBullet   = "ListBullet"
	styleListNumber   = "ListNumber"
	styleListContinue = "ListContinue" // ListContinue, ListContinue2 … by depth
	styleFigure       = "Figure"
	styleCaption      = "Caption"
	styleOrganisation = "Organisation" // who sends the document, above the title
	styleTableText    = "TableText"
	styleTableRight   = "TableTextRight"
	styleTableCenter  = "TableTextCenter"
	styleTOCHeading   = "TOCHeading"
	styleTOC          = "TOC" // TOC1 … TOC3
	styleHeader       = "Header"
	styleFooter       = "Footer"
	styleDraft        = "DraftBanner"
	styleHyperlink    = "Hyperlink"
	styleFallback     = "FallbackFont"
	styleTable        = "PlanTable"
	styleAside        = "AsideBox"
	stylePoints       = "EasyReadPoints" // the layout table of easy-read points
	stylePointPicture = "PointPicture"
	stylePointText    = "PointText"
)

// Colours, as in the PDF. Meaning never rests on colour alone.
const (
	colText       = "1A1A1A"
	colHeading    = "1B4F8A"
	colFurniture  = "555555"
	colRule       = "9AA5B1"
	colTableLine  = "8A96A3"
	colHeaderFill = "E4EAF2"
	colAsideFill  = "EEF2F7"
	colAsideBar   = "1F3A5F"
	colDraft      = "9C1C1C"
)

// sheet is the set of sizes for one layout kind. Sizes are in half-points (Word's
// w:sz), spacing in twips.
type sheet struct {
	body, bodyLine   int // 11.5 pt → 23; line height 1.4 → 322 twips
	paraAfter        int
	itemAfter        int
	blockAfter       int
	table, tableLine int
	cellPadX         int
	cellPadY         int
	heading          [5]headingStyle // by level, 1–4
	noItalic         bool
	pictureW         int // picture beside a paragraph or item, twips
	pictureMaxH      int
	figureMaxH       int
	listIndent       int
	furniture        int
	accent           string // headings and links, RRGGBB: the organisation's, else colHeading
	// points lays a pictured paragraph out as an easy-read point (points.go): a
	// picture at most pointW × pointMaxH in a column a third of the width, the
	// words beside it, and pointGap after it.
	points                      bool
	pointW, pointMaxH, pointGap int
}

type headingStyle struct{ size, line, before, after int }

// sheetFor returns the style sizes for a layout kind. Easy read follows the UK
// conventions the lead's PDF uses (Department of Health, "Making written information
// easier to understand for people with learning disabilities", 2010): body text of
// at least 16 pt, line spacing 1.5, no italics, larger pictures.
func sheetFor(k doc.Kind, accent string) sheet {
	s := sheet{
		body: 23, bodyLine: 322, paraAfter: 170, itemAfter: 91, blockAfter: 255,
		table: 22, tableLine: 286, cellPadX: 113, cellPadY: 85,
		heading: [5]headingStyle{
			1: {48, 576, 0, 340},
			2: {34, 425, 340, 170},
			3: {28, 350, 170, 142},
			4: {24, 312, 85, 113},
		},
		pictureW: 1247, pictureMaxH: 1701, figureMaxH: 3685,
		listIndent: 425, furniture: 17, accent: accentColour(accent),
	}
	if k == doc.OnePage {
		// The one-page profile must fit one page. Word cannot be told to shrink
		// text to fit, so it starts at the floor the PDF shrinks to: 11 pt.
		s.body, s.bodyLine, s.paraAfter, s.itemAfter, s.blockAfter = 22, 264, 113, 40, 170
		s.table, s.tableLine = 20, 240
		s.heading = [5]headingStyle{
			1: {40, 480, 0, 170},
			2: {28, 336, 170, 85},
			3: {24, 288, 113, 57},
			4: {22, 264, 57, 57},
		}
		s.figureMaxH = 2268 // 40 mm
	}
	if k == doc.EasyRead {
		s.body, s.bodyLine, s.paraAfter, s.itemAfter, s.blockAfter = 32, 480, 240, 200, 340
		s.table, s.tableLine = 32, 480
		s.heading = [5]headingStyle{
			1: {56, 672, 0, 340},
			2: {44, 528, 400, 200},
			3: {36, 432, 240, 170},
			4: {32, 432, 170, 142},
		}
		s.noItalic = true
		// As the PDF (generator/layout, sheet.go): a point's picture 30 mm tall
		// and at most 38 mm wide, 5 mm between points; a list item's picture
		// 30 mm square.
		s.points = true
		s.pointW, s.pointMaxH, s.pointGap = 2154, 1701, 283
		s.pictureW, s.pictureMaxH = 1701, 1701
		s.listIndent = 567
		s.furniture = 20
	}
	return s
}

// stylesXML writes word/styles.xml.
func stylesXML(s sheet, lang string, hasFallback bool) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:styles", "xmlns:w", nsW)
	fam := fonts.Family
	w.start("w:docDefaults")
	w.start("w:rPrDefault")
	w.start("w:rPr")
	w.empty("w:rFonts", "w:ascii", fam, "w:hAnsi", fam, "w:eastAsia", fam, "w:cs", fam)
	w.empty("w:color", "w:val", colText)
	sz(w, s.body)
	w.empty("w:lang", "w:val", lang, "w:eastAsia", lang, "w:bidi", lang)
	w.end("w:rPr")
	w.end("w:rPrDefault")
	w.start("w:pPrDefault")
	w.start("w:pPr")
	spacing(w, 0, s.paraAfter, s.bodyLine)
	// A picture at the start of a line makes the line tall; the text beside it
	// is centred on it rather than sitting at its foot.
	w.empty("w:textAlignment", "w:val", "center")
	w.end("w:pPr")
	w.end("w:pPrDefault")
	w.end("w:docDefaults")

	para := func(id, name, basedOn, next string, pPr, rPr func()) {
		attrs := []string{"w:type", "paragraph", "w:styleId", id}
		if id == styleNormal {
			attrs = append(attrs, "w:default", "1")
		}
		w.start("w:style", attrs...)
		w.empty("w:name", "w:val", name)
		if basedOn != "" {
			w.empty("w:basedOn", "w:val", basedOn)
		}
		if next != "" {
			w.empty("w:next", "w:val", next)
		}
		w.empty("w:qFormat")
		if pPr != nil {
			w.start("w:pPr")
			pPr()
			w.end("w:pPr")
		}
		if rPr != nil {
			w.start("w:rPr")
			rPr()
			w.end("w:rPr")
		}
		w.end("w:style")
	}

	para(styleNormal, "Normal", "", "", nil, nil)
	para(styleAfterTable, "Body After Table", styleNormal, styleNormal, func() {
		spacing(w, s.blockAfter, -1, -1)
	}, nil)
	for lvl := 1; lvl <= 4; lvl++ {
		h := s.heading[lvl]
		para("Heading"+strconv.Itoa(lvl), "heading "+strconv.Itoa(lvl), styleNormal, styleNormal, func() {
			w.empty("w:keepNext")
			w.empty("w:keepLines")
			spacing(w, h.before, h.after, h.line)
			w.empty("w:outlineLvl", "w:val", strconv.Itoa(lvl-1))
		}, func() {
			w.empty("w:b")
			w.empty("w:bCs")
			w.empty("w:color", "w:val", s.accent)
			sz(w, h.size)
		})
	}
	para(styleListBullet, "List Bullet", styleNormal, "", func() { spacing(w, 0, s.itemAfter, -1) }, nil)
	para(styleListNumber, "List Number", styleNormal, "", func() { spacing(w, 0, s.itemAfter, -1) }, nil)
	for d := range maxListDepth {
		id, name := styleListContinue, "List Continue"
		if d > 0 {
			id += strconv.Itoa(d + 1)
			name += " " + strconv.Itoa(d+1)
		}
		left := s.textIndent(d)
		para(id, name, styleNormal, "", func() {
			spacing(w, 0, s.itemAfter, -1)
			w.empty("w:ind", "w:left", strconv.Itoa(left))
		}, nil)
	}
	para(styleFigure, "Figure", styleNormal, styleNormal, func() {
		w.empty("w:keepNext")
		spacing(w, 0, s.blockAfter, -1)
		w.empty("w:jc", "w:val", "center")
	}, nil)
	para(styleOrganisation, "Organisation", styleNormal, styleNormal, func() {
		spacing(w, 0, s.blockAfter, -1)
	}, func() {
		w.empty("w:color", "w:val", colFurniture)
	})
	para(styleCaption, "caption", styleNormal, styleNormal, func() {
		spacing(w, 0, s.blockAfter, -1)
	}, func() {
		w.empty("w:b")
		sz(w, s.table)
	})
	if s.points {
		// The two cells of an easy-read point: no space after, so the cell's own
		// margin alone sets the space between points and the centring is exact.
		para(stylePointPicture, "Point Picture", styleNormal, "", func() {
			spacing(w, 0, 0, -1)
		}, nil)
		para(stylePointText, "Point Text", styleNormal, "", func() {
			spacing(w, 0, 0, -1)
		}, nil)
	}
	para(styleTableText, "Table Text", styleNormal, "", func() {
		spacing(w, 0, 0, s.tableLine)
	}, func() { sz(w, s.table) })
	para(styleTableRight, "Table Text Right", styleTableText, "", func() { w.empty("w:jc", "w:val", "right") }, nil)
	para(styleTableCenter, "Table Text Centre", styleTableText, "", func() { w.empty("w:jc", "w:val", "center") }, nil)
	// The contents heading looks like a section heading but has no outline level,
	// so it is not listed in the contents it heads.
	para(styleTOCHeading, "TOC Heading", "Heading2", styleNormal, func() {
		w.empty("w:outlineLvl", "w:val", "9")
	}, nil)
	for lvl := 1; lvl <= 3; lvl++ {
		indent := (lvl - 1) * 284 // 5 mm a level
		para(styleTOC+strconv.Itoa(lvl), "toc "+strconv.Itoa(lvl), styleNormal, styleNormal, func() {
			w.start("w:tabs")
			w.empty("w:tab", "w:val", "right", "w:leader", "dot", "w:pos", strconv.Itoa(textWidth))
			w.end("w:tabs")
			spacing(w, 0, 57, -1)
			w.empty("w:ind", "w:left", strconv.Itoa(indent))
		}, func() {
			if lvl == 1 {
				w.empty("w:b")
			}
		})
	}
	for _, id := range []string{styleHeader, styleFooter} {
		name := "header"
		if id == styleFooter {
			name = "footer"
		}
		para(id, name, styleNormal, "", func() {
			w.start("w:pBdr")
			side := "w:bottom"
			if id == styleFooter {
				side = "w:top"
			}
			w.empty(side, "w:val", "single", "w:sz", "4", "w:space", "4", "w:color", colRule)
			w.end("w:pBdr")
			w.start("w:tabs")
			w.empty("w:tab", "w:val", "right", "w:pos", strconv.Itoa(textWidth))
			w.end("w:tabs")
			spacing(w, 0, 0, 240)
		}, func() {
			w.empty("w:color", "w:val", colFurniture)
			sz(w, s.furniture)
		})
	}
	para(styleDraft, "Draft Banner", styleHeader, "", func() {
		w.start("w:pBdr")
		w.empty("w:bottom", "w:val", "nil")
		w.end("w:pBdr")
		w.empty("w:jc", "w:val", "center")
	}, func() {
		w.empty("w:b")
		w.empty("w:caps")
		w.empty("w:color", "w:val", colDraft)
		sz(w, s.furniture+4)
	})

	w.start("w:style", "w:type", "character", "w:default", "1", "w:styleId", "DefaultParagraphFont")
	w.empty("w:name", "w:val", "Default Paragraph Font")
	w.empty("w:uiPriority", "w:val", "1")
	w.empty("w:semiHidden")
	w.end("w:style")
	w.start("w:style", "w:type", "character", "w:styleId", styleHyperlink)
	w.empty("w:name", "w:val", "Hyperlink")
	w.start("w:rPr")
	w.empty("w:color", "w:val", s.accent)
	w.empty("w:u", "w:val", "single")
	w.end("w:rPr")
	w.end("w:style")
	if hasFallback {
		// Characters the main face has no glyph for (✓ ✗, Greek, Cyrillic) are set
		// in the fallback face through this style.
		f := fonts.FallbackFamily
		w.start("w:style", "w:type", "character", "w:styleId", styleFallback)
		w.empty("w:name", "w:val", "Fallback Font")
		w.start("w:rPr")
		w.empty("w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia", f, "w:cs", f)
		w.end("w:rPr")
		w.end("w:style")
	}

	w.start("w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal")
	w.empty("w:name", "w:val", "Normal Table")
	w.empty("w:uiPriority", "w:val", "99")
	w.empty("w:semiHidden")
	w.start("w:tblPr")
	w.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	cellMargins(w, 0, 108)
	w.end("w:tblPr")
	w.end("w:style")

	// The one style of every data table: borders, cell padding, and a bold shaded
	// header row (tables mark their first row as a header, which repeats).
	line := []string{"w:val", "single", "w:sz", "6", "w:space", "0", "w:color", colTableLine}
	w.start("w:style", "w:type", "table", "w:styleId", styleTable)
	w.empty("w:name", "w:val", "Plan Table")
	w.empty("w:basedOn", "w:val", "TableNormal")
	w.empty("w:qFormat")
	w.start("w:pPr")
	spacing(w, 0, 0, s.tableLine)
	w.end("w:pPr")
	w.start("w:tblPr")
	w.start("w:tblBorders")
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
		w.empty(side, line...)
	}
	w.end("w:tblBorders")
	cellMargins(w, s.cellPadY, s.cellPadX)
	w.end("w:tblPr")
	w.start("w:tblStylePr", "w:type", "firstRow")
	w.start("w:rPr")
	w.empty("w:b")
	w.empty("w:bCs")
	w.end("w:rPr")
	w.start("w:trPr")
	w.empty("w:tblHeader")
	w.end("w:trPr")
	w.start("w:tcPr")
	w.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", colHeaderFill)
	w.end("w:tcPr")
	w.end("w:tblStylePr")
	w.end("w:style")

	// The aside box: text set apart (the family's own view, a warning) on a tint
	// with a bar down its left side, as in the PDF.
	w.start("w:style", "w:type", "table", "w:styleId", styleAside)
	w.empty("w:name", "w:val", "Aside Box")
	w.empty("w:basedOn", "w:val", "TableNormal")
	w.empty("w:qFormat")
	w.start("w:tblPr")
	w.start("w:tblBorders")
	w.empty("w:left", "w:val", "single", "w:sz", "34", "w:space", "0", "w:color", colAsideBar)
	w.end("w:tblBorders")
	cellMargins(w, 227, 227)
	w.end("w:tblPr")
	w.start("w:tcPr")
	w.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", colAsideFill)
	w.end("w:tcPr")
	w.end("w:style")

	if s.points {
		// The easy-read points' layout table: no borders, small margins beside the
		// text, the space between points below each row, and the picture and the
		// words centred on each other.
		w.start("w:style", "w:type", "table", "w:styleId", stylePoints)
		w.empty("w:name", "w:val", "Easy Read Points")
		w.empty("w:basedOn", "w:val", "TableNormal")
		w.empty("w:qFormat")
		w.start("w:tblPr")
		w.start("w:tblBorders")
		for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
			w.empty(side, "w:val", "none", "w:sz", "0", "w:space", "0", "w:color", "auto")
		}
		w.end("w:tblBorders")
		w.start("w:tblCellMar")
		w.empty("w:top", "w:w", "0", "w:type", "dxa")
		w.empty("w:left", "w:w", strconv.Itoa(pointPadX), "w:type", "dxa")
		w.empty("w:bottom", "w:w", strconv.Itoa(s.pointGap), "w:type", "dxa")
		w.empty("w:right", "w:w", strconv.Itoa(pointPadX), "w:type", "dxa")
		w.end("w:tblCellMar")
		w.end("w:tblPr")
		w.start("w:tcPr")
		w.empty("w:vAlign", "w:val", "center")
		w.end("w:tcPr")
		w.end("w:style")
	}

	w.end("w:styles")
	return w.Bytes()
}

// textIndent is where an item's text starts at a list depth; its marker hangs to
// the left of that.
func (s sheet) textIndent(depth int) int { return s.listIndent * (depth + 1) }

func sz(w *xmlWriter, halfPoints int) {
	v := strconv.Itoa(halfPoints)
	w.empty("w:sz", "w:val", v)
	w.empty("w:szCs", "w:val", v)
}

// spacing writes w:spacing; a negative value is left out. A line height is "at
// least" so a line holding a picture grows to fit it.
func spacing(w *xmlWriter, before, after, line int) {
	var a []string
	if before >= 0 {
		a = append(a, "w:before", strconv.Itoa(before))
	}
	if after >= 0 {
		a = append(a, "w:after", strconv.Itoa(after))
	}
	if line >= 0 {
		a = append(a, "w:line", strconv.Itoa(line), "w:lineRule", "atLeast")
	}
	w.empty("w:spacing", a...)
}

func cellMargins(w *xmlWriter, topBottom, leftRight int) {
	tb, lr := strconv.Itoa(topBottom), strconv.Itoa(leftRight)
	w.start("w:tblCellMar")
	w.empty("w:top", "w:w", tb, "w:type", "dxa")
	w.empty("w:left", "w:w", lr, "w:type", "dxa")
	w.empty("w:bottom", "w:w", tb, "w:type", "dxa")
	w.empty("w:right", "w:w", lr, "w:type", "dxa")
	w.end("w:tblCellMar")
}

// accentColour is the organisation's accent as OOXML writes colours (RRGGBB), or
// the default; the loader has checked its contrast with white.
func accentColour(hex string) string {
	if len(hex) == 7 && hex[0] == '#' {
		if _, err := strconv.ParseUint(hex[1:], 16, 32); err == nil {
			return strings.ToUpper(hex[1:])
		}
	}
	return colHeading
}
