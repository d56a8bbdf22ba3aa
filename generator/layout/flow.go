package layout

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"lifeplan/generator/doc"
)

// item is one unbreakable piece of the vertical list: a line of text, a table row,
// a figure, a picture with the text beside it. Pages break only between items.
type item struct {
	h     float64
	gap   float64 // space above the item, dropped at the top of a page
	boxes []Box   // Y is relative to the item's top
	// keep forbids a page break between the previous item and this one.
	keep bool
	// lines is how many lines of text the item counts as, for a heading's keep.
	lines int
	// repeat is a table's header row (as artifacts), drawn above this item when
	// the item starts a page.
	repeat *item
	// aside is the shaded box the item is inside, if any.
	aside     *asideBox
	pageBreak bool

	anchors  []string
	bookmark *Bookmark
}

// asideBox is an aside's horizontal extent, shared by the items inside it.
type asideBox struct {
	x, w        float64
	first, last int // indices of its first and last items
}

// frame is the horizontal extent blocks are laid out in.
type frame struct{ x, w float64 }

// marker is a list item's bullet or number, waiting for the item's first line.
type marker struct {
	text  string
	right float64 // the marker ends here (numbers are right-aligned)
	elem  *Elem   // the item's Lbl
	size  float64
}

// flow builds the vertical list of items from blocks, and the structure tree with it.
type flow struct {
	m     *measurer
	sh    *sheet
	root  *Elem
	items []item

	pendingGap float64
	keepLines  int // lines still to keep with the last heading
	lastLevel  int // role level of the last heading, so levels never skip
	listDepth  int
	markers    []marker
	aside      *asideBox
	accent     RGB                          // the colour of headings
	refLines   uint16                       // lines holding page references so far
	pastCover  bool                         // a page break has been laid out: what follows is not the cover
	elems      []Elem                       // room for the next structure elements (elem)
	made       int                          // elements made by elem; the root, made before, is 0
	boxBlock   []Box                        // room for the boxes of the next items (boxRoom)
	tables     map[*doc.Table]TableGeometry // each table as laid out, for Result.Tables
}

// elem adds a structure element with role under parent. Elements are made in
// blocks, each twice the last up to 512, not one by one: a long document has
// thousands, a one-page profile a few dozen.
func (f *flow) elem(parent *Elem, role string) *Elem {
	if len(f.elems) == cap(f.elems) {
		f.elems = make([]Elem, 0, min(512, max(32, 2*cap(f.elems))))
	}
	f.made++
	f.elems = append(f.elems, Elem{Role: role, Index: f.made})
	k := &f.elems[len(f.elems)-1]
	parent.Kids = append(parent.Kids, k)
	return k
}

// boxRoom returns an empty slice with room for n boxes, cut from a block that
// many items share: a line's boxes had been a slice grown box by box, an
// allocation or more for every line of a document. The slice's capacity ends at
// n, so appending more moves it out of the block rather than over a neighbour.
func (f *flow) boxRoom(n int) []Box {
	if cap(f.boxBlock)-len(f.boxBlock) < n {
		f.boxBlock = make([]Box, 0, max(n, boxBlockSize))
	}
	k := len(f.boxBlock)
	f.boxBlock = f.boxBlock[:k+n]
	return f.boxBlock[k : k : k+n]
}

// boxBlockSize is how many boxes a block of boxRoom holds: some 35 KB.
const boxBlockSize = 256

// gap asks for at least g mm of space before the next item. Gaps collapse (the
// larger wins) and vanish at the top of a page.
func (f *flow) gap(g float64) { f.pendingGap = math.Max(f.pendingGap, g) }

// add appends an item, applying the pending gap, the heading's keep and the aside.
func (f *flow) add(it item) {
	it.gap = math.Max(it.gap, f.pendingGap)
	f.pendingGap = 0
	if f.keepLines > 0 && !it.pageBreak {
		it.keep = true
		f.keepLines -= it.lines
	}
	if f.aside != nil {
		it.aside = f.aside
		if f.aside.first < 0 {
			f.aside.first = len(f.items)
		}
		f.aside.last = len(f.items)
	}
	f.items = append(f.items, it)
}

