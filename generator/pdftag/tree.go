package pdftag

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// maxMCID bounds the MCIDs on one page: the parent tree holds an array entry
// for each MCID up to the largest, so a stray huge number must not allocate
// gigabytes. A page of an A4 document has a few hundred pieces of content.
const maxMCID = 1 << 16

// maxTreeDepth bounds the nesting of elements (a table in a list in an aside is
// six deep); it keeps a cycle or a runaway tree from exhausting the stack.
const maxTreeDepth = 200

// tree is the structure tree with an object number for everything Apply adds.
type tree struct {
	elems     []*Elem    // in preorder, the order their objects are written
	parent    []int      // object number of each element's parent
	annotObj  [][]int    // by page and /Annots index: the annotation's new object
	annotKey  [][]int    // by page and /Annots index: its /StructParent key
	annotDesc [][]string // by page and /Annots index: its /Contents, or ""
	mcOwner   [][]int    // by page and MCID: object number of the owner, 0 for none
	keyOwner  []int      // by /StructParent key less the page count: the Link element

	structTreeRoot, parentTree, pageArrays, metadata int // object numbers
	nextKey                                          int // /ParentTreeNextKey
	size                                             int // the new /Size
}

// buildTree checks the tree against the document and numbers the objects to
// add, from firstFree on: the annotations, the structure tree root, the parent
// tree and its page arrays, the elements in preorder, the metadata stream.
func buildTree(d *pdfDoc, root *Elem, firstFree int) (*tree, error) {
	np := len(d.pages)
	t := &tree{
		annotObj:  make([][]int, np),
		annotKey:  make([][]int, np),
		annotDesc: make([][]string, np),
		mcOwner:   make([][]int, np),
	}
	next := firstFree
	t.nextKey = np
	for i, p := range d.pages {
		t.annotObj[i] = make([]int, len(p.annots))
		t.annotKey[i] = make([]int, len(p.annots))
		t.annotDesc[i] = make([]string, len(p.annots))
		for j := range p.annots {
			t.annotObj[i][j] = next
			t.annotKey[i][j] = -1 // until a Link element claims it
			next++
		}
	}
	t.structTreeRoot = next
	t.parentTree = next + 1
	t.pageArrays = next + 2
	next += 2 + np
	if err := t.walk(root, nil, d); err != nil {
		return nil, err
	}
	for i, e := range t.elems {
		e.obj = next + i
	}
	next += len(t.elems)
	t.metadata = next
	t.size = next + 1
	// Parents, owners and keys need the object numbers, so they come second.
	t.parent = make([]int, len(t.elems))
	t.parent[0] = t.structTreeRoot
	firstElem := root.obj
	for _, e := range t.elems {
		for _, k := range e.Kids {
			switch {
			case k.Elem != nil:
				t.parent[k.Elem.obj-firstElem] = e.obj // the child's preorder index
			case k.Annot >= 0:
				t.annotKey[k.Page][k.Annot] = t.nextKey
				t.keyOwner = append(t.keyOwner, e.obj)
				t.nextKey++
				t.annotDesc[k.Page][k.Annot] = e.Alt
			default:
				t.setOwner(k.Page, k.MCID, e.obj)
			}
		}
	}
	for i := range d.pages {
		for j, key := range t.annotKey[i] {
			if key < 0 {
				return nil, fmt.Errorf("link annotation %d of page index %d is in no Link element of the structure tree", j, i)
			}
		}
	}
	return t, nil
}

// setOwner records that element obj owns MCID mcid of page p.
func (t *tree) setOwner(p, mcid, obj int) {
	m := t.mcOwner[p]
	for len(m) <= mcid {
		m = append(m, 0)
	}
	m[mcid] = obj
	t.mcOwner[p] = m
}

// step is one element on the way from the root to an element: its role and
// which kid of its parent it is.
type step struct {
	role string
	kid  int
}

// where names an element for an error: "structure element Document/L[3]/LI[0]",
// the roles from the root down, each with its index among its parent's kids.
func where(chain []step) string {
	var b strings.Builder
	b.WriteString("structure element ")
	for i, s := range chain {
		if i > 0 {
			fmt.Fprintf(&b, "/%s[%d]", s.role, s.kid)
		} else {
			b.WriteString(s.role)
		}
	}
	return b.String()
}

