package html_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/html"
	"lifeplan/generator/internal/testtools"
	"lifeplan/templates"
)

// nasty is user text that would break HTML (or Markdown) if it were not escaped.
const nasty = `Jo | *Smith* # <b>bold</b> _x_ [link](#y) & "quoted" 'single' </p><script>alert(1)</script>`

// element is a parsed HTML element, enough to check structure.
type element struct {
	Name     string
	Attrs    map[string]string
	Text     string // all text inside, joined
	Children []*element
}

// parse reads the renderer's output strictly as XML: it is written well-formed, so
// any unescaped user text that opened or closed an element fails here or changes
// the tree.
func parse(t *testing.T, b []byte) *element {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	root := &element{Name: "#root"}
	stack := []*element{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{Name: tok.Name.Local, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.Attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.Children = append(top.Children, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, e := range stack {
				e.Text += string(tok)
			}
		}
	}
	if len(stack) != 1 {
		t.Fatalf("unclosed elements: %d", len(stack)-1)
	}
	return root
}

func (e *element) all(name string) []*element {
	var out []*element
	var walk func(*element)
	walk = func(x *element) {
		if x.Name == name {
			out = append(out, x)
		}
		for _, c := range x.Children {
			walk(c)
		}
	}
	walk(e)
	return out
}

func render(t *testing.T, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := html.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var pixel = &doc.Image{Name: "images/p.png", Alt: "alt " + nasty, Format: "png", Data: []byte("\x89PNG fake"), Width: 2, Height: 1}

func nastyDoc() *doc.Document {
	run := []doc.Inline{{Text: nasty}}
	return &doc.Document{
		Meta: doc.Meta{ID: "llsp", Title: "Plan " + nasty, PersonName: nasty, Author: nasty, Language: "cy-GB",
			Classification: "OFFICIAL " + nasty, Version: nasty, Date: "1 May 2026", Draft: "DRAFT " + nasty,
			Subject: nasty, Kind: doc.EasyRead},
		Blocks: []doc.Block{
			&doc.Heading{Level: 1, Text: run, Anchor: "top"},
			&doc.Paragraph{Text: []doc.Inline{{Text: nasty, Bold: true}, {Text: " and "}, {Text: nasty, Italic: true}}},
			&doc.Paragraph{Picture: pixel, Text: run},
			&doc.List{Items: []doc.ListItem{
				{Blocks: []doc.Block{&doc.Paragraph{Text: run}}},
				{Picture: pixel, Blocks: []doc.Block{&doc.Paragraph{Text: run}}},
			}},
			&doc.List{Ordered: true, Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: run}}}}},
			&doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignRight},
				Header: []doc.Cell{{Text: run}, {}},
				Rows:   [][]doc.Cell{{{Text: run}, {Text: []doc.Inline{{Text: "£1.00"}}}}}},
			&doc.Figure{Image: pixel},
			&doc.Aside{Blocks: []doc.Block{&doc.Paragraph{Text: run}}},
			&doc.PageBreak{},
			&doc.Heading{Level: 2, Text: []doc.Inline{{Text: "Links"}}, Anchor: "links"},
			&doc.Paragraph{Text: []doc.Inline{{Text: "see "}, {Text: "the top", Link: "top"}, {Text: " on page "}, {Text: "#", PageOf: "top"}}},
		},
	}
}

