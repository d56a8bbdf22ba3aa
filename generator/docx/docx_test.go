package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lifeplan/fonts"
	"lifeplan/generator/doc"
	"lifeplan/generator/layout"
	"lifeplan/generator/typeface"
)

// special is user text full of characters that mean something to Markdown, XML or
// shells; it must come out literally.
const special = `Amira's | * # _ [x] <b> & "quotes" \ back`

func txt(s string) []doc.Inline { return []doc.Inline{{Text: s}} }

func para(s string) *doc.Paragraph { return &doc.Paragraph{Text: txt(s)} }

func item(s string, more ...doc.Block) doc.ListItem {
	return doc.ListItem{Blocks: append([]doc.Block{para(s)}, more...)}
}

// pngImage makes a w×h rectangle of one colour, encoded as PNG.
func pngImage(t testing.TB, name, alt string, w, h int, c color.RGBA) *doc.Image {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &doc.Image{Name: name, Alt: alt, Format: "png", Data: buf.Bytes(), Width: w, Height: h}
}

func testMeta() doc.Meta {
	return doc.Meta{
		ID: "llsp", Title: "Learning and Living Support Plan", Subject: "Support plan for Amira Khan",
		Author: "Jo Bloggs", Language: "en-GB", Classification: "OFFICIAL-SENSITIVE: personal data",
		PersonName: "Amira Khan", Version: "3", Date: "14 September 2026", ReviewDate: "14 March 2027",
		Created: "2026-09-14",
	}
}

func moneyTable(rows int) *doc.Table {
	t := &doc.Table{
		Align:  []doc.Align{doc.AlignLeft, doc.AlignLeft, doc.AlignRight},
		Header: []doc.Cell{{Text: txt("Support")}, {Text: txt("Who provides it")}, {Text: txt("Cost a year")}},
	}
	for i := range rows {
		t.Rows = append(t.Rows, []doc.Cell{
			{Text: txt(fmt.Sprintf("Personal assistant row %d for community activities and travel training", i+1))},
			{Text: txt("Bright Futures Ltd")},
			{Text: txt(fmt.Sprintf("£%d,250.00", i+1))},
		})
	}
	return t
}

// fullDocument has every block kind, nested lists, two ordered lists (the second
// must restart at 1), pictures and special characters.
func fullDocument(t testing.TB) *doc.Document {
	photo := pngImage(t, "images/photo.png", "Photo of Amira smiling in the park", 200, 120, color.RGBA{40, 120, 200, 255})
	icon := pngImage(t, "images/icon.png", "Picture of a house", 120, 120, color.RGBA{220, 120, 40, 255})
	decorative := pngImage(t, "images/rule.png", "", 300, 10, color.RGBA{200, 200, 200, 255})
	return &doc.Document{Meta: testMeta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: txt("Learning and Living Support Plan"), Anchor: "title"},
		&doc.Figure{Image: photo},
		&doc.PageBreak{},
		&doc.Heading{Level: 2, Text: txt("About me"), Anchor: "about-me"},
		&doc.Paragraph{Text: []doc.Inline{
			{Text: "My budget is on page "}, {Text: "#", PageOf: "my-budget"},
			{Text: ", see "}, {Text: "my budget", Link: "my-budget"}, {Text: " and "},
			{Text: "a missing section", Link: "nowhere"}, {Text: " (page "}, {Text: "?", PageOf: "nowhere"}, {Text: ")."},
		}},
		&doc.Figure{Image: decorative},
		para("Checked ✓ and not ✗; Ελλάδα and Київ."),
		&doc.Paragraph{Text: []doc.Inline{
			{Text: "My name is "}, {Text: "Amira", Bold: true}, {Text: " and I like "},
			{Text: "swimming", Italic: true}, {LineBreak: true}, {Text: "Second line after a break."},
		}},
		para(special),
		&doc.Paragraph{Picture: icon, Text: txt("I live at home with my mum and my brother.")},
		&doc.Heading{Level: 3, Text: txt("What I am good at"), Anchor: "good-at"},
		&doc.List{Items: []doc.ListItem{
			item("Cooking pasta"),
			item("Using the bus", &doc.List{Items: []doc.ListItem{item("Number 12 to college"), item("Number 7 to town")}}),
			{Picture: icon, Blocks: []doc.Block{para("Looking after my cat")}},
		}},
		&doc.Heading{Level: 3, Text: txt("Steps to learn"), Anchor: "steps"},
		&doc.List{Ordered: true, Items: []doc.ListItem{
			item("First step alpha", &doc.List{Ordered: true, Items: []doc.ListItem{item("Sub step one"), item("Sub step two")}}),
			item("Second step alpha"),
			item("Third step alpha"),
		}},
		para("Some text between the lists."),
		&doc.List{Ordered: true, Items: []doc.ListItem{item("Restart step beta"), item("Next step beta")}},
		&doc.Aside{Blocks: []doc.Block{
			&doc.Paragraph{Text: []doc.Inline{{Text: "What my family says", Bold: true}}},
			para("We hope Amira can live more independently. " + special),
			&doc.List{Items: []doc.ListItem{item("Worry about travel at night")}},
		}},
		&doc.PageBreak{},
		&doc.Heading{Level: 2, Text: txt("My budget"), Anchor: "my-budget"},
		moneyTable(25),
		&doc.Heading{Level: 4, Text: txt("Level four heading"), Anchor: "level-four"},
		para("The end."),
	}}
}

// testPages is where our PDF layout would put fullDocument's headings.
var testPages = doc.Pages{"title": 1, "about-me": 2, "good-at": 2, "steps": 3, "my-budget": 4, "level-four": 5}

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	return renderPages(t, d, nil)
}

