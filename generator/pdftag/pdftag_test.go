package pdftag

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lifeplan/generator/internal/testtools"
)

// tagged draws the test document and tags it.
func tagged(t testing.TB) (src, out []byte) {
	t.Helper()
	src, root := testDoc(t)
	out, err := Apply(src, root, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	return src, out
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestApplyIsDeterministic(t *testing.T) {
	src1, out1 := tagged(t)
	src2, out2 := tagged(t)
	if !bytes.Equal(src1, src2) {
		t.Fatal("fpdf wrote different bytes for the same document")
	}
	if !bytes.Equal(out1, out2) {
		t.Fatal("Apply wrote different bytes for the same input")
	}
}

// TestApplyTwiceToOneTree: Apply notes its work in the elements; a second Apply
// of the same tree, after the first, must neither take the first's notes for a
// second visit nor number the elements differently.
func TestApplyTwiceToOneTree(t *testing.T) {
	src, root := testDoc(t)
	first, err := Apply(src, root, testInfo)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Apply(src, root, testInfo)
	if err != nil {
		t.Fatalf("the second Apply of one tree: %v", err)
	}
	if !bytes.Equal(first, second) {
		t.Error("the second Apply of one tree wrote different bytes")
	}
}

// reread parses Apply's output with the package's own reader, which checks
// the cross-reference table against every object.
func reread(t *testing.T, out []byte) (*file, *pdfDoc) {
	t.Helper()
	f, err := readFile(out)
	if err != nil {
		t.Fatalf("reading the output back: %v", err)
	}
	d, err := readDocTagged(f)
	if err != nil {
		t.Fatal(err)
	}
	return f, d
}

// readDocTagged reads the catalog and pages of a file Apply wrote.
func readDocTagged(f *file) (*pdfDoc, error) {
	cat, err := f.dict(f.root, "Catalog")
	if err != nil {
		return nil, err
	}
	d := &pdfDoc{catalog: cat}
	pr, _ := cat.get("Pages")
	pages, err := f.dict(pr.num, "Pages")
	if err != nil {
		return nil, err
	}
	kids, _ := pages.get("Kids")
	for _, k := range kids.elems {
		v, err := f.dict(k.num, "Page")
		if err != nil {
			return nil, err
		}
		d.pages = append(d.pages, page{obj: k.num, dict: v})
	}
	if o, ok := cat.get("Outlines"); ok {
		d.outlines = o.num
	}
	return d, nil
}

func TestApplyWritesTheTaggedPDFEntries(t *testing.T) {
	_, out := tagged(t)
	f, d := reread(t, out)
	if !bytes.HasPrefix(out, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q, want PDF 1.7", out[:9])
	}
	cat := string(f.raw(d.catalog))
	for _, want := range []string{"/Lang (en-GB)", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>", "/StructTreeRoot ", "/Metadata ", "/Outlines "} {
		if !strings.Contains(cat, want) {
			t.Errorf("catalog lacks %q:\n%s", want, cat)
		}
	}
	if strings.Count(cat, "/Lang") != 1 {
		t.Errorf("catalog has fpdf's /Lang as well as ours:\n%s", cat)
	}
	for i, p := range d.pages {
		sp, ok := p.dict.get("StructParents")
		if !ok || sp.kind != kInt || sp.num != i {
			t.Errorf("page %d: /StructParents %s, want %d", i+1, f.raw(sp), i)
		}
		if tabs, _ := p.dict.get("Tabs"); tabs.name != "S" {
			t.Errorf("page %d: no /Tabs /S", i+1)
		}
	}
	// Annotations are objects of their own now, each with its parent tree key
	// (after the three pages' keys) and the Link's description as /Contents.
	for i, want := range []string{"/StructParent 3\n/Contents (example.org, the project's web site)", "/StructParent 4>>"} {
		annots, _ := d.pages[i].dict.get("Annots")
		if len(annots.elems) != 1 || annots.elems[0].kind != kRef {
			t.Fatalf("page %d: /Annots %s, want one reference", i+1, f.raw(annots))
		}
		a, err := f.dict(annots.elems[0].num, "Annot")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(f.raw(a)), want) {
			t.Errorf("page %d annotation:\n%s\nwant %q", i+1, f.raw(a), want)
		}
	}
	st, _ := d.catalog.get("StructTreeRoot")
	root, err := f.dict(st.num, "StructTreeRoot")
	if err != nil {
		t.Fatal(err)
	}
	if next, _ := root.get("ParentTreeNextKey"); next.num != 5 {
		t.Errorf("/ParentTreeNextKey %d, want 5 (3 pages, 2 links)", next.num)
	}
	md, _ := d.catalog.get("Metadata")
	meta := string(out[f.spans[md.num].start:f.spans[md.num].end])
	for _, want := range []string{"/Type /Metadata /Subtype /XML", "<rdf:li xml:lang=\"x-default\">Tagged test — Amira</rdf:li>", "<rdf:li>en-GB</rdf:li>", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !strings.Contains(meta, want) {
			t.Errorf("metadata lacks %q:\n%s", want, meta)
		}
	}
	info, err := f.dict(f.info, "")
	if err != nil {
		t.Fatal(err)
	}
	if title, _ := info.get("Title"); !strings.HasPrefix(string(f.raw(title)), "<FEFF") {
		t.Errorf("information dictionary /Title %s, want the title in UTF-16", f.raw(title))
	}
}

func TestApplyCountsTheOutline(t *testing.T) {
	_, out := tagged(t)
	f, d := reread(t, out)
	// Tagged test (Details (Deeper)), Second section, Third (Third a): every
	// item open, so a count is the number of all its descendants.
	want := map[string]int{"Tagged test": 2, "Details": 1, "Deeper": 0, "Second section": 0, "Third": 1, "Third a": 0}
	root, err := f.dict(d.outlines, "Outlines")
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := root.get("Count"); c.kind != kInt || c.num != 6 {
		t.Errorf("outline /Count %s, want 6", f.raw(c))
	}
	got := map[string]int{}
	for _, n := range f.order {
		v, err := f.object(n)
		if err != nil || v.kind != kDict {
			continue
		}
		if _, ok := v.get("Dest"); !ok {
			continue
		}
		if _, ok := v.get("Parent"); !ok {
			continue // a link annotation
		}
		title, _ := v.get("Title")
		name := decodeTestString(t, f.raw(title))
		c, ok := v.get("Count")
		if ok && c.num == 0 {
			t.Errorf("%q has /Count 0; an item without children has no /Count", name)
		}
		got[name] = c.num
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%q: /Count %d, want %d", name, got[name], n)
		}
	}
}

