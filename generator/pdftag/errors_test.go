package pdftag

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// smallDoc is two pages: MCIDs 0 and 1 and a link on the first, MCID 0 on
// the second.
func smallDoc(t *testing.T, extra func(p *fpdf.Fpdf)) []byte {
	t.Helper()
	p := newFpdf()
	p.AddUTF8FontFromBytes("dv", "", dejaVu)
	p.SetFont("dv", "", 12)
	p.AddPage()
	for id := 0; id < 2; id++ {
		p.RawWriteStr("/P <</MCID " + string(rune('0'+id)) + ">> BDC")
		p.CellFormat(0, 6, "Text", "", 1, "L", false, 0, "")
		p.RawWriteStr("EMC")
	}
	p.LinkString(10, 10, 20, 6, "https://example.org/")
	p.AddPage()
	p.RawWriteStr("/P <</MCID 0>> BDC")
	p.CellFormat(0, 6, "More", "", 1, "L", false, 0, "")
	p.RawWriteStr("EMC")
	if extra != nil {
		extra(p)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// smallTree is a correct tree for smallDoc.
func smallTree() *Elem {
	return &Elem{Role: "Document", Kids: []Kid{
		Child(&Elem{Role: "P", Kids: []Kid{MCR(0, 0)}}),
		Child(&Elem{Role: "P", Kids: []Kid{Child(&Elem{Role: "Link", Kids: []Kid{MCR(0, 1), OBJR(0, 0)}})}}),
		Child(&Elem{Role: "P", Kids: []Kid{MCR(1, 0)}}),
	}}
}

func TestSmallDocTags(t *testing.T) {
	if _, err := Apply(smallDoc(t, nil), smallTree(), testInfo); err != nil {
		t.Fatal(err)
	}
}

// edit replaces the only occurrence of old in src by new, of the same length,
// so that every offset stays right.
func edit(t *testing.T, src []byte, old, new string) []byte {
	t.Helper()
	if len(old) != len(new) {
		t.Fatalf("edit %q to %q changes the length", old, new)
	}
	if n := bytes.Count(src, []byte(old)); n != 1 {
		t.Fatalf("%q occurs %d times", old, n)
	}
	return bytes.Replace(src, []byte(old), []byte(new), 1)
}

func TestApplyRejectsFilesFpdfDoesNotWrite(t *testing.T) {
	src := smallDoc(t, nil)
	xref := bytes.LastIndex(src, []byte("\nxref\n")) + 1
	sx := bytes.LastIndex(src, []byte("startxref\n"))
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", nil, "not a PDF file"},
		{"not a PDF", []byte("hello, world\n"), "not a PDF file"},
		{"truncated in the middle", src[:len(src)/2], "truncated"},
		{"truncated before %%EOF", src[:len(src)-3], "truncated"},
		{"truncated in the xref table", append(append([]byte{}, src[:xref+40]...), src[sx:]...), "startxref"},
		{"cross-reference stream", append(append(append([]byte{}, src[:xref]...), "9 0 obj"...), src[xref+7:]...), "unknown cross-reference form"},
		{"two subsections", append(append(append([]byte{}, src[:xref]...), "xref\n1 "...), src[xref+7:]...), "unknown cross-reference form"},
		{"startxref not an offset", append(append([]byte{}, src[:sx]...), "startxref\nabc\n%%EOF\n"...), "startxref"},
		{"object header not its number", edit(t, src, "\n3 0 obj\n", "\n5 0 obj\n"), "object 3 at offset"},
		{"trailer with /Prev", edit(t, src, "/Info ", "/Prev "), "trailer has /Prev"},
		{"page without /Parent", edit(t, src, "/Parent 1 0 R\n/Resources 2 0 R\n/Annots", "/Parenx 1 0 R\n/Resources 2 0 R\n/Annots"), "/Parent is not the page tree"},
		{"annotation of another kind", edit(t, src, "/Subtype /Link", "/Subtype /Lin2"), "not a /Link annotation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Apply(tc.src, smallTree(), testInfo)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "pdftag: ") {
				t.Errorf("error %q does not say where it is from", err)
			}
			if out != nil {
				t.Error("output on error")
			}
		})
	}
}

