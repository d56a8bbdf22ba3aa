// Package markdown turns the Markdown that templates produce into the document tree,
// with goldmark (CommonMark and GFM tables). Raw HTML is never interpreted: it is
// kept as the literal text it was, so user text cannot change a document's structure.
//
// Two small conventions carry what the document tree needs beyond CommonMark:
//
//   - a heading may end with an anchor, `## Who I am {#who-i-am}` (goldmark's
//     heading attributes; only the id is kept), for links and page references; a
//     heading without one gets an anchor made from its text, unique in the document;
//   - a link to an anchor, `[section 1](#who-i-am)`, is an internal link, and a
//     link whose text is `#` alone, `[#](#who-i-am)`, stands for the number of the
//     page the heading starts on (doc.Inline.PageOf).
//
// Escape escapes `{`, `}`, `[` and `#`, so user text can never make either.
package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"lifeplan/generator/doc"
)

// Images resolves an image destination written in Markdown, with its alternative
// text, to its picture.
type Images func(dest, alt string) (*doc.Image, error)

// Parser converts Markdown to blocks. It is safe for concurrent use.
type Parser struct {
	md goldmark.Markdown
}

// NewParser returns a parser for CommonMark with GFM tables.
func NewParser() *Parser {
	return &Parser{md: goldmark.New(
		goldmark.WithExtensions(extension.Table),
		// Every heading gets an anchor (its own, or one made from its text), so that
		// contents, bookmarks and page references can name any heading.
		goldmark.WithParserOptions(parser.WithHeadingAttribute(), parser.WithAutoHeadingID()),
	)}
}

// Parse converts src into document blocks; pictures are resolved with images.
func (p *Parser) Parse(src []byte, images Images) ([]doc.Block, error) {
	root := p.md.Parser().Parse(text.NewReader(src))
	c := &converter{src: src, text: string(src), images: images}
	blocks := c.blocks(root)
	return blocks, c.err
}

type converter struct {
	src []byte
	// text is src as one string: the text of a run is a slice of it, not a
	// copy of its own, whenever the source holds it as it is (sourceText).
	text   string
	images Images
	err    error
}

func (c *converter) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (c *converter) blocks(parent ast.Node) []doc.Block {
	var out []doc.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if b := c.block(n); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) block(n ast.Node) doc.Block {
	switch n := n.(type) {
	case *ast.Heading:
		h := &doc.Heading{Level: n.Level, Text: c.inlines(n)}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				h.Anchor = string(b)
			}
		}
		return h
	case *ast.Paragraph, *ast.TextBlock:
		pic, runs := c.pictureAndText(n)
		if pic != nil && len(runs) == 0 {
			return &doc.Figure{Image: pic}
		}
		if len(runs) == 0 {
			return nil
		}
		return &doc.Paragraph{Picture: pic, Text: runs}
	case *ast.List:
		l := &doc.List{Ordered: n.IsOrdered()}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, c.listItem(it))
		}
		return l
	case *ast.Blockquote:
		return &doc.Aside{Blocks: c.blocks(n)}
	case *ast.ThematicBreak:
		return &doc.PageBreak{}
	case *east.Table:
		return c.table(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		// Templates do not write these; show any that slip through as plain text.
		return &doc.Paragraph{Text: []doc.Inline{{Text: strings.TrimSpace(string(n.Lines().Value(c.src)))}}}
	default:
		c.fail(fmt.Errorf("markdown: unexpected block %s", n.Kind()))
		return nil
	}
}

// listItem moves a picture that starts the item's first paragraph beside the item.
func (c *converter) listItem(it ast.Node) doc.ListItem {
	item := doc.ListItem{Blocks: c.blocks(it)}
	if len(item.Blocks) > 0 {
		switch b := item.Blocks[0].(type) {
		case *doc.Paragraph:
			item.Picture, b.Picture = b.Picture, nil
		case *doc.Figure:
			item.Picture = b.Image
			item.Blocks = item.Blocks[1:]
		}
	}
	return item
}