func (f *flow) blocks(blocks []doc.Block, parent *Elem, fr frame) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Heading:
			f.heading(b, parent, fr)
		case *doc.Paragraph:
			f.paragraph(b, parent, fr)
		case *doc.List:
			f.list(b, parent, fr)
		case *doc.Table:
			f.table(b, parent, fr)
		case *doc.Figure:
			f.figure(b, parent, fr)
		case *doc.Aside:
			f.asideBlock(b, parent, fr)
		case *doc.PageBreak:
			f.pendingGap, f.keepLines = 0, 0
			f.add(item{pageBreak: true})
			f.pastCover = true
		}
	}
}

func (f *flow) heading(h *doc.Heading, parent *Elem, fr frame) {
	level := min(max(h.Level, 1), 4)
	hs := f.sh.headings[level]
	// Headings never skip a level in the structure tree (a screen reader's list of
	// headings would show a gap): an H3 straight after an H1 is tagged H2.
	role := min(level, f.lastLevel+1)
	f.lastLevel = role
	e := f.elem(parent, "H"+strconv.Itoa(role))
	lines := f.m.wrap(h.Text, hs.ts, fr.w)
	f.gap(hs.before)
	lh := hs.ts.lineHeight()
	for i, l := range lines {
		it := item{h: lh, lines: 1, keep: i > 0}
		it.boxes = f.lineBoxes(nil, nil, l, hs.ts, fr, 0, doc.AlignLeft, f.accent, e)
		if i == 0 {
			if h.Anchor != "" {
				it.anchors = []string{h.Anchor}
			}
			if level <= 3 {
				it.bookmark = &Bookmark{Text: doc.PlainText(h.Text), Level: level}
			}
		}
		f.add(it)
	}
	f.gap(hs.after)
	// A heading keeps at least two lines of what follows it on its page.
	f.keepLines = 2
}

// paragraph lays out text lines (with the list marker waiting for the first), or a
// picture with the text beside it.
func (f *flow) paragraph(p *doc.Paragraph, parent *Elem, fr frame) {
	if p.Picture != nil {
		f.beside(p.Picture, p.Text, parent, fr, f.sh.pictureW, f.sh.pictureMaxH, f.sh.pictureColumn)
	} else {
		f.text(p.Text, f.elem(parent, "P"), fr)
	}
	if f.listDepth > 0 {
		f.gap(f.sh.gapInList)
	} else {
		f.gap(f.sh.gapParagraph)
	}
	if p.Picture == nil && isLabel(p.Text) {
		// A label such as "Adjustments to make:" introduces what follows as a
		// heading does, and keeps two lines of it on its page.
		f.keepLines = 2
	}
}

