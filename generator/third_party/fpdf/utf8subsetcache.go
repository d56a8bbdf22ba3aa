// lifeplan patch (see LIFEPLAN.md, patch 5): the embedded subset of a UTF-8
// font is reused across documents that use the same characters of it.

package fpdf

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// utf8Subset is what putfonts writes for one subset of a UTF-8 font: the
// compressed font program and its uncompressed length, the compressed
// CIDToGIDMap and the /W (widths) array. All of it depends only on the font
// and on the runes the subset holds, not on the document around it.
type utf8Subset struct {
	fontSize   int
	fontStream []byte // zlib
	cidToGID   []byte // zlib
	widths     string // "/W [...]"
}

// utf8SubsetCacheMax bounds the subsets kept for each parsed font. A batch of
// plans in one language uses few distinct sets (see SetFontSubsetBase); a
// caller whose every document has a new set gets no reuse, but no leak either.
const utf8SubsetCacheMax = 32

// utf8Subsets holds one parsed font's subsets, safe for concurrent use.
type utf8Subsets struct {
	sync.Mutex
	m map[string]*utf8Subset
}

func (s *utf8Subsets) get(key string) *utf8Subset {
	s.Lock()
	defer s.Unlock()
	return s.m[key]
}

func (s *utf8Subsets) put(key string, sub *utf8Subset) {
	s.Lock()
	defer s.Unlock()
	if s.m == nil {
		s.m = make(map[string]*utf8Subset)
	}
	if len(s.m) < utf8SubsetCacheMax {
		s.m[key] = sub
	}
}

// subsetKey writes a font's used-rune table (rune → value; putfonts treats a
// value of 0 as "not used" above U+00FF) as text, in rune order, so that equal
// tables give equal keys.
func subsetKey(used map[int]int) string {
	runes := make([]int, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	sort.Ints(runes)
	var b strings.Builder
	b.Grow(len(runes) * 4)
	for _, r := range runes {
		if used[r] == 0 {
			b.WriteByte(0)
		}
		if r >= 0 && r <= utf8.MaxRune {
			b.WriteRune(rune(r))
		}
	}
	return b.String()
}

// SetFontSubsetBase makes the embedded subset of each style of the UTF-8 font
// family hold the runes of base that the font has, as well as the runes the
// document draws in it. Documents in one language then mostly embed the same
// subset of each face, which is made once per process and reused: a few more
// glyphs in each file, in exchange for no subsetting and compression per
// document. Call it before Output. Without it a font's subset holds exactly the
// runes drawn, as in upstream fpdf.
func (f *Fpdf) SetFontSubsetBase(familyStr, base string) {
	if f.subsetBase == nil {
		f.subsetBase = make(map[string]string)
	}
	for _, style := range []string{"", "B", "I", "BI"} {
		f.subsetBase[getFontKey(familyStr, style)] = base
	}
}

// addSubsetBase adds the base runes the font has to its used-rune table.
func addSubsetBase(font *fontDefType, base string) {
	for _, r := range base {
		i := int(r)
		if i < len(font.Cw) && font.Cw[i] != 0 {
			font.usedRunes[i] = i
		}
	}
}