func renderPages(t testing.TB, d *doc.Document, pages doc.Pages) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Layout{Pages: pages}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// parts unzips a DOCX into name → content, checking every XML part is well formed.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		out[f.Name] = string(b)
	}
	return out
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func mustContain(t *testing.T, where, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s: missing %q", where, w)
		}
	}
}

// node is an XML element read back with its prefixed names, as the tests see them.
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string
}

// tree parses an XML part into nodes, keeping namespace prefixes ("w:p").
func tree(t *testing.T, s string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return root
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(tok.Name), attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[qname(a.Name)] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// all lists the descendants of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

func (n *node) first(name string) *node {
	if all := n.all(name); len(all) > 0 {
		return all[0]
	}
	return nil
}

// texts joins the text of every w:t and w:instrText below n.
func (n *node) texts() string {
	var b strings.Builder
	for _, t := range n.all("w:t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// style is a paragraph's or table's style ID, "" for none.
func (n *node) style() string {
	for _, name := range []string{"w:pStyle", "w:tblStyle", "w:rStyle"} {
		for _, k := range n.kids {
			if k.name == "w:pPr" || k.name == "w:tblPr" || k.name == "w:rPr" {
				for _, kk := range k.kids {
					if kk.name == name {
						return kk.attrs["w:val"]
					}
				}
			}
		}
	}
	return ""
}

func TestPackageParts(t *testing.T) {
	p := parts(t, render(t, fullDocument(t)))
	types := tree(t, p["[Content_Types].xml"])
	typed := func(name string) bool {
		for _, o := range types.all("Override") {
			if o.attrs["PartName"] == "/"+name {
				return true
			}
		}
		for _, d := range types.all("Default") {
			if strings.HasSuffix(name, "."+d.attrs["Extension"]) {
				return true
			}
		}
		return false
	}
	for name := range p {
		if !typed(name) {
			t.Errorf("part %s has no content type", name)
		}
	}
	// Every relationship points at a part that is there.
	for relsName, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/", "word/_rels/fontTable.xml.rels": "word/"} {
		for _, rel := range tree(t, p[relsName]).all("Relationship") {
			if _, ok := p[base+rel.attrs["Target"]]; !ok {
				t.Errorf("%s: %s points at missing %s", relsName, rel.attrs["Id"], rel.attrs["Target"])
			}
		}
	}
	document := tree(t, p["word/document.xml"])
	sect := document.first("w:sectPr")
	pg, mar := sect.first("w:pgSz"), sect.first("w:pgMar")
	if pg.attrs["w:w"] != "11906" || pg.attrs["w:h"] != "16838" {
		t.Errorf("page size %v, want A4", pg.attrs)
	}
	if mar.attrs["w:top"] != "1417" || mar.attrs["w:bottom"] != "1247" || mar.attrs["w:left"] != "1134" || mar.attrs["w:right"] != "1134" {
		t.Errorf("margins %v, want 25/20/22/20 mm", mar.attrs)
	}
	mustContain(t, "header1.xml", p["word/header1.xml"], "OFFICIAL-SENSITIVE: personal data", "Amira Khan")
	mustContain(t, "footer1.xml", p["word/footer1.xml"], " PAGE ", " NUMPAGES ",
		"Learning and Living Support Plan · Version 3 · 14 September 2026")
	mustContain(t, "app.xml", p["docProps/app.xml"], "<Application>lifeplan</Application>")
	settings := tree(t, p["word/settings.xml"])
	for _, el := range []string{"w:embedTrueTypeFonts", "w:saveSubsetFonts", "w:updateFields"} {
		if settings.first(el) == nil {
			t.Errorf("settings.xml has no %s", el)
		}
	}
}

func TestCoreProperties(t *testing.T) {
	for _, tc := range []struct {
		author, wantAuthor string
	}{{"Jo Bloggs", "Jo Bloggs"}, {"", "lifeplan"}} {
		d := fullDocument(t)
		d.Meta.Author = tc.author
		core := tree(t, parts(t, render(t, d))["docProps/core.xml"])
		want := map[string]string{
			"dc:title":          "Learning and Living Support Plan: Amira Khan",
			"dc:subject":        "Support plan for Amira Khan",
			"cp:keywords":       "OFFICIAL-SENSITIVE: personal data",
			"dc:creator":        tc.wantAuthor,
			"cp:lastModifiedBy": tc.wantAuthor,
			"dc:identifier":     "llsp, version 3",
			"dc:language":       "en-GB",
			"dcterms:created":   "2026-09-14T00:00:00Z",
			"dcterms:modified":  "2026-09-14T00:00:00Z",
		}
		for el, v := range want {
			if n := core.first(el); n == nil || n.text != v {
				t.Errorf("author %q: core.xml %s = %v, want %q", tc.author, el, n, v)
			}
		}
	}
}

// TestStylesNotDirectFormatting: every look comes from styles.xml. Tables use the
// Plan Table or Aside Box style; no cell has its own shading or borders, and runs
// and paragraphs carry no sizes, fonts, colours, spacing or alignment.
func TestStylesNotDirectFormatting(t *testing.T) {
	for _, tc := range kindDocuments(t) {
		t.Run(tc.name, func(t *testing.T) { stylesNotDirectFormatting(t, tc.d) })
	}
}

func stylesNotDirectFormatting(t *testing.T, d *doc.Document) {
	p := parts(t, render(t, d))
	styles := tree(t, p["word/styles.xml"])
	defined := map[string]string{}
	for _, s := range styles.all("w:style") {
		defined[s.attrs["w:styleId"]] = s.attrs["w:type"]
	}
	for id, typ := range map[string]string{
		styleTable: "table", styleAside: "table", styleNormal: "paragraph", "Heading1": "paragraph",
		"Heading4": "paragraph", styleListBullet: "paragraph", styleListNumber: "paragraph",
		styleCaption: "paragraph", styleDraft: "paragraph", styleHeader: "paragraph",
		styleFooter: "paragraph", styleTOCHeading: "paragraph", "TOC1": "paragraph",
		styleHyperlink: "character", styleFallback: "character",
	} {
		if defined[id] != typ {
			t.Errorf("styles.xml: %s is %q, want a %s style", id, defined[id], typ)
		}
	}
	for _, s := range styles.all("w:style") {
		if s.attrs["w:styleId"] == styleTable {
			hdr := s.first("w:tblStylePr")
			if hdr == nil || hdr.attrs["w:type"] != "firstRow" || hdr.first("w:shd") == nil || hdr.first("w:b") == nil {
				t.Errorf("Plan Table style has no bold shaded header row")
			}
		}
	}
	document := tree(t, p["word/document.xml"])
	tables := document.all("w:tbl")
	seen := map[string]int{}
	easy := d.Meta.Kind == doc.EasyRead
	for _, tbl := range tables {
		st := tbl.style()
		if st != styleTable && st != styleAside && (st != stylePoints || !easy) {
			t.Errorf("a table has style %q", st)
		}
		seen[st]++
	}
	if seen[styleTable] == 0 || seen[styleAside] == 0 || easy != (seen[stylePoints] > 0) {
		t.Errorf("want data tables, an aside box and (in easy read only) points, got %v", seen)
	}
	if easy != (defined[stylePoints] == "table") {
		t.Errorf("styles.xml: Easy Read Points is %q in a document of kind %d", defined[stylePoints], d.Meta.Kind)
	}
	for _, tcPr := range document.all("w:tcPr") {
		for _, k := range tcPr.kids {
			if k.name != "w:tcW" {
				t.Errorf("a cell carries direct formatting <%s>", k.name)
			}
		}
	}
	for _, name := range []string{"w:pPr", "w:rPr"} {
		for _, pr := range document.all(name) {
			for _, k := range pr.kids {
				switch k.name {
				case "w:pStyle", "w:rStyle", "w:numPr", "w:pageBreakBefore", "w:b", "w:i":
				default:
					t.Errorf("%s carries direct formatting <%s>", name, k.name)
				}
			}
		}
	}
	for _, tblPr := range document.all("w:tblPr") {
		for _, k := range tblPr.kids {
			switch k.name {
			case "w:tblStyle", "w:tblW", "w:tblLayout", "w:tblLook", "w:tblCaption", "w:tblDescription":
			default:
				t.Errorf("w:tblPr carries direct formatting <%s>", k.name)
			}
		}
	}
}

// TestAccessibility: alt text, decorative pictures, header rows, captions,
// language, no merged cells and no empty paragraphs.
func TestAccessibility(t *testing.T) {
	for _, tc := range kindDocuments(t) {
		t.Run(tc.name, func(t *testing.T) { accessibility(t, tc.d) })
	}
}

func accessibility(t *testing.T, d *doc.Document) {
	p := parts(t, render(t, d))
	document := tree(t, p["word/document.xml"])
	decorative := 0
	for _, pr := range document.all("wp:docPr") {
		if pr.first("adec:decorative") != nil {
			decorative++
			if pr.attrs["descr"] != "" {
				t.Errorf("decorative picture has a description %q", pr.attrs["descr"])
			}
			continue
		}
		if pr.attrs["descr"] == "" || pr.attrs["title"] != pr.attrs["descr"] {
			t.Errorf("picture %s: descr %q title %q", pr.attrs["id"], pr.attrs["descr"], pr.attrs["title"])
		}
	}
	if decorative != 1 {
		t.Errorf("want 1 decorative picture, got %d", decorative)
	}
	for _, tbl := range document.all("w:tbl") {
		if tbl.style() == stylePoints {
			layoutTable(t, tbl)
			continue
		}
		if tbl.style() != styleTable {
			continue
		}
		rows := tbl.all("w:tr")
		if rows[0].first("w:tblHeader") == nil {
			t.Error("a table's header row is not marked w:tblHeader")
		}
		if c := tbl.first("w:tblCaption"); c == nil || c.attrs["w:val"] != "My budget" {
			t.Errorf("table caption %v, want the heading above it", c)
		}
		if d := tbl.first("w:tblDescription"); d == nil || d.attrs["w:val"] != "Columns: Support; Who provides it; Cost a year" {
			t.Errorf("table description %v", d)
		}
	}
	for _, merged := range []string{"w:gridSpan", "w:vMerge", "w:hMerge"} {
		if len(document.all(merged)) > 0 {
			t.Errorf("document has merged cells (%s)", merged)
		}
	}
	for i, para := range document.all("w:p") {
		if len(para.all("w:r")) == 0 && len(para.all("w:hyperlink")) == 0 {
			t.Errorf("paragraph %d is empty (style %q)", i, para.style())
		}
	}
	lang := tree(t, p["word/styles.xml"]).first("w:docDefaults").first("w:lang")
	if lang == nil || lang.attrs["w:val"] != "en-GB" {
		t.Errorf("document language %v, want en-GB", lang)
	}
}

func TestBodyStructure(t *testing.T) {
	p := parts(t, render(t, fullDocument(t)))
	document := tree(t, p["word/document.xml"])
	styles := map[string]int{}
	for _, para := range document.all("w:p") {
		styles[para.style()]++
	}
	for _, s := range []string{"Heading1", "Heading2", "Heading3", "Heading4", styleListBullet, styleListNumber, styleFigure, styleTableText, styleTableRight} {
		if styles[s] == 0 {
			t.Errorf("no paragraph in style %s (have %v)", s, styles)
		}
	}
	raw := p["word/document.xml"]
	mustContain(t, "document.xml", raw, `<w:ilvl w:val="1"/>`, `<w:b/>`, `<w:i/>`, `<w:br/>`, `<w:pageBreakBefore/>`)
	if strings.Contains(raw, `w:type="page"`) {
		t.Error("page breaks are empty paragraphs holding a break")
	}
	// A pictured list item is a list item: a numbered paragraph with the picture inline.
	found := false
	for _, para := range document.all("w:p") {
		if para.first("w:numPr") != nil && para.first("w:drawing") != nil && strings.Contains(para.texts(), "Looking after my cat") {
			found = true
		}
	}
	if !found {
		t.Error("the pictured list item is not a numbered paragraph with its picture inline")
	}

	// Every doc.List gets its own w:num, restarting the level it uses at 1.
	numbering := tree(t, p["word/numbering.xml"])
	var ordered []string
	for _, num := range numbering.all("w:num") {
		if num.first("w:abstractNumId").attrs["w:val"] == "2" && num.first("w:lvlOverride").attrs["w:ilvl"] == "0" {
			if num.first("w:startOverride").attrs["w:val"] != "1" {
				t.Error("a list instance does not restart at 1")
			}
			ordered = append(ordered, num.attrs["w:numId"])
		}
	}
	if len(ordered) != 2 || ordered[0] == ordered[1] {
		t.Fatalf("want 2 distinct top-level ordered list instances, got %v", ordered)
	}
	for _, para := range document.all("w:p") {
		if strings.Contains(para.texts(), "Restart step beta") {
			if got := para.first("w:numId").attrs["w:val"]; got != ordered[1] {
				t.Errorf("second ordered list uses instance %s, want %s", got, ordered[1])
			}
		}
	}
	media := 0
	for name := range p {
		if strings.HasPrefix(name, "word/media/") {
			media++
		}
	}
	if media != 3 {
		t.Errorf("want 3 media parts (photo, rule, icon), got %d", media)
	}
	// User text stays literal: escaped once, never interpreted.
	mustContain(t, "document.xml", raw, `Amira&#39;s | * # _ [x] &lt;b&gt; &amp; &#34;quotes&#34; \ back`)
}

// TestBookmarksLinksAndPageRefs: every heading is bookmarked; links and page
// references point at those bookmarks, page numbers pre-filled from pages.
func TestBookmarksLinksAndPageRefs(t *testing.T) {
	for _, tc := range []struct {
		name     string
		pages    doc.Pages
		wantPage string
	}{
		// The contents take a page of their own after the cover, which our PDF
		// does not have: every later heading is one page further on.
		{"with pages", testPages, "5"},
		{"without pages", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			document := tree(t, parts(t, renderPages(t, fullDocument(t), tc.pages))["word/document.xml"])
			marks := map[string]string{} // bookmark → heading text
			for _, para := range document.all("w:p") {
				if !strings.HasPrefix(para.style(), "Heading") {
					continue
				}
				bm := para.first("w:bookmarkStart")
				if bm == nil {
					t.Errorf("heading %q has no bookmark", para.texts())
					continue
				}
				marks[bm.attrs["w:name"]] = para.texts()
			}
			var budgetLinks, pageRefs int
			for _, h := range document.all("w:hyperlink") {
				target := marks[h.attrs["w:anchor"]]
				if target == "" {
					t.Errorf("hyperlink to unknown bookmark %q", h.attrs["w:anchor"])
				}
				if target == "My budget" {
					budgetLinks++
					for _, in := range h.all("w:instrText") {
						if strings.Contains(in.text, "PAGEREF "+h.attrs["w:anchor"]) {
							pageRefs++
							if got := h.texts(); !strings.HasSuffix(got, tc.wantPage) || (tc.wantPage == "" && got != "" && got != "My budget") {
								t.Errorf("page reference reads %q, want %q", got, tc.wantPage)
							}
						}
					}
				}
			}
			// The page reference, the link and the contents entry.
			if budgetLinks != 3 || pageRefs != 2 {
				t.Errorf("links to My budget: %d (want 3), PAGEREF fields: %d (want 2)", budgetLinks, pageRefs)
			}
			all := document.texts()
			mustContain(t, "document text", all, "a missing section", "(page ?)")
		})
	}
}

func TestContents(t *testing.T) {
	document := tree(t, parts(t, renderPages(t, fullDocument(t), testPages))["word/document.xml"])
	paras := document.all("w:p")
	var entries []string
	tocAt, coverPhoto := -1, -1
	for i, para := range paras {
		switch s := para.style(); {
		case s == styleTOCHeading:
			tocAt = i
			if para.first("w:pageBreakBefore") == nil {
				t.Error("the contents do not start a page")
			}
		case strings.HasPrefix(s, "TOC"):
			entries = append(entries, para.texts())
		case s == styleFigure && coverPhoto < 0:
			coverPhoto = i
		}
	}
	if tocAt < coverPhoto {
		t.Errorf("contents at paragraph %d, before the cover's photo at %d", tocAt, coverPhoto)
	}
	want := []string{"Learning and Living Support Plan1", "About me3", "My budget5"}
	if !slices.Equal(entries, want) {
		t.Errorf("contents entries %q, want %q", entries, want)
	}
	raw := parts(t, renderPages(t, fullDocument(t), testPages))["word/document.xml"]
	mustContain(t, "document.xml", raw, `<w:fldChar w:fldCharType="begin" w:dirty="true"/>`, ` TOC \o "1-2" \h \z \u `)
	// The next heading after the contents starts a new page.
	for i := tocAt + 1; i < len(paras); i++ {
		if strings.HasPrefix(paras[i].style(), "Heading") {
			if paras[i].first("w:pageBreakBefore") == nil {
				t.Error("the section after the contents does not start a page")
			}
			break
		}
	}
}

func TestNoContents(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"one page": {Meta: doc.Meta{Kind: doc.OnePage}, Blocks: fullDocument(t).Blocks},
		"own contents": {Blocks: append([]doc.Block{&doc.Heading{Level: 2, Text: txt("Contents"), Anchor: "contents"}},
			fullDocument(t).Blocks...)},
		"too few headings": {Blocks: []doc.Block{&doc.Heading{Level: 1, Text: txt("T")}, para("x")}},
	} {
		raw := parts(t, render(t, d))["word/document.xml"]
		if strings.Contains(raw, " TOC ") {
			t.Errorf("%s: has a contents field", name)
		}
	}
}

