package layout

import (
	"fmt"
	"slices"

	"lifeplan/generator/doc"
	"lifeplan/generator/typeface"
)

// onePageScales are the text sizes a one-page document tries, largest first, as
// multiples of its style sheet's 12 pt body: down to the floor of 11 pt.
var onePageScales = [...]float64{1, 11.5 / 12, 11.0 / 12}

// layoutOnePage fits a document on exactly one page: it shrinks the text to the
// floor, then shortens the longest lists one item at a time, and if even that is not
// enough it keeps the first page alone. Result.Cut says what was left out.
func layoutOnePage(d *doc.Document, fonts *typeface.Set) *Result {
	var res *Result
	for _, s := range onePageScales {
		res = layoutWithRefs(d, d.Blocks, fonts, sheetFor(d.Meta.Kind, s))
		if len(res.Pages) <= 1 {
			return res
		}
	}
	floor := sheetFor(d.Meta.Kind, onePageScales[len(onePageScales)-1])
	blocks := cloneLists(d.Blocks)
	lists := listsWithHeadings(blocks)
	had := make([]int, len(lists))
	for i, l := range lists {
		had[i] = len(l.list.Items)
	}
	for len(res.Pages) > 1 {
		// The list with most items gives one up; ties go to the later list, which
		// is usually the less central.
		best := -1
		for i, l := range lists {
			if len(l.list.Items) > 1 && (best < 0 || len(l.list.Items) >= len(lists[best].list.Items)) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		l := lists[best].list
		l.Items = l.Items[:len(l.Items)-1]
		res = layoutWithRefs(d, blocks, fonts, floor)
	}
	for i, l := range lists {
		if cut := had[i] - len(l.list.Items); cut > 0 {
			res.Cut = append(res.Cut, fmt.Sprintf("%s: %d of %d items left out", l.heading, cut, had[i]))
		}
	}
	if len(res.Pages) > 1 {
		res.Cut = append(res.Cut, fmt.Sprintf("%d more pages of text left out", len(res.Pages)-1))
		truncate(res, 1)
	}
	return res
}

type headedList struct {
	heading string
	list    *doc.List
}

// cloneLists copies the block slices down to the lists, so that shortening a list
// never changes the caller's document.
func cloneLists(blocks []doc.Block) []doc.Block {
	out := slices.Clone(blocks)
	for i, b := range out {
		switch b := b.(type) {
		case *doc.List:
			c := *b
			c.Items = slices.Clone(b.Items)
			out[i] = &c
		case *doc.Aside:
			c := *b
			c.Blocks = cloneLists(b.Blocks)
			out[i] = &c
		}
	}
	return out
}

// listsWithHeadings finds the lists a one-page document may shorten (those in the
// main flow and in asides), each with the heading it stands under.
func listsWithHeadings(blocks []doc.Block) []headedList {
	var out []headedList
	heading := "the list"
	var walk func([]doc.Block)
	walk = func(blocks []doc.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *doc.Heading:
				heading = doc.PlainText(b.Text)
			case *doc.List:
				out = append(out, headedList{heading, b})
			case *doc.Aside:
				walk(b.Blocks)
			}
		}
	}
	walk(blocks)
	return out
}

// truncate keeps the first n pages and drops what only the others referred to.
func truncate(res *Result, n int) {
	res.Pages = res.Pages[:n]
	// Page n's footer says "of N": the count must be right.
	for i := range res.Pages[0].Boxes {
		b := &res.Pages[0].Boxes[i]
		if b.Artifact == ArtifactPagination && b.Kind == Text && len(b.Text) > 5 && b.Text[:5] == "Page " {
			// Shift so the shortened text still ends at the margin.
			old := b.W
			b.Text = fmt.Sprintf("Page 1 of %d", n)
			b.W = advance(b.Face, b.Text, b.Size)
			b.X += old - b.W
		}
	}
	for a, t := range res.Targets {
		if t.Page > n {
			delete(res.Targets, a)
		}
	}
	res.Bookmarks = slices.DeleteFunc(res.Bookmarks, func(b Bookmark) bool { return b.Page > n })
	used := map[*Elem]bool{}
	for _, p := range res.Pages {
		for _, b := range p.Boxes {
			if b.Elem != nil {
				used[b.Elem] = true
			}
		}
	}
	prune(res.Root, used)
}

// prune drops structure elements with no content left on the kept pages (table cells
// stay: a table's shape is part of its meaning). It reports whether e has content.
func prune(e *Elem, used map[*Elem]bool) bool {
	if e.Role == "TR" {
		content := false
		for _, k := range e.Kids {
			if prune(k, used) {
				content = true
			}
		}
		return content
	}
	kids := e.Kids[:0]
	for _, k := range e.Kids {
		if prune(k, used) {
			kids = append(kids, k)
		}
	}
	e.Kids = kids
	return used[e] || len(kids) > 0
}
