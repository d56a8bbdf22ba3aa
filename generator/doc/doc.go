// Package doc is the renderer-neutral document tree. Templates produce it (by way of
// Markdown), and the PDF and DOCX renderers walk it. It knows nothing of plans.
//
// Every block keeps its role (heading, paragraph, list, table, figure, aside) and every
// picture its alternative text, so that a renderer can later tag what it draws for
// accessibility without guessing.
package doc

// Document is one rendered document: its metadata and its blocks in reading order.
type Document struct {
	Meta   Meta
	Blocks []Block
}

// Meta carries what every page and the file's own properties need. All values are
// ready to print; renderers do no formatting of dates or names.
type Meta struct {
	ID             string // doc-id, e.g. "llsp"
	Title          string // e.g. "Learning and Living Support Plan"
	Subject        string // one line describing the document, for PDF/DOCX properties
	Author         string // who wrote the plan
	Language       string // BCP 47, e.g. "en-GB"
	Classification string // e.g. "OFFICIAL-SENSITIVE: personal data"
	PersonName     string // whose plan this is, for the running header
	Version        string // plan version
	Date           string // date written, formatted for people, e.g. "14 September 2026"
	ReviewDate     string // next review date, formatted the same way
	// Created is the plan's date as "2006-01-02". Renderers use it for every date
	// stored inside the files, so the same plan always gives the same bytes.
	Created string
	// Draft, when not empty, is printed in the running header of every page (e.g.
	// "DRAFT"), so no page of an unagreed plan can pass for an agreed one.
	Draft string
	// Kind chooses the layout's style sheet: the documents for professionals, the
	// easy-read version, or the one-page profile.
	Kind Kind
	// Brand is who sends the document; its zero value is no branding.
	Brand Brand
}

// Brand is an organisation's branding: its name and contact line on the first page
// and its name in the running header, its logo, and the accent colour of headings.
type Brand struct {
	Name    string
	Contact string
	Logo    *Image // nil for none; Alt names the organisation
	Accent  string // "#rrggbb", already checked for contrast with white; "" for the default
}

// Kind is a document's layout variant. Renderers choose sizes and spacing by it; the
// blocks are the same for every kind.
type Kind int

const (
	// Standard is the style of the documents for the panel, commissioners,
	// providers and brokers: 11.5 pt body text.
	Standard Kind = iota
	// EasyRead follows the UK easy-read conventions: body text of at least 16 pt,
	// 1.5 line spacing, a large picture on the left of each point.
	EasyRead
	// OnePage must fit on exactly one page: a renderer shrinks text (down to a
	// floor) and cuts lists rather than start a second page.
	OnePage
)

// Block is one of *Heading, *Paragraph, *List, *Table, *Figure, *Aside, *PageBreak.
type Block interface{ block() }

// Heading is a section heading. Level 1 is the document title, 2 a section, 3 and 4
// subsections. Renderers bookmark levels 1 to 3.
type Heading struct {
	Level int
	Text  []Inline
	// Anchor names the heading for links and page references (Inline.Link,
	// Inline.PageOf); unique within a document, empty for none.
	Anchor string
}

// Paragraph is a run of inline text. When Picture is set, the picture is drawn
// beside the text (small, to its left), the way easy-read documents place them.
type Paragraph struct {
	Picture *Image
	Text    []Inline
}

// List is a bulleted or numbered list.
type List struct {
	Ordered bool
	Items   []ListItem
}

// ListItem holds paragraphs and nested lists. Picture, when set, sits beside the
// item's text.
type ListItem struct {
	Picture *Image
	Blocks  []Block
}

// Align is a table column's alignment.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Table has one header row, which renderers repeat after a page break.
type Table struct {
	Align  []Align // one per column
	Header []Cell
	Rows   [][]Cell
}

// Cell is a table cell. Every row has exactly len(Table.Align) cells.
type Cell struct {
	Text []Inline
}

// Figure is a picture standing on its own line, such as the cover photo.
type Figure struct {
	Image *Image
}

// Aside is text set apart from the main flow in a shaded box: a voice other than
// the person's (the family's view), or a warning (an overspent budget, a draft).
type Aside struct {
	Blocks []Block
}

// PageBreak starts a new page.
type PageBreak struct{}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Figure) block()    {}
func (*Aside) block()     {}
func (*PageBreak) block() {}

// Inline is a run of text with one style. A LineBreak run ends a line; its Text is empty.
type Inline struct {
	Text      string
	Bold      bool
	Italic    bool
	LineBreak bool
	// Link, when set, makes the run a link to the heading with this Anchor.
	Link string
	// PageOf, when set, makes the run stand for the number of the page on which
	// the heading with this Anchor starts. Renderers that know pages print the
	// number (and link it); the others print Text, which is never empty.
	PageOf string
}

// Image is a decoded-size-checked picture with its bytes. Width and Height are in
// pixels; renderers scale to fit and keep the aspect ratio.
type Image struct {
	Name   string // stable name, unique within a document (e.g. "images/amira.jpg")
	Alt    string // alternative text; never empty for a picture that carries meaning
	Format string // "png" or "jpeg"
	Data   []byte
	Width  int
	Height int
}

// PlainText joins the text of inline runs, line breaks as spaces.
func PlainText(runs []Inline) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text) + 1
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		if r.LineBreak {
			b = append(b, ' ')
			continue
		}
		b = append(b, r.Text...)
	}
	return string(b)
}

// Pages maps each heading's Anchor to the 1-based number of the page it starts on,
// as the PDF layout placed it. Renderers that do not paginate by themselves (DOCX)
// use it to pre-fill contents and page references with the same numbers.
type Pages map[string]int

// Walk calls visit with every block of blocks in reading order, depth first: a
// list's items' blocks and an aside's blocks come after the list or aside itself.
func Walk(blocks []Block, visit func(Block)) {
	for _, b := range blocks {
		visit(b)
		switch b := b.(type) {
		case *List:
			for _, it := range b.Items {
				Walk(it.Blocks, visit)
			}
		case *Aside:
			Walk(b.Blocks, visit)
		}
	}
}

// Runs returns the runs of text a block holds itself, in reading order: a
// heading's or paragraph's text, or a table's header cells then its cells row by
// row. Lists and asides hold none themselves (Walk visits their blocks).
func Runs(b Block) [][]Inline {
	switch b := b.(type) {
	case *Heading:
		return [][]Inline{b.Text}
	case *Paragraph:
		return [][]Inline{b.Text}
	case *Table:
		out := make([][]Inline, 0, len(b.Header)*(len(b.Rows)+1))
		for _, c := range b.Header {
			out = append(out, c.Text)
		}
		for _, row := range b.Rows {
			for _, c := range row {
				out = append(out, c.Text)
			}
		}
		return out
	}
	return nil
}
