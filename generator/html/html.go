// Package html writes the document tree as one self-contained, accessible HTML file:
// semantic headings with ids, real lists and tables, pictures inline as data: URIs
// with their alternative text, the fonts embedded, a print stylesheet, and no script.
// It is for publishing a plan on a council's site or sending it by email.
//
// Every piece of text is escaped as it is written (html.EscapeString), so a name
// such as `Jo | *Smith* # <b>` prints exactly as written and cannot add an element.
// The output is also well-formed XML (void elements are self-closed), which lets the
// tests parse it strictly.
package html

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"lifeplan/fonts"
	"lifeplan/generator/doc"
	"lifeplan/generator/pageless"
)

// defaultLanguage is used when a plan does not say which language it is written in.
const defaultLanguage = "en-GB"

// Render writes d as one HTML file. A web page has no page numbers, so each page
// reference is written as a link named by the heading it leads to (see package
// pageless): "see page 12" becomes "see My learning outcomes".
func Render(w io.Writer, d *doc.Document) error {
	bw := bufio.NewWriter(w)
	r := &writer{w: bw}
	r.document(pageless.Document(d))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing HTML: %w", err)
	}
	return nil
}

type writer struct {
	w *bufio.Writer
}

func (r *writer) s(parts ...string) {
	for _, p := range parts {
		r.w.WriteString(p)
	}
}

// esc escapes text for element content and for quoted attribute values alike.
// Control characters (which a TOML escape such as \u0007 can put in a plan) are
// dropped: HTML does not allow them, and they carry no meaning in a document.
func esc(s string) string {
	if strings.IndexFunc(s, isControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return html.EscapeString(s)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || r == utf8.RuneError
}

func kindClass(k doc.Kind) string {
	switch k {
	case doc.EasyRead:
		return "easy-read"
	case doc.OnePage:
		return "one-page"
	default:
		return "standard"
	}
}

func (r *writer) document(d *doc.Document) {
	m := d.Meta
	lang := m.Language
	if lang == "" {
		lang = defaultLanguage
	}
	title := m.Title
	if m.PersonName != "" {
		title += " – " + m.PersonName
	}
	if m.Draft != "" {
		title = m.Draft + ": " + title
	}
	r.s("<!DOCTYPE html>\n<html lang=\"", esc(lang), "\">\n<head>\n<meta charset=\"utf-8\"/>\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n",
		"<title>", esc(title), "</title>\n")
	meta := func(name, content string) {
		if content != "" {
			r.s("<meta name=\"", name, "\" content=\"", esc(content), "\"/>\n")
		}
	}
	meta("author", m.Author)
	meta("description", m.Subject)
	meta("dcterms.created", m.Created)
	meta("classification", m.Classification)
	r.s("<style>\n")
	r.stylesheet(m)
	r.s("</style>\n</head>\n<body class=\"", kindClass(m.Kind), "\">\n")
	r.masthead(m)
	r.s("<main>\n")
	r.blocks(d.Blocks)
	r.s("</main>\n")
	r.s("<footer class=\"running\">\n")
	if m.Classification != "" {
		r.s("<p class=\"classification\">", esc(m.Classification), "</p>\n")
	}
	r.s("</footer>\n</body>\n</html>\n")
}

// masthead is what the PDF prints in every page's running header: the
// classification, DRAFT, whose plan it is, and its version and dates.
func (r *writer) masthead(m doc.Meta) {
	r.s("<header class=\"running\">\n")
	if b := m.Brand; b.Name != "" || b.Logo != nil {
		r.s("<div class=\"brand\"><div>")
		if b.Name != "" {
			r.s("<p class=\"organisation\"><strong>", esc(b.Name), "</strong></p>")
		}
		if b.Contact != "" {
			r.s("<p class=\"contact\">", esc(b.Contact), "</p>")
		}
		r.s("</div>")
		if b.Logo != nil {
			r.image(b.Logo, "logo")
		}
		r.s("</div>\n")
	}
	if m.Classification != "" {
		r.s("<p class=\"classification\">", esc(m.Classification), "</p>\n")
	}
	if m.Draft != "" {
		r.s("<p class=\"draft\"><strong>", esc(m.Draft), "</strong></p>\n")
	}
	var facts []string
	if m.PersonName != "" {
		facts = append(facts, m.Title+" for "+m.PersonName)
	} else {
		facts = append(facts, m.Title)
	}
	if m.Version != "" {
		facts = append(facts, "Version "+m.Version)
	}
	if m.Date != "" {
		facts = append(facts, "Written "+m.Date)
	}
	if m.ReviewDate != "" {
		facts = append(facts, "Next review "+m.ReviewDate)
	}
	r.s("<p class=\"facts\">")
	for i, f := range facts {
		if i > 0 {
			r.s(" <span aria-hidden=\"true\">·</span> ")
		}
		r.s("<span>", esc(f), "</span>")
	}
	r.s("</p>\n</header>\n")
}

func (r *writer) blocks(bs []doc.Block) {
	for _, b := range bs {
		r.block(b)
	}
}

func (r *writer) block(b doc.Block) {
	switch b := b.(type) {
	case *doc.Heading:
		level := min(max(b.Level, 1), 6)
		tag := fmt.Sprintf("h%d", level)
		r.s("<", tag)
		if b.Anchor != "" {
			r.s(" id=\"", esc(b.Anchor), "\"")
		}
		r.s(">")
		r.inlines(b.Text)
		r.s("</", tag, ">\n")
	case *doc.Paragraph:
		if b.Picture != nil {
			r.s("<div class=\"with-picture\">")
			r.image(b.Picture, "beside")
			r.s("<p>")
			r.inlines(b.Text)
			r.s("</p></div>\n")
			return
		}
		r.s("<p>")
		r.inlines(b.Text)
		r.s("</p>\n")
	case *doc.List:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
		}
		r.s("<", tag, ">\n")
		for _, it := range b.Items {
			r.listItem(it)
		}
		r.s("</", tag, ">\n")
	case *doc.Table:
		r.table(b)
	case *doc.Figure:
		if b.Image == nil {
			return
		}
		r.s("<figure>")
		r.image(b.Image, "figure")
		r.s("</figure>\n")
	case *doc.Aside:
		// A note rather than <aside>: the box belongs to the section it is in (a
		// family's view, a warning), not to the page as a whole.
		r.s("<div class=\"aside\" role=\"note\">\n")
		r.blocks(b.Blocks)
		r.s("</div>\n")
	case *doc.PageBreak:
		r.s("<hr class=\"page-break\"/>\n")
	}
}

