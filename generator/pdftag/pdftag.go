// Package pdftag adds to a PDF written by fpdf what fpdf cannot write: the
// logical structure of a tagged PDF (ISO 32000-1, 14.7 and 14.8), the catalog
// entries that PDF/UA-1 (ISO 14289-1) asks for, and correct outline counts.
//
// The renderer draws each piece of content inside marked content
// ("/P <</MCID 3>> BDC ... EMC", written with fpdf's RawWriteStr) and builds a
// tree of Elem saying which element owns which marked content; Apply then
// rewrites the file with that tree. Apply reads exactly the file format that
// fpdf v0.9.0 writes and fails with an error on anything else.
package pdftag

import (
	"fmt"
)

// Elem is one structure element.
type Elem struct {
	// Role is a standard structure type: Document, H1..H6, P, L, LI, Lbl,
	// LBody, Table, TR, TH, TD, Figure, Div, Link, Span, Caption, Note (any
	// type of ISO 32000-1, 14.8.4; there is no /RoleMap).
	Role string
	// Alt is alternative text (Figure); written as /Alt. On a Link it is
	// written instead as the /Contents of the link's annotations, the link's
	// description that PDF/UA-1 7.18.5 asks for, so that the link text itself
	// is still what is read.
	Alt string
	// Scope is for TH only: "Column" or "Row"; written as
	// /A << /O /Table /Scope /Column >>.
	Scope      string
	Lang       string // optional /Lang of the element
	ActualText string // optional /ActualText
	// BBox is a Figure's box on its first page, in PDF points (origin
	// bottom-left); written as /A << /O /Layout /BBox [...] >>.
	BBox *BBox
	Kids []Kid // in reading order

	// What Apply notes in the element while it works: the tree of the Apply
	// that last reached it (a second visit in one tree is an error) and its
	// object number there. A map from elements to numbers had been a fifth
	// of Apply's time.
	seenBy *tree
	obj    int
}

// BBox is a box on a page, in PDF points with the origin at the bottom left.
type BBox struct {
	Page           int // 0-based page index
	X0, Y0, X1, Y1 float64
}

// Kid is a child element, a marked-content reference or an annotation
// reference. The zero Kid is an annotation reference (Annot 0 of page 0):
// make Kids with Child, MCR and OBJR.
type Kid struct {
	Elem *Elem // a child element; or nil, and then:
	Page int   // 0-based page index of the marked content / annotation
	MCID int   // the MCID on that page (used when Annot < 0)
	// Annot >= 0 is the index of a /Link annotation in that page's /Annots
	// array (OBJR), which also gets /StructParent; -1 makes a marked-content
	// reference.
	Annot int
}

// Child is the Kid for a child element.
func Child(e *Elem) Kid { return Kid{Elem: e, Annot: -1} }

// MCR is the Kid for the marked content with the given MCID on a page.
func MCR(page, mcid int) Kid { return Kid{Page: page, MCID: mcid, Annot: -1} }

// OBJR is the Kid for the annotation at index annot of a page's /Annots.
func OBJR(page, annot int) Kid { return Kid{Page: page, Annot: annot} }

// Info is what the document says about itself.
type Info struct {
	Title string // written to the information dictionary and the XMP metadata
	Lang  string // the document's language, a BCP 47 tag such as "en-GB"
}

// Apply returns src (a PDF exactly as fpdf v0.9.0 writes it) with a structure tree.
//
// The result keeps every object of src, changes the catalog, the pages, the
// information dictionary and the outline, and adds the structure tree, its
// parent tree, the annotations as objects of their own and the XMP metadata.
// Every /Link annotation must be referenced from a Link element. The same
// input always gives the same bytes. Apply notes its work in the elements of
// root, so one tree is given to one Apply at a time (one after another is
// fine).
func Apply(src []byte, root *Elem, info Info) ([]byte, error) {
	out, err := apply(src, root, info)
	if err != nil {
		return nil, fmt.Errorf("pdftag: %w", err)
	}
	return out, nil
}

func apply(src []byte, root *Elem, info Info) ([]byte, error) {
	if info.Title == "" {
		return nil, fmt.Errorf("no document title: a tagged PDF must have one")
	}
	if info.Lang == "" {
		return nil, fmt.Errorf("no document language: a tagged PDF must have one")
	}
	if root == nil {
		return nil, fmt.Errorf("no structure tree")
	}
	f, err := readFile(src)
	if err != nil {
		return nil, err
	}
	d, err := readDoc(f)
	if err != nil {
		return nil, err
	}
	t, err := buildTree(d, root, len(f.spans))
	if err != nil {
		return nil, err
	}
	outline, err := fixOutline(f, d.outlines)
	if err != nil {
		return nil, err
	}
	return write(f, d, t, outline, info)
}
