package pdf

import (
	"math"
	"strconv"

	"lifeplan/generator/doc"
)

// Vertical rhythm, in mm.
const (
	gapParagraph = 3.0 // after a paragraph in the main flow
	gapInList    = 1.6 // after a paragraph or nested list inside a list item
	gapBlock     = 4.5 // after a list, table, figure or aside

	keepWithNext = 25.0 // a heading needs this much room below it, or it moves on

	listIndent   = 7.5  // hanging indent per list level
	markerGap    = 2.5  // between a marker and its text
	pictureW     = 22.0 // a picture beside a paragraph or item
	pictureMaxH  = 30.0
	pictureGap   = 4.0
	figureMaxH   = 65.0
	asidePad     = 4.0
	asideBar     = 1.5
	minTextWidth = 15.0 // deeply nested content never gets narrower than this
)

// headingStyles are indexed by level (1-4). Level 1 is the document's title.
var headingStyles = [...]struct {
	ts            textStyle
	before, after float64
}{
	1: {textStyle{size: 24, forceBold: true, leading: 1.2}, 0, 6},
	2: {textStyle{size: 17, forceBold: true, leading: 1.25}, 9, 3},
	3: {textStyle{size: 14, forceBold: true, leading: 1.25}, 6, 2.5},
	4: {textStyle{size: 12, forceBold: true, leading: 1.3}, 4.5, 2},
}

// marker is a list item's bullet or number, drawn beside the item's first line.
type marker struct {
	text  string
	right float64 // the marker ends here (numbers are right-aligned)
}

func (r *renderer) drawBlocks(blocks []doc.Block, fr frame) {
	for _, b := range blocks {
		r.drawBlock(b, fr)
	}
}

// drawBlock is the one place where a block's role is known as it is drawn. A
// tagged PDF will open marked content for the role here and close it after.
func (r *renderer) drawBlock(b doc.Block, fr frame) {
	switch b := b.(type) {
	case *doc.Heading:
		r.drawHeading(b, fr)
	case *doc.Paragraph:
		r.drawParagraph(b, fr)
	case *doc.List:
		r.drawList(b, fr)
	case *doc.Table:
		r.drawTable(b, fr)
	case *doc.Figure:
		r.drawFigure(b, fr)
	case *doc.Aside:
		r.drawAside(b, fr)
	case *doc.PageBreak:
		r.drawPageBreak()
	}
}

// gap asks for at least g mm of space before the next block. Gaps collapse (the
// larger wins) and vanish at the top of a page.
func (r *renderer) gap(g float64) { r.pendingGap = math.Max(r.pendingGap, g) }

// applyGap moves the cursor past the pending gap before a block is drawn.
func (r *renderer) applyGap() {
	if !r.atTop {
		r.y += r.pendingGap
	}
	r.pendingGap = 0
}

func (r *renderer) drawHeading(h *doc.Heading, fr frame) {
	level := min(max(h.Level, 1), 4)
	hs := headingStyles[level]
	lines := r.m.wrap(h.Text, hs.ts, fr.w)
	height := float64(len(lines)) * hs.ts.lineHeight()
	r.gap(hs.before)
	// Keep the heading with the start of what follows it.
	if !r.atTop && r.y+r.pendingGap+height+keepWithNext > contentBottom {
		r.newPage()
	}
	r.applyGap()
	if level <= 3 {
		r.bookmark(doc.PlainText(h.Text), level)
	}
	r.drawLines(lines, hs.ts, fr, doc.AlignLeft, colHeading)
	r.gap(hs.after)
}

// bookmark adds an outline entry. fpdf links entries by level and mislinks a level
// that skips one (H1 then H3), so a level is never more than one deeper than the
// entry before it.
func (r *renderer) bookmark(text string, level int) {
	if r.dry {
		return
	}
	lvl := min(level-1, r.outlineLvl+1)
	r.outlineLvl = lvl
	r.setFont(regular, 12) // Bookmark encodes its title as UTF-16 only when a UTF-8 font is set
	r.pdf.Bookmark(text, lvl, r.y)
}

func (r *renderer) drawParagraph(p *doc.Paragraph, fr frame) {
	r.applyGap()
	if p.Picture != nil {
		r.drawBeside(p.Picture, fr, func(inner frame) { r.drawText(p.Text, inner) })
	} else {
		r.drawText(p.Text, fr)
	}
	if r.listDepth > 0 {
		r.gap(gapInList)
	} else {
		r.gap(gapParagraph)
	}
}