// TestFontsEmbedded: the main faces the document uses are embedded whole and
// obfuscated with their key; undoing the obfuscation gives the font back. The
// fallback face is a subset holding the characters the main face lacks.
func TestFontsEmbedded(t *testing.T) {
	p := parts(t, render(t, fullDocument(t)))
	table := tree(t, p["word/fontTable.xml"])
	rels := map[string]string{}
	for _, rel := range tree(t, p["word/_rels/fontTable.xml.rels"]).all("Relationship") {
		rels[rel.attrs["Id"]] = "word/" + rel.attrs["Target"]
	}
	want := map[string]map[string][]byte{
		fonts.Family:         {"w:embedRegular": fonts.Regular, "w:embedBold": fonts.Bold, "w:embedItalic": fonts.Italic},
		fonts.FallbackFamily: {"w:embedRegular": nil}, // no bold text needs it
	}
	for _, f := range table.all("w:font") {
		faces := want[f.attrs["w:name"]]
		for _, k := range f.kids {
			if !strings.HasPrefix(k.name, "w:embed") {
				continue
			}
			orig, ok := faces[k.name]
			if !ok {
				t.Errorf("%s: unexpected %s", f.attrs["w:name"], k.name)
				continue
			}
			delete(faces, k.name)
			data := []byte(p[rels[k.attrs["r:id"]]])
			plain := deobfuscate(t, data, k.attrs["w:fontKey"])
			if orig != nil {
				if !bytes.Equal(plain, orig) {
					t.Errorf("%s %s: de-obfuscated part is not the font", f.attrs["w:name"], k.name)
				}
				if k.attrs["w:subsetted"] != "" {
					t.Errorf("%s %s is marked subsetted", f.attrs["w:name"], k.name)
				}
				continue
			}
			if k.attrs["w:subsetted"] != "true" {
				t.Errorf("fallback %s is not marked subsetted", k.name)
			}
			if len(plain) > 100_000 {
				t.Errorf("fallback subset is %d bytes", len(plain))
			}
			sf, err := parseSFNT(plain)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			cm, err := sf.cmap()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range "✓✗ΕλКї" {
				if _, ok := cm[c]; !ok {
					t.Errorf("subset has no %q", c)
				}
			}
		}
		for name := range faces {
			t.Errorf("%s: %s not embedded", f.attrs["w:name"], name)
		}
	}
	// The characters are set in the fallback face by its style, the rest not.
	document := tree(t, p["word/document.xml"])
	var fallback []string
	for _, r := range document.all("w:r") {
		if r.style() == styleFallback {
			fallback = append(fallback, r.texts())
		}
	}
	if got := strings.Join(fallback, "|"); got != "✓|✗|Ελλάδα|Київ" {
		t.Errorf("runs in the fallback face: %q", got)
	}
}