// isLabel says whether a paragraph is a run-in heading: short, and either all bold
// or ending with a colon.
func isLabel(runs []doc.Inline) bool {
	text := strings.TrimSpace(doc.PlainText(runs))
	if text == "" || utf8.RuneCountInString(text) > 80 {
		return false
	}
	if strings.HasSuffix(text, ":") {
		return true
	}
	for _, r := range runs {
		if !r.Bold && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return true
}

// text adds a paragraph's lines. No single line is left alone at the foot of a page
// (the first two lines keep together) or at its head (so do the last two).
func (f *flow) text(runs []doc.Inline, e *Elem, fr frame) {
	ts := f.sh.body
	lines := f.m.wrap(runs, ts, fr.w)
	lh := ts.lineHeight()
	n := len(lines)
	for i, l := range lines {
		it := item{h: lh, lines: 1, keep: i == 1 || (i > 0 && i == n-1)}
		it.boxes = f.lineBoxes(nil, f.takeMarkers(), l, ts, fr, 0, doc.AlignLeft, colText, e)
		f.add(it)
	}
}

// takeMarkers returns the list markers waiting for a first line, and clears them.
func (f *flow) takeMarkers() []marker {
	mk := f.markers
	f.markers = nil
	return mk
}

// beside lays out a picture at the left of fr and text to its right. Text no taller
// than the picture is centred on it; taller text continues below the picture's
// lines, at the same indent, so nothing leaves dead space under the picture.
func (f *flow) beside(img *doc.Image, runs []doc.Inline, parent *Elem, fr frame, maxW, maxH, column float64) {
	pw, ph := fitBox(img, maxW, maxH)
	column = math.Max(column, pw+f.sh.pictureGap)
	fig := f.elem(parent, "Figure")
	fig.Alt = img.Alt
	var p *Elem
	if len(runs) > 0 {
		p = f.elem(parent, "P")
	}
	inner := frame{x: fr.x + column, w: math.Max(fr.w-column, f.sh.minTextWidth)}
	ts := f.sh.body
	lh := ts.lineHeight()
	var lines []line
	if p != nil {
		lines = f.m.wrap(runs, ts, inner.w)
	}
	textH := float64(len(lines)) * lh
	first := len(lines)
	if textH > ph {
		first = max(int(math.Ceil(ph/lh-epsilon)), 1)
	}
	h := math.Max(ph, float64(first)*lh)
	off := (h - float64(first)*lh) / 2
	it := item{h: h, lines: 2}
	mk := f.takeMarkers()
	// The picture is read before the text beside it: it comes first.
	it.boxes = append(it.boxes, Box{Kind: Picture, X: fr.x, Y: (h - ph) / 2, W: pw, H: ph, Image: img, Elem: fig})
	for i := 0; i < first; i++ {
		var m []marker
		if i == 0 {
			m = mk
		}
		it.boxes = f.lineBoxes(it.boxes, nil, lines[i], ts, inner, off+float64(i)*lh, doc.AlignLeft, colText, p)
		if m != nil {
			it.boxes = insertMarkers(it.boxes, m, f, ts, off)
		}
	}
	if len(mk) > 0 && first == 0 {
		it.boxes = insertMarkers(it.boxes, mk, f, ts, (h-lh)/2)
	}
	f.add(it)
	n := len(lines)
	for i := first; i < n; i++ {
		rest := item{h: lh, lines: 1, keep: i == first || i == n-1}
		rest.boxes = f.lineBoxes(nil, nil, lines[i], ts, inner, 0, doc.AlignLeft, colText, p)
		f.add(rest)
	}
}

// insertMarkers puts marker boxes before the others of an item (a label is read
// before the item's body), on the line whose top is at top.
func insertMarkers(boxes []Box, mk []marker, f *flow, ts textStyle, top float64) []Box {
	var out []Box
	out = f.markerBoxes(out, mk, ts, top)
	return append(out, boxes...)
}

// lineBoxes appends the boxes of one line whose box starts at top (relative to its
// item), preceded by any waiting list markers. The baseline sits where a typesetter
// centres text in its line box.
func (f *flow) lineBoxes(out []Box, mk []marker, l line, ts textStyle, fr frame, top float64, align doc.Align, c RGB, e *Elem) []Box {
	if out == nil {
		out = f.boxRoom(len(mk) + len(l.segs))
	}
	out = f.markerBoxes(out, mk, ts, top)
	x := fr.x
	switch align {
	case doc.AlignRight:
		x += fr.w - l.w
	case doc.AlignCenter:
		x += (fr.w - l.w) / 2
	}
	baseline := top + baselineOffset(ts)
	var link *Elem
	linkTo := ""
	first := len(out)
	for _, s := range l.segs {
		owner := e
		if s.link != "" && e != nil {
			if s.link != linkTo || link == nil {
				link = f.elem(e, "Link")
				linkTo = s.link
			}
			owner = link
		} else {
			link, linkTo = nil, ""
		}
		out = append(out, Box{Kind: Text, X: x + s.x, Y: baseline, W: s.w, Text: s.text, Face: s.face,
			Size: ts.size, Color: c, Elem: owner, Link: s.link})
	}
	f.markRefLine(out[first:], align)
	return out
}

// markRefLine tells the boxes of a line that holds a page number's stand-in
// which line they are, for fillPageRefs.
func (f *flow) markRefLine(line []Box, align doc.Align) {
	has := false
	for _, b := range line {
		has = has || strings.HasPrefix(b.Link, standInMark)
	}
	if !has || f.refLines == math.MaxUint16 {
		return // the last: fillPageRefs finds a stand-in with no line, and gives up
	}
	f.refLines++
	for i := range line {
		line[i].refLine, line[i].refAlign = f.refLines, uint8(align)
	}
}

func baselineOffset(ts textStyle) float64 {
	return ts.lineHeight()/2 + 0.3*ts.size/ptPerMM
}

// markerBoxes draws list markers right-aligned at their column, on the line at top.
func (f *flow) markerBoxes(out []Box, mk []marker, ts textStyle, top float64) []Box {
	for _, m := range mk {
		face := f.m.fonts.Face(0)
		w := advance(face, m.text, ts.size)
		out = append(out, Box{Kind: Text, X: m.right - w, Y: top + baselineOffset(ts), W: w, Text: m.text,
			Face: face, Size: ts.size, Color: colText, Elem: m.elem})
	}
	return out
}

func (f *flow) list(l *doc.List, parent *Elem, fr frame) {
	e := f.elem(parent, "L")
	f.listDepth++
	indent := f.sh.listIndent
	ts := f.sh.body
	if l.Ordered {
		widest := advance(f.m.fonts.Face(0), strconv.Itoa(len(l.Items))+".", ts.size)
		indent = math.Max(indent, widest+f.sh.markerGap)
	}
	inner := frame{x: fr.x + indent, w: math.Max(fr.w-indent, f.sh.minTextWidth)}
	for i, it := range l.Items {
		text := "•"
		if l.Ordered {
			text = strconv.Itoa(i+1) + "."
		}
		li := f.elem(e, "LI")
		lbl := f.elem(li, "Lbl")
		body := f.elem(li, "LBody")
		f.markers = append(f.markers, marker{text: text, right: inner.x - f.sh.markerGap, elem: lbl})
		f.listItem(it, body, inner)
		f.markers = nil // an item without text still must not pass its marker on
		f.gap(f.sh.gapInList)
	}
	f.listDepth--
	if f.listDepth > 0 {
		f.gap(f.sh.gapInList) // a nested list is part of its item
	} else {
		f.gap(f.sh.gapBlock)
	}
}

// listItem lays out one item. A picture sits after the marker, in the text's
// column, with the item's first paragraph beside it.
func (f *flow) listItem(it doc.ListItem, body *Elem, fr frame) {
	blocks := it.Blocks
	if it.Picture != nil {
		var runs []doc.Inline
		if len(blocks) > 0 {
			if p, ok := blocks[0].(*doc.Paragraph); ok && p.Picture == nil {
				runs, blocks = p.Text, blocks[1:]
			}
		}
		f.beside(it.Picture, runs, body, fr, f.sh.itemPictureW, f.sh.itemPictureMaxH, 0)
		if len(blocks) > 0 {
			f.gap(f.sh.gapInList)
		}
	}
	f.blocks(blocks, body, fr)
}

func (f *flow) figure(fg *doc.Figure, parent *Elem, fr frame) {
	if fg.Image == nil {
		return
	}
	e := f.elem(parent, "Figure")
	e.Alt = fg.Image.Alt
	maxH := f.sh.figureMaxH
	if !f.pastCover && f.sh.coverFigureMaxH > 0 {
		maxH = f.sh.coverFigureMaxH
	}
	w, h := fitBox(fg.Image, fr.w, maxH)
	f.add(item{h: h, lines: 2, boxes: []Box{{Kind: Picture, X: fr.x + (fr.w-w)/2, Y: 0, W: w, H: h, Image: fg.Image, Elem: e}}})
	f.gap(f.sh.gapBlock)
}

// asideBlock lays out blocks in a tinted box with a bar down its left side. The box
// itself is drawn once the pages are known (see paginate).
func (f *flow) asideBlock(a *doc.Aside, parent *Elem, fr frame) {
	if f.aside != nil {
		// A box inside a box adds nothing for the reader: lay its content out plainly.
		f.blocks(a.Blocks, parent, fr)
		return
	}
	e := f.elem(parent, "Div")
	box := &asideBox{x: fr.x, w: fr.w, first: -1}
	inner := frame{x: fr.x + f.sh.asideBar + f.sh.asidePad, w: math.Max(fr.w-f.sh.asideBar-2*f.sh.asidePad, f.sh.minTextWidth)}
	f.aside = box
	f.blocks(a.Blocks, e, inner)
	f.aside = nil
	if box.first < 0 {
		return
	}
	f.pendingGap = 0 // the padding replaces the last block's gap
	// An aside that fits on a page is never split.
	total := 2 * f.sh.asidePad
	for i := box.first; i <= box.last; i++ {
		if i > box.first {
			total += f.items[i].gap
		}
		total += f.items[i].h
	}
	if total <= contentBottom-contentTop {
		for i := box.first + 1; i <= box.last; i++ {
			f.items[i].keep = true
		}
	}
	f.gap(f.sh.gapBlock)
}

// fitBox scales an image to fit maxW by maxH mm, keeping its aspect ratio.
func fitBox(img *doc.Image, maxW, maxH float64) (w, h float64) {
	iw, ih := float64(img.Width), float64(img.Height)
	if iw <= 0 || ih <= 0 {
		iw, ih = 1, 1
	}
	w, h = maxW, maxW*ih/iw
	if h > maxH {
		w, h = maxH*iw/ih, maxH
	}
	return w, h
}

// Branding on the first page: the logo at the right, the organisation's name and
// contact line at the left, above everything else.
const (
	logoMaxW = 60.0
	logoMaxH = 18.0
)

// brand lays out the organisation's block at the top of the first page.
func (f *flow) brand(b doc.Brand, parent *Elem) {
	if b.Name == "" && b.Logo == nil {
		return
	}
	fr := frame{x: marginLeft, w: contentW}
	it := item{lines: 2}
	textW := fr.w
	var lw, lh float64
	if b.Logo != nil {
		lw, lh = fitBox(b.Logo, logoMaxW, logoMaxH)
		textW -= lw + f.sh.pictureGap
	}
	y := 0.0
	name := textStyle{size: f.sh.body.size, leading: 1.3, forceBold: true}
	contact := f.sh.brandContact
	for _, part := range []struct {
		text string
		ts   textStyle
	}{{b.Name, name}, {b.Contact, contact}} {
		if part.text == "" {
			continue
		}
		e := f.elem(parent, "P")
		for _, l := range f.m.wrap([]doc.Inline{{Text: part.text}}, part.ts, textW) {
			it.boxes = f.lineBoxes(it.boxes, nil, l, part.ts, frame{x: fr.x, w: textW}, y, doc.AlignLeft, colFurniture, e)
			y += part.ts.lineHeight()
		}
	}
	if b.Logo != nil {
		fig := f.elem(parent, "Figure")
		fig.Alt = b.Logo.Alt
		it.boxes = append(it.boxes, Box{Kind: Picture, X: fr.x + fr.w - lw, Y: 0, W: lw, H: lh, Image: b.Logo, Elem: fig})
	}
	it.h = math.Max(y, lh)
	f.add(it)
	f.gap(f.sh.gapBlock)
}
