package docx

import (
	"fmt"
	"strings"

	"github.com/gomutex/godocx/wml/ctypes"

	"lifeplan/generator/doc"
)

// Lists use real numbering definitions: one abstract definition for bullets and one
// for numbers, each with nine levels, and one w:num instance per doc.List. Every
// instance overrides the start of the level it uses, so a new ordered list restarts
// at 1 instead of continuing the previous one. We write numbering.xml ourselves
// instead of using godocx's NumberingManager, which only overrides level 0 (a nested
// list would continue its previous count) and uses Symbol-font private-use glyphs
// for bullets that show as boxes without that font.

const (
	abstractBullet = 1
	abstractNumber = 2
	listIndent     = 567 // 10 mm per level
	listHanging    = 397 // 7 mm from the marker to the text
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

// list renders l at nesting depth level (0 for a top-level list).
func (r *renderer) list(s sink, l *doc.List, level int) error {
	level = min(level, 8)
	numID := r.newNum(l.Ordered, level)
	style := styleListBullet
	if l.Ordered {
		style = styleListNumber
	}
	for i := range l.Items {
		item := &l.Items[i]
		content := func(inner sink) error { return r.listItem(inner, item, numID, style, level) }
		if item.Picture == nil {
			if err := content(s); err != nil {
				return err
			}
			continue
		}
		if err := r.pictureBeside(s, item.Picture, content); err != nil {
			return err
		}
	}
	return nil
}

// listItem numbers the item's first paragraph; later paragraphs line up with its
// text, and nested lists go one level deeper.
func (r *renderer) listItem(s sink, item *doc.ListItem, numID int, style string, level int) error {
	numbered := false
	for _, b := range item.Blocks {
		if !numbered {
			numbered = true
			p, ok := b.(*doc.Paragraph)
			if !ok {
				// The marker needs a paragraph of its own.
				s.para(listPara(nil, style, numID, level))
			} else {
				s.para(listPara(p.Text, style, numID, level))
				continue
			}
		}
		if err := r.itemBlock(s, b, style, level); err != nil {
			return err
		}
	}
	if !numbered {
		s.para(listPara(nil, style, numID, level))
	}
	return nil
}

func (r *renderer) itemBlock(s sink, b doc.Block, style string, level int) error {
	switch b := b.(type) {
	case *doc.List:
		return r.list(s, b, level+1)
	case *doc.Paragraph:
		if b.Picture != nil {
			return r.paragraph(s, b)
		}
		p := textPara(b.Text, style)
		left := textIndent(level)
		p.Property.Indent = &ctypes.Indent{Left: &left}
		s.para(p)
		return nil
	default:
		return r.block(s, b)
	}
}

// textIndent is where an item's text starts at a nesting level; its marker hangs
// listHanging to the left of that.
func textIndent(level int) int { return listIndent * (level + 1) }

func listPara(in []doc.Inline, style string, numID, level int) *ctypes.Paragraph {
	p := textPara(in, style)
	p.Property.NumProp = &ctypes.NumProp{
		ILvl:  ctypes.NewDecimalNum(level),
		NumID: ctypes.NewDecimalNum(numID),
	}
	return p
}

// numberingXML writes the two abstract definitions and one instance per list.
func numberingXML(nums []numInstance) []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:numbering xmlns:w="` + nsW + `">`)
	writeAbstract(&b, abstractBullet, false)
	writeAbstract(&b, abstractNumber, true)
	for _, n := range nums {
		abs := abstractBullet
		if n.ordered {
			abs = abstractNumber
		}
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`+
			`<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
			n.id, abs, n.level)
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}

func writeAbstract(b *strings.Builder, id int, ordered bool) {
	fmt.Fprintf(b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, id)
	for lvl := range 9 {
		format, text := levelFormat(lvl, ordered)
		left := textIndent(lvl)
		fmt.Fprintf(b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>`+
			`<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`+
			`<w:pPr><w:tabs><w:tab w:val="num" w:pos="%d"/></w:tabs><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>`,
			lvl, format, text, left, left, listHanging)
	}
	b.WriteString(`</w:abstractNum>`)
}

// levelFormat cycles 1. a. i. for numbers and • ◦ ▪ for bullets. The bullet glyphs
// are ordinary Unicode in the body font, so no symbol font is needed.
func levelFormat(lvl int, ordered bool) (format, text string) {
	if ordered {
		formats := []string{"decimal", "lowerLetter", "lowerRoman"}
		return formats[lvl%3], fmt.Sprintf("%%%d.", lvl+1)
	}
	bullets := []string{"•", "◦", "▪"}
	return "bullet", bullets[lvl%3]
}