func deobfuscate(t *testing.T, data []byte, key string) []byte {
	t.Helper()
	hex := strings.NewReplacer("{", "", "}", "", "-", "").Replace(key)
	if len(hex) != 32 {
		t.Fatalf("font key %q is not a GUID", key)
	}
	var guid [16]byte
	for i := range guid {
		if _, err := fmt.Sscanf(hex[2*i:2*i+2], "%02X", &guid[i]); err != nil {
			t.Fatalf("font key %q: %v", key, err)
		}
	}
	return obfuscate(data, guid) // XOR: the same step undoes it
}

// TestObfuscateSpecExample is the example of ECMA-376 Part 1, §17.8.1: the key
// {001B70DC-AA60-4AD5-90EC-18A0948E1EAE} is applied in reverse byte order,
// AE1E8E94-A018-EC90-D54A-60AADC701B00, to bytes 0-15 and again to 16-31.
func TestObfuscateSpecExample(t *testing.T) {
	guid := [16]byte{0x00, 0x1B, 0x70, 0xDC, 0xAA, 0x60, 0x4A, 0xD5, 0x90, 0xEC, 0x18, 0xA0, 0x94, 0x8E, 0x1E, 0xAE}
	if got := guidString(guid); got != "{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}" {
		t.Fatalf("guidString = %s", got)
	}
	reversed := []byte{0xAE, 0x1E, 0x8E, 0x94, 0xA0, 0x18, 0xEC, 0x90, 0xD5, 0x4A, 0x60, 0xAA, 0xDC, 0x70, 0x1B, 0x00}
	out := obfuscate(make([]byte, 48), guid)
	if !bytes.Equal(out[:16], reversed) || !bytes.Equal(out[16:32], reversed) || !bytes.Equal(out[32:], make([]byte, 16)) {
		t.Errorf("obfuscated zeros = % X", out)
	}
}

