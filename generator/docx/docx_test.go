package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lifeplan/generator/doc"
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
	return &doc.Document{Meta: testMeta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: txt("Learning and Living Support Plan")},
		&doc.Figure{Image: photo},
		&doc.Heading{Level: 2, Text: txt("About me")},
		&doc.Paragraph{Text: []doc.Inline{
			{Text: "My name is "}, {Text: "Amira", Bold: true}, {Text: " and I like "},
			{Text: "swimming", Italic: true}, {LineBreak: true}, {Text: "Second line after a break."},
		}},
		para(special),
		&doc.Paragraph{Picture: icon, Text: txt("I live at home with my mum and my brother.")},
		&doc.Heading{Level: 3, Text: txt("What I am good at")},
		&doc.List{Items: []doc.ListItem{
			item("Cooking pasta"),
			item("Using the bus", &doc.List{Items: []doc.ListItem{item("Number 12 to college"), item("Number 7 to town")}}),
			{Picture: icon, Blocks: []doc.Block{para("Looking after my cat")}},
		}},
		&doc.Heading{Level: 3, Text: txt("Steps to learn")},
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
		&doc.Heading{Level: 2, Text: txt("My budget")},
		moneyTable(25),
		&doc.Heading{Level: 4, Text: txt("Level four heading")},
		para("The end."),
	}}
}

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
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

func TestPackageParts(t *testing.T) {
	p := parts(t, render(t, fullDocument(t)))
	document := p["word/document.xml"]

	mustContain(t, "document.xml", document,
		`<w:pgSz w:w="11906" w:h="16838"`, `w:top="1134"`, `w:left="1134"`,
		`<w:headerReference w:type="default"`, `<w:footerReference w:type="default"`)
	mustContain(t, "header1.xml", p["word/header1.xml"], "OFFICIAL-SENSITIVE: personal data", "Amira Khan")
	mustContain(t, "footer1.xml", p["word/footer1.xml"], " PAGE ", " NUMPAGES ", "fldChar",
		"Learning and Living Support Plan · Version 3 · 14 September 2026")
	mustContain(t, "document.xml.rels", p["word/_rels/document.xml.rels"], `Target="header1.xml"`, `Target="footer1.xml"`)
	mustContain(t, "[Content_Types].xml", p["[Content_Types].xml"],
		`PartName="/word/header1.xml"`, `PartName="/word/footer1.xml"`, "header+xml", "footer+xml")

	mustContain(t, "core.xml", p["docProps/core.xml"],
		"<dc:title>Learning and Living Support Plan</dc:title>", "<dc:creator>Jo Bloggs</dc:creator>",
		"<dc:subject>Support plan for Amira Khan</dc:subject>", "<dc:language>en-GB</dc:language>",
		">2026-09-14T00:00:00Z</dcterms:created>", ">2026-09-14T00:00:00Z</dcterms:modified>")
	mustContain(t, "app.xml", p["docProps/app.xml"], "<Application>lifeplan</Application>")
	if strings.Contains(p["docProps/app.xml"], "Microsoft") {
		t.Error("app.xml still names Microsoft")
	}
	for name := range p {
		if strings.Contains(name, "thumbnail") || name == "" {
			t.Errorf("unexpected part %q", name)
		}
	}
	for _, part := range []string{"_rels/.rels", "[Content_Types].xml"} {
		if strings.Contains(p[part], "thumbnail") {
			t.Errorf("%s still refers to a thumbnail", part)
		}
	}
	mustContain(t, "styles.xml", p["word/styles.xml"], "Atkinson Hyperlegible", `w:styleId="Heading1"`,
		`w:styleId="ListBullet"`, `w:styleId="ListNumber"`, `<w:outlineLvl w:val="0"`)
	mustContain(t, "fontTable.xml", p["word/fontTable.xml"], `<w:altName w:val="Arial"/>`)
}

