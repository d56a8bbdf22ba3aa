package testtools

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// recorder is a testing.TB that records failures instead of failing, so that
// a test can check that CheckPDF fails where it should.
type recorder struct {
	testing.TB
	errs    []string
	skipped bool
}

func (r *recorder) Helper()             {}
func (r *recorder) Logf(string, ...any) {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Skip(...any) { r.skipped = true }

// TestCheckPDFFailsOnAnUntaggedFile: fpdf's own output is untagged, uses a
// core font that is not embedded, and has outline items with children but
// /Count 0; each installed checker that looks for these must say so.
func TestCheckPDFFailsOnAnUntaggedFile(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC))
	p.SetFont("Helvetica", "", 12)
	p.AddPage()
	p.Bookmark("Top", 0, 0)
	p.Bookmark("Below", 1, 10)
	p.Cell(0, 10, "Untagged text")
	path := filepath.Join(t.TempDir(), "untagged.pdf")
	if err := p.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	CheckPDF(r, path)
	all := strings.Join(r.errs, "\n")
	for _, c := range []struct{ tool, want string }{
		{"pdffonts", "fonts not embedded: Helvetica"},
		{"pdfinfo", `pdfinfo does not say "Tagged: yes"`},
		{"pdfcpu", "pdfcpu"},
	} {
		if _, err := exec.LookPath(c.tool); err != nil {
			continue
		}
		if !strings.Contains(all, c.want) {
			t.Errorf("%s is installed but CheckPDF did not report %q; it reported:\n%s", c.tool, c.want, all)
		}
	}
	if pdfcheckCommand() != nil && !strings.Contains(all, "pdfcheck.mjs") {
		t.Errorf("pdfcheck is installed but CheckPDF did not report its failure; it reported:\n%s", all)
	}
	if _, err := exec.LookPath("qpdf"); err == nil && strings.Contains(all, "qpdf") {
		t.Errorf("qpdf --check failed on a well-formed file:\n%s", all)
	}
}

func TestNotEmbedded(t *testing.T) {
	const head = "name                                 type              encoding         emb sub uni object ID\n" +
		"------------------------------------ ----------------- ---------------- --- --- --- ---------\n"
	for _, tc := range []struct{ name, out, want string }{
		{"all embedded", head +
			"utf8dv                               CID TrueType      Identity-H       yes no  yes      9  0\n", ""},
		{"one not", head +
			"utf8dv                               CID TrueType      Identity-H       yes no  yes      9  0\n" +
			"Helvetica                            Type 1            WinAnsi          no  no  no       5  0\n",
			"fonts not embedded: Helvetica"},
		{"no fonts", head, ""},
		{"no table", "Syntax Error: Couldn't read xref table\n", "pdffonts printed no table"},
	} {
		if got := notEmbedded([]byte(tc.out)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