func (r *writer) listItem(it doc.ListItem) {
	r.s("<li")
	if it.Picture != nil {
		r.s(" class=\"with-picture\"")
	}
	r.s(">")
	if it.Picture != nil {
		r.image(it.Picture, "beside")
	}
	// A list item of one paragraph is written without <p>, as browsers and screen
	// readers expect of a tight list.
	if len(it.Blocks) == 1 {
		if p, ok := it.Blocks[0].(*doc.Paragraph); ok && p.Picture == nil {
			r.s("<span>")
			r.inlines(p.Text)
			r.s("</span></li>\n")
			return
		}
	}
	r.s("<div>")
	r.blocks(it.Blocks)
	r.s("</div></li>\n")
}

var alignStyle = map[doc.Align]string{
	doc.AlignLeft:   "left",
	doc.AlignCenter: "center",
	doc.AlignRight:  "right",
}

func (r *writer) table(t *doc.Table) {
	align := func(i int) string {
		if i < len(t.Align) {
			return alignStyle[t.Align[i]]
		}
		return "left"
	}
	r.s("<div class=\"table\"><table>\n")
	if len(t.Header) > 0 {
		r.s("<thead><tr>")
		for i, c := range t.Header {
			// An empty header cell names no column: a plain cell says so to a
			// screen reader, where an empty <th> would announce nothing.
			tag := "th"
			if doc.PlainText(c.Text) == "" {
				tag = "td"
				r.s("<td class=\"", align(i), "\">")
			} else {
				r.s("<th scope=\"col\" class=\"", align(i), "\">")
			}
			r.inlines(c.Text)
			r.s("</", tag, ">")
		}
		r.s("</tr></thead>\n")
	}
	r.s("<tbody>\n")
	for _, row := range t.Rows {
		r.s("<tr>")
		for i, c := range row {
			r.s("<td class=\"", align(i), "\">")
			r.inlines(c.Text)
			r.s("</td>")
		}
		r.s("</tr>\n")
	}
	r.s("</tbody>\n</table></div>\n")
}

// image writes a picture inline as a data: URI, with its size in pixels so the
// page does not jump while it loads, and its alternative text (empty alt marks a
// picture that carries no meaning of its own).
func (r *writer) image(img *doc.Image, class string) {
	mime := "image/png"
	if img.Format == "jpeg" {
		mime = "image/jpeg"
	}
	r.s("<img class=\"", class, "\" alt=\"", esc(img.Alt), "\"")
	if img.Width > 0 && img.Height > 0 {
		fmt.Fprintf(r.w, " width=\"%d\" height=\"%d\"", img.Width, img.Height)
	}
	r.s(" src=\"data:", mime, ";base64,")
	enc := base64.NewEncoder(base64.StdEncoding, r.w)
	enc.Write(img.Data)
	enc.Close()
	r.s("\"/>")
}

func (r *writer) inlines(runs []doc.Inline) {
	for _, run := range runs {
		if run.LineBreak {
			r.s("<br/>")
			continue
		}
		text := esc(run.Text)
		if run.Bold {
			text = "<strong>" + text + "</strong>"
		}
		if run.Italic {
			text = "<em>" + text + "</em>"
		}
		// pageless has made every page reference a link.
		if run.Link != "" {
			r.s("<a href=\"#", esc(run.Link), "\">", text, "</a>")
		} else {
			r.s(text)
		}
	}
}

