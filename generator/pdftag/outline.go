package pdftag

import (
	"fmt"
	"strconv"
)

// fpdf writes "/Count 0" on every outline item and no /Count on the outline
// dictionary. ISO 32000-1, 12.3.3 (tables 152 and 153) wants, on an item with
// children, the number of its visible descendants (negative when it is closed)
// and, on the outline dictionary, the number of visible items; an item without
// children has no /Count. Every item is left open, so that the whole outline of
// the document shows: these documents have two or three heading levels.

// maxOutlineDepth bounds the nesting of outline items (fpdf's levels follow
// the headings); it keeps a cycle from exhausting the stack.
const maxOutlineDepth = 64

// fixOutline returns the new text of the outline dictionary and its items, by
// object number, or nil when there is no outline.
func fixOutline(f *file, root int) (map[int][]byte, error) {
	if root == 0 {
		return nil, nil
	}
	o := &outline{f: f, repl: map[int][]byte{}, seen: map[int]bool{}}
	rd, err := f.dict(root, "Outlines")
	if err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	o.seen[root] = true
	total, err := o.items(rd, 0)
	if err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	o.repl[root] = o.rewrite(rd, total)
	return o.repl, nil
}

type outline struct {
	f    *file
	repl map[int][]byte
	seen map[int]bool
}

// items rewrites the children of parent (the item or outline dictionary d) and
// their descendants and returns how many there are.
func (o *outline) items(d value, depth int) (int, error) {
	if depth > maxOutlineDepth {
		return 0, fmt.Errorf("items nested more than %d deep", maxOutlineDepth)
	}
	first, ok := d.get("First")
	if !ok {
		return 0, nil
	}
	total := 0
	for cur := first; ; {
		if cur.kind != kRef {
			return 0, fmt.Errorf("/First or /Next is not a reference")
		}
		if o.seen[cur.num] {
			return 0, fmt.Errorf("item %d is reached twice (a cycle?)", cur.num)
		}
		o.seen[cur.num] = true
		item, err := o.f.dict(cur.num, "")
		if err != nil {
			return 0, err
		}
		n, err := o.items(item, depth+1)
		if err != nil {
			return 0, err
		}
		o.repl[cur.num] = o.rewrite(item, n)
		total += 1 + n
		if cur, ok = item.get("Next"); !ok {
			return total, nil
		}
	}
}

// rewrite is dictionary d with /Count n, or without /Count when n is 0.
func (o *outline) rewrite(d value, n int) []byte {
	var extra []byte
	if n > 0 {
		extra = strconv.AppendInt([]byte("/Count "), int64(n), 10)
	}
	return appendDict(nil, o.f, d, func(key string) bool { return key == "Count" }, extra)
}
