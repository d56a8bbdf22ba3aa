package markdown_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/markdown"
	"lifeplan/templates"
)

// reparse writes d as Markdown and parses it back, resolving pictures from d's own.
func reparse(t *testing.T, d *doc.Document) ([]doc.Block, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := markdown.WriteDocument(&buf, d); err != nil {
		t.Fatal(err)
	}
	pics := map[string]*doc.Image{}
	for _, img := range markdown.Pictures(d) {
		pics[img.Name] = img
	}
	blocks, err := markdown.NewParser().Parse(buf.Bytes(), func(dest, alt string) (*doc.Image, error) {
		img := *pics[dest]
		img.Alt = alt
		return &img, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The first block is the metadata quote.
	if _, ok := blocks[0].(*doc.Aside); !ok {
		t.Fatalf("Markdown does not start with its metadata:\n%s", buf.String())
	}
	return blocks[1:], buf.String()
}

// TestWriteRoundTrip: writing a composed document as Markdown and parsing it again
// gives the same tree, so the Markdown says everything the PDF and HTML do.
func TestWriteRoundTrip(t *testing.T) {
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sample := range []string{"amira", "sam"} {
		p, b := testtools.Sample(t, sample)
		for _, s := range compose.Specs() {
			v := compose.View{Doc: s, Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)}
			d, err := c.Document(&v)
			if err != nil {
				t.Fatal(err)
			}
			t.Run(sample+"/"+s.ID, func(t *testing.T) {
				got, md := reparse(t, d)
				if len(got) != len(d.Blocks) {
					t.Fatalf("%d blocks back, want %d", len(got), len(d.Blocks))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], d.Blocks[i]) {
						t.Fatalf("block %d differs:\ngot  %#v\nwant %#v\nMarkdown:\n%s", i, got[i], d.Blocks[i], md)
					}
				}
			})
		}
	}
}

// userTexts would change a document's structure if they were not escaped.
var userTexts = []string{
	"Jo | *Smith* # <b>bold</b> _x_ [link](#y) & \"quoted\"",
	"# not a heading", "- not a list", "1. not a numbered list", "2) nor this",
	"> not a quote", "![not a picture](x.png)", "back\\slash \\* and `code`",
	"&amp; entities stay literal", "===", "---", "{braces} ~tilde~", "trailing backslash \\",
}

func TestWriteKeepsUserTextLiteral(t *testing.T) {
	for _, s := range userTexts {
		s = strings.Join(strings.Fields(s), " ")
		run := []doc.Inline{{Text: s}}
		d := &doc.Document{Meta: doc.Meta{Title: s, Classification: s}, Blocks: []doc.Block{
			&doc.Heading{Level: 2, Text: run, Anchor: "h"},
			&doc.Paragraph{Text: []doc.Inline{{Text: "Label: ", Bold: true}, {Text: s}}},
			&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: run}}}}},
			&doc.Table{Align: []doc.Align{doc.AlignLeft}, Header: []doc.Cell{{Text: run}}, Rows: [][]doc.Cell{{{Text: run}}}},
			&doc.Aside{Blocks: []doc.Block{&doc.Paragraph{Text: run}}},
		}}
		got, md := reparse(t, d)
		want := d.Blocks
		// The parser trims the space the bold label ends with into the next run.
		want[1] = &doc.Paragraph{Text: []doc.Inline{{Text: "Label:", Bold: true}, {Text: " " + s}}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q did not come back literally:\n%s", s, md)
		}
	}
}

func TestPicturesOnceInOrder(t *testing.T) {
	a := &doc.Image{Name: "images/a.png"}
	b := &doc.Image{Name: "images/b.png"}
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Figure{Image: a},
		&doc.List{Items: []doc.ListItem{{Picture: b}, {Picture: a}}},
		&doc.Aside{Blocks: []doc.Block{&doc.Paragraph{Picture: b}}},
	}}
	got := markdown.Pictures(d)
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("Pictures = %v", got)
	}
}

// FuzzWriteRoundTrip: any text, plain, bold or italic, in a paragraph, a heading, a
// list item or a table cell, comes back from the written Markdown as it was.
func FuzzWriteRoundTrip(f *testing.F) {
	for _, s := range userTexts {
		f.Add(s, "tail")
	}
	f.Add("a.", "b")
	f.Add("*", "_")
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " ")
		if a == "" || b == "" || !utf8.ValidString(a+b) || strings.ContainsFunc(a+b, unicode.IsControl) {
			return
		}
		runs := []doc.Inline{{Text: a, Bold: true}, {Text: " "}, {Text: b, Italic: true}, {Text: " " + a}}
		d := &doc.Document{Meta: doc.Meta{Title: a}, Blocks: []doc.Block{
			&doc.Paragraph{Text: runs},
			&doc.Heading{Level: 3, Text: []doc.Inline{{Text: a}}, Anchor: "h"},
			&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{{Text: b}}}}}}},
			&doc.Table{Align: []doc.Align{doc.AlignLeft}, Header: []doc.Cell{{Text: []doc.Inline{{Text: a}}}}, Rows: [][]doc.Cell{{{Text: []doc.Inline{{Text: b}}}}}},
		}}
		got, md := reparse(t, d)
		if !reflect.DeepEqual(got, d.Blocks) {
			t.Errorf("round trip changed the blocks:\n%s\ngot  %#v\nwant %#v", md, got, d.Blocks)
		}
	})
}