func TestApplyRejectsAnXrefEntryThatIsOff(t *testing.T) {
	src := smallDoc(t, nil)
	// The entry of object 3 (the first page), made one byte later.
	xref := bytes.LastIndex(src, []byte("\nxref\n")) + 1
	e := xref + len("xref\n0 ") + bytes.IndexByte(src[xref+len("xref\n0 "):], '\n') + 1 + 3*xrefEntryLen
	bad := append([]byte{}, src...)
	copy(bad[e:], "0000000010")
	if _, err := Apply(bad, smallTree(), testInfo); err == nil || !strings.Contains(err.Error(), "expected an object at offset") {
		t.Fatalf("error %v, want one about the object's offset", err)
	}
}

func TestApplyRejectsEncryptedFiles(t *testing.T) {
	src := smallDoc(t, func(p *fpdf.Fpdf) { p.SetProtection(fpdf.CnProtectPrint, "", "owner") })
	if _, err := Apply(src, smallTree(), testInfo); err == nil || !strings.Contains(err.Error(), "encrypted") {
		t.Fatalf("error %v, want one about encryption", err)
	}
}

func TestApplyRejectsAttachments(t *testing.T) {
	src := smallDoc(t, func(p *fpdf.Fpdf) {
		p.AddAttachmentAnnotation(&fpdf.Attachment{Content: []byte("x"), Filename: "x.txt"}, 10, 10, 5, 5)
	})
	if _, err := Apply(src, smallTree(), testInfo); err == nil {
		t.Fatal("no error for a file attachment annotation, which Apply cannot tag")
	}
}

