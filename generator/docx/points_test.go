package docx

import (
	"bytes"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/doc"
)

// easyReadDocument is an easy-read document with runs of points broken by
// headings, a plain paragraph, a list, a table and a box, and the pictured blocks
// that must stay inline: a list item, a picture without words, a point in a box.
func easyReadDocument(t testing.TB) *doc.Document {
	photo := pngImage(t, "images/photo.png", "Photo of Amira smiling in the park", 200, 120, color.RGBA{40, 120, 200, 255})
	icon := pngImage(t, "images/icon.png", "Picture of a house", 120, 120, color.RGBA{220, 120, 40, 255})
	bus := pngImage(t, "images/bus.png", "A red bus", 400, 100, color.RGBA{200, 30, 30, 255})
	decorative := pngImage(t, "images/rule.png", "", 300, 10, color.RGBA{200, 200, 200, 255})
	point := func(img *doc.Image, runs ...doc.Inline) *doc.Paragraph {
		return &doc.Paragraph{Picture: img, Text: runs}
	}
	m := testMeta()
	m.ID, m.Title, m.Kind = "easy-read", "My Plan in Easy Read", doc.EasyRead
	return &doc.Document{Meta: m, Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: txt("My plan"), Anchor: "title"},
		&doc.Figure{Image: photo},
		point(icon, doc.Inline{Text: "This is "}, doc.Inline{Text: "my plan", Bold: true}, doc.Inline{Text: "."}),
		point(bus, doc.Inline{Text: "I go to college by bus."}),
		&doc.PageBreak{},
		&doc.Heading{Level: 2, Text: txt("About me"), Anchor: "about-me"},
		point(icon, doc.Inline{Text: "I am Amira. " + special}, doc.Inline{LineBreak: true},
			doc.Inline{Text: "When:", Bold: true}, doc.Inline{Text: " Monday"}),
		&doc.Figure{Image: decorative},
		&doc.Heading{Level: 3, Text: txt("What I am good at"), Anchor: "good-at"},
		point(icon, doc.Inline{Text: "Cooking pasta."}),
		point(bus, doc.Inline{Text: "Taking the bus on my own."}),
		point(icon, doc.Inline{Text: "Looking after my cat."}),
		point(bus, doc.Inline{Text: "Checked ✓ and not ✗; Ελλάδα."}),
		para("These people are important to me:"),
		&doc.List{Items: []doc.ListItem{item("Mum"), {Picture: icon, Blocks: []doc.Block{para("Lily, my best friend")}}}},
		&doc.Paragraph{Picture: icon},
		&doc.Heading{Level: 2, Text: txt("My budget"), Anchor: "my-budget"},
		point(icon, doc.Inline{Text: "I have "}, doc.Inline{Text: "£41,500", Bold: true}, doc.Inline{Text: " a year."}),
		para("This is what the money pays for:"),
		moneyTable(3),
		para("Mum and I say:"),
		&doc.Aside{Blocks: []doc.Block{point(icon, doc.Inline{Text: "We are proud of Amira."})}},
		&doc.Heading{Level: 2, Text: txt("Questions"), Anchor: "steps"},
		point(icon, doc.Inline{Text: "My money is on page "}, doc.Inline{Text: "#", PageOf: "my-budget"}),
	}}
}

// kindDocuments are the documents the style, accessibility and schema tests run
// over: one of each layout whose blocks differ.
func kindDocuments(t testing.TB) []struct {
	name string
	d    *doc.Document
} {
	return []struct {
		name string
		d    *doc.Document
	}{{"standard", fullDocument(t)}, {"easy-read", easyReadDocument(t)}}
}

// layoutTable checks one table of easy-read points is marked as a layout table:
// nothing a screen reader would announce as a data table's header or caption, no
// merged or blank cells, no table inside, each row a picture and then its words.
func layoutTable(t *testing.T, tbl *node) {
	t.Helper()
	for _, el := range []string{"w:tblHeader", "w:tblCaption", "w:tblDescription", "w:gridSpan", "w:vMerge", "w:hMerge"} {
		if tbl.first(el) != nil {
			t.Errorf("a points table has <%s>", el)
		}
	}
	if look := tbl.first("w:tblLook"); look == nil || look.attrs["w:firstRow"] != "0" || look.attrs["w:val"] != "0600" {
		t.Errorf("a points table's first row is looked up as a header: %v", look)
	}
	if len(tbl.first("w:tc").all("w:tbl")) > 0 {
		t.Error("a points table holds a nested table")
	}
	for i, row := range tbl.all("w:tr") {
		cells := row.all("w:tc")
		if len(cells) != 2 {
			t.Fatalf("point %d has %d cells, want 2", i+1, len(cells))
		}
		pic, words := cells[0], cells[1]
		if pic.first("w:drawing") == nil || pic.texts() != "" {
			t.Errorf("point %d: the first cell is not its picture alone (text %q)", i+1, pic.texts())
		}
		if pr := pic.first("wp:docPr"); pr != nil && pr.attrs["descr"] == "" && pr.first("adec:decorative") == nil {
			t.Errorf("point %d: picture without alt text", i+1)
		}
		if words.first("w:drawing") != nil || words.texts() == "" {
			t.Errorf("point %d: the second cell is not its words (text %q)", i+1, words.texts())
		}
	}
}

