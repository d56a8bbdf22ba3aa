package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/layout"
)

// requireTool returns the path of an external tool, skipping the test when it is
// missing, or failing it when LIFEPLAN_REQUIRE_TOOLS=1.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (LIFEPLAN_REQUIRE_TOOLS=1) but not on PATH", name)
		}
		t.Skipf("%s not on PATH", name)
	}
	return p
}

// testPNG makes a w×h PNG of one colour with a darker border.
func testPNG(t testing.TB, name string, w, h int, c color.NRGBA) *doc.Image {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if x < 4 || y < 4 || x >= w-4 || y >= h-4 {
				img.Set(x, y, color.NRGBA{c.R / 2, c.G / 2, c.B / 2, 255})
			} else {
				img.Set(x, y, c)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &doc.Image{Name: name, Alt: name, Format: "png", Data: buf.Bytes(), Width: w, Height: h}
}

func text(s string) []doc.Inline { return []doc.Inline{{Text: s}} }

func para(s string) *doc.Paragraph { return &doc.Paragraph{Text: text(s)} }

func item(blocks ...doc.Block) doc.ListItem { return doc.ListItem{Blocks: blocks} }

const (
	specials  = `Literal: | * # _ [ ] < > \ ( ) "quoted" 'single' ‘curly’ “double” £12.50 • – — … ·`
	longWord  = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvorangreifendurchihrraubgierigfeindewelchevoralternzwolftausendjahresvorandieerscheinenvanderersteerdemenschderraumschiffgenachtmittungsteinundsiebeniridiumelektrischmotorsgebrauchlichtalsseinursprungvonkraftgestartseinlangefahrthinzwischensternartigraumaufdersuchenachdiesternwelche"
	longURL   = "https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/because/urls/are/like/that/sometimes/and/we/must/never/run/off/the/page/even/when/they/are/three/hundred/characters/long/like/this/one/which/keeps/going/until/it/reaches/the/end?query=1&other=2"
	tableHead = "Weekly cost"
)

// longTableRows is the number of rows in the table that must span pages.
const longTableRows = 70

// testDocument has every block kind and the awkward cases.
func testDocument(t testing.TB) *doc.Document {
	blue := testPNG(t, "images/cover.png", 200, 120, color.NRGBA{0x5b, 0x8d, 0xc9, 255})
	// Two pictures of the same pixel width: fpdf would order them randomly.
	green := testPNG(t, "images/walk.png", 120, 120, color.NRGBA{0x6a, 0xb0, 0x6a, 255})
	orange := testPNG(t, "images/cook.png", 120, 90, color.NRGBA{0xe0, 0x9a, 0x40, 255})

	rows := make([][]doc.Cell, longTableRows)
	for i := range rows {
		what := fmt.Sprintf("row-%03d support with daily living", i+1)
		if i%7 == 3 {
			what += ", including help with shopping, cooking a hot meal and keeping the kitchen clean and safe"
		}
		rows[i] = []doc.Cell{
			{Text: text(what)},
			{Text: text([]string{"Personal assistant", "Family", "Support worker (agency)"}[i%3])},
			{Text: text(strconv.Itoa(2 + i%9))},
			{Text: text(fmt.Sprintf("£%d.%02d", 30+i*7, (i*37)%100))},
		}
	}
	mixed := []doc.Inline{
		{Text: "Amira likes "}, {Text: "swimming", Bold: true}, {Text: " and "},
		{Text: "cooking", Italic: true}, {Text: " with her "}, {Text: "brother", Bold: true, Italic: true},
		{Text: ". "}, {Text: "bold"}, {Text: "Joined", Bold: true}, {Text: " words stay whole."},
		{LineBreak: true}, {Text: "This sentence starts on a new line after a line break."},
	}
	blocks := []doc.Block{
		&doc.Heading{Level: 1, Text: text("Learning and Living Support Plan")},
		&doc.Figure{Image: blue},
		&doc.Paragraph{Text: mixed},
		&doc.Heading{Level: 2, Text: text("About me")},
		&doc.Paragraph{Picture: green, Text: text("I live with my mum and my brother. I like walking in the park, " +
			"especially in the morning when it is quiet. I want to learn to cook my own meals and to travel to college on the bus by myself.")},
		&doc.Heading{Level: 2, Text: text("Special characters")},
		para(specials),
		para("A long web address: " + longURL),
		para("A long name: " + longWord + " ends here."),
		&doc.Heading{Level: 2, Text: text("What I want to learn")},
		&doc.List{Items: []doc.ListItem{
			item(para("Cooking simple meals")),
			{Picture: orange, Blocks: []doc.Block{para("Making a cup of tea safely, with a picture beside this item so it is easy to follow.")}},
			item(para("Travelling by bus"), &doc.List{Ordered: true, Items: []doc.ListItem{
				item(para("Check the timetable")),
				item(para("Buy a ticket"), &doc.List{Items: []doc.ListItem{item(para("With my bus pass")), item(para("Or with coins"))}}),
				item(para("Get off at the right stop")),
			}}),
			item(&doc.List{Ordered: true, Items: []doc.ListItem{item(para("An item that starts with a nested list"))}}),
		}},
		&doc.Aside{Blocks: []doc.Block{
			&doc.Paragraph{Text: []doc.Inline{{Text: "My family’s view: ", Bold: true}, {Text: "we are proud of how much Amira has learned this year. " +
				"We worry about her travelling alone in the dark, and we would like the plan to say who she can call."}}},
			&doc.List{Items: []doc.ListItem{item(para("Call Mum first")), item(para("Then the on-call number"))}},
		}},
		&doc.Heading{Level: 4, Text: text("A small heading")},
		para("Text under a level 4 heading, which has no bookmark."),
		&doc.Heading{Level: 1, Text: text("Appendix")},
		&doc.Heading{Level: 3, Text: text("Skipped level heading")},
		para("The heading above skips level 2."),
		&doc.Heading{Level: 2, Text: text("Support and costs")},
		&doc.Table{
			Align:  []doc.Align{doc.AlignLeft, doc.AlignLeft, doc.AlignCenter, doc.AlignRight},
			Header: []doc.Cell{{Text: text("What")}, {Text: text("Who")}, {Text: text("Hours")}, {Text: text(tableHead)}},
			Rows:   rows,
		},
		&doc.PageBreak{},
		&doc.Heading{Level: 2, Text: text("A table with a long word")},
		&doc.Table{
			Align:  []doc.Align{doc.AlignLeft, doc.AlignRight},
			Header: []doc.Cell{{Text: text("Reference")}, {Text: text("Amount")}},
			Rows: [][]doc.Cell{
				{{Text: text(longURL)}, {Text: text("£1,234.56")}},
				{{Text: []doc.Inline{{Text: "Mixed "}, {Text: "bold", Bold: true}, {LineBreak: true}, {Text: "second line"}}}, {Text: text("£0.99")}},
			},
		},
		para("The end."),
	}
	return &doc.Document{
		Meta: doc.Meta{
			ID: "llsp", Title: "Learning and Living Support Plan", Subject: "Support plan for Amira Example",
			Author: "Sam Planner", Language: "en-GB", Classification: "OFFICIAL-SENSITIVE: personal data",
			PersonName: "Amira Example", Version: "3", Date: "14 September 2026", ReviewDate: "14 March 2027",
			Created: "2026-09-14",
		},
		Blocks: blocks,
	}
}

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeTemp writes the PDF where the tools can read it; with LIFEPLAN_PDF_OUT set
// it is also kept there for looking at.
func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "test.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("LIFEPLAN_PDF_OUT"); out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(requireTool(t, tool), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func TestRenderIsDeterministic(t *testing.T) {
	d := testDocument(t)
	first := render(t, d)
	// Several runs, since fpdf's randomness comes from Go's map order.
	for i := 0; i < 5; i++ {
		if !bytes.Equal(first, render(t, d)) {
			t.Fatalf("run %d gave different bytes", i+2)
		}
	}
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", first[:min(len(first), 16)])
	}
}

