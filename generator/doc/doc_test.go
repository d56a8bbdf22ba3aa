package doc

import (
	"strings"
	"testing"
)

func TestWalkAndRunsReadInOrder(t *testing.T) {
	t1 := func(s string) []Inline { return []Inline{{Text: s}} }
	blocks := []Block{
		&Heading{Level: 1, Text: t1("a")},
		&List{Items: []ListItem{{Blocks: []Block{&Paragraph{Text: t1("b")}, &List{Items: []ListItem{{Blocks: []Block{&Paragraph{Text: t1("c")}}}}}}}}},
		&Aside{Blocks: []Block{&Paragraph{Text: t1("d")}}},
		&Table{Header: []Cell{{Text: t1("e")}}, Rows: [][]Cell{{{Text: t1("f")}}}},
		&Figure{}, &PageBreak{},
	}
	var got []string
	Walk(blocks, func(b Block) {
		for _, r := range Runs(b) {
			got = append(got, PlainText(r))
		}
	})
	if s := strings.Join(got, ""); s != "abcdef" {
		t.Fatalf("read %q, want abcdef", s)
	}
}
