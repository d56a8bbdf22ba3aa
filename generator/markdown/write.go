package markdown

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"lifeplan/generator/doc"
)

// WriteDocument writes the document tree back as Markdown in the conventions the
// templates use (headings with `{#anchor}`, internal links, pictures as
// `![alt](<path>)` with the path the plan gave, GFM tables, `>` boxes, `---` page
// breaks), so that Parse gives back the same blocks. Page references, which have no
// number outside a paginated format, become links to their heading with their Text.
//
// The document's metadata (classification, DRAFT, version and dates) comes first
// as a short block quote, the way the HTML masthead shows it.
//
// Pictures are not written: the caller puts each doc.Image's bytes at its Name,
// relative to the Markdown file (see Pictures).
func WriteDocument(w io.Writer, d *doc.Document) error {
	bw := bufio.NewWriter(w)
	mw := &mdWriter{w: bw}
	mw.meta(d.Meta)
	for _, b := range d.Blocks {
		mw.block(b, "")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}

// Pictures lists every picture a document shows, each once, in reading order.
func Pictures(d *doc.Document) []*doc.Image {
	var out []*doc.Image
	seen := map[string]bool{}
	add := func(img *doc.Image) {
		if img != nil && !seen[img.Name] {
			seen[img.Name] = true
			out = append(out, img)
		}
	}
	var walk func([]doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Paragraph:
				add(b.Picture)
			case *doc.Figure:
				add(b.Image)
			case *doc.Aside:
				walk(b.Blocks)
			case *doc.List:
				for _, it := range b.Items {
					add(it.Picture)
					walk(it.Blocks)
				}
			}
		}
	}
	walk(d.Blocks)
	return out
}

type mdWriter struct {
	w *bufio.Writer
}

func (m *mdWriter) meta(meta doc.Meta) {
	var lines []string
	if meta.Classification != "" {
		lines = append(lines, "**"+escapeRun(meta.Classification, true)+"**")
	}
	if meta.Draft != "" {
		lines = append(lines, "**"+escapeRun(meta.Draft, true)+"**")
	}
	var facts []string
	for _, f := range [][2]string{{"", meta.Title}, {"for ", meta.PersonName}, {"version ", meta.Version},
		{"written ", meta.Date}, {"next review ", meta.ReviewDate}} {
		if f[1] != "" {
			facts = append(facts, f[0]+escapeRun(f[1], false))
		}
	}
	if len(facts) > 0 {
		lines = append(lines, strings.Join(facts, ", "))
	}
	if len(lines) == 0 {
		return
	}
	// Hard line breaks (a trailing backslash) keep the three lines in one quote.
	m.w.WriteString("> " + strings.Join(lines, "\\\n> ") + "\n\n")
}

// block writes one block; prefix starts every line (a quote's "> ", a list item's
// indent).
func (m *mdWriter) block(b doc.Block, prefix string) {
	switch b := b.(type) {
	case *doc.Heading:
		level := min(max(b.Level, 1), 6)
		m.line(prefix, strings.Repeat("#", level)+" "+inlines(b.Text))
		if b.Anchor != "" {
			m.w.WriteString(" {#" + b.Anchor + "}")
		}
		m.w.WriteString("\n")
	case *doc.Paragraph:
		text := inlines(b.Text)
		if b.Picture != nil {
			text = picture(b.Picture) + " " + text
		}
		m.lines(prefix, text)
	case *doc.Figure:
		if b.Image != nil {
			m.lines(prefix, picture(b.Image))
		}
	case *doc.List:
		for i, it := range b.Items {
			marker := "- "
			if b.Ordered {
				marker = fmt.Sprintf("%d. ", i+1)
			}
			m.listItem(it, prefix, marker)
		}
	case *doc.Table:
		m.table(b, prefix)
	case *doc.Aside:
		for i, inner := range b.Blocks {
			if i > 0 {
				m.w.WriteString(strings.TrimRight(prefix+"> ", " ") + "\n")
			}
			m.block(inner, prefix+"> ")
		}
	case *doc.PageBreak:
		m.lines(prefix, "---")
	}
	if prefix == "" {
		m.w.WriteString("\n")
	}
}