func TestCreationDateFromMeta(t *testing.T) {
	for _, tc := range []struct{ created, want string }{
		{"2026-09-14", "D:20260914000000"},
		{"", "D:20000101000000"},
		{"not a date", "D:20000101000000"},
	} {
		d := &doc.Document{Meta: doc.Meta{Title: "T", Created: tc.created}, Blocks: []doc.Block{para("x")}}
		out := render(t, d)
		for _, key := range []string{"/CreationDate (" + tc.want + ")", "/ModDate (" + tc.want + ")"} {
			if !bytes.Contains(out, []byte(key)) {
				t.Errorf("Created %q: missing %s", tc.created, key)
			}
		}
	}
}

// TestCheckers runs the test document, which has every block kind and the
// awkward cases, through every PDF checker: qpdf, pdffonts, pdfinfo (tagged), the
// pdf.js checker (all content marked, no page ending with a heading or a lone
// header row) and pdfcpu's strict validation.
func TestCheckers(t *testing.T) {
	testtools.CheckPDF(t, writeTemp(t, render(t, testDocument(t))))
}

// TestStructure reads the structure tree back with poppler: the roles a screen
// reader announces, with their text and the pictures' alternative text.
func TestStructure(t *testing.T) {
	out := run(t, "pdfinfo", "-struct-text", writeTemp(t, render(t, testDocument(t))))
	for _, want := range []string{"Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Div",
		"Learning and Living Support Plan", "Cooking simple meals", "Weekly cost"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo -struct-text lacks %q", want)
		}
	}
	// The running header is an artifact: it is not in the tree.
	if strings.Contains(out, "OFFICIAL-SENSITIVE") {
		t.Error("the running header is tagged as content")
	}
}