// decodeTestString reads a literal string as fpdf writes titles: UTF-16BE with
// a byte order mark, parentheses and backslashes escaped.
func decodeTestString(t *testing.T, raw []byte) string {
	s := raw[1 : len(raw)-1]
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		}
		b = append(b, s[i])
	}
	if !bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return string(b)
	}
	var r []rune
	for i := 2; i+1 < len(b); i += 2 {
		r = append(r, rune(b[i])<<8|rune(b[i+1]))
	}
	return string(r)
}

// TestApplyPassesTheCheckers runs every installed PDF checker on the tagged
// file: qpdf, pdffonts, pdfinfo, pdf.js (pdfcheck) and pdfcpu strict.
func TestApplyPassesTheCheckers(t *testing.T) {
	_, out := tagged(t)
	testtools.CheckPDF(t, writeTemp(t, "tagged.pdf", out))
}

// TestStructureAsPopplerReadsIt reads the structure tree back with
// pdfinfo -struct-text: the roles, their nesting and the text each owns.
func TestStructureAsPopplerReadsIt(t *testing.T) {
	pdfinfo := testtools.Require(t, "pdfinfo")
	_, out := tagged(t)
	path := writeTemp(t, "tagged.pdf", out)
	got, err := exec.Command(pdfinfo, "-struct-text", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, got)
	}
	text := string(got)
	// In order; pdfinfo indents each level by two spaces.
	want := []string{
		"Document",
		"  H1 (block)",
		"    \"Tagged test\"",
		"  P (block)",
		"  H2 (block)",
		"  Figure:",
		"     /BBox [42.52 633.54 155.91 718.58]",
		"  L (block)",
		"    LI (block)",
		"      Lbl (block)",
		"        \"•\"",
		"      LBody (block)",
		"        \"First item\"",
		"  Table (block)",
		"    TR",
		"      TH:",
		"         /Scope /Column",
		"        \"Day\"",
		"      TD",
		"        \"Monday\"",
		"  P (block)",
		"    \"Read more at\"",
		"    Link (inline)",
		"      \"example.org\"",
		"      Object ",
		"  P (block)",
		"    \"This paragraph starts at the foot of page one\"",
		"    \"and ends at the head of page two.\"",
		"  H3 (block)",
		"  Figure:",
		"  H1 (block)",
		"    \"Second section\"",
		"  P (block)",
		"    Link (inline)",
		"      \"Back to the start\"",
		"      Object ",
		"  H1 (block)",
		"  H2 (block)",
		"  P (block)",
		"    \"Cymraeg: Tŷ, ŵ; Polski: zażółć; ✓ done\"",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("pdfinfo -struct-text lacks %q after offset %d:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

// TestApplyDoesNotChangeThePages renders every page before and after Apply
// with poppler: the pixels must be the same.
func TestApplyDoesNotChangeThePages(t *testing.T) {
	pdftoppm := testtools.Require(t, "pdftoppm")
	src, out := tagged(t)
	render := func(name string, data []byte) [][]byte {
		path := writeTemp(t, name+".pdf", data)
		prefix := filepath.Join(filepath.Dir(path), name)
		if msg, err := exec.Command(pdftoppm, "-r", "30", "-gray", path, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, msg)
		}
		pages, err := filepath.Glob(prefix + "-*.pgm")
		if err != nil {
			t.Fatal(err)
		}
		var imgs [][]byte
		for _, p := range pages {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			imgs = append(imgs, b)
		}
		return imgs
	}
	before, after := render("before", src), render("after", out)
	if len(before) != 3 || len(after) != 3 {
		t.Fatalf("%d pages before, %d after; want 3", len(before), len(after))
	}
	for i := range before {
		if !bytes.Equal(before[i], after[i]) {
			t.Errorf("page %d looks different after Apply", i+1)
		}
	}
}