func TestObfuscateKnownAnswer(t *testing.T) {
	// ECMA-376 Part 1, §17.8.1: the key {00010203-0405-0607-0809-0A0B0C0D0E0F}
	// XORs byte i of the font with byte 15-(i mod 16) of the GUID's bytes.
	var guid [16]byte
	for i := range guid {
		guid[i] = byte(i)
	}
	if got := guidString(guid); got != "{00010203-0405-0607-0809-0A0B0C0D0E0F}" {
		t.Fatalf("guidString = %s", got)
	}
	font := make([]byte, 40)
	out := obfuscate(font, guid)
	for i, b := range out {
		want := byte(0)
		if i < 32 {
			want = byte(15 - i%16)
		}
		if b != want {
			t.Fatalf("byte %d = %d, want %d", i, b, want)
		}
	}
}

func TestSubsetKeepsOnlyUsedGlyphs(t *testing.T) {
	sub, err := subset(fonts.FallbackRegular, []rune("✓é"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseSFNT(sub)
	if err != nil {
		t.Fatal(err)
	}
	cm, _ := f.cmap()
	size := func(c rune) int {
		g := int(cm[c])
		loca := f.tables["loca"]
		return int(binary.BigEndian.Uint32(loca[4*g+4:]) - binary.BigEndian.Uint32(loca[4*g:]))
	}
	if size('✓') == 0 || size('é') == 0 {
		t.Error("a kept glyph lost its outline")
	}
	if size('Z') != 0 || size('Ж') != 0 {
		t.Error("a glyph the text does not use kept its outline")
	}
	if len(sub) > 80_000 || len(sub) >= len(fonts.FallbackRegular)/5 {
		t.Errorf("subset is %d bytes of %d", len(sub), len(fonts.FallbackRegular))
	}
	if checksum(sub) != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", checksum(sub))
	}
}

func TestEasyReadStyles(t *testing.T) {
	d := fullDocument(t)
	d.Meta.Kind = doc.EasyRead
	p := parts(t, render(t, d))
	styles := tree(t, p["word/styles.xml"])
	def := styles.first("w:docDefaults")
	if sz := def.first("w:sz").attrs["w:val"]; sz != "32" {
		t.Errorf("easy-read body size %s half-points, want 32 (16 pt)", sz)
	}
	if line := def.first("w:spacing").attrs["w:line"]; line != "480" {
		t.Errorf("easy-read line %s twips, want 480 (1.5 × 16 pt)", line)
	}
	if len(tree(t, p["word/document.xml"]).all("w:i")) != 0 {
		t.Error("easy read has italics")
	}
	for _, s := range styles.all("w:style") {
		if s.attrs["w:styleId"] == styleTableText {
			if sz := s.first("w:sz").attrs["w:val"]; sz != "32" {
				t.Errorf("easy-read table text %s half-points, want 32", sz)
			}
		}
	}
}

func TestDraftInHeader(t *testing.T) {
	d := fullDocument(t)
	d.Meta.Draft = "DRAFT: not yet agreed"
	hdr := tree(t, parts(t, render(t, d))["word/header1.xml"])
	first := hdr.all("w:p")[0]
	if first.style() != styleDraft || first.texts() != "DRAFT: not yet agreed" {
		t.Errorf("header's first paragraph %q in %q, want the draft line in %s", first.texts(), first.style(), styleDraft)
	}
	if got := len(tree(t, parts(t, render(t, fullDocument(t)))["word/header1.xml"]).all("w:p")); got != 1 {
		t.Errorf("an agreed plan's header has %d paragraphs, want 1", got)
	}
}

func TestDocPrIDsUnique(t *testing.T) {
	document := parts(t, render(t, fullDocument(t)))["word/document.xml"]
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`<wp:docPr id="(\d+)"`).FindAllStringSubmatch(document, -1) {
		if seen[m[1]] {
			t.Errorf("duplicate docPr id %s", m[1])
		}
		seen[m[1]] = true
	}
	// The photo, the decorative rule, the paragraph's picture and the list item's
	// picture: the icon is drawn twice from one media part but each drawing has
	// its own id.
	if len(seen) != 4 {
		t.Errorf("want 3 drawings, got ids %v", seen)
	}
}