func (c *converter) table(t *east.Table) *doc.Table {
	out := &doc.Table{}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignRight:
			out.Align = append(out.Align, doc.AlignRight)
		case east.AlignCenter:
			out.Align = append(out.Align, doc.AlignCenter)
		default:
			out.Align = append(out.Align, doc.AlignLeft)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []doc.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, doc.Cell{Text: c.inlines(cell)})
		}
		for len(cells) < len(out.Align) {
			cells = append(cells, doc.Cell{})
		}
		if _, ok := row.(*east.TableHeader); ok {
			out.Header = cells
		} else {
			out.Rows = append(out.Rows, cells)
		}
	}
	return out
}

// pictureAndText splits a paragraph into a leading picture (if any) and its text.
func (c *converter) pictureAndText(n ast.Node) (*doc.Image, []doc.Inline) {
	first := n.FirstChild()
	img, ok := first.(*ast.Image)
	if !ok {
		return nil, c.inlines(n)
	}
	pic := c.image(img)
	var runs []doc.Inline
	for s := first.NextSibling(); s != nil; s = s.NextSibling() {
		runs = c.inline(s, runs, false, false)
	}
	return pic, trimRuns(runs)
}

func (c *converter) image(img *ast.Image) *doc.Image {
	pic, err := c.images(string(img.Destination), doc.PlainText(c.inlines(img)))
	if err != nil {
		c.fail(err)
		return nil
	}
	return pic
}

func (c *converter) inlines(n ast.Node) []doc.Inline {
	var runs []doc.Inline
	for s := n.FirstChild(); s != nil; s = s.NextSibling() {
		runs = c.inline(s, runs, false, false)
	}
	return trimRuns(runs)
}

// inline appends the runs of one inline node, merging neighbours of one style.
func (c *converter) inline(n ast.Node, runs []doc.Inline, bold, italic bool) []doc.Inline {
	add := func(s string) {
		if s == "" {
			return
		}
		if k := len(runs) - 1; k >= 0 && !runs[k].LineBreak && runs[k].Bold == bold && runs[k].Italic == italic && runs[k].Link == "" && runs[k].PageOf == "" {
			runs[k].Text += s
			return
		}
		runs = append(runs, doc.Inline{Text: s, Bold: bold, Italic: italic})
	}
	switch n := n.(type) {
	case *ast.Text:
		add(c.sourceText(n.Segment))
		switch {
		case n.HardLineBreak():
			runs = append(runs, doc.Inline{LineBreak: true})
		case n.SoftLineBreak():
			add(" ")
		}
	case *ast.String:
		add(string(n.Value))
	case *ast.Emphasis:
		for s := n.FirstChild(); s != nil; s = s.NextSibling() {
			runs = c.inline(s, runs, bold || n.Level >= 2, italic || n.Level == 1)
		}
	case *ast.CodeSpan:
		for s := n.FirstChild(); s != nil; s = s.NextSibling() {
			if t, ok := s.(*ast.Text); ok {
				add(string(t.Value(c.src)))
			}
		}
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			add(string(seg.Value(c.src)))
		}
	case *ast.AutoLink:
		add(string(n.Label(c.src)))
	case *ast.Link:
		dest := string(n.Destination)
		anchor, internal := strings.CutPrefix(dest, "#")
		if !internal || anchor == "" {
			for s := n.FirstChild(); s != nil; s = s.NextSibling() {
				runs = c.inline(s, runs, bold, italic)
			}
			break
		}
		// Runs of a link are kept apart from their neighbours, so the link covers
		// exactly its own text.
		var inner []doc.Inline
		for s := n.FirstChild(); s != nil; s = s.NextSibling() {
			inner = c.inline(s, inner, bold, italic)
		}
		if doc.PlainText(inner) == "#" {
			runs = append(runs, doc.Inline{Text: "#", Bold: bold, Italic: italic, PageOf: anchor})
			break
		}
		for _, r := range inner {
			if !r.LineBreak {
				r.Link = anchor
			}
			runs = append(runs, r)
		}
	case *ast.Image:
		// A picture inside text (not leading it) keeps its alt text in the flow.
		add(string(n.Title))
	default:
		for s := n.FirstChild(); s != nil; s = s.NextSibling() {
			runs = c.inline(s, runs, bold, italic)
		}
	}
	return runs
}

