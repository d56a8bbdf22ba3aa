// Package pageless rewrites a document tree for the formats that have no pages:
// HTML and Markdown. The templates write page references, "see page [#](#outcomes)",
// which the PDF and the DOCX print as the number of the page the heading starts
// on. A web page or a wiki page has no page numbers, and printing the reference's
// stand-in text there gave "see page #". Here each reference becomes a link whose
// text is the heading it leads to, and the word "page" before it goes, so that
// "(see page 12)" reads "(see My learning outcomes)" and "Details: page 9" reads
// "Details: 6. How will you spend your budget?".
//
// A table column that holds nothing but page references (the LLSP's contents,
// "Section | Page") is dropped: beside each section's own link it would only say
// the section's name again.
package pageless

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lifeplan/generator/doc"
)

// Document returns d with its page references rewritten as links to their
// headings. d itself is not changed (the same tree is drawn in other formats,
// maybe at the same time); parts without a page reference are shared.
func Document(d *doc.Document) *doc.Document {
	headings := map[string]string{}
	doc.Walk(d.Blocks, func(b doc.Block) {
		if h, ok := b.(*doc.Heading); ok && h.Anchor != "" {
			if text := strings.TrimSpace(doc.PlainText(h.Text)); text != "" {
				headings[h.Anchor] = text
			}
		}
	})
	rw := rewriter{headings: headings}
	out := *d
	out.Blocks = rw.blocks(d.Blocks)
	return &out
}

type rewriter struct {
	headings map[string]string // each heading's text by its anchor
}

func (rw rewriter) blocks(bs []doc.Block) []doc.Block {
	out := make([]doc.Block, len(bs))
	for i, b := range bs {
		out[i] = rw.block(b)
	}
	return out
}

func (rw rewriter) block(b doc.Block) doc.Block {
	switch b := b.(type) {
	case *doc.Heading:
		h := *b
		h.Text = rw.inlines(b.Text)
		return &h
	case *doc.Paragraph:
		p := *b
		p.Text = rw.inlines(b.Text)
		return &p
	case *doc.List:
		l := *b
		l.Items = make([]doc.ListItem, len(b.Items))
		for i, it := range b.Items {
			it.Blocks = rw.blocks(it.Blocks)
			l.Items[i] = it
		}
		return &l
	case *doc.Aside:
		return &doc.Aside{Blocks: rw.blocks(b.Blocks)}
	case *doc.Table:
		return rw.table(b)
	default:
		return b // figures and page breaks hold no text
	}
}

func (rw rewriter) table(t *doc.Table) *doc.Table {
	keep := make([]bool, len(t.Align))
	kept := 0
	for j := range keep {
		keep[j] = !rw.pageColumn(t, j)
		if keep[j] {
			kept++
		}
	}
	if kept == 0 {
		// Only page references: nothing would be left to show, so keep them (as
		// links named by their headings).
		for j := range keep {
			keep[j] = true
		}
	}
	cells := func(row []doc.Cell) []doc.Cell {
		var out []doc.Cell
		for j, c := range row {
			if j >= len(keep) || keep[j] {
				out = append(out, doc.Cell{Text: rw.inlines(c.Text)})
			}
		}
		return out
	}
	out := &doc.Table{Header: cells(t.Header)}
	for j, a := range t.Align {
		if keep[j] {
			out.Align = append(out.Align, a)
		}
	}
	for _, row := range t.Rows {
		out.Rows = append(out.Rows, cells(row))
	}
	return out
}

// pageColumn says whether column j holds, in every row, a page reference to a
// known heading and nothing else: the page column of a contents table.
func (rw rewriter) pageColumn(t *doc.Table, j int) bool {
	if len(t.Rows) == 0 {
		return false
	}
	for _, row := range t.Rows {
		if j >= len(row) {
			return false
		}
		refs := 0
		for _, r := range row[j].Text {
			switch {
			case r.PageOf != "" && rw.headings[r.PageOf] != "":
				refs++
			case r.LineBreak || strings.TrimSpace(r.Text) == "":
			default:
				return false
			}
		}
		if refs == 0 {
			return false
		}
	}
	return true
}

// inlines rewrites every page reference among runs as a link named by its
// heading, and takes out the word "page" written before it.
func (rw rewriter) inlines(runs []doc.Inline) []doc.Inline {
	if !slices.ContainsFunc(runs, func(r doc.Inline) bool { return r.PageOf != "" }) {
		return runs
	}
	out := make([]doc.Inline, 0, len(runs))
	endsSentence := false // the last run written is a heading that ends in . ? or !
	for _, r := range runs {
		if r.PageOf == "" {
			if endsSentence && plain(r) && strings.HasPrefix(r.Text, ".") {
				// "Details: page [#](#criterion-6)." would end "budget?."
				r.Text = r.Text[1:]
				if r.Text == "" {
					continue
				}
			}
			out = append(out, r)
			endsSentence = false
			continue
		}
		heading, ok := rw.headings[r.PageOf]
		if !ok {
			// An anchor that does not exist: keep what the author wrote, as the
			// PDF layout does, as a link (which leads nowhere, as in the PDF).
			out = append(out, doc.Inline{Text: r.Text, Bold: r.Bold, Italic: r.Italic, Link: r.PageOf})
			endsSentence = false
			continue
		}
		if k := len(out) - 1; k >= 0 && plain(out[k]) {
			out[k].Text = dropPageWord(out[k].Text)
			if out[k].Text == "" {
				out = out[:k]
			}
		}
		out = append(out, doc.Inline{Text: heading, Bold: r.Bold, Italic: r.Italic, Link: r.PageOf})
		last, _ := utf8.DecodeLastRuneInString(heading)
		endsSentence = strings.ContainsRune(".?!", last)
	}
	return out
}

// plain says whether r is ordinary text: not a link, a reference or a break.
func plain(r doc.Inline) bool {
	return !r.LineBreak && r.Link == "" && r.PageOf == ""
}

// pageWord is "page" or "pages" at the end of the text before a reference, with
// an "on" before it: "see page ", "Details: page ", "is on page ".
var pageWord = regexp.MustCompile(`(?i)(\bon\s+)?\bpages?\s+$`)

// dropPageWord takes the word "page" off the end of s. "on page" becomes "in the
// section": "The panel checklist is in the section Panel checklist", where
// "is on Panel checklist" would not be English.
func dropPageWord(s string) string {
	m := pageWord.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	head := s[:m[0]]
	if m[2] < 0 {
		return head
	}
	in := "in the section "
	if first, _ := utf8.DecodeRuneInString(s[m[2]:]); unicode.IsUpper(first) {
		in = "In the section "
	}
	return head + in
}
