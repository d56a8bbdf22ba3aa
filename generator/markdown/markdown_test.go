package markdown

import (
	"reflect"
	"strings"
	"testing"

	"lifeplan/generator/doc"
)

func noImages(dest, alt string) (*doc.Image, error) { return &doc.Image{Name: dest, Alt: alt}, nil }

// literalCases are user texts that would change a document's structure if they
// were not escaped.
var literalCases = []string{
	"Plain words",
	"| pipes | in | a | row |",
	"*stars* and _underscores_ and **bold**",
	"# not a heading",
	"- not a list",
	"+ not a list",
	"1. not a numbered list",
	"2) nor this",
	"> not a quote",
	"[not a link](http://example.com)",
	"![not a picture](x.png)",
	"<b>not html</b> <script>alert(1)</script>",
	"back\\slash \\* and `code`",
	"&amp; &copy; entities stay literal",
	"===",
	"---",
	"Mum & Dad say: \"I'm ok\" — 100% {braces} ~tilde~",
	"trailing backslash \\",
	"line one\nline two\n\n  indented   ",
}

func TestEscapeIsLiteral(t *testing.T) {
	p := NewParser()
	for _, s := range literalCases {
		want := strings.Join(strings.Fields(s), " ")
		for _, wrap := range []struct{ name, before, after string }{
			{"paragraph", "", "\n"},
			{"list item", "- ", "\n"},
			{"numbered item", "1. ", "\n"},
			{"heading", "## ", "\n"},
			{"table cell", "| a | b |\n|---|---|\n| x | ", " |\n"},
			{"bold", "**Label:** ", "\n"},
		} {
			blocks, err := p.Parse([]byte(wrap.before+Escape(s)+wrap.after), noImages)
			if err != nil {
				t.Fatal(err)
			}
			got := textOf(blocks)
			if wrap.name == "table cell" {
				got = strings.TrimPrefix(got, "a b x ")
			}
			if wrap.name == "bold" {
				got = strings.TrimPrefix(got, "Label: ")
			}
			if got != want || len(blocks) != 1 {
				t.Errorf("%s %q: got %d blocks, text %q", wrap.name, s, len(blocks), got)
			}
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range literalCases {
		f.Add(s)
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if want == "" || strings.ContainsRune(s, '\uFFFD') || !isPrintable(want) {
			return
		}
		blocks, err := p.Parse([]byte("- "+Escape(s)+"\n"), noImages)
		if err != nil {
			t.Fatal(err)
		}
		if got := textOf(blocks); got != want || len(blocks) != 1 {
			t.Fatalf("%q: got %d blocks, text %q", s, len(blocks), got)
		}
	})
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

func textOf(blocks []doc.Block) string {
	var parts []string
	var walk func(bs []doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Heading:
				parts = append(parts, doc.PlainText(b.Text))
			case *doc.Paragraph:
				parts = append(parts, doc.PlainText(b.Text))
			case *doc.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			case *doc.Table:
				for _, c := range b.Header {
					parts = append(parts, doc.PlainText(c.Text))
				}
				for _, r := range b.Rows {
					for _, c := range r {
						parts = append(parts, doc.PlainText(c.Text))
					}
				}
			case *doc.Aside:
				walk(b.Blocks)
			}
		}
	}
	walk(blocks)
	return strings.Join(parts, " ")
}

func TestStructure(t *testing.T) {
	src := "# Title\n\nSome **bold** and *italic*.\n\n> The family says\n\n---\n\n" +
		"| Item | Cost |\n|:--|--:|\n| A | £1.00 |\n\n![A bus](images/bus.png) I take the bus.\n\n1. one\n   - nested\n2. two\n"
	blocks, err := NewParser().Parse([]byte(src), noImages)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []string{}
	for _, b := range blocks {
		kinds = append(kinds, strings.TrimPrefix(strings.TrimPrefix(typeName(b), "*doc."), "doc."))
	}
	want := "Heading Paragraph Aside PageBreak Table Paragraph List"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("blocks %s, want %s", got, want)
	}
	if tb := blocks[4].(*doc.Table); tb.Align[1] != doc.AlignRight || len(tb.Rows) != 1 {
		t.Errorf("table %+v", tb)
	}
	if pg := blocks[5].(*doc.Paragraph); pg.Picture == nil || pg.Picture.Name != "images/bus.png" || doc.PlainText(pg.Text) != "I take the bus." {
		t.Errorf("picture paragraph %+v", pg)
	}
	if l := blocks[6].(*doc.List); !l.Ordered || len(l.Items) != 2 || len(l.Items[0].Blocks) != 2 {
		t.Errorf("list %+v", l)
	}
}

func typeName(b doc.Block) string {
	switch b.(type) {
	case *doc.Heading:
		return "Heading"
	case *doc.Paragraph:
		return "Paragraph"
	case *doc.List:
		return "List"
	case *doc.Table:
		return "Table"
	case *doc.Aside:
		return "Aside"
	case *doc.PageBreak:
		return "PageBreak"
	case *doc.Figure:
		return "Figure"
	}
	return "?"
}

func TestAnchorsLinksAndPageReferences(t *testing.T) {
	src := "## Who I am {#who}\n\nSee [my story](#who) on page [#](#who), or [the web](https://example.org).\n"
	blocks, err := NewParser().Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	h, ok := blocks[0].(*doc.Heading)
	if !ok || h.Anchor != "who" || doc.PlainText(h.Text) != "Who I am" {
		t.Fatalf("heading = %#v", blocks[0])
	}
	p := blocks[1].(*doc.Paragraph)
	want := []doc.Inline{
		{Text: "See "},
		{Text: "my story", Link: "who"},
		{Text: " on page "},
		{Text: "#", PageOf: "who"},
		{Text: ", or the web."},
	}
	if !reflect.DeepEqual(p.Text, want) {
		t.Fatalf("runs =\n%#v\nwant\n%#v", p.Text, want)
	}
	// User text escaped by Escape can never become an anchor or a page reference.
	esc := "## " + Escape("Me {#x}") + "\n\n" + Escape("[#](#x)") + "\n"
	blocks, err = NewParser().Parse([]byte(esc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if h := blocks[0].(*doc.Heading); h.Anchor == "x" || doc.PlainText(h.Text) != "Me {#x}" {
		t.Fatalf("escaped heading = %#v", h)
	}
	if p := blocks[1].(*doc.Paragraph); len(p.Text) != 1 || p.Text[0].PageOf != "" || p.Text[0].Text != "[#](#x)" {
		t.Fatalf("escaped reference = %#v", p.Text)
	}
}

func TestEveryHeadingHasAUniqueAnchor(t *testing.T) {
	blocks, err := NewParser().Parse([]byte("# Risks\n\n## Risks\n\n## Tŷ & me\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, b := range blocks {
		h := b.(*doc.Heading)
		if h.Anchor == "" || seen[h.Anchor] {
			t.Fatalf("heading %q has anchor %q (seen before: %v)", doc.PlainText(h.Text), h.Anchor, seen[h.Anchor])
		}
		seen[h.Anchor] = true
	}
}