func TestApplyRejectsItsOwnOutput(t *testing.T) {
	out, err := Apply(smallDoc(t, nil), smallTree(), testInfo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(out, smallTree(), testInfo); err == nil || !strings.Contains(err.Error(), "tagged twice") {
		t.Fatalf("error %v, want one saying the file is tagged already", err)
	}
}

func TestApplyRejectsBadTrees(t *testing.T) {
	src := smallDoc(t, nil)
	p := func(kids ...Kid) Kid { return Child(&Elem{Role: "P", Kids: kids}) }
	link := func(kids ...Kid) Kid { return Child(&Elem{Role: "Link", Kids: kids}) }
	doc := func(kids ...Kid) *Elem { return &Elem{Role: "Document", Kids: kids} }
	ok := []Kid{p(MCR(0, 0)), p(link(MCR(0, 1), OBJR(0, 0))), p(MCR(1, 0))}
	shared := &Elem{Role: "Span"}
	tests := []struct {
		name string
		root *Elem
		info Info
		want string
	}{
		{"no root", nil, testInfo, "no structure tree"},
		{"no title", doc(ok...), Info{Lang: "en"}, "no document title"},
		{"no language", doc(ok...), Info{Title: "T"}, "no document language"},
		{"unknown role", doc(append(ok, Child(&Elem{Role: "Heading"}))...), testInfo, `"Heading" is not a standard structure type`},
		{"figure without alt", doc(append(ok, Child(&Elem{Role: "Figure", Alt: " "}))...), testInfo, "Figure needs alternative text"},
		{"scope on a TD", doc(append(ok, Child(&Elem{Role: "TD", Scope: "Column"}))...), testInfo, "only TH has a scope"},
		{"bad scope", doc(append(ok, Child(&Elem{Role: "TH", Scope: "column"}))...), testInfo, "not Column, Row or Both"},
		{"MCID twice", doc(append(ok, p(MCR(0, 0)))...), testInfo, "MCID 0 of page 1 is referenced twice"},
		{"page out of range", doc(append(ok, p(MCR(2, 0)))...), testInfo, "page index 2, but the document has 2 pages"},
		{"negative MCID", doc(append(ok, p(MCR(1, -1)))...), testInfo, "MCID -1 out of range"},
		{"huge MCID", doc(append(ok, p(MCR(1, 1<<20)))...), testInfo, "out of range"},
		{"bad Annot", doc(append(ok, p(Kid{Page: 1, Annot: -2}))...), testInfo, "Annot is -2"},
		{"annotation outside a Link", doc(p(MCR(0, 0)), p(MCR(0, 1), OBJR(0, 0))), testInfo, "an annotation belongs in a Link element"},
		{"annotation that is not there", doc(append(ok, link(OBJR(1, 0)))...), testInfo, "page 2 has no annotation 0"},
		{"annotation twice", doc(append(ok, link(OBJR(0, 0)))...), testInfo, "annotation 0 of page 1 is referenced twice"},
		{"link left out", doc(p(MCR(0, 0)), p(MCR(0, 1))), testInfo, "page 1: link annotation 0 is in no Link element"},
		{"element twice", doc(append(ok, Child(shared), Child(shared))...), testInfo, "appears twice"},
		{"box on no page", doc(append(ok, Child(&Elem{Role: "Figure", Alt: "x", BBox: &BBox{Page: 3}}))...), testInfo, "BBox on page index 3"},
		{"box inside out", doc(append(ok, Child(&Elem{Role: "Figure", Alt: "x", BBox: &BBox{X0: 10, X1: 5}}))...), testInfo, "corners swapped"},
		{"alt not UTF-8", doc(append(ok, Child(&Elem{Role: "Figure", Alt: "\xff"}))...), testInfo, "Alt is not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Apply(src, tc.root, tc.info)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	// A cycle is caught as an element seen twice, not as a stack overflow.
	loop := &Elem{Role: "Div"}
	loop.Kids = []Kid{Child(loop)}
	if _, err := Apply(src, doc(append(ok, Child(loop))...), testInfo); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Fatalf("cycle: error %v", err)
	}
}

func TestLexer(t *testing.T) {
	src := []byte(`<</A [1 0 R 2 3 -4.5 /N#20x (a\)b(c)d) <0aFF> true null] /B <</C 7>>>>`)
	l := lexer{src: src, end: len(src), keep: maxDepth}
	v, err := l.value(0)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := v.get("A")
	var kinds []kind
	for _, e := range a.elems {
		kinds = append(kinds, e.kind)
	}
	want := []kind{kRef, kInt, kInt, kReal, kName, kString, kString, kBool, kNull}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("kinds %v, want %v", kinds, want)
		}
	}
	if s := string(src[a.elems[5].start:a.elems[5].end]); s != `(a\)b(c)d)` {
		t.Errorf("string %q", s)
	}
	b, _ := v.get("B")
	if c, _ := b.get("C"); c.num != 7 {
		t.Errorf("nested dictionary: %+v", b)
	}
	for _, bad := range []string{`<</A (open>>`, `[1 2`, `<</A>>`, `<<1 2>>`, `<zz>`, `stream`, strings.Repeat("[", 40) + strings.Repeat("]", 40)} {
		l := lexer{src: []byte(bad), end: len(bad), keep: maxDepth}
		if _, err := l.value(0); err == nil {
			t.Errorf("%q parsed without error", bad)
		}
	}
}

func TestTextStrings(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "(plain)"},
		{`a (b) \c`, `(a \(b\) \\c)`},
		{"Tŷ", "<FEFF00540177>"},
		{"😀", "<FEFFD83DDE00>"},
		{"line\nbreak", "<FEFF006C0069006E0065000A0062007200650061006B>"},
	} {
		if got := string(appendTextString(nil, tc.in)); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   float64
		want string
	}{{12.5, "12.5"}, {1.0 / 3, "0.33"}, {-0.001, "0"}, {1e6, "1000000"}} {
		if got := string(appendReal(nil, tc.in)); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.in, got, tc.want)
		}
	}
}