func TestUserTextCannotBreakStructure(t *testing.T) {
	out := render(t, nastyDoc())
	root := parse(t, out)
	if n := len(root.all("script")); n != 0 {
		t.Errorf("%d <script> elements; user text made one", n)
	}
	if n := len(root.all("b")); n != 0 {
		t.Errorf("%d <b> elements; user text made one", n)
	}
	htmlEl := root.all("html")[0]
	if htmlEl.Attrs["lang"] != "cy-GB" {
		t.Errorf("lang = %q", htmlEl.Attrs["lang"])
	}
	// Each place user text goes holds exactly that text.
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"h1", root.all("h1")[0].Text, nasty},
		{"title", root.all("title")[0].Text, "DRAFT " + nasty + ": Plan " + nasty + " – " + nasty},
		{"strong", root.all("main")[0].all("strong")[0].Text, nasty},
		{"em", root.all("em")[0].Text, nasty},
		{"first li", root.all("ul")[0].Children[0].Text, nasty},
		{"th", root.all("th")[0].Text, nasty},
		{"td", root.all("tbody")[0].all("td")[0].Text, nasty},
		{"aside", strings.TrimSpace(root.all("main")[0].Children[7].Text), nasty},
		{"classification", root.all("header")[0].Children[0].Text, "OFFICIAL " + nasty},
		{"draft", root.all("header")[0].Children[1].Text, "DRAFT " + nasty},
		{"img alt", root.all("img")[0].Attrs["alt"], "alt " + nasty},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	main := root.all("main")[0]
	var names []string
	for _, c := range main.Children {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, " "), "h1 p div ul ol div figure div hr h2 p"; got != want {
		t.Errorf("main's children: %s, want %s", got, want)
	}
	// The empty header cell is a plain cell; the named one is a column header.
	head := root.all("thead")[0].all("tr")[0].Children
	if head[0].Name != "th" || head[0].Attrs["scope"] != "col" || head[1].Name != "td" {
		t.Errorf("header row %s(%v) %s", head[0].Name, head[0].Attrs, head[1].Name)
	}
	if root.all("tbody")[0].all("td")[1].Attrs["class"] != "right" {
		t.Errorf("right-aligned column lost its alignment")
	}
	for _, img := range root.all("img") {
		if !strings.HasPrefix(img.Attrs["src"], "data:image/png;base64,") || img.Attrs["width"] != "2" {
			t.Errorf("picture not inline with its size: %v", img.Attrs)
		}
	}
	links := root.all("a")
	// The page reference is a link named by its heading, which is user text too.
	if len(links) != 2 || links[0].Attrs["href"] != "#top" || links[1].Attrs["href"] != "#top" ||
		links[1].Text != nasty {
		t.Errorf("links: %+v %+v", links[0], links[1])
	}
	if root.all("body")[0].Attrs["class"] != "easy-read" {
		t.Errorf("body class %q", root.all("body")[0].Attrs["class"])
	}
	if n := len(root.all("div")); n < 3 || root.all("main")[0].Children[7].Attrs["role"] != "note" {
		t.Errorf("the aside is not a note")
	}
	// The print stylesheet's page header carries user text escaped for CSS.
	style := root.all("style")[0].Text
	if !strings.Contains(style, "@page{size:A4") || strings.Contains(style, "<") || strings.Contains(style, `"quoted"`) {
		t.Errorf("print stylesheet page header not escaped or missing")
	}
}

func TestNoScriptNoNetwork(t *testing.T) {
	out := string(render(t, nastyDoc()))
	for _, bad := range []string{"<script", "http://", "https://", "<link"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
}

func composeSample(t testing.TB, name string) []*doc.Document {
	t.Helper()
	p, b := testtools.Sample(t, name)
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*doc.Document
	for _, s := range compose.Specs() {
		v := compose.View{Doc: s, Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)}
		d, err := c.Document(&v)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestSamples(t *testing.T) {
	for _, sample := range []string{"amira", "sam"} {
		for _, d := range composeSample(t, sample) {
			t.Run(sample+"/"+d.Meta.ID, func(t *testing.T) {
				a, b := render(t, d), render(t, d)
				if !bytes.Equal(a, b) {
					t.Fatal("the same document gave different bytes")
				}
				root := parse(t, a)
				ids := map[string]bool{}
				headings := 0
				for _, level := range []string{"h1", "h2", "h3", "h4"} {
					for _, h := range root.all(level) {
						headings++
						id := h.Attrs["id"]
						if id == "" || ids[id] {
							t.Errorf("%s %q: id %q missing or repeated", level, h.Text, id)
						}
						ids[id] = true
					}
				}
				// One title; a document with anything written has sections under it
				// (a draft's one-page profile may hold only its "not written yet" line).
				if len(root.all("h1")) != 1 || (headings < 2 && d.Meta.ID != "one-page-profile") {
					t.Errorf("%d h1, %d headings", len(root.all("h1")), headings)
				}
				for _, a := range root.all("a") {
					if href := a.Attrs["href"]; !ids[strings.TrimPrefix(href, "#")] {
						t.Errorf("link %q leads nowhere", href)
					}
				}
				for _, th := range root.all("th") {
					if th.Attrs["scope"] != "col" {
						t.Errorf("<th> %q without scope", th.Text)
					}
				}
				for _, img := range root.all("img") {
					if _, ok := img.Attrs["alt"]; !ok {
						t.Errorf("picture without alt")
					}
				}
				pageReferences(t, d, a, root)
				if !strings.Contains(root.all("header")[0].Text, d.Meta.Classification) {
					t.Errorf("classification %q not in the masthead", d.Meta.Classification)
				}
			})
		}
	}
}

// TestInBrowser opens every sample document in Debian's chromium, takes a
// screenshot (kept in LIFEPLAN_SCREENSHOTS when set, to look at) and runs axe-core
// in the page: no serious or critical violation may be found.
func TestInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	node := testtools.Require(t, "node")
	chromium := testtools.Require(t, "chromium")
	script, err := filepath.Abs(filepath.Join("testdata", "browser", "check.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("testdata", "browser", "node_modules", "axe-core", "axe.min.js")); err != nil {
		if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("axe-core is required: run npm ci in generator/html/testdata/browser (.ci/run does)")
		}
		t.Skip("axe-core not installed: npm ci in generator/html/testdata/browser")
	}
	dir := t.TempDir()
	shots := os.Getenv("LIFEPLAN_SCREENSHOTS")
	printAll := "PRINT_ALL=1" // someone will look: print every document
	if shots == "" {
		shots, printAll = dir, "PRINT_ALL=0"
	}
	args := []string{script, shots}
	for _, sample := range []string{"amira", "sam"} {
		for _, d := range composeSample(t, sample) {
			path := filepath.Join(dir, sample+"-"+d.Meta.ID+".html")
			if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, path)
		}
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium, printAll)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("browser check: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	printed := 0
	if len(lines) != len(args)-2 {
		t.Fatalf("checked %d pages, want %d:\n%s", len(lines), len(args)-2, out)
	}
	defer func() {
		if printed == 0 {
			t.Error("no document was printed with the print stylesheet")
		}
	}()
	for _, line := range lines {
		var res struct {
			File       string
			PrintBytes int
			Violations []struct {
				ID, Impact, Help string
				Nodes            []string
			}
		}
		if err := json.Unmarshal([]byte(line), &res); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if res.PrintBytes == 0 {
			t.Errorf("%s: printing gave an empty PDF", res.File)
		}
		for _, v := range res.Violations {
			msg := filepath.Base(res.File) + ": axe " + v.Impact + " " + v.ID + ": " + v.Help + " at " + strings.Join(v.Nodes, ", ")
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Error(msg)
			} else {
				t.Log(msg)
			}
		}
		if res.PrintBytes > 0 {
			printed++
		}
		if _, err := os.Stat(filepath.Join(shots, strings.TrimSuffix(filepath.Base(res.File), ".html")+".png")); err != nil {
			t.Errorf("no screenshot: %v", err)
		}
	}
}