func TestMetaTextEscaped(t *testing.T) {
	m := testMeta()
	m.Title, m.PersonName, m.Classification, m.Author = special, special, special, special
	p := parts(t, render(t, &doc.Document{Meta: m, Blocks: []doc.Block{para("x")}}))
	escaped := `Amira&#39;s | * # _ [x] &lt;b&gt; &amp; &#34;quotes&#34; \ back`
	for _, name := range []string{"word/header1.xml", "word/footer1.xml", "docProps/core.xml"} {
		mustContain(t, name, p[name], escaped)
	}
}

// TestColumnWidths: a table's columns in the DOCX follow the widths the PDF's
// layout gave them, filling the text width, each but the widest a little wider
// (columnSlack), whether Render is handed that layout or lays the document out
// itself.
func TestColumnWidths(t *testing.T) {
	tbl := moneyTable(3)
	d := &doc.Document{Meta: testMeta(), Blocks: []doc.Block{tbl}}
	laid := layout.Layout(d, typeface.Default()).Tables[tbl].Widths
	if len(laid) != 3 {
		t.Fatalf("the layout has %d columns, want 3", len(laid))
	}
	total := laid[0] + laid[1] + laid[2]
	for _, l := range []Layout{{}, {Tables: map[*doc.Table]layout.TableGeometry{tbl: {Widths: laid}}}} {
		var buf bytes.Buffer
		if err := Render(&buf, d, l); err != nil {
			t.Fatal(err)
		}
		var w []int
		for _, c := range tree(t, parts(t, buf.Bytes())["word/document.xml"]).all("w:gridCol") {
			n, _ := strconv.Atoi(c.attrs["w:w"])
			w = append(w, n)
		}
		if len(w) != 3 || w[0]+w[1]+w[2] != textWidth {
			t.Fatalf("widths %v do not fill %d", w, textWidth)
		}
		for c := 1; c < 3; c++ { // the widest, the prose, gives the others their slack
			pdf := float64(textWidth) * laid[c] / total
			if want := pdf * (1 + columnSlack); math.Abs(float64(w[c])-want) > 3 {
				t.Errorf("column %d is %d twips, want %.0f: %.0f as in the PDF, and %.0f%% more", c, w[c], want, pdf, 100*columnSlack)
			}
		}
		if !(w[0] > w[1] && w[1] > w[2]) {
			t.Errorf("widths %v not in proportion to content (prose > names > money)", w)
		}
	}
}

