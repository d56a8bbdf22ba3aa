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
}

// Block is one of *Heading, *Paragraph, *List, *Table, *Figure, *Aside, *PageBreak.
type Block interface{ block() }

// Heading is a section heading. Level 1 is the document title, 2 a section, 3 and 4
// subsections. Renderers bookmark levels 1 to 3.
type Heading struct {
	Level int
	Text  []Inline
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
