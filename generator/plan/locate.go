package plan

import (
	"strings"
	"unicode/utf8"
)

// Locate says where key ("changes[1].what") was written in the plan file. A key
// that was not written (a missing answer) has no place of its own: Locate gives
// the place of the nearest enclosing key that was, so a finding about a missing
// about.good_at points at [about]. The zero Pos means nothing enclosing it was
// written either.
//
// It is the one answer to "which line is this key on" for the loader's errors, for
// check's findings and for the CLI.
func (p *Plan) Locate(key string) Pos { return locate(p.Source.Pos, key) }

func locate(pos map[string]Pos, key string) Pos {
	for k := key; k != ""; k = parent(k) {
		if at, ok := pos[k]; ok {
			return at
		}
	}
	return Pos{}
}

func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// charColumn turns the TOML decoder's column on line (1-based, counted in bytes)
// into a column counted in characters, as editors and lifeplan's own errors count
// it: after "Zoë" the two differ by one.
func charColumn(text string, line, byteCol int) int {
	if line < 1 || byteCol < 1 {
		return byteCol
	}
	start := 0
	for n := 1; n < line; n++ {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	end := min(start+byteCol-1, len(text))
	return utf8.RuneCountInString(text[start:end]) + 1
}