// sourceText is the text of a segment of the source. goldmark leaves backslash
// escapes in the source segment; its own renderers remove them on output, and so
// must we. A segment without one (most) is a slice of the source as it is.
func (c *converter) sourceText(seg text.Segment) string {
	if v := seg.Value(c.src); seg.Padding != 0 || bytes.IndexByte(v, '\\') >= 0 {
		return string(util.UnescapePunctuations(v))
	}
	return c.text[seg.Start:seg.Stop]
}

func trimRuns(runs []doc.Inline) []doc.Inline {
	for len(runs) > 0 && !runs[0].LineBreak && strings.TrimSpace(runs[0].Text) == "" {
		runs = runs[1:]
	}
	if len(runs) > 0 && !runs[0].LineBreak {
		runs[0].Text = strings.TrimLeft(runs[0].Text, " ")
	}
	for len(runs) > 0 && (runs[len(runs)-1].LineBreak || strings.TrimSpace(runs[len(runs)-1].Text) == "") {
		runs = runs[:len(runs)-1]
	}
	if k := len(runs) - 1; k >= 0 {
		runs[k].Text = strings.TrimRight(runs[k].Text, " ")
	}
	return runs
}

// Escape makes user text safe to place inline in Markdown: every character that
// could start markup is backslash-escaped, and line breaks become spaces, so the text
// renders literally and stays inside the paragraph, list item or table cell it is in.
func Escape(s string) string {
	if plainText(s) {
		return s // most text has nothing to escape: no copy
	}
	return escape(s)
}

// escape is Escape without the shortcut for plain text: the text with its
// whitespace folded to single spaces, escaped as one run that begins a block.
func escape(s string) string {
	return escapeRun(strings.Join(strings.Fields(s), " "), true)
}

// plainText reports whether Escape would return s as it is: no character that
// could start markup, no space but single ASCII spaces between words, and no
// block-starting punctuation at the start.
func plainText(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch textByte[s[i]] {
		case bytePlain:
		case byteMarkup:
			return false
		case byteSpace:
			if s[i+1] == ' ' {
				return false
			}
		case byteBlock:
			if startsBlock(s, i) {
				return false
			}
		case byteWide:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// What a byte can mean in plainText: the text is read a byte at a time through
// one table, not through a switch of twenty cases for every letter.
const (
	bytePlain  = iota
	byteMarkup // starts markup, or is a control character: never plain
	byteSpace  // plain once, not twice in a row
	byteBlock  // '-', '+', '=', '.', ')', ':': markup where a block could start
	byteWide   // the first or a later byte of a character beyond ASCII
)

var textByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] = byteWide
		case c == ' ':
			t[c] = byteSpace
		case c < ' ' || c == 0x7f || strings.IndexByte("\\`*_[]<>|#~&!{}", byte(c)) >= 0:
			t[c] = byteMarkup
		case strings.IndexByte("-+=.):", byte(c)) >= 0:
			t[c] = byteBlock
		}
	}
	return t
}()

// startsBlock reports whether the punctuation at i could be read as a block marker:
// at the start of the text, or closing a run of digits that starts it ("1." "2)").
func startsBlock(s string, i int) bool {
	if i == 0 {
		return true
	}
	if s[i] != '.' && s[i] != ')' {
		return false
	}
	for j := 0; j < i; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return true
}