// FuzzUserText: whatever text a plan holds, the output stays well-formed with the
// same elements, and the text comes back as written (control characters dropped).
func FuzzUserText(f *testing.F) {
	f.Add(nasty)
	f.Add("Zoë \u0007 ]]> <!-- --> &amp;")
	f.Add("line\r\nbreak\rand\u0085next")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the loader accepts only UTF-8 plans
		}
		d := &doc.Document{Meta: doc.Meta{Title: s, PersonName: s, Classification: s}, Blocks: []doc.Block{
			&doc.Heading{Level: 2, Text: []doc.Inline{{Text: s}}, Anchor: "a"},
			&doc.Paragraph{Text: []doc.Inline{{Text: s, Bold: true}}},
			&doc.Table{Align: []doc.Align{doc.AlignLeft}, Header: []doc.Cell{{Text: []doc.Inline{{Text: "h"}}}}, Rows: [][]doc.Cell{{{Text: []doc.Inline{{Text: s}}}}}},
		}}
		root := parse(t, render(t, d))
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || r == utf8.RuneError {
				return -1
			}
			return r
		}, s)
		// XML (and HTML) parsers read a carriage return as a line feed.
		want = strings.ReplaceAll(strings.ReplaceAll(want, "\r\n", "\n"), "\r", "\n")
		if got := root.all("h2")[0].Text; got != want {
			t.Errorf("heading %q, want %q", got, want)
		}
		if n := len(root.all("main")[0].Children); n != 3 {
			t.Errorf("main has %d children", n)
		}
	})
}

// pageReferences: a web page has no pages, so no text says "page #" (or ends in
// "page" before a link), and each heading a page reference leads to is linked
// by its own text.
func pageReferences(t *testing.T, d *doc.Document, page []byte, root *element) {
	t.Helper()
	if m := pageWord.FindString(root.all("main")[0].Text); m != "" {
		t.Errorf("the page says %q", m)
	}
	if m := pageWord.Find(page); m != nil {
		t.Errorf("the page says %q", m)
	}
	headings := map[string]string{}
	referred := map[string]bool{}
	doc.Walk(d.Blocks, func(b doc.Block) {
		var runs []doc.Inline
		switch b := b.(type) {
		case *doc.Heading:
			headings[b.Anchor] = doc.PlainText(b.Text)
		case *doc.Paragraph:
			runs = b.Text
		case *doc.Table:
			// A cell of nothing but a page reference is a contents table's page
			// column, which the HTML leaves out.
			for _, row := range b.Rows {
				for _, c := range row {
					if strings.TrimSpace(doc.PlainText(c.Text)) != "#" {
						runs = append(runs, c.Text...)
					}
				}
			}
		}
		for _, r := range runs {
			if r.PageOf != "" {
				referred[r.PageOf] = true
			}
		}
	})
	named := map[string]bool{}
	for _, a := range root.all("a") {
		anchor := strings.TrimPrefix(a.Attrs["href"], "#")
		if a.Text == headings[anchor] {
			named[anchor] = true
		}
		if a.Text == "#" {
			t.Errorf("a link to %q says #", anchor)
		}
	}
	for anchor := range referred {
		if !named[anchor] {
			t.Errorf("no link to %q says its heading %q", anchor, headings[anchor])
		}
	}
}

// pageWord is "page #", or the word page (or pages) just before a link.
var pageWord = regexp.MustCompile(`\b(?i:pages?)\s*(#|<a\b)`)