// line starts one line without ending it.
func (m *mdWriter) line(prefix, s string) {
	m.w.WriteString(prefix + s)
}

// lines writes text whose hard breaks ("\\\n") continue under prefix.
func (m *mdWriter) lines(prefix, s string) {
	m.w.WriteString(prefix + strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n")
}

func (m *mdWriter) listItem(it doc.ListItem, prefix, marker string) {
	indent := prefix + strings.Repeat(" ", len(marker))
	if len(it.Blocks) == 0 {
		text := ""
		if it.Picture != nil {
			text = picture(it.Picture)
		}
		m.lines(prefix+marker, text)
		return
	}
	for i, b := range it.Blocks {
		switch {
		case i == 0:
			if p, ok := b.(*doc.Paragraph); ok {
				text := inlines(p.Text)
				if it.Picture != nil {
					text = picture(it.Picture) + " " + text
				}
				m.w.WriteString(prefix + marker + strings.ReplaceAll(text, "\n", "\n"+indent) + "\n")
				continue
			}
			m.w.WriteString(prefix + marker + "\n")
			m.block(b, indent)
		default:
			m.block(b, indent)
		}
	}
}

func (m *mdWriter) table(t *doc.Table, prefix string) {
	row := func(cells []doc.Cell) {
		var b strings.Builder
		b.WriteString(prefix + "|")
		for _, c := range cells {
			// A hard break cannot live in a table cell; it becomes a space.
			text := strings.ReplaceAll(inlines(c.Text), "\\\n", " ")
			b.WriteString(" " + text + " |")
		}
		m.w.WriteString(b.String() + "\n")
	}
	header := t.Header
	for len(header) < len(t.Align) {
		header = append(header, doc.Cell{})
	}
	row(header)
	var b strings.Builder
	b.WriteString(prefix + "|")
	for _, a := range t.Align {
		switch a {
		case doc.AlignRight:
			b.WriteString("--:|")
		case doc.AlignCenter:
			b.WriteString(":-:|")
		default:
			b.WriteString(":--|")
		}
	}
	m.w.WriteString(b.String() + "\n")
	for _, r := range t.Rows {
		row(r)
	}
}

func picture(img *doc.Image) string {
	return "![" + escapeRun(img.Alt, false) + "](<" + img.Name + ">)"
}

// inlines writes runs as Markdown: bold and italic delimiters hug the text (spaces
// move outside them, as CommonMark requires), links keep their anchor.
func inlines(runs []doc.Inline) string {
	var b strings.Builder
	for i, r := range runs {
		if r.LineBreak {
			b.WriteString("\\\n")
			continue
		}
		core := strings.TrimSpace(r.Text)
		lead := r.Text[:strings.Index(r.Text, core)]
		trail := r.Text[len(lead)+len(core):]
		if core == "" {
			b.WriteString(r.Text)
			continue
		}
		text := escapeRun(core, i == 0 && lead == "")
		switch {
		case r.Bold && r.Italic:
			text = "***" + text + "***"
		case r.Bold:
			text = "**" + text + "**"
		case r.Italic:
			text = "*" + text + "*"
		}
		switch {
		case r.PageOf != "":
			text = "[" + text + "](#" + r.PageOf + ")"
		case r.Link != "":
			text = "[" + text + "](#" + r.Link + ")"
		}
		b.WriteString(lead + text + trail)
	}
	return b.String()
}

// escapeRun escapes one run of text like Escape, but keeps its spacing, since runs
// are joined to their neighbours; atStart says whether it begins a block.
func escapeRun(s string, atStart bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!', '{', '}':
			b.WriteByte('\\')
		case '-', '+', '=', '.', ')', ':':
			if atStart && startsBlock(s, i) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(ch)
	}
	return b.String()
}
