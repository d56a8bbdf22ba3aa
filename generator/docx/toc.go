package docx

import (
	"strconv"

	"lifeplan/generator/doc"
)

// The contents: Word's own TOC field (TOC \o "1-2" \h \z \u: outline levels 1 and
// 2, entries as hyperlinks, no page numbers in web view, outline levels of
// paragraphs), with its result pre-filled from our layout's pages, so a reader
// that does not update fields (LibreOffice, a phone) still shows the right
// contents. The field is marked dirty and settings.xml asks for fields to be
// updated on open, so Word lays the document out and puts in its own numbers.
//
// Headings carry bookmarks named the way Word names the ones it makes for
// contents (_Toc…): hidden in Word's bookmark list, and the targets of the
// contents' hyperlinks, of internal links and of PAGEREF page references.

// tocLevels are the heading levels the contents lists: the document and its
// sections. With level 3 too the LLSP's contents ran to three pages of some 90
// entries, too many for a panel member to find a section in.
const tocLevels = 2

// shortPages is the length up to which a document gets no contents.
const shortPages = 4

// shortDocument reports whether our layout put the document on shortPages pages
// or fewer. Without pages it is not known, and the contents are made.
func (r *renderer) shortDocument() bool {
	if len(r.pages) == 0 {
		return false
	}
	last := 0
	for _, n := range r.pages {
		last = max(last, n)
	}
	return last <= shortPages
}

// entriesPerPage is about how many contents lines fit on a page of our layout.
const entriesPerPage = 34

// tocPlan says where the contents go and what they hold.
type tocPlan struct {
	after   int // index of the top-level block the contents follow; -1 for none
	ownPage bool
	pages   int // pages the contents take when on their own page(s)
	entries []tocEntry
	// from is the first top-level block after the contents: the pages of its
	// headings and the ones after it move on by pages.
	shifted map[string]bool
}

type tocEntry struct {
	level  int
	text   string
	anchor string // "" for a heading without one
	mark   string
}

func (t tocPlan) shifts(anchor string) bool { return t.ownPage && t.shifted[anchor] }

// planBookmarks gives every heading a bookmark, numbered in document order so the
// same document always gets the same names, and every table the heading it stands
// under as its caption.
func (r *renderer) planBookmarks() {
	n := 0
	last := ""
	var walk func(bs []doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Table:
				r.captions[b] = last
			case *doc.Heading:
				last = doc.PlainText(b.Text)
				n++
				name := "_Toc" + strconv.Itoa(100000000+n)
				r.headMarks[b] = name
				if b.Anchor != "" {
					if _, dup := r.marks[b.Anchor]; !dup {
						r.marks[b.Anchor] = name
					}
				}
			case *doc.Aside:
				walk(b.Blocks)
			case *doc.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			}
		}
	}
	walk(r.d.Blocks)
}

// planTOC places the contents after the cover: the blocks before the document's
// first page break. A document without a cover gets its contents after its title.
// The one-page profile has none, nor has a document of fewer than three sections,
// one that our layout puts on shortPages pages or fewer (contents would make it a
// third longer and help nobody find anything), or one whose template writes its
// own contents (a heading anchored "contents"): its page references become
// PAGEREF fields all the same.
func (r *renderer) planTOC() tocPlan {
	p := tocPlan{after: -1}
	if r.d.Meta.Kind == doc.OnePage {
		return p
	}
	for _, b := range r.d.Blocks {
		if h, ok := b.(*doc.Heading); ok {
			if h.Anchor == "contents" {
				return p
			}
			if h.Level <= tocLevels {
				p.entries = append(p.entries, tocEntry{level: h.Level, text: doc.PlainText(h.Text), anchor: h.Anchor, mark: r.headMarks[h]})
			}
		}
	}
	if len(p.entries) < 3 || r.shortDocument() {
		return tocPlan{after: -1}
	}
	// A page break is the cover's end if no more than one section (the cover's
	// own, such as the person's name) comes before it.
	sections := 0
	for i, b := range r.d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.Level == 2 {
			sections++
		}
		if _, ok := b.(*doc.PageBreak); ok {
			if sections <= 1 {
				p.after, p.ownPage = i, true
			}
			break
		}
	}
	if !p.ownPage {
		for i, b := range r.d.Blocks {
			if h, ok := b.(*doc.Heading); ok && h.Level == 1 {
				p.after = i
				break
			}
		}
		if p.after < 0 {
			p.after = len(r.d.Blocks)
		}
		return p
	}
	// Our PDF has no contents page: on their own page(s) the contents push every
	// later heading on by that many pages, and the pre-filled numbers say so.
	p.pages = (len(p.entries) + 2 + entriesPerPage - 1) / entriesPerPage
	p.shifted = map[string]bool{}
	var walk func(bs []doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Heading:
				if b.Anchor != "" {
					p.shifted[b.Anchor] = true
				}
			case *doc.Aside:
				walk(b.Blocks)
			case *doc.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			}
		}
	}
	walk(r.d.Blocks[p.after+1:])
	return p
}

// contents writes the contents heading and the TOC field with its entries.
func (r *renderer) contents(w *xmlWriter) {
	if r.toc.after < 0 {
		return
	}
	r.openPara(w, styleTOCHeading, 0, 0)
	r.text(w, doc.Inline{Text: "Contents"}, true, "")
	w.end("w:p")
	for i, e := range r.toc.entries {
		r.openPara(w, styleTOC+strconv.Itoa(min(e.level, tocLevels)), 0, 0)
		if i == 0 {
			w.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
				`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		w.start("w:hyperlink", "w:anchor", e.mark, "w:history", "1")
		r.text(w, doc.Inline{Text: e.text}, e.level == 1, "")
		w.WriteString(`<w:r><w:tab/></w:r>`)
		num := ""
		if e.anchor != "" {
			num = r.pageOf(e.anchor)
		}
		field(w, "PAGEREF "+e.mark+" \\h", num, "")
		r.glyphs.addText(num, e.level == 1, false)
		w.end("w:hyperlink")
		if i == len(r.toc.entries)-1 {
			w.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		w.end("w:p")
	}
	if r.toc.ownPage {
		r.pendingBreak = true
	}
}
