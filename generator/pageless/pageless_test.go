package pageless_test

import (
	"reflect"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/pageless"
)

func text(s string) doc.Inline         { return doc.Inline{Text: s} }
func ref(anchor string) doc.Inline     { return doc.Inline{Text: "#", PageOf: anchor} }
func link(s, anchor string) doc.Inline { return doc.Inline{Text: s, Link: anchor} }

func heading(anchor, s string) *doc.Heading {
	return &doc.Heading{Level: 2, Anchor: anchor, Text: []doc.Inline{text(s)}}
}

// withHeadings is a document whose headings the references lead to, and then
// blocks.
func withHeadings(blocks ...doc.Block) *doc.Document {
	return &doc.Document{Blocks: append([]doc.Block{
		heading("outcomes", "My learning outcomes"),
		heading("criterion-6", "6. How will you spend your budget?"),
		heading("checklist", "Panel checklist"),
		&doc.Aside{Blocks: []doc.Block{heading("inside", "A heading in a box")}},
	}, blocks...)}
}

func TestReferences(t *testing.T) {
	bold := doc.Inline{Text: "#", PageOf: "outcomes", Bold: true}
	for _, tc := range []struct {
		name     string
		in, want []doc.Inline
	}{
		{"see page", []doc.Inline{text("(see page "), ref("outcomes"), text(").")},
			[]doc.Inline{text("(see "), link("My learning outcomes", "outcomes"), text(").")}},
		{"pages, capitalised", []doc.Inline{text("Met: see Pages "), ref("outcomes")},
			[]doc.Inline{text("Met: see "), link("My learning outcomes", "outcomes")}},
		{"a heading that ends a sentence takes the full stop", []doc.Inline{text("Details: page "), ref("criterion-6"), text(".")},
			[]doc.Inline{text("Details: "), link("6. How will you spend your budget?", "criterion-6")}},
		{"only the full stop goes", []doc.Inline{text("Details: page "), ref("criterion-6"), text(". Then more.")},
			[]doc.Inline{text("Details: "), link("6. How will you spend your budget?", "criterion-6"), text(" Then more.")}},
		{"on page", []doc.Inline{text("The panel checklist is on page "), ref("checklist"), text(".")},
			[]doc.Inline{text("The panel checklist is in the section "), link("Panel checklist", "checklist"), text(".")}},
		{"On page at the start", []doc.Inline{text("On page "), ref("checklist")},
			[]doc.Inline{text("In the section "), link("Panel checklist", "checklist")}},
		{"the word alone goes", []doc.Inline{text("page "), ref("outcomes")},
			[]doc.Inline{link("My learning outcomes", "outcomes")}},
		{"a heading inside a box", []doc.Inline{text("see page "), ref("inside")},
			[]doc.Inline{text("see "), link("A heading in a box", "inside")}},
		{"no word page", []doc.Inline{text("all risks: "), ref("outcomes")},
			[]doc.Inline{text("all risks: "), link("My learning outcomes", "outcomes")}},
		{"a word ending in page stays", []doc.Inline{text("the homepage "), ref("outcomes")},
			[]doc.Inline{text("the homepage "), link("My learning outcomes", "outcomes")}},
		{"style kept", []doc.Inline{text("see page "), bold},
			[]doc.Inline{text("see "), {Text: "My learning outcomes", Link: "outcomes", Bold: true}}},
		{"text in a link before is not touched", []doc.Inline{link("page ", "outcomes"), ref("outcomes")},
			[]doc.Inline{link("page ", "outcomes"), link("My learning outcomes", "outcomes")}},
		{"an anchor that does not exist keeps its text", []doc.Inline{text("see page "), ref("nowhere")},
			[]doc.Inline{text("see page "), link("#", "nowhere")}},
		{"no reference", []doc.Inline{text("see page 3")}, []doc.Inline{text("see page 3")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := withHeadings(&doc.Paragraph{Text: tc.in})
			got := pageless.Document(d).Blocks[4].(*doc.Paragraph).Text
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestEveryBlock: references are rewritten wherever text is, and the document
// given is left as it was (other formats draw it too).
func TestEveryBlock(t *testing.T) {
	para := func() *doc.Paragraph { return &doc.Paragraph{Text: []doc.Inline{text("see page "), ref("outcomes")}} }
	want := []doc.Inline{text("see "), link("My learning outcomes", "outcomes")}
	d := withHeadings(
		para(),
		&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para(), &doc.Aside{Blocks: []doc.Block{para()}}}}}},
		&doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignLeft},
			Header: []doc.Cell{{Text: []doc.Inline{text("Row")}}, {Text: []doc.Inline{text("Status")}}},
			Rows:   [][]doc.Cell{{{Text: []doc.Inline{text("a")}}, {Text: para().Text}}}},
	)
	before := withHeadings(para(),
		&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para(), &doc.Aside{Blocks: []doc.Block{para()}}}}}},
		&doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignLeft},
			Header: []doc.Cell{{Text: []doc.Inline{text("Row")}}, {Text: []doc.Inline{text("Status")}}},
			Rows:   [][]doc.Cell{{{Text: []doc.Inline{text("a")}}, {Text: para().Text}}}})
	out := pageless.Document(d)
	if !reflect.DeepEqual(d, before) {
		t.Fatal("the document given was changed")
	}
	var texts [][]doc.Inline
	doc.Walk(out.Blocks[4:], func(b doc.Block) {
		switch b := b.(type) {
		case *doc.Paragraph:
			texts = append(texts, b.Text)
		case *doc.Table:
			texts = append(texts, b.Rows[0][1].Text)
		}
	})
	if len(texts) != 4 {
		t.Fatalf("found %d texts, want 4", len(texts))
	}
	for i, got := range texts {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("text %d: %+v", i, got)
		}
	}
}