func TestEasyReadPoints(t *testing.T) {
	data := renderPages(t, easyReadDocument(t), testPages)
	if again := renderPages(t, easyReadDocument(t), testPages); !bytes.Equal(data, again) {
		t.Error("the same easy-read document gave different bytes")
	}
	p := parts(t, data)
	body := tree(t, p["word/document.xml"]).first("w:body")
	var points []*node
	for _, tbl := range body.all("w:tbl") {
		if tbl.style() == stylePoints {
			points = append(points, tbl)
		}
	}
	// One table for each run of consecutive points, one row for each point.
	var rows []int
	for _, tbl := range points {
		rows = append(rows, len(tbl.all("w:tr")))
	}
	if want := []int{2, 1, 4, 1, 1}; !slices.Equal(rows, want) {
		t.Fatalf("points tables of %v rows, want %v", rows, want)
	}
	pic, words := textWidth/3, textWidth-textWidth/3
	for _, tbl := range points {
		if w := tbl.first("w:tblW").attrs["w:w"]; w != strconv.Itoa(textWidth) {
			t.Errorf("points table %s twips wide, want the text width %d", w, textWidth)
		}
		var grid []int
		for _, c := range tbl.all("w:gridCol") {
			n, _ := strconv.Atoi(c.attrs["w:w"])
			grid = append(grid, n)
		}
		if !slices.Equal(grid, []int{pic, words}) {
			t.Errorf("points columns %v, want a third for the picture: %v", grid, []int{pic, words})
		}
		for _, row := range tbl.all("w:tr") {
			if row.first("w:cantSplit") == nil {
				t.Error("a short point may split across pages")
			}
			cells := row.all("w:tc")
			for c, want := range []int{pic, words} {
				if got := cells[c].first("w:tcW").attrs["w:w"]; got != strconv.Itoa(want) {
					t.Errorf("cell %d is %s twips wide, want %d", c, got, want)
				}
			}
			if s := cells[0].first("w:p").style(); s != stylePointPicture {
				t.Errorf("picture cell in style %q", s)
			}
			if s := cells[1].first("w:p").style(); s != stylePointText {
				t.Errorf("words cell in style %q", s)
			}
		}
	}
	// Reading order: picture, then words, point by point.
	var order []string
	for _, row := range points[2].all("w:tr") {
		cells := row.all("w:tc")
		order = append(order, cells[0].first("wp:docPr").attrs["descr"], cells[1].texts())
	}
	want := []string{"Picture of a house", "Cooking pasta.", "A red bus", "Taking the bus on my own.", "Picture of a house", "Looking after my cat.", "A red bus", "Checked ✓ and not ✗; Ελλάδα."}
	if !slices.Equal(order, want) {
		t.Errorf("reading order %q, want %q", order, want)
	}
	// Pictures 30 mm tall, at most 38 mm wide (the bus is 4:1, so 38 mm wide).
	for _, row := range points[2].all("w:tr") {
		ext := row.first("wp:extent")
		cx, _ := strconv.Atoi(ext.attrs["cx"])
		cy, _ := strconv.Atoi(ext.attrs["cy"])
		if cx == cy && cy != 1701*emuPerTwip {
			t.Errorf("square picture %d EMU tall, want 30 mm (%d)", cy, 1701*emuPerTwip)
		}
		if cx != cy && (cx != 2154*emuPerTwip || cy != cx/4) {
			t.Errorf("wide picture %d × %d EMU, want 38 mm wide", cx, cy)
		}
	}
	// The words keep their bold, line breaks, literal user text and page numbers.
	mustContain(t, "About me point", points[1].texts(), "I am Amira. "+special, "When:", " Monday")
	if points[1].first("w:br") == nil || points[1].first("w:b") == nil {
		t.Error("the point lost its line break or its bold")
	}
	if points[4].first("w:instrText") == nil || points[4].texts() != "My money is on page 5" { // page 4 of our layout, and the contents page
		t.Errorf("the page reference in a point reads %q", points[4].texts())
	}

	// What follows a table of points leaves no extra space (the last row's margin
	// is the space after a point): a plain Normal paragraph, not Body After Table.
	kids := body.kids
	for i, k := range kids {
		if k.name == "w:tbl" && k.style() == stylePoints && i+1 < len(kids) && kids[i+1].name == "w:p" {
			if s := kids[i+1].style(); s == styleAfterTable {
				t.Errorf("the paragraph after points is in %s: %q", s, kids[i+1].texts())
			}
		}
	}
	// Pictures that are not points stay inline: a list item's, one without words,
	// and one in a box (no table is nested in another).
	inline := map[string]bool{}
	for _, k := range kids {
		if k.name == "w:p" && k.first("w:drawing") != nil {
			switch {
			case k.first("w:numPr") != nil && k.texts() != "":
				inline["list item"] = true
			case strings.TrimSpace(k.texts()) == "" && k.style() == "":
				inline["picture alone"] = true
			}
		}
		if k.name == "w:tbl" && k.style() == styleAside {
			if k.first("w:drawing") == nil || len(k.first("w:tc").all("w:tbl")) > 0 {
				t.Error("the point in a box is not an inline picture in the box's cell")
			}
			inline["box"] = true
		}
	}
	if len(inline) != 3 {
		t.Errorf("inline pictures found: %v, want a list item, a picture alone and a box", inline)
	}
	noAdjacentTables(t, body)

	// Only easy read lays points out in columns.
	std := easyReadDocument(t)
	std.Meta.Kind = doc.Standard
	sp := parts(t, render(t, std))
	sbody := tree(t, sp["word/document.xml"]).first("w:body")
	for _, tbl := range sbody.all("w:tbl") {
		if tbl.style() == stylePoints {
			t.Fatal("a standard document has a points table")
		}
	}
	drawn := 0
	for _, k := range sbody.kids {
		if k.name == "w:p" && k.first("w:drawing") != nil && strings.TrimSpace(k.texts()) != "" {
			drawn++
		}
	}
	if drawn != 10 { // the 9 points and the list item, each a paragraph with its picture inline
		t.Errorf("standard document: %d paragraphs with a picture and words, want 10", drawn)
	}
	for _, id := range []string{stylePoints, stylePointPicture, stylePointText} {
		if strings.Contains(sp["word/styles.xml"], `w:styleId="`+id+`"`) {
			t.Errorf("a standard document defines the easy-read style %s", id)
		}
	}
}