// cssString quotes s as a CSS string. Every character but letters, digits and
// spaces is written as a hex escape, so user text in the print stylesheet's page
// header can neither end the string nor close the <style> element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// fontFace embeds one face of the documents' typeface, so the file looks the same
// on every computer and needs nothing from the network.
func fontFace(w *bufio.Writer, weight, style string, ttf []byte) {
	fmt.Fprintf(w, "@font-face{font-family:%q;font-weight:%s;font-style:%s;src:url(data:font/ttf;base64,",
		fonts.Family, weight, style)
	enc := base64.NewEncoder(base64.StdEncoding, w)
	enc.Write(ttf)
	enc.Close()
	w.WriteString(") format(\"truetype\");}\n")
}

func (r *writer) stylesheet(m doc.Meta) {
	fontFace(r.w, "400", "normal", fonts.Regular)
	fontFace(r.w, "700", "normal", fonts.Bold)
	fontFace(r.w, "400", "italic", fonts.Italic)
	r.s(baseCSS)
	if a := m.Brand.Accent; hexColour.MatchString(a) {
		// The organisation's accent, checked by the loader for 4.5:1 on white.
		r.s(":root{--accent:", a, "}\n")
	}
	// Paged media: what the PDF prints round every page, for a printed copy.
	header := m.Classification
	if m.Brand.Name != "" {
		header = m.Brand.Name + " · " + header
	}
	if m.Draft != "" {
		if header != "" {
			header += " · "
		}
		header += m.Draft
	}
	name := m.Title
	if m.PersonName != "" {
		name = m.PersonName + " · " + m.Title
	}
	r.s("@page{size:A4;margin:18mm 16mm 20mm;",
		"@top-left{content:", cssString(header), ";font:9pt sans-serif;}",
		"@top-right{content:", cssString(name), ";font:9pt sans-serif;}",
		"@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font:9pt sans-serif;}}\n")
}

// baseCSS is the screen and print style. Sizes follow the PDF's: 11.5 pt body
// text, 16 pt for easy read. Colours keep a contrast of at least 7:1 against
// their background (WCAG AAA for body text).
// hexColour is a CSS colour written #rrggbb: nothing else may reach the stylesheet.
var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

const baseCSS = `.brand{display:flex;gap:1rem;align-items:center;justify-content:space-between}
.brand p{margin:0}
.brand .logo{max-height:3.5rem;width:auto;height:auto}
:root{--ink:#1a1a1a;--muted:#3d3d3d;--accent:#0b4f6c;--box:#eef3f6;--rule:#8a9ba5}
html{font-family:"Atkinson Hyperlegible Next","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:#fff}
body{margin:0 auto;max-width:48rem;padding:1rem 1.25rem 3rem;font-size:11.5pt;line-height:1.45}
body.easy-read{font-size:16pt;line-height:1.5;max-width:56rem}
body.one-page{font-size:10pt;line-height:1.3}
h1,h2,h3,h4,h5,h6{color:var(--accent);line-height:1.2;margin:1.4em 0 .5em}
h1{font-size:1.9em}h2{font-size:1.45em}h3{font-size:1.2em}h4{font-size:1.05em}
a{color:var(--accent)}
header.running,footer.running{color:var(--muted);font-size:.85em;border-bottom:1px solid var(--rule);padding-bottom:.4rem}
footer.running{border-bottom:0;border-top:1px solid var(--rule);margin-top:2rem;padding-top:.4rem}
header.running p,footer.running p{margin:.2rem 0}
.classification{font-weight:700;letter-spacing:.02em}
.draft{display:inline-block;border:2px solid #8b0000;color:#8b0000;padding:.1rem .6rem;font-size:1.2em;letter-spacing:.1em}
img{max-width:100%;height:auto}
figure{margin:1rem 0}
figure img{max-height:20rem;width:auto}
.with-picture{display:flex;gap:.75rem;align-items:flex-start}
.with-picture p{margin-top:0}
img.beside{flex:none;width:4rem;height:auto}
body.easy-read img.beside{width:7rem}
ul,ol{padding-left:1.5rem}
li{margin:.25rem 0}
li.with-picture{list-style:none;margin-left:-1.5rem}
.table{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top}
th{background:var(--box);text-align:left}
.left{text-align:left}.center{text-align:center}.right{text-align:right;font-variant-numeric:tabular-nums}
.aside{background:var(--box);border-left:4px solid var(--accent);padding:.25rem 1rem;margin:1rem 0}
hr.page-break{border:0;border-top:1px dashed var(--rule);margin:2rem 0}
@media print{
body{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
hr.page-break{break-after:page;border:0;margin:0}
h1,h2,h3,h4{break-after:avoid}
tr,img,.with-picture{break-inside:avoid}
thead{display:table-header-group}
footer.running{display:none}
}
`
