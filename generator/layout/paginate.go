package layout

import (
	"strconv"
	"strings"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// placed is an item given its page position.
type placed struct {
	it             *item
	idx            int     // index in the vertical list; -1 for a repeated header row
	y              float64 // top of the item's content
	padTop, padBot float64 // an aside's padding above and below, inside its shading
}

// paginate breaks the vertical list into pages. It places items greedily; when an
// item does not fit, the page breaks before the start of the chain of kept items
// that leads to it, unless that chain began at the top of this page (it is taller
// than a page, and keeping it would loop for ever): then the page breaks right
// there.
func paginate(items []item, sh *sheet, furniture func(page, total int) []Box) *Result {
	var pages [][]placed
	var cur []placed
	y, atTop, fresh := contentTop, true, true
	pageStart := 0
	newPage := func(next int) {
		pages = append(pages, cur)
		cur = nil
		y, atTop, fresh = contentTop, true, true
		pageStart = next
	}
	for i := 0; i < len(items); {
		it := &items[i]
		if it.pageBreak {
			if !atTop {
				newPage(i + 1)
			}
			i++
			continue
		}
		var rep *item
		if atTop && it.repeat != nil {
			rep = it.repeat
		}
		gap := it.gap
		if fresh {
			gap = 0
		}
		padTop, padBot := 0.0, 0.0
		if it.aside != nil {
			if i == it.aside.first || atTop {
				padTop = sh.asidePad
			}
			if i == it.aside.last {
				padBot = sh.asidePad
			}
		}
		need := gap + padTop + it.h + padBot
		if rep != nil {
			need += rep.h
		}
		if !atTop && y+need > contentBottom+epsilon {
			j := i
			for j > pageStart && items[j].keep {
				j--
			}
			if j > pageStart {
				// Move the whole chain: take back what was placed of it.
				for len(cur) > 0 && (cur[len(cur)-1].idx >= j || cur[len(cur)-1].idx < 0) {
					cur = cur[:len(cur)-1]
				}
				i = j
			}
			newPage(i)
			continue
		}
		if rep != nil {
			cur = append(cur, placed{it: rep, idx: -1, y: y})
			y += rep.h
			gap = 0
		}
		y += gap + padTop
		cur = append(cur, placed{it: it, idx: i, y: y, padTop: padTop, padBot: padBot})
		y += it.h + padBot
		atTop, fresh = false, false
		i++
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return assemble(pages, sh, furniture)
}

// assemble turns placed items into pages of boxes, with the aside shading drawn
// under the items it holds on each page. Each page starts with its furniture
// (running header and footer, page p+1 of total), read first as artifacts.
func assemble(pages [][]placed, sh *sheet, furniture func(page, total int) []Box) *Result {
	res := &Result{Targets: map[string]Target{}}
	for p, pl := range pages {
		furn := furniture(p, len(pages))
		n := len(furn)
		for _, x := range pl {
			n += len(x.it.boxes) + 2 // and an aside's two fills, at most
		}
		boxes := append(make([]Box, 0, n), furn...)
		// The extent of each aside on this page.
		type extent struct{ top, bottom float64 }
		ext := map[*asideBox]*extent{}
		for _, x := range pl {
			a := x.it.aside
			if a == nil || x.idx < 0 {
				continue
			}
			top, bottom := x.y-x.padTop, x.y+x.it.h+x.padBot
			if x.padBot == 0 {
				bottom += sh.asidePad // the aside goes on over the page: its shading too
			}
			if e, ok := ext[a]; ok {
				e.bottom = bottom
			} else {
				ext[a] = &extent{top, bottom}
			}
		}
		for _, x := range pl {
			if a := x.it.aside; a != nil && x.idx >= 0 {
				if e, ok := ext[a]; ok {
					boxes = append(boxes,
						Box{Kind: Fill, X: a.x, Y: e.top, W: a.w, H: e.bottom - e.top, Color: colAsideFill},
						Box{Kind: Fill, X: a.x, Y: e.top, W: sh.asideBar, H: e.bottom - e.top, Color: colAsideBar})
					delete(ext, a)
				}
			}
			for _, b := range x.it.boxes {
				b.Y += x.y
				if b.Kind == Rule {
					b.Y2 += x.y
				}
				boxes = append(boxes, b)
			}
			for _, a := range x.it.anchors {
				if _, dup := res.Targets[a]; !dup {
					res.Targets[a] = Target{Page: p + 1, Y: x.y}
				}
			}
			if bm := x.it.bookmark; bm != nil {
				b := *bm
				b.Target = Target{Page: p + 1, Y: x.y}
				res.Bookmarks = append(res.Bookmarks, b)
			}
		}
		res.Pages = append(res.Pages, Page{Boxes: boxes})
	}
	return res
}

// newFurniture returns what draws the running header and footer of page p (from
// 0) of total: the classification (and DRAFT, on every page of a draft) and the
// person's name above; the title, version and date and "Page X of Y" below. The
// header is the same on every page and is measured once; so is the footer's
// text for each width the page number leaves it.
func newFurniture(meta doc.Meta, m *measurer) func(p, total int) []Box {
	sh := sheetFor(meta.Kind, 1)
	size := sh.furniture.size
	regular, bold := m.fonts.Face(typeface.Regular), m.fonts.Face(typeface.Bold)
	footer := meta.Title
	for _, s := range []string{"version " + meta.Version, meta.Date} {
		if s != "" && s != "version " {
			footer += " · " + s
		}
	}
	var header []Box
	x := marginLeft
	right := meta.PersonName
	rw := textWidth(m, right, typeface.Regular, size)
	room := contentW - rw - 8
	if meta.Draft != "" {
		for _, b := range textBoxes(m, meta.Draft, typeface.Bold, size, x, headerBaseline, colDraft) {
			header = append(header, b)
			x += b.W
		}
		x += advance(bold, "  ", size)
		room -= x - marginLeft
	}
	left := meta.Classification
	if meta.Brand.Name != "" {
		left = meta.Brand.Name + " · " + left
	}
	header = append(header, textBoxes(m, fitText(m, left, size, room), typeface.Regular, size, x, headerBaseline, colFurniture)...)
	header = append(header, textBoxes(m, right, typeface.Regular, size, PageW-marginRight-rw, headerBaseline, colFurniture)...)
	header = append(header, Box{Kind: Rule, X: marginLeft, Y: headerRule, X2: PageW - marginRight, Y2: headerRule, LineWidth: 0.2, Color: colRule})
	header = append(header, Box{Kind: Rule, X: marginLeft, Y: footerRule, X2: PageW - marginRight, Y2: footerRule, LineWidth: 0.2, Color: colRule})
	footers := map[float64][]Box{} // the footer's text, by the page number's width
	return func(p, total int) []Box {
		pageText := "Page " + strconv.Itoa(p+1) + " of " + strconv.Itoa(total)
		pw := advance(regular, pageText, size)
		foot, ok := footers[pw]
		if !ok {
			foot = textBoxes(m, fitText(m, footer, size, contentW-pw-20), typeface.Regular, size, marginLeft, footerBaseline, colFurniture)
			footers[pw] = foot
		}
		f := make([]Box, 0, len(header)+len(foot)+2)
		f = append(append(f, header...), foot...)
		f = append(f, textBoxes(m, pageText, typeface.Regular, size, PageW-marginRight-pw, footerBaseline, colFurniture)...)
		for i := range f {
			f[i].Artifact = ArtifactPagination
		}
		return f
	}
}

// textBoxes sets text on one line at x, baseline y, with the fallback face where
// the main one has no glyph.
func textBoxes(m *measurer, text string, st typeface.Style, size, x, y float64, c RGB) []Box {
	var out []Box
	for _, r := range m.fonts.Runs(text, st) {
		w := advance(r.Face, r.Text, size)
		out = append(out, Box{Kind: Text, X: x, Y: y, W: w, Text: r.Text, Face: r.Face, Size: size, Color: c})
		x += w
	}
	return out
}

func textWidth(m *measurer, text string, st typeface.Style, size float64) float64 {
	w := 0.0
	for _, r := range m.fonts.Runs(text, st) {
		w += advance(r.Face, r.Text, size)
	}
	return w
}

// fitText shortens text with an ellipsis to fit width mm: header and footer lines
// must never collide.
func fitText(m *measurer, text string, size, width float64) string {
	if textWidth(m, text, typeface.Regular, size) <= width {
		return text
	}
	runes := []rune(strings.TrimSpace(text))
	for len(runes) > 0 && textWidth(m, string(runes)+"…", typeface.Regular, size) > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}
