package render_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/layout"
	"lifeplan/generator/plan"
	"lifeplan/generator/typeface"
	"lifeplan/templates"
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
	// The page after it starts with the section that follows the first shift.
	if p3 := afterHeader(pageText(t, pdftotext, sp, 3)); !strings.HasPrefix(p3, "How to give") && !strings.HasPrefix(p3, "Who I am") {
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
		if strings.Contains(l, "OFFICIAL") || strings.Contains(l, "Amira Okafor") || strings.Contains(l, "DRAFT") {
			continue
		}
		return strings.Join(lines[i:], "\n")
	}
	return ""
}

// TestPageReferencesInThePDF reads the LLSP as the panel would: every page number
// printed in the contents and in the checklist ("Met: see page N") is a page that
// holds the heading it names.
func TestPageReferencesInThePDF(t *testing.T) {
	pdftotext := testtools.Require(t, "pdftotext")
	r := renderSample(t, "amira")
	var llsp *doc.Document
	for _, d := range r.docs {
		if d.Meta.ID == "llsp" {
			llsp = d
		}
	}
	path := filepath.Join(t.TempDir(), "llsp.pdf")
	if err := os.WriteFile(path, r.files["amira/llsp.pdf"], 0o644); err != nil {
		t.Fatal(err)
	}
	// The printed numbers, as the layout resolved them, and the headings they name.
	headings := map[string]string{}
	var refs []string
	doc.Walk(llsp.Blocks, func(b doc.Block) {
		if h, ok := b.(*doc.Heading); ok {
			headings[h.Anchor] = doc.PlainText(h.Text)
		}
		for _, runs := range doc.Runs(b) {
			for _, in := range runs {
				if in.PageOf != "" {
					refs = append(refs, in.PageOf)
				}
			}
		}
	})
	if len(refs) < 15 {
		t.Fatalf("only %d page references in the LLSP", len(refs))
	}
	res := layout.Layout(llsp, typeface.Default())
	pages := res.PageNumbers()
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, a := range refs {
		title, ok := headings[a]
		if !ok {
			t.Errorf("a page reference to %q, which no heading has", a)
			continue
		}
		n := pages[a]
		if got := flat(pageText(t, pdftotext, path, n)); !strings.Contains(got, flat(title)) {
			t.Errorf("the LLSP says %q is on page %d, which does not hold it", title, n)
		}
	}
	// The contents page holds those numbers as text, as the panel reads them.
	contents := flat(pageText(t, pdftotext, path, pages["contents"]))
	for _, a := range []string{"criterion-1", "criterion-6", "criterion-10", "checklist"} {
		if want := " " + strconv.Itoa(pages[a]) + " "; !strings.Contains(contents+" ", want) {
			t.Errorf("the contents lack the page number %s of %q", want, headings[a])
		}
	}
}

// TestDraftOnEveryPage: every page of every document of a draft plan says DRAFT,
// so no page of it can pass for an agreed plan.
func TestDraftOnEveryPage(t *testing.T) {
	pdftotext := testtools.Require(t, "pdftotext")
	dir := t.TempDir()
	for name, data := range renderSample(t, "sam").files {
		if !strings.HasSuffix(name, ".pdf") {
			continue
		}
		path := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for i, page := range strings.Split(strings.TrimRight(string(out), "\f"), "\f") {
			if !strings.Contains(page, "DRAFT") {
				t.Errorf("%s: page %d does not say DRAFT", name, i+1)
			}
		}
	}
}

// TestEasyReadAndProfileLayout reads the laid-out easy-read version and one-page
// profile: the easy read's text is never smaller than 16 pt and never italic, and
// the profile is exactly one page for both samples and for a plan whose lists are
// far too long for a page (cut to fit, and said so).
func TestEasyReadAndProfileLayout(t *testing.T) {
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	profile, _ := compose.SpecByID("one-page-profile")
	easy, _ := compose.SpecByID("easy-read")
	for _, sample := range []string{"amira", "sam", "long lists"} {
		name := sample
		if sample == "long lists" {
			name = "amira"
		}
		p, b := testtools.Sample(t, name)
		if sample == "long lists" {
			for i := range 40 {
				p.ImportantTo.Items = append(p.ImportantTo.Items, plan.Item{Text: fmt.Sprintf("Thing %d that matters a great deal to me, every single day of the week", i+1)})
				p.About.LikedAndAdmired = append(p.About.LikedAndAdmired, plan.Item{Text: fmt.Sprintf("Something people like about me, number %d", i+1)})
			}
		}
		view := compose.View{Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)}
		view.Doc = profile
		d, err := c.Document(&view)
		if err != nil {
			t.Fatal(err)
		}
		res := layout.Layout(d, typeface.Default())
		if len(res.Pages) != 1 {
			t.Errorf("%s: the one-page profile has %d pages", sample, len(res.Pages))
		}
		if (sample == "long lists") != (len(res.Cut) > 0) {
			t.Errorf("%s: cut %v", sample, res.Cut)
		}
		if sample == "long lists" {
			continue
		}
		view.Doc = easy
		if d, err = c.Document(&view); err != nil {
			t.Fatal(err)
		}
		res = layout.Layout(d, typeface.Default())
		for i, pg := range res.Pages {
			for _, bx := range pg.Boxes {
				if bx.Kind != layout.Text || bx.Elem == nil {
					continue
				}
				if bx.Size < 16 {
					t.Fatalf("%s: easy read page %d: %q at %.1f pt", sample, i+1, bx.Text, bx.Size)
				}
				if bx.Face.Style()&typeface.Italic != 0 {
					t.Fatalf("%s: easy read page %d: %q in italics", sample, i+1, bx.Text)
				}
			}
		}
		t.Logf("%s: easy read %d pages", sample, len(res.Pages))
	}
}
