package pdftag

import "fmt"

// pdfDoc is what Apply changes in the file: the catalog, the pages and their
// annotations, and where the outline is.
type pdfDoc struct {
	catalog  value
	info     value // the information dictionary; kind kNull when there is none
	pages    []page
	outlines int // object number of the outline dictionary, 0 if none
}

// page is one page object.
type page struct {
	obj    int
	dict   value
	annots []value // the annotation dictionaries of /Annots, written inline by fpdf
}

// readDoc reads the catalog, the page tree and the information dictionary.
func readDoc(f *file) (*pdfDoc, error) {
	cat, err := f.dict(f.root, "Catalog")
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	d := &pdfDoc{catalog: cat}
	for _, key := range []string{"StructTreeRoot", "MarkInfo", "Metadata", "ViewerPreferences"} {
		if _, ok := cat.get(key); ok {
			return nil, fmt.Errorf("catalog already has /%s: the file is not as fpdf writes it (tagged twice?)", key)
		}
	}
	if f.info != 0 {
		if d.info, err = f.dict(f.info, ""); err != nil {
			return nil, fmt.Errorf("information dictionary: %w", err)
		}
	}
	if o, ok := cat.get("Outlines"); ok {
		if o.kind != kRef {
			return nil, fmt.Errorf("catalog /Outlines is not a reference")
		}
		d.outlines = o.num
	}
	pr, ok := cat.get("Pages")
	if !ok || pr.kind != kRef {
		return nil, fmt.Errorf("catalog has no /Pages reference")
	}
	pages, err := f.dict(pr.num, "Pages")
	if err != nil {
		return nil, fmt.Errorf("page tree: %w", err)
	}
	kids, ok := pages.get("Kids")
	if !ok || kids.kind != kArray {
		return nil, fmt.Errorf("page tree object %d has no /Kids array", pr.num)
	}
	if c, ok := pages.get("Count"); !ok || c.kind != kInt || c.num != len(kids.elems) {
		return nil, fmt.Errorf("page tree object %d: /Count is not the number of /Kids (fpdf writes one flat page tree)", pr.num)
	}
	seen := make(map[int]bool, len(kids.elems))
	for i, k := range kids.elems {
		if k.kind != kRef || seen[k.num] {
			return nil, fmt.Errorf("page tree /Kids entry %d is not a reference to a page of its own", i)
		}
		seen[k.num] = true
		p, err := readPage(f, k.num, pr.num)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		d.pages = append(d.pages, p)
	}
	if len(d.pages) == 0 {
		return nil, fmt.Errorf("the document has no pages")
	}
	return d, nil
}

func readPage(f *file, obj, parent int) (page, error) {
	v, err := f.dict(obj, "Page")
	if err != nil {
		return page{}, err
	}
	if p, ok := v.get("Parent"); !ok || p.kind != kRef || p.num != parent {
		return page{}, fmt.Errorf("object %d: /Parent is not the page tree (fpdf writes one flat page tree)", obj)
	}
	for _, key := range []string{"StructParents", "Tabs"} {
		if _, ok := v.get(key); ok {
			return page{}, fmt.Errorf("object %d already has /%s: the file is not as fpdf writes it (tagged twice?)", obj, key)
		}
	}
	p := page{obj: obj, dict: v}
	a, ok := v.get("Annots")
	if !ok {
		return p, nil
	}
	if a.kind != kArray {
		return page{}, fmt.Errorf("object %d: /Annots is not an array", obj)
	}
	for i, an := range a.elems {
		if an.kind != kDict {
			return page{}, fmt.Errorf("object %d: /Annots entry %d is not a dictionary written in the array, as fpdf writes links", obj, i)
		}
		if st, _ := an.get("Subtype"); st.kind != kName || st.name != "Link" {
			return page{}, fmt.Errorf("object %d: /Annots entry %d is not a /Link annotation; only links are supported", obj, i)
		}
		if _, ok := an.get("StructParent"); ok {
			return page{}, fmt.Errorf("object %d: /Annots entry %d already has /StructParent", obj, i)
		}
		p.annots = append(p.annots, an)
	}
	return p, nil
}
