package layout

import (
	"strconv"
	"strings"

	"lifeplan/generator/doc"
)

// fillPageRefs puts the page numbers in place of their stand-ins (see resolve),
// so that a document with page references is laid out once, not twice: the
// pages were broken with each number given the room of two digits, so where a
// number is narrower the rest of its line closes up (or, on a line aligned
// right or centred, the part before it moves along), and nothing moves from one
// line or page to another: the pages the numbers name are the pages as laid out.
//
// It reports false, changing nothing, when it cannot: a number wider than its
// stand-in (page 100 and on), an anchor that does not exist (its run keeps the
// author's text, which only a new layout can make room for), or a stand-in whose
// line could not be told apart from the others (more than 65,535 such lines).
func fillPageRefs(res *Result) bool {
	numbers := res.PageNumbers()
	type fill struct {
		page, box int
		anchor    string
		text      string
		w         float64
	}
	var fills []fill
	for p, pg := range res.Pages {
		for i, b := range pg.Boxes {
			anchor, ok := strings.CutPrefix(b.Link, standInMark)
			if !ok {
				continue
			}
			n, found := numbers[anchor]
			if !found || b.refLine == 0 {
				return false
			}
			text := strconv.Itoa(n)
			w := advance(b.Face, text, b.Size)
			if w > b.W+epsilon {
				return false
			}
			fills = append(fills, fill{p, i, anchor, text, w})
		}
	}
	for _, fl := range fills {
		boxes := res.Pages[fl.page].Boxes
		b := &boxes[fl.box]
		gap := b.W - fl.w
		var before, after float64 // how far the boxes before and after it move
		switch doc.Align(b.refAlign) {
		case doc.AlignRight:
			before = gap
		case doc.AlignCenter:
			before, after = gap/2, -gap/2
		default:
			after = -gap
		}
		// The boxes of one line lie together, in order.
		for j := fl.box - 1; j >= 0 && boxes[j].refLine == b.refLine; j-- {
			boxes[j].X += before
		}
		for j := fl.box + 1; j < len(boxes) && boxes[j].refLine == b.refLine; j++ {
			boxes[j].X += after
		}
		b.X += before
		b.Text, b.W = fl.text, fl.w
		b.Link = fl.anchor
		if b.Elem == nil {
			b.Link = "" // a repeated table header: decoration, no link
		}
	}
	return true
}