// TestEasyReadPointBreaks: a page break owed before points moves their table on,
// and two runs of points that only a page break parts never touch (Word and
// LibreOffice would join them into one table).
func TestEasyReadPointBreaks(t *testing.T) {
	icon := pngImage(t, "images/icon.png", "Picture of a house", 120, 120, color.RGBA{220, 120, 40, 255})
	point := &doc.Paragraph{Picture: icon, Text: txt("A point.")}
	d := &doc.Document{Meta: doc.Meta{Kind: doc.EasyRead}, Blocks: []doc.Block{
		&doc.PageBreak{}, point, point, &doc.PageBreak{}, point,
	}}
	body := tree(t, parts(t, render(t, d))["word/document.xml"]).first("w:body")
	tables := body.all("w:tbl")
	if len(tables) != 2 {
		t.Fatalf("want 2 points tables, got %d", len(tables))
	}
	first := tables[0].first("w:tc").first("w:p")
	if first.first("w:pageBreakBefore") == nil {
		t.Error("the page break before the points is not on their first paragraph")
	}
	noAdjacentTables(t, body)
}

func TestEasyReadPointStyle(t *testing.T) {
	d := easyReadDocument(t)
	styles := tree(t, parts(t, render(t, d))["word/styles.xml"])
	byID := map[string]*node{}
	for _, s := range styles.all("w:style") {
		byID[s.attrs["w:styleId"]] = s
	}
	st := byID[stylePoints]
	if st == nil || st.attrs["w:type"] != "table" {
		t.Fatal("no Easy Read Points table style")
	}
	borders := st.first("w:tblBorders")
	if borders == nil || len(borders.kids) != 6 {
		t.Fatalf("the points style does not set all six borders: %v", borders)
	}
	for _, b := range borders.kids {
		if b.attrs["w:val"] != "none" {
			t.Errorf("points border %s is %q, want none", b.name, b.attrs["w:val"])
		}
	}
	mar := map[string]string{}
	for _, k := range st.first("w:tblCellMar").kids {
		mar[k.name] = k.attrs["w:w"]
	}
	// 5 mm between points, as in the PDF: 5 × 1440 / 25.4 = 283 twips.
	if mar["w:top"] != "0" || mar["w:bottom"] != "283" {
		t.Errorf("points cell margins %v, want none above and 5 mm below", mar)
	}
	if v := st.first("w:tcPr").first("w:vAlign"); v == nil || v.attrs["w:val"] != "center" {
		t.Error("points cells are not vertically centred by the style")
	}
	if st.first("w:tblStylePr") != nil {
		t.Error("the points style formats a header row")
	}
	for _, id := range []string{stylePointPicture, stylePointText} {
		s := byID[id]
		if s == nil || s.attrs["w:type"] != "paragraph" {
			t.Fatalf("no %s paragraph style", id)
		}
		if sp := s.first("w:spacing"); sp == nil || sp.attrs["w:after"] != "0" {
			t.Errorf("%s leaves space after: %v", id, sp)
		}
	}
}

// noAdjacentTables fails if two tables follow each other in the body with nothing
// between them.
func noAdjacentTables(t *testing.T, body *node) {
	t.Helper()
	for i := 1; i < len(body.kids); i++ {
		if body.kids[i].name == "w:tbl" && body.kids[i-1].name == "w:tbl" {
			t.Errorf("tables %d and %d touch: Word joins them", i-1, i)
		}
	}
}