// TestPageColumn: a contents table's page column goes; a column that mixes page
// references with other text stays.
func TestPageColumn(t *testing.T) {
	cell := func(runs ...doc.Inline) doc.Cell { return doc.Cell{Text: runs} }
	contents := &doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignRight},
		Header: []doc.Cell{cell(text("Section")), cell(text("Page"))},
		Rows: [][]doc.Cell{
			{cell(link("Outcomes", "outcomes")), cell(ref("outcomes"))},
			{cell(link("Checklist", "checklist")), cell(text(" "), ref("checklist"))},
		}}
	got := pageless.Document(withHeadings(contents)).Blocks[4].(*doc.Table)
	want := &doc.Table{Align: []doc.Align{doc.AlignLeft},
		Header: []doc.Cell{cell(text("Section"))},
		Rows:   [][]doc.Cell{{cell(link("Outcomes", "outcomes"))}, {cell(link("Checklist", "checklist"))}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contents: got %+v", got)
	}

	mixed := &doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignLeft},
		Header: []doc.Cell{cell(text("Criterion")), cell(text("Status"))},
		Rows: [][]doc.Cell{
			{cell(text("1")), cell(ref("outcomes"))},
			{cell(text("2")), cell(text("Missing: a budget"))},
		}}
	got = pageless.Document(withHeadings(mixed)).Blocks[4].(*doc.Table)
	if len(got.Align) != 2 || len(got.Rows[0]) != 2 || got.Rows[0][1].Text[0] != link("My learning outcomes", "outcomes") {
		t.Errorf("mixed column: got %+v", got)
	}

	// A reference to a heading that does not exist is not a page number that can
	// go: the column stays, with what the author wrote.
	broken := &doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignLeft},
		Header: []doc.Cell{cell(text("Section")), cell(text("Page"))},
		Rows:   [][]doc.Cell{{cell(text("x")), cell(ref("nowhere"))}}}
	got = pageless.Document(withHeadings(broken)).Blocks[4].(*doc.Table)
	if len(got.Align) != 2 {
		t.Errorf("broken reference column dropped: %+v", got)
	}
}