func TestFontsEmbedded(t *testing.T) {
	p := writeTemp(t, render(t, testDocument(t)))
	out := run(t, "pdffonts", p)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts listed:\n%s", out)
	}
	// Columns: name type encoding emb sub uni object ID. The name holds no spaces.
	faces := map[string]bool{}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			t.Fatalf("odd pdffonts line %q", l)
		}
		emb := f[len(f)-5]
		if emb != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		if strings.Contains(strings.ToLower(f[0]), "helvetica") || strings.Contains(f[0], "Times") || strings.Contains(f[0], "Courier") {
			t.Errorf("core font used: %s", l)
		}
		faces[f[0]] = true
	}
	atkinson := 0
	for f := range faces {
		if strings.Contains(strings.ToLower(f), "atkinsonhyperlegiblenext") {
			atkinson++
		}
	}
	if atkinson != 4 {
		t.Errorf("want the 4 faces of Atkinson Hyperlegible Next (regular, bold, italic, bold italic), got %v", faces)
	}
}

func pageCount(t *testing.T, p string) int {
	n, err := strconv.Atoi(strings.TrimSpace(run(t, "qpdf", "--show-npages", p)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pageText(t *testing.T, p string, page int) string {
	k := strconv.Itoa(page)
	return run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", k, "-l", k, p, "-")
}

func TestTextExtraction(t *testing.T) {
	p := writeTemp(t, render(t, testDocument(t)))
	n := pageCount(t, p)
	all := run(t, "pdftotext", "-enc", "UTF-8", p, "-")
	flat := strings.Join(strings.Fields(all), " ")
	for _, want := range []string{
		"Learning and Living Support Plan", "About me", "Special characters", "What I want to learn",
		"A small heading", "Appendix", "Skipped level heading", "Support and costs",
		specials, "swimming", "Joined words stay whole.", "Amira Example", "OFFICIAL-SENSITIVE: personal data",
		"Learning and Living Support Plan · version 3 · 14 September 2026", "My family’s view:",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	// Long words come back whole once the line breaks are removed.
	joined := strings.Join(strings.Fields(all), "")
	for _, want := range []string{longWord, longURL} {
		if !strings.Contains(joined, want) {
			t.Errorf("pdftotext lacks the long word %.30q…", want)
		}
	}
	for page := 1; page <= n; page++ {
		txt := pageText(t, p, page)
		want := fmt.Sprintf("Page %d of %d", page, n)
		if !strings.Contains(txt, want) {
			t.Errorf("page %d lacks %q:\n%s", page, want, txt)
		}
		if !strings.Contains(txt, "Amira Example") || !strings.Contains(txt, "OFFICIAL-SENSITIVE") {
			t.Errorf("page %d lacks its header", page)
		}
	}
	if strings.Contains(all, "{lifeplan") {
		t.Error("an alias was not replaced")
	}
	// Words are not split into letters: "s w i m m i n g" would mean bad spacing.
	if regexp.MustCompile(`\b(\w )\w \w \w\b`).MatchString(all) {
		t.Errorf("text comes out letter-spaced:\n%s", all)
	}
}

var wordBox = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)

// checkInsideMargins fails if any word pdftotext finds lies outside the text
// column (header and footer included): nothing may run off the page.
func checkInsideMargins(t *testing.T, p string) {
	t.Helper()
	const tol = 0.5                                              // pt
	left, right := 20*ptPerMM-tol, (layout.PageW-20)*ptPerMM+tol // the layout's margins
	out := run(t, "pdftotext", "-bbox", p, "-")
	words := wordBox.FindAllStringSubmatch(out, -1)
	if len(words) == 0 {
		t.Fatal("pdftotext -bbox found no words")
	}
	for _, w := range words {
		x0, _ := strconv.ParseFloat(w[1], 64)
		y0, _ := strconv.ParseFloat(w[2], 64)
		x1, _ := strconv.ParseFloat(w[3], 64)
		y1, _ := strconv.ParseFloat(w[4], 64)
		if x0 < left || x1 > right || y0 < 0 || y1 > layout.PageH*ptPerMM {
			t.Errorf("word %q at x %.1f–%.1f, y %.1f–%.1f pt lies outside the column %.1f–%.1f", w[5], x0, x1, y0, y1, left, right)
		}
	}
}

func TestNothingRunsOffThePage(t *testing.T) {
	checkInsideMargins(t, writeTemp(t, render(t, testDocument(t))))
}

func TestHeadingColour(t *testing.T) {
	// Pages are stored uncompressed, so the colour operator can be found as is.
	want := fmt.Sprintf("%.3f %.3f %.3f rg", float64(0x1b)/255, float64(0x4f)/255, float64(0x8a)/255) // the layout's heading blue
	if !bytes.Contains(render(t, testDocument(t)), []byte(want)) {
		t.Errorf("no text in the heading colour (%s)", want)
	}
}

func TestLongTableRepeatsHeader(t *testing.T) {
	p := writeTemp(t, render(t, testDocument(t)))
	n := pageCount(t, p)
	var pages []int
	for page := 1; page <= n; page++ {
		txt := pageText(t, p, page)
		if strings.Contains(txt, "row-") {
			pages = append(pages, page)
			if !strings.Contains(strings.Join(strings.Fields(txt), " "), tableHead) {
				t.Errorf("page %d carries table rows but no header row", page)
			}
		}
	}
	if len(pages) < 2 {
		t.Fatalf("the long table should span pages, found it on %v", pages)
	}
	// Every row is there, exactly once: none split or lost at a page break.
	all := run(t, "pdftotext", "-enc", "UTF-8", p, "-")
	for i := 1; i <= longTableRows; i++ {
		if c := strings.Count(all, fmt.Sprintf("row-%03d ", i)); c != 1 {
			t.Errorf("row-%03d appears %d times", i, c)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func TestOutline(t *testing.T) {
	p := writeTemp(t, render(t, testDocument(t)))
	out := run(t, "qpdf", "--json=2", "--json-key=outlines", p)
	var j struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	var dump func([]outline, string) string
	dump = func(os []outline, indent string) string {
		s := ""
		for _, o := range os {
			s += indent + o.Title + "\n" + dump(o.Kids, indent+"  ")
		}
		return s
	}
	want := `Learning and Living Support Plan
  About me
  Special characters
  What I want to learn
Appendix
  Skipped level heading
  Support and costs
  A table with a long word
`
	if got := dump(j.Outlines, ""); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

func TestMetadata(t *testing.T) {
	p := writeTemp(t, render(t, testDocument(t)))
	out := run(t, "pdfinfo", p)
	for _, want := range []string{
		"Learning and Living Support Plan: Amira Example", "Sam Planner", "Support plan for Amira Example",
		"lifeplan", "A4",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`Tagged:\s+yes`).MatchString(out) {
		t.Errorf("not tagged:\n%s", out)
	}
	raw := render(t, testDocument(t))
	if !bytes.Contains(raw, []byte("/Lang (en-GB)")) {
		t.Error("no /Lang in the catalogue")
	}
}

func TestEdgeDocuments(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    *doc.Document
	}{
		{"empty", &doc.Document{}},
		{"only page breaks", &doc.Document{Blocks: []doc.Block{&doc.PageBreak{}, &doc.PageBreak{}}}},
		{"heading first at level 3", &doc.Document{Blocks: []doc.Block{&doc.Heading{Level: 3, Text: text("Deep")}, &doc.Heading{Level: 1, Text: text("Top")}}}},
		{"empty table", &doc.Document{Blocks: []doc.Block{&doc.Table{}}}},
		{"header only table", &doc.Document{Blocks: []doc.Block{&doc.Table{Align: []doc.Align{0}, Header: []doc.Cell{{Text: text("H")}}}}}},
		{"huge cell", &doc.Document{Blocks: []doc.Block{&doc.Table{Align: []doc.Align{0, 0},
			Header: []doc.Cell{{Text: text("A")}, {Text: text("B")}},
			Rows:   [][]doc.Cell{{{Text: text(strings.Repeat("many words in one very tall cell ", 400))}, {Text: text("x")}}}}}}},
		{"header taller than a page", &doc.Document{Blocks: []doc.Block{&doc.Table{Align: []doc.Align{0},
			Header: []doc.Cell{{Text: text(strings.Repeat("header ", 600))}},
			Rows:   [][]doc.Cell{{{Text: text("a row")}}}}}}},
		{"long aside", &doc.Document{Blocks: []doc.Block{&doc.Aside{Blocks: []doc.Block{para(strings.Repeat("An aside that goes on and on. ", 300))}}}}},
		{"deep list", &doc.Document{Blocks: []doc.Block{deepList(12)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeTemp(t, render(t, tc.d))
			if out := run(t, "qpdf", "--check", p); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Fatalf("qpdf --check:\n%s", out)
			}
			checkInsideMargins(t, p)
		})
	}
}

func deepList(n int) *doc.List {
	l := &doc.List{Items: []doc.ListItem{item(para("level " + strconv.Itoa(n) + " with some words to wrap around"))}}
	if n > 0 {
		l.Items[0].Blocks = append(l.Items[0].Blocks, deepList(n-1))
	}
	return l
}

func TestBadImage(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{&doc.Figure{Image: &doc.Image{Name: "bad.png", Format: "png", Data: []byte("not a png"), Width: 10, Height: 10}}}}
	var buf bytes.Buffer
	if err := Render(&buf, d); err == nil || !strings.Contains(err.Error(), "bad.png") {
		t.Fatalf("want an error naming the image, got %v", err)
	}
	if buf.Len() != 0 {
		t.Error("output written despite the error")
	}
}

// BenchmarkRender renders a realistic document of about 20 pages.
func BenchmarkRender(b *testing.B) {
	d := benchDocument(b)
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

func benchDocument(tb testing.TB) *doc.Document {
	d := testDocument(tb)
	d.Blocks = d.Blocks[:0]
	d.Blocks = append(d.Blocks, &doc.Heading{Level: 1, Text: text("Learning and Living Support Plan")},
		&doc.Figure{Image: testPNG(tb, "images/photo.png", 400, 300, color.NRGBA{0x70, 0x90, 0xc0, 255})})
	pic := testPNG(tb, "images/pic.png", 150, 150, color.NRGBA{0x60, 0xa0, 0x60, 255})
	prose := "We talked with Amira about what matters to her. She wants to learn to cook, to travel on her own and to find a job she enjoys. " +
		"Her family support this and have some worries, which are set out separately below. "
	for s := 1; s <= 15; s++ {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Level: 2, Text: text(fmt.Sprintf("%d. Section heading number %d", s, s))},
			para(prose+prose),
			&doc.Paragraph{Picture: pic, Text: text(prose)},
			&doc.Heading{Level: 3, Text: text("What good support looks like")},
			&doc.List{Items: []doc.ListItem{
				item(para("Speak slowly and give me time to answer")),
				item(para("Show me rather than tell me"), &doc.List{Ordered: true, Items: []doc.ListItem{item(para("First step")), item(para("Second step"))}}),
				item(para("Check that I have understood")),
			}},
			&doc.Aside{Blocks: []doc.Block{para("Family view: " + prose)}},
		)
		if s%3 != 2 {
			rows := make([][]doc.Cell, 10+s*2)
			for i := range rows {
				rows[i] = []doc.Cell{{Text: text(fmt.Sprintf("Support item %d with a description", i+1))}, {Text: text("Personal assistant")},
					{Text: text(strconv.Itoa(i + 2))}, {Text: text(fmt.Sprintf("£%d.00", 40+i*3))}}
			}
			d.Blocks = append(d.Blocks, &doc.Table{Align: []doc.Align{0, 0, doc.AlignCenter, doc.AlignRight},
				Header: []doc.Cell{{Text: text("What")}, {Text: text("Who")}, {Text: text("Hours")}, {Text: text("Weekly cost")}}, Rows: rows})
		}
	}
	return d
}

// TestEveryLetterDrawn reads the font programs embedded in the PDF: every character
// drawn must map to a real glyph of the font it is drawn in. Text extraction alone
// cannot see a box: pdftotext gives the letter back either way.
func TestEveryLetterDrawn(t *testing.T) {
	lines := []string{
		"Welsh: Tŷ Coch, Ŵyn a Ŷ; Llŷr and Gwenllïan live in Tŷ Newydd.",
		"Polish: Zażółć gęślą jaźń, Łódź, Świętokrzyskie.",
		"Ticks: ✓ done, ✗ not yet, → next, ★ favourite.",
		"Greek and Cyrillic: Αθήνα, Ελένη; Москва, Олена.",
	}
	var blocks []doc.Block
	blocks = append(blocks, &doc.Heading{Level: 1, Text: text("Tŷ ✓")})
	for _, l := range lines {
		blocks = append(blocks, &doc.Paragraph{Text: []doc.Inline{{Text: l}, {Text: " Bold: " + l, Bold: true}, {Text: " Italic: " + l, Italic: true}}})
	}
	blocks = append(blocks, &doc.Table{Align: []doc.Align{0}, Header: []doc.Cell{{Text: text("Tŷ ✓")}}, Rows: [][]doc.Cell{{{Text: text(lines[0])}}}})
	d := &doc.Document{Meta: doc.Meta{Title: "Tŷ ✓", PersonName: "Llŷr Łukasz", Language: "cy"}, Blocks: blocks}
	out := render(t, d)
	missing, err := testtools.MissingGlyphs(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("characters drawn without a glyph: %v", missing)
	}
	p := writeTemp(t, out)
	flat := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", p, "-")), " ")
	for _, l := range lines {
		if !strings.Contains(flat, l) {
			t.Errorf("pdftotext lacks %q", l)
		}
	}
}

// TestUndrawableIsMarked: a script that needs shaping (Urdu) and an emoji cannot be
// drawn by fpdf; each such character is drawn as a visible U+FFFD, never a silent
// box or "?", and the rest of the text is untouched.
func TestUndrawableIsMarked(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{para("Ammi says سلام and 🏊 swims.")}}
	out := render(t, d)
	missing, err := testtools.MissingGlyphs(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("characters drawn without a glyph: %v", missing)
	}
	flat := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, out), "-")), " ")
	if want := "Ammi says \ufffd\ufffd\ufffd\ufffd and \ufffd swims."; !strings.Contains(flat, want) {
		t.Errorf("text is %q, want it to hold %q", flat, want)
	}
}
