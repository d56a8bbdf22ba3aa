package render_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/internal/testtools"
)

// pageText is the text of one page of a PDF.
func pageText(t *testing.T, pdftotext, path string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", "-f", n, "-l", n, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d of %s: %v", page, path, err)
	}
	return string(out)
}

// TestReadersFindTheirPages reads the PDFs as their readers would: the panel finds
// its summary on page 2, and a new support worker's first-shift page is one page,
// starting on page 2, with the seizure steps and the emergency numbers on it.
func TestReadersFindTheirPages(t *testing.T) {
	pdftotext := testtools.Require(t, "pdftotext")
	dir := t.TempDir()
	r := renderSample(t, "amira")
	write := func(name string) string {
		path := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(path, r.files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	llsp := write("amira/llsp.pdf")
	if p2 := pageText(t, pdftotext, llsp, 2); !strings.Contains(p2, "What the panel is asked to agree") || !strings.Contains(p2, "Next review") {
		t.Errorf("the LLSP's page 2 is not the whole panel summary:\n%s", p2)
	}
	if p3 := pageText(t, pdftotext, llsp, 3); !strings.Contains(p3, "Contents") {
		t.Errorf("the LLSP's contents do not follow the summary on page 3")
	}
	sp := write("amira/support-plan.pdf")
	p2 := pageText(t, pdftotext, sp, 2)
	for _, want := range []string{"Your first shift: read this first", "If I have a seizure", "07700 900 214", "A good day"} {
		if !strings.Contains(p2, want) {
			t.Errorf("the support plan's first-shift page lacks %q", want)
		}
	}
	if p3 := pageText(t, pdftotext, sp, 3); !strings.HasPrefix(afterHeader(p3), "Who I am") {
		t.Errorf("the first-shift page runs onto page 3:\n%.300s", p3)
	}
}

// afterHeader drops the running header lines (classification and name) that
// pdftotext gives first on every page.
func afterHeader(page string) string {
	lines := strings.Split(strings.TrimSpace(page), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(l, "OFFICIAL") || strings.Contains(l, "Amira Okafor") || strings.Contains(l, "DRAFT") {
			continue
		}
		return strings.Join(lines[i:], "\n")
	}
	return ""
}