// walk checks e and its descendants and lists them in preorder. chain is the
// way to e, e included; it is only formatted for an error.
func (t *tree) walk(e *Elem, chain []step, d *pdfDoc) error {
	if len(chain) == 0 {
		// Room for the usual depth, so that pushing does not allocate.
		chain = append(make([]step, 0, 16), step{role: e.Role})
	}
	if len(chain) > maxTreeDepth {
		return fmt.Errorf("the structure tree is more than %d elements deep", maxTreeDepth)
	}
	if e.seenBy == t {
		return fmt.Errorf("%s appears twice in the structure tree", where(chain))
	}
	e.seenBy = t // numbered once the tree is walked
	t.elems = append(t.elems, e)
	if err := checkElem(e, len(d.pages)); err != nil {
		return fmt.Errorf("%s: %w", where(chain), err)
	}
	for i, k := range e.Kids {
		if k.Elem != nil {
			// chain is a stack: a sibling overwrites what an earlier one pushed.
			if err := t.walk(k.Elem, append(chain, step{k.Elem.Role, i}), d); err != nil {
				return err
			}
			continue
		}
		if k.Page < 0 || k.Page >= len(d.pages) {
			return fmt.Errorf("%s, kid %d: page index %d, but the document has %d pages", where(chain), i, k.Page, len(d.pages))
		}
		if k.Annot >= 0 {
			if e.Role != "Link" {
				return fmt.Errorf("%s, kid %d: an annotation belongs in a Link element", where(chain), i)
			}
			if k.Annot >= len(d.pages[k.Page].annots) {
				return fmt.Errorf("%s, kid %d: page index %d has no annotation %d (it has %d)", where(chain), i, k.Page, k.Annot, len(d.pages[k.Page].annots))
			}
			if t.annotKey[k.Page][k.Annot] != -1 {
				return fmt.Errorf("%s, kid %d: annotation %d of page index %d is referenced twice", where(chain), i, k.Annot, k.Page)
			}
			t.annotKey[k.Page][k.Annot] = -2 // claimed; keyed once the tree is walked
			continue
		}
		if k.Annot != -1 {
			return fmt.Errorf("%s, kid %d: Annot is %d; it is -1 for marked content or an index from 0", where(chain), i, k.Annot)
		}
		if k.MCID < 0 || k.MCID >= maxMCID {
			return fmt.Errorf("%s, kid %d: MCID %d out of range 0..%d", where(chain), i, k.MCID, maxMCID-1)
		}
		if m := t.mcOwner[k.Page]; k.MCID < len(m) && m[k.MCID] != 0 {
			return fmt.Errorf("%s, kid %d: MCID %d of page index %d is referenced twice", where(chain), i, k.MCID, k.Page)
		}
		t.setOwner(k.Page, k.MCID, 1) // claimed; the owner's number is set later
	}
	return nil
}

// checkElem checks an element's own fields.
func checkElem(e *Elem, pages int) error {
	if !standardRole(e.Role) {
		return fmt.Errorf("%q is not a standard structure type (there is no /RoleMap)", e.Role)
	}
	if e.Role == "Figure" && strings.TrimSpace(e.Alt) == "" {
		return fmt.Errorf("a Figure needs alternative text")
	}
	switch e.Scope {
	case "":
	case "Column", "Row", "Both":
		if e.Role != "TH" {
			return fmt.Errorf("Scope %q on a %s; only TH has a scope", e.Scope, e.Role)
		}
	default:
		return fmt.Errorf("Scope %q is not Column, Row or Both", e.Scope)
	}
	for _, s := range []struct{ name, text string }{{"Alt", e.Alt}, {"ActualText", e.ActualText}, {"Lang", e.Lang}} {
		if !utf8.ValidString(s.text) {
			return fmt.Errorf("%s is not valid UTF-8", s.name)
		}
	}
	if b := e.BBox; b != nil {
		if b.Page < 0 || b.Page >= pages {
			return fmt.Errorf("BBox on page index %d, but the document has %d pages", b.Page, pages)
		}
		for _, v := range []float64{b.X0, b.Y0, b.X1, b.Y1} {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 14400 {
				return fmt.Errorf("BBox %v is not a box on a page", *b)
			}
		}
		if b.X0 > b.X1 || b.Y0 > b.Y1 {
			return fmt.Errorf("BBox %v has its corners swapped", *b)
		}
	}
	return nil
}

// standardRole reports whether role is one of the standard structure types of
// ISO 32000-1, 14.8.4, which need no /RoleMap.
func standardRole(role string) bool {
	switch role {
	case "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
		"Index", "NonStruct", "Private",
		"P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
		"L", "LI", "Lbl", "LBody",
		"Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
		"Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
		"Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
		"Figure", "Formula", "Form":
		return true
	}
	return false
}