// drawText sets body text in fr, flowing across pages. A paragraph's first two
// lines are kept together so no single line is stranded at a page's foot.
func (r *renderer) drawText(runs []doc.Inline, fr frame) {
	lines := r.m.wrap(runs, bodyText, fr.w)
	r.ensure(float64(min(len(lines), 2)) * bodyText.lineHeight())
	r.drawLines(lines, bodyText, fr, doc.AlignLeft, colText)
}

// drawLines draws laid-out lines from the cursor down, breaking pages as needed.
func (r *renderer) drawLines(lines []line, ts textStyle, fr frame, align doc.Align, c rgb) {
	lh := ts.lineHeight()
	for _, l := range lines {
		r.ensure(lh)
		r.drawLine(l, ts, fr, r.y, align, c)
		r.y += lh
		r.atTop = false
	}
}

// drawLine draws one line whose box starts at top. The baseline sits where fpdf's
// own Cell would put it, centring the text in the line box.
func (r *renderer) drawLine(l line, ts textStyle, fr frame, top float64, align doc.Align, c rgb) {
	if r.dry {
		r.markers = nil
		return
	}
	sizeMM := ts.size / ptPerMM
	baseline := top + ts.lineHeight()/2 + 0.3*sizeMM
	for _, mk := range r.markers {
		r.setFont(regular, ts.size)
		r.setTextColour(colText)
		mw := r.m.width(regular, mk.text, ts.size)
		r.pdf.Text(mk.right-mw, baseline, mk.text)
	}
	r.markers = nil
	x := fr.x
	switch align {
	case doc.AlignRight:
		x += fr.w - l.w
	case doc.AlignCenter:
		x += (fr.w - l.w) / 2
	}
	r.setTextColour(c)
	for _, s := range l.segs {
		r.setFont(s.style, ts.size)
		r.pdf.Text(x+s.x, baseline, s.text)
	}
}

// drawBeside draws a small picture at the left of fr and content to its right. The
// pair takes the height of the taller and moves to a new page whole when it fits
// on one.
func (r *renderer) drawBeside(img *doc.Image, fr frame, content func(frame)) {
	pw, ph := fitBox(img, pictureW, pictureMaxH)
	inner := frame{x: fr.x + pw + pictureGap, w: math.Max(fr.w-pw-pictureGap, minTextWidth)}
	need := ph
	if pages, endY := r.measure(func() { content(inner) }); pages == 0 {
		need = math.Max(need, endY-r.y)
	}
	r.ensure(need)
	top, page := r.y, r.page
	r.drawImage(img, fr.x, top, pw, ph)
	content(inner)
	if r.page == page {
		r.y = math.Max(r.y, top+ph)
	}
	r.atTop = false
}

func (r *renderer) drawList(l *doc.List, fr frame) {
	r.applyGap()
	r.listDepth++
	indent := listIndent
	if l.Ordered {
		r.setFont(regular, bodyText.size)
		widest := r.m.width(regular, strconv.Itoa(len(l.Items))+".", bodyText.size)
		indent = math.Max(indent, widest+markerGap)
	}
	inner := frame{x: fr.x + indent, w: math.Max(fr.w-indent, minTextWidth)}
	for i, it := range l.Items {
		text := "•"
		if l.Ordered {
			text = strconv.Itoa(i+1) + "."
		}
		r.drawListItem(it, inner, &marker{text: text, right: inner.x - markerGap})
	}
	r.listDepth--
	if r.listDepth > 0 {
		r.gap(gapInList) // a nested list is part of its item
	} else {
		r.gap(gapBlock)
	}
}

// drawListItem draws one item; its marker waits for the item's first line. An item
// that starts with a nested list shows both markers on that line.
func (r *renderer) drawListItem(it doc.ListItem, fr frame, mk *marker) {
	r.applyGap()
	r.markers = append(r.markers, mk)
	if it.Picture != nil {
		r.drawBeside(it.Picture, fr, func(inner frame) { r.drawBlocks(it.Blocks, inner) })
	} else {
		r.drawBlocks(it.Blocks, fr)
	}
	r.markers = nil // an item without text still must not pass its marker on
	r.gap(gapInList)
}

func (r *renderer) drawFigure(f *doc.Figure, fr frame) {
	if f.Image == nil {
		return
	}
	r.applyGap()
	w, h := fitBox(f.Image, fr.w, figureMaxH)
	r.ensure(h)
	r.drawImage(f.Image, fr.x+(fr.w-w)/2, r.y, w, h)
	r.y += h
	r.atTop = false
	r.gap(gapBlock)
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

func (r *renderer) drawPageBreak() {
	r.pendingGap = 0
	if !r.atTop {
		r.newPage()
	}
}
