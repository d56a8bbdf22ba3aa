package docx

import (
	"strconv"

	"lifeplan/generator/doc"
)

// Lists use real numbering definitions: one abstract definition for bullets and one
// for numbers, each with nine levels, and one w:num instance per doc.List. Every
// instance overrides the start of the level it uses, so a new ordered list restarts
// at 1 instead of continuing the previous one. A list item with a picture stays a
// list item: the picture sits inline at the start of its paragraph, after the
// marker, and the text follows it.

const (
	abstractBullet = 1
	abstractNumber = 2
	maxListDepth   = 5 // List Continue … List Continue 5; deeper lists use the last
)

// numInstance is one w:num: a list at one nesting level.
type numInstance struct {
	id      int
	ordered bool
	level   int
}

func (r *renderer) newNum(ordered bool, level int) int {
	id := len(r.nums) + 1
	r.nums = append(r.nums, numInstance{id: id, ordered: ordered, level: level})
	return id
}

func (r *renderer) list(w *xmlWriter, l *doc.List, at place) error {
	level := min(at.depth, 8)
	numID := r.newNum(l.Ordered, level)
	style := styleListBullet
	if l.Ordered {
		style = styleListNumber
	}
	inner := at
	inner.depth++
	for i := range l.Items {
		if err := r.listItem(w, &l.Items[i], numID, style, level, inner); err != nil {
			return err
		}
	}
	return nil
}

// listItem numbers the item's first paragraph (with the item's picture at its
// start); later paragraphs line up with its text, and nested lists go one level
// deeper.
func (r *renderer) listItem(w *xmlWriter, item *doc.ListItem, numID int, style string, level int, inner place) error {
	blocks := item.Blocks
	r.openPara(w, style, numID, level)
	if item.Picture != nil {
		if err := r.pictureRun(w, item.Picture); err != nil {
			return err
		}
	}
	if len(blocks) > 0 {
		if p, ok := blocks[0].(*doc.Paragraph); ok {
			if p.Picture != nil {
				if err := r.pictureRun(w, p.Picture); err != nil {
					return err
				}
			}
			r.runs(w, p.Text, false)
			blocks = blocks[1:]
		}
	}
	w.end("w:p")
	for _, b := range blocks {
		p, ok := b.(*doc.Paragraph)
		if !ok {
			if err := r.block(w, b, inner); err != nil {
				return err
			}
			continue
		}
		if err := r.styledParagraph(w, continueStyle(level), p); err != nil {
			return err
		}
	}
	return nil
}

// continueStyle is the style of an item's later paragraphs at a list level.
func continueStyle(level int) string {
	d := min(level, maxListDepth-1)
	if d == 0 {
		return styleListContinue
	}
	return styleListContinue + strconv.Itoa(d+1)
}

// numberingXML writes the two abstract definitions and one instance per list.
func numberingXML(s sheet, nums []numInstance, bullets [3]string) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:numbering", "xmlns:w", nsW)
	for _, ordered := range []bool{false, true} {
		id := abstractBullet
		if ordered {
			id = abstractNumber
		}
		w.start("w:abstractNum", "w:abstractNumId", strconv.Itoa(id))
		w.empty("w:multiLevelType", "w:val", "hybridMultilevel")
		for lvl := range 9 {
			format, text := levelFormat(lvl, ordered, bullets)
			left := strconv.Itoa(s.textIndent(lvl))
			w.start("w:lvl", "w:ilvl", strconv.Itoa(lvl))
			w.empty("w:start", "w:val", "1")
			w.empty("w:numFmt", "w:val", format)
			w.empty("w:lvlText", "w:val", text)
			w.empty("w:lvlJc", "w:val", "left")
			w.start("w:pPr")
			w.start("w:tabs")
			w.empty("w:tab", "w:val", "num", "w:pos", left)
			w.end("w:tabs")
			w.empty("w:ind", "w:left", left, "w:hanging", strconv.Itoa(s.listIndent))
			w.end("w:pPr")
			w.end("w:lvl")
		}
		w.end("w:abstractNum")
	}
	for _, n := range nums {
		abs := abstractBullet
		if n.ordered {
			abs = abstractNumber
		}
		w.start("w:num", "w:numId", strconv.Itoa(n.id))
		w.empty("w:abstractNumId", "w:val", strconv.Itoa(abs))
		w.start("w:lvlOverride", "w:ilvl", strconv.Itoa(n.level))
		w.empty("w:startOverride", "w:val", "1")
		w.end("w:lvlOverride")
		w.end("w:num")
	}
	w.end("w:numbering")
	return w.Bytes()
}

// levelFormat cycles 1. a. i. for numbers and the three bullets for bullets. The
// bullets are characters of the body font, so no symbol font is needed.
func levelFormat(lvl int, ordered bool, bullets [3]string) (format, text string) {
	if ordered {
		formats := []string{"decimal", "lowerLetter", "lowerRoman"}
		return formats[lvl%3], "%" + strconv.Itoa(lvl+1) + "."
	}
	return "bullet", bullets[lvl%3]
}

// bulletGlyphs picks a bullet, a white bullet and a small square for the three
// levels where the main face has them, else the bullet and an en dash.
func (g *glyphUse) bulletGlyphs() [3]string {
	out := [3]string{"•", "–", "•"}
	if _, ok := g.cov.main['◦']; ok {
		out[1] = "◦"
	}
	if _, ok := g.cov.main['▪']; ok {
		out[2] = "▪"
	}
	return out
}