// TestColumnWidthsSlack: the widest column gives the others their slack only
// while that is at most a quarter of it; a table the layout did not see gets
// equal columns. Every result fills the width.
func TestColumnWidthsSlack(t *testing.T) {
	for _, c := range []struct {
		name string
		mm   []float64
		cols int
		want []int
	}{
		// 5669, 2267 and 1700 (+2, the rounding) twips in proportion; the two
		// narrow ones get 5% more, 113 and 85, from the widest.
		{"money table", []float64{100, 40, 30}, 3, []int{5471, 2380, 1787}},
		{"even columns, too many to give to", []float64{10, 10, 10, 10, 10, 10, 10}, 7, []int{1376, 1376, 1376, 1376, 1376, 1376, 1382}},
		{"not laid out", nil, 3, []int{3212, 3212, 3214}},
	} {
		got := columnWidths(c.mm, c.cols, 9638)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := render(t, fullDocument(t))
	b := render(t, fullDocument(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %q, want [Content_Types].xml", zr.File[0].Name)
	}
	for _, f := range zr.File {
		if got := f.Modified.UTC().Format("2006-01-02"); got != "2026-09-14" {
			t.Errorf("%s modified %s, want 2026-09-14", f.Name, got)
		}
	}
}

func TestEmptyCreatedFallsBack(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{para("x")}}
	a, b := render(t, d), render(t, d)
	if !bytes.Equal(a, b) {
		t.Fatal("not deterministic without Created")
	}
	mustContain(t, "core.xml", parts(t, a)["docProps/core.xml"], "2000-01-01T00:00:00Z")
}

func TestErrors(t *testing.T) {
	bad := []*doc.Document{
		nil,
		{Meta: doc.Meta{Created: "14/09/2026"}},
		{Blocks: []doc.Block{&doc.Figure{}}},
		{Blocks: []doc.Block{&doc.Figure{Image: &doc.Image{Name: "x.gif", Format: "gif", Data: []byte{1}, Width: 1, Height: 1}}}},
		{Blocks: []doc.Block{nil}},
	}
	for i, d := range bad {
		if err := Render(io.Discard, d, Layout{}); err == nil {
			t.Errorf("case %d: want an error", i)
		}
	}
}

// benchDocument is a realistic plan of about 20 pages: ten sections, each with
// prose, a bulleted and a numbered list, and a table of 10–30 rows; a cover photo
// and one picture used beside several paragraphs.
func benchDocument(b testing.TB) *doc.Document {
	photo := pngImage(b, "images/photo.png", "Photo of Amira", 640, 480, color.RGBA{40, 120, 200, 255})
	icon := pngImage(b, "images/icon.png", "Picture of a house", 200, 200, color.RGBA{220, 120, 40, 255})
	d := &doc.Document{Meta: testMeta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: txt("Learning and Living Support Plan")},
		&doc.Figure{Image: photo},
	}}
	prose := strings.Repeat("Amira wants to travel to college on her own and to cook a meal for her family each week. ", 4)
	for s := range 10 {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Level: 2, Text: txt(fmt.Sprintf("Section %d", s+1))},
			para(prose),
			&doc.Paragraph{Picture: icon, Text: txt("What is important to me at home.")},
			&doc.Heading{Level: 3, Text: txt("What I want to learn")},
			&doc.List{Items: []doc.ListItem{item("Cooking"), item("Travel", &doc.List{Items: []doc.ListItem{item("Bus"), item("Train")}}), item("Money")}},
			&doc.List{Ordered: true, Items: []doc.ListItem{item("Plan the route"), item("Practise with Sam"), item("Go alone")}},
			moneyTable(10+2*s),
			&doc.Aside{Blocks: []doc.Block{para("What my family says: " + prose)}},
		)
	}
	return d
}

func BenchmarkRender(b *testing.B) {
	d := benchDocument(b)
	benchRender(b, d)
}