func TestBodyStructure(t *testing.T) {
	p := parts(t, render(t, fullDocument(t)))
	document := p["word/document.xml"]
	for lvl := 1; lvl <= 4; lvl++ {
		mustContain(t, "document.xml", document, fmt.Sprintf(`<w:pStyle w:val="Heading%d">`, lvl))
	}
	mustContain(t, "document.xml", document,
		`<w:pStyle w:val="ListBullet">`, `<w:pStyle w:val="ListNumber">`,
		`<w:ilvl w:val="1">`, // nested list one level deeper
		`<w:b w:val="true">`, `<w:i w:val="true">`, `<w:br></w:br>`, `<w:br w:type="page">`,
		`<w:tblHeader w:val="true">`, `<w:jc w:val="right">`, `w:fill="DCE6F2"`,
		`descr="Photo of Amira smiling in the park"`, `title="Photo of Amira smiling in the park"`,
		`descr="Picture of a house"`, `title="Picture of a house"`)

	// Every doc.List gets its own w:num, restarting the level it uses at 1.
	numbering := p["word/numbering.xml"]
	nums := regexp.MustCompile(`<w:num w:numId="(\d+)"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`).
		FindAllStringSubmatch(numbering, -1)
	if len(nums) != 2 {
		t.Fatalf("want 2 restarting top-level ordered instances, got %d in %s", len(nums), numbering)
	}
	first := `<w:numId w:val="` + nums[0][1] + `">`
	second := `<w:numId w:val="` + nums[1][1] + `">`
	if nums[0][1] == nums[1][1] || !strings.Contains(document, first) || !strings.Contains(document, second) {
		t.Errorf("the two ordered lists must use different numbering instances (%s, %s)", first, second)
	}
	if strings.Index(document, second) < strings.Index(document, "Restart step beta")-400 {
		t.Errorf("second ordered list does not use the second instance")
	}

	// The one media part is shared by the two uses of the same picture.
	media := 0
	for name := range p {
		if strings.HasPrefix(name, "word/media/") {
			media++
		}
	}
	if media != 2 {
		t.Errorf("want 2 media parts (photo, icon), got %d", media)
	}
	// User text stays literal: escaped once, never interpreted.
	mustContain(t, "document.xml", document, `Amira&#39;s | * # _ [x] &lt;b&gt; &amp; &#34;quotes&#34; \ back`)
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
	// The figure, the paragraph's picture and the list item's picture: the icon is
	// drawn twice from one media part but each drawing has its own id.
	if len(seen) != 3 {
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

// TestFinishDropsThumbnail feeds the wrapper a package such as godocx's own template
// gives, with a thumbnail, its relationship and its content type.
func TestFinishDropsThumbnail(t *testing.T) {
	var raw bytes.Buffer
	zw := zip.NewWriter(&raw)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	add("docProps/thumbnail.jpeg", "JPEG")
	add("_rels/.rels", `<Relationships xmlns="`+nsRel+`"><Relationship Id="rId2" `+
		`Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>`)
	add("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Override PartName="/docProps/thumbnail.jpeg" ContentType="image/jpeg"/></Types>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := (&wrapper{meta: testMeta()}).finish(raw.Bytes(), &out, nil); err != nil {
		t.Fatal(err)
	}
	for name, body := range parts(t, out.Bytes()) {
		if strings.Contains(name, "thumbnail") || strings.Contains(body, "thumbnail") {
			t.Errorf("%s: thumbnail left in the package", name)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	tbl := moneyTable(3)
	w := columnWidths(tbl, 3, textWidth)
	if w[0]+w[1]+w[2] != textWidth {
		t.Errorf("widths %v do not fill %d", w, textWidth)
	}
	if !(w[0] > w[1] && w[1] > w[2]) {
		t.Errorf("widths %v not in proportion to content (prose > names > money)", w)
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
		if err := Render(io.Discard, d); err == nil {
			t.Errorf("case %d: want an error", i)
		}
	}
}

// requireTool finds an external program; without it the test is skipped, unless
// LIFEPLAN_REQUIRE_TOOLS=1 asks for a failure instead.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s not found on PATH and LIFEPLAN_REQUIRE_TOOLS=1", name)
	}
	t.Skipf("%s not found on PATH", name)
	return ""
}

// TestLibreOfficeRoundTrip opens the file in a real word processor: LibreOffice must
// convert it, and the PDF text must hold the headings, the special characters
// literally, table text and the page fields' results.
func TestLibreOfficeRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	soffice := requireTool(t, "soffice")
	pdftotext := requireTool(t, "pdftotext")
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.docx")
	if err := os.WriteFile(in, render(t, fullDocument(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.Join(dir, "profile")
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "plan.pdf")
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := string(out)
	if dst := os.Getenv("LIFEPLAN_KEEP_DOCX"); dst != "" {
		_ = os.WriteFile(filepath.Join(dst, "plan.docx"), mustRead(t, in), 0o644)
		_ = os.WriteFile(filepath.Join(dst, "plan.pdf"), mustRead(t, pdf), 0o644)
	}
	pages := regexp.MustCompile(`Page 1 of (\d+)`).FindStringSubmatch(text)
	if pages == nil || pages[1] == "1" {
		t.Errorf("want \"Page 1 of N\" with N > 1 in:\n%s", text)
	}
	mustContain(t, "PDF text", text,
		"Learning and Living Support Plan", "About me", "What I am good at", "My budget",
		"Level four heading", special, "OFFICIAL-SENSITIVE: personal data", "Amira Khan",
		"Cost a year", "£25,250.00", "Bright Futures Ltd", "Second line after a break.",
		"1. Restart step beta", "3. Third step alpha", "a. Sub step one", "What my family says")
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
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
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}
