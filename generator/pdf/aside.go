package pdf

import "lifeplan/generator/doc"

// asideSeg is the part of an aside's box on one page.
type asideSeg struct {
	x, w, top, bottom float64
}

// drawAside draws blocks in a tinted box with a bar down its left side. The box's
// background must be painted before the text on it, so the aside is first laid out
// dry to learn where it ends on each page it covers. An aside that fits on one
// page is never split.
func (r *renderer) drawAside(a *doc.Aside, fr frame) {
	if r.inAside {
		// A box inside a box adds nothing for the reader: draw its content plainly.
		r.drawBlocks(a.Blocks, fr)
		return
	}
	r.applyGap()
	inner := frame{x: fr.x + asideBar + asidePad, w: max(fr.w-asideBar-2*asidePad, minTextWidth)}
	body := func() {
		r.inAside = true
		r.y += asidePad
		r.atTop = false // keep the padding even at the top of a page
		r.drawBlocks(a.Blocks, inner)
		r.pendingGap = 0 // the padding replaces the last block's gap
		r.y += asidePad
		r.inAside = false
	}
	if pages, _ := r.measure(body); pages > 0 && !r.atTop {
		if fresh, _ := r.measure(func() { r.y, r.atTop = contentTop, true; body() }); fresh == 0 {
			r.newPage()
		}
	}

	var breaks []float64
	_, endY := r.measure(func() { r.breaks = &breaks; body() })
	top := r.y
	var segs []asideSeg
	for _, b := range append(breaks, endY) {
		segs = append(segs, asideSeg{x: fr.x, w: fr.w, top: top, bottom: b})
		top = contentTop
	}
	r.asideSegs = segs
	r.drawAsideBackground()
	body()
	r.asideSegs = nil
	r.atTop = false
	r.gap(gapBlock)
}

// drawAsideBackground paints the next pending aside segment; newPage calls it so a
// long aside's box continues on the following pages.
func (r *renderer) drawAsideBackground() {
	if len(r.asideSegs) == 0 || r.dry {
		return
	}
	s := r.asideSegs[0]
	r.asideSegs = r.asideSegs[1:]
	r.setFill(colAsideFill)
	r.pdf.Rect(s.x, s.top, s.w, s.bottom-s.top, "F")
	r.setFill(colAsideBar)
	r.pdf.Rect(s.x, s.top, asideBar, s.bottom-s.top, "F")
}