// schemaOrder is the order in which the WordprocessingML schema lets children of
// these elements appear (ECMA-376 Part 1, Annex A, wml.xsd and dml-wordprocessingDrawing.xsd:
// CT_PPrBase, EG_RPrBase, CT_TblPr, CT_Style, CT_SectPr, CT_Font, CT_TcPr,
// CT_TblStylePr, CT_Lvl, CT_AbstractNum, CT_Settings, CT_Inline …). Word refuses a
// file whose children are out of order ("unreadable content"), where LibreOffice
// and mammoth read it all the same, so only this test would notice.
var schemaOrder = map[string][]string{
	"w:pPr": {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
		"w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
		"w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
		"w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
		"w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
		"w:sectPr", "w:pPrChange"},
	"w:rPr": {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
		"w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
		"w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
		"w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
		"w:specVanish", "w:oMath"},
	"w:tblPr": {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
		"w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
		"w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"},
	"w:style": {"w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
		"w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
		"w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"},
	"w:sectPr": {"w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
		"w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign",
		"w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings"},
	"w:font": {"w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig",
		"w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic"},
	"w:tblBorders":  {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"},
	"w:tblCellMar":  {"w:top", "w:left", "w:bottom", "w:right"},
	"w:tcPr":        {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"},
	"w:tblStylePr":  {"w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"},
	"w:lvl":         {"w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff", "w:lvlText", "w:lvlPicBulletId", "w:legacy", "w:lvlJc", "w:pPr", "w:rPr"},
	"w:abstractNum": {"w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", "w:lvl"},
	"w:num":         {"w:abstractNumId", "w:lvlOverride"},
	"w:docDefaults": {"w:rPrDefault", "w:pPrDefault"},
	"w:tbl":         {"w:tblPr", "w:tblGrid", "w:tr"},
	"w:tr":          {"w:tblPrEx", "w:trPr", "w:tc"},
	"w:tc":          {"w:tcPr", "w:p", "w:tbl"},
	"w:settings": {"w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:embedTrueTypeFonts",
		"w:embedSystemFonts", "w:saveSubsetFonts", "w:defaultTabStop", "w:characterSpacingControl",
		"w:updateFields", "w:compat", "w:themeFontLang"},
	"wp:inline": {"wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"},
	"pic:pic":   {"pic:nvPicPr", "pic:blipFill", "pic:spPr"},
}

// orderExempt lists children that may come anywhere or repeat among others.
var orderExempt = map[string]map[string]bool{
	"w:tc":     {"w:p": true, "w:tbl": true}, // paragraphs and tables mix freely in a cell
	"w:sectPr": {"w:headerReference": true, "w:footerReference": true},
}

func TestSchemaOrder(t *testing.T) {
	for _, tc := range kindDocuments(t) {
		t.Run(tc.name, func(t *testing.T) { schemaOrderOf(t, tc.d) })
	}
}

func schemaOrderOf(t *testing.T, d *doc.Document) {
	d.Meta.Draft = "DRAFT"
	p := parts(t, renderPages(t, d, testPages))
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
		"word/fontTable.xml", "word/header1.xml", "word/footer1.xml"} {
		var check func(n *node)
		check = func(n *node) {
			if order, ok := schemaOrder[n.name]; ok {
				last := -1
				for _, k := range n.kids {
					if orderExempt[n.name][k.name] {
						continue
					}
					i := slices.Index(order, k.name)
					if i < 0 {
						t.Errorf("%s: <%s> may not hold <%s>", name, n.name, k.name)
						continue
					}
					if i < last {
						t.Errorf("%s: in <%s>, <%s> comes after <%s>", name, n.name, k.name, order[last])
					}
					last = max(last, i)
				}
			}
			for _, k := range n.kids {
				check(k)
			}
		}
		check(tree(t, p[name]))
	}
}

func TestShortDocumentHasNoContents(t *testing.T) {
	short := doc.Pages{"title": 1, "about-me": 2, "good-at": 2, "steps": 3, "my-budget": 4, "level-four": 4}
	if raw := parts(t, renderPages(t, fullDocument(t), short))["word/document.xml"]; strings.Contains(raw, " TOC ") {
		t.Error("a four-page document has contents")
	}
	if raw := parts(t, renderPages(t, fullDocument(t), testPages))["word/document.xml"]; !strings.Contains(raw, " TOC ") {
		t.Error("a five-page document has no contents")
	}
}

func TestOnePageStyles(t *testing.T) {
	d := fullDocument(t)
	d.Meta.Kind = doc.OnePage
	def := tree(t, parts(t, render(t, d))["word/styles.xml"]).first("w:docDefaults")
	if sz := def.first("w:sz").attrs["w:val"]; sz != "22" {
		t.Errorf("one-page body size %s half-points, want 22 (the 11 pt floor)", sz)
	}
}

func TestContentsAfterTitleWithoutCover(t *testing.T) {
	// The first page break comes after two sections: it ends no cover, so the
	// contents follow the title and take no page of their own.
	d := &doc.Document{Meta: testMeta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: txt("Title"), Anchor: "title"},
		&doc.Heading{Level: 2, Text: txt("One"), Anchor: "one"},
		para("x"),
		&doc.Heading{Level: 2, Text: txt("Two"), Anchor: "two"},
		&doc.PageBreak{},
		&doc.Heading{Level: 2, Text: txt("Three"), Anchor: "three"},
	}}
	paras := tree(t, parts(t, renderPages(t, d, doc.Pages{"title": 1, "one": 1, "two": 3, "three": 6}))["word/document.xml"]).all("w:p")
	if paras[0].style() != "Heading1" || paras[1].style() != styleTOCHeading {
		t.Fatalf("contents do not follow the title: %q then %q", paras[0].style(), paras[1].style())
	}
	if paras[1].first("w:pageBreakBefore") != nil {
		t.Error("contents after the title start a page")
	}
	var nums []string
	for _, p := range paras {
		if strings.HasPrefix(p.style(), "TOC") && p.style() != styleTOCHeading {
			nums = append(nums, p.texts())
		}
	}
	if want := []string{"Title1", "One1", "Two3", "Three6"}; !slices.Equal(nums, want) {
		t.Errorf("entries %q, want %q (no shift)", nums, want)
	}
}

// TestAsideSplitsOnlyWhenLong: a short aside stays on one page, as in the PDF; a
// long one may break (a row that may not split is cut off when taller than a page).
func TestAsideSplitsOnlyWhenLong(t *testing.T) {
	long := make([]doc.Block, 60)
	for i := range long {
		long[i] = para(strings.Repeat("Long aside text. ", 10))
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Aside{Blocks: long[:5]}, para("between"), &doc.Aside{Blocks: long}}}
	tables := tree(t, parts(t, render(t, d))["word/document.xml"]).all("w:tbl")
	if len(tables) != 2 {
		t.Fatalf("want 2 aside boxes, got %d tables", len(tables))
	}
	if tables[0].first("w:cantSplit") == nil {
		t.Error("a short aside may split across pages")
	}
	if tables[1].first("w:cantSplit") != nil {
		t.Error("an aside longer than a page may not split")
	}
}

func TestTallRowMaySplit(t *testing.T) {
	tbl := moneyTable(2)
	tbl.Rows[1][0].Text = txt(strings.Repeat("A very long cell that runs on and on. ", 400))
	rows := tree(t, parts(t, render(t, &doc.Document{Blocks: []doc.Block{tbl}}))["word/document.xml"]).all("w:tr")
	if rows[1].first("w:cantSplit") == nil {
		t.Error("an ordinary row may split across pages")
	}
	if rows[2].first("w:cantSplit") != nil {
		t.Error("a row taller than a page may not split: LibreOffice would cut it off")
	}
}
