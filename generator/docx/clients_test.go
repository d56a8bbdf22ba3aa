package docx

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/pdf"
)

// These tests open the DOCX files in real readers: LibreOffice (every document of
// both samples, in one soffice run) and mammoth, an npm DOCX reader that warns
// about structures it does not understand. They skip without the tools unless
// LIFEPLAN_REQUIRE_TOOLS=1. LIFEPLAN_KEEP_DOCX=DIR keeps the files to look at.

// sampleDoc is one composed sample document with our own PDF and its DOCX.
type sampleDoc struct {
	name     string // "amira-llsp"
	d        *doc.Document
	pdfPages int
	pages    doc.Pages
	docx     []byte
}

// composeSamples composes every document of both samples and draws each with our
// PDF renderer, whose bookmarks give the page each heading starts on.
func composeSamples(t *testing.T, qpdf string) []sampleDoc {
	t.Helper()
	var out []sampleDoc
	for _, sample := range []string{"amira", "sam"} {
		for _, d := range testtools.SampleDocuments(t, sample) {
			var buf bytes.Buffer
			if err := pdf.Render(&buf, d); err != nil {
				t.Fatal(err)
			}
			n, pages := pdfHeadingPages(t, qpdf, buf.Bytes(), d)
			var dx bytes.Buffer
			if err := Render(&dx, d, Layout{Pages: pages}); err != nil {
				t.Fatal(err)
			}
			out = append(out, sampleDoc{name: sample + "-" + d.Meta.ID, d: d, pdfPages: n, pages: pages, docx: dx.Bytes()})
		}
	}
	return out
}

// pdfHeadingPages reads our PDF's page count and outline with qpdf and gives each
// heading (levels 1–3, the ones bookmarked, in order) the page of its bookmark.
func pdfHeadingPages(t *testing.T, qpdf string, data []byte, d *doc.Document) (int, doc.Pages) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "ours.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json=2", "--json-key=pages", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	type outline struct {
		Title string    `json:"title"`
		Page  int       `json:"destpageposfrom1"`
		Kids  []outline `json:"kids"`
	}
	var j struct {
		Pages    []json.RawMessage `json:"pages"`
		Outlines []outline         `json:"outlines"`
	}
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatalf("qpdf JSON: %v", err)
	}
	var flat []outline
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			flat = append(flat, o)
			walk(o.Kids)
		}
	}
	walk(j.Outlines)
	pages := doc.Pages{}
	i := 0
	for _, b := range d.Blocks {
		h, ok := b.(*doc.Heading)
		if !ok || h.Level > 3 {
			continue
		}
		for i < len(flat) && flat[i].Title != doc.PlainText(h.Text) {
			i++
		}
		if i == len(flat) {
			t.Fatalf("%s: no bookmark for heading %q", d.Meta.ID, doc.PlainText(h.Text))
		}
		if h.Anchor != "" {
			pages[h.Anchor] = flat[i].Page
		}
		i++
	}
	return len(j.Pages), pages
}

// tocEntries reads the contents entries (text, pre-filled page number) from a DOCX.
func tocEntries(t *testing.T, data []byte) [][2]string {
	t.Helper()
	var out [][2]string
	for _, p := range tree(t, parts(t, data)["word/document.xml"]).all("w:p") {
		if s := p.style(); strings.HasPrefix(s, "TOC") && s != styleTOCHeading {
			text := p.texts()
			num := strings.TrimLeft(text[len(strings.TrimRight(text, "0123456789")):], " ")
			out = append(out, [2]string{strings.TrimSuffix(text, num), num})
		}
	}
	return out
}

func TestRealClients(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	soffice := testtools.Require(t, "soffice")
	pdftotext := testtools.Require(t, "pdftotext")
	pdffonts := testtools.Require(t, "pdffonts")
	pdfinfo := testtools.Require(t, "pdfinfo")
	qpdf := testtools.Require(t, "qpdf")

	docs := composeSamples(t, qpdf)
	dir := t.TempDir()
	if keep := os.Getenv("LIFEPLAN_KEEP_DOCX"); keep != "" {
		dir = keep
	}
	var inputs []string
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	full := fullDocument(t)
	full.Meta.Draft = "DRAFT: NOT YET AGREED"
	write("full", renderPages(t, full, testPages))
	for _, sd := range docs {
		write(sd.name, sd.docx)
	}

	// One LibreOffice run converts every file.
	outDir := filepath.Join(dir, "libreoffice")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", outDir}, inputs...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	text := func(name string) string {
		out, err := exec.Command(pdftotext, "-layout", filepath.Join(outDir, name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v (LibreOffice did not convert it?)", name, err)
		}
		return string(out)
	}

	t.Run("full", func(t *testing.T) {
		got := text("full")
		pages := regexp.MustCompile(`Page 1 of (\d+)`).FindStringSubmatch(got)
		if pages == nil || pages[1] == "1" {
			t.Errorf("want \"Page 1 of N\" with N > 1 in:\n%s", got)
		}
		mustContain(t, "PDF text", got,
			"Learning and Living Support Plan", "About me", "What I am good at", "My budget",
			"Level four heading", special, "OFFICIAL-SENSITIVE: personal data", "Amira Khan",
			"Cost a year", "£25,250.00", "Bright Futures", "Second line after a break.", "What my family says",
			"Checked ✓ and not ✗; Ελλάδα and Київ.", "My budget is on page 5, see my budget")
		for i, page := range strings.Split(strings.TrimRight(got, "\f"), "\f") {
			if !strings.Contains(page, "DRAFT: NOT YET AGREED") {
				t.Errorf("page %d does not say DRAFT", i+1)
			}
		}
		// Numbering restarts for the second list and nested lists count a. b.
		for _, re := range []string{`1\.\s+Restart step beta`, `3\.\s+Third step alpha`, `a\.\s+Sub step one`, `•\s+Looking after my cat`} {
			if !regexp.MustCompile(re).MatchString(got) {
				t.Errorf("PDF text has no %s", re)
			}
		}
	})

	for _, sd := range docs {
		t.Run(sd.name, func(t *testing.T) {
			lo := filepath.Join(outDir, sd.name+".pdf")
			fontsOut, err := exec.Command(pdffonts, lo).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			if !strings.Contains(string(fontsOut), "AtkinsonHyperlegibleNext-Regular") ||
				!strings.Contains(string(fontsOut), "AtkinsonHyperlegibleNext-Bold") {
				t.Errorf("LibreOffice did not use the embedded fonts:\n%s", fontsOut)
			}
			for _, line := range strings.Split(string(fontsOut), "\n")[2:] {
				if line != "" && !strings.Contains(line, "Atkinson") && !strings.Contains(line, "DejaVu") {
					t.Errorf("LibreOffice used another font: %s", line)
				}
			}
			info, err := exec.Command(pdfinfo, lo).Output()
			if err != nil {
				t.Fatalf("pdfinfo: %v", err)
			}
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
			loPages, _ := strconv.Atoi(string(m[1]))
			// Within 10% of our PDF's pages, rounded up to whole pages.
			if allowed := int(math.Ceil(0.1 * float64(sd.pdfPages))); abs(loPages-sd.pdfPages) > allowed {
				t.Errorf("LibreOffice lays it out in %d pages, our PDF in %d (allowed ±%d)", loPages, sd.pdfPages, allowed)
			}
			t.Logf("pages: LibreOffice %d, our PDF %d; DOCX %d bytes", loPages, sd.pdfPages, len(sd.docx))

			// The contents, as LibreOffice shows them, hold every entry with its number.
			got := text(sd.name)
			entries := tocEntries(t, sd.docx)
			if len(entries) == 0 {
				// Only a short document, or one of fewer than three sections, has none.
				// A document whose template writes its own contents (a heading
				// anchored "contents", as the LLSP's) needs no contents field.
				sections, own := 0, false
				for _, b := range sd.d.Blocks {
					if h, ok := b.(*doc.Heading); ok && h.Level <= tocLevels {
						sections++
						own = own || h.Anchor == "contents"
					}
				}
				if sections >= 3 && sd.pdfPages > shortPages && !own {
					t.Errorf("no contents in a document of %d sections", sections)
				}
			}
			lines := strings.Split(got, "\n")
			for _, e := range entries {
				if e[1] == "" {
					t.Errorf("contents entry %q has no page number", e[0])
					continue
				}
				re := regexp.MustCompile(regexp.QuoteMeta(firstWords(e[0], 4)) + `.*[ .]` + e[1] + `\s*$`)
				found := false
				for _, l := range lines {
					if re.MatchString(l) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("contents entry %q … %s not in LibreOffice's text", e[0], e[1])
				}
			}
		})
	}

	t.Run("mammoth", func(t *testing.T) { mammothWarnings(t, inputs) })
}

// firstWords is the start of a contents entry, which LibreOffice may wrap.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// mammothVersion is the mammoth release the test is known to pass with.
const mammothVersion = "1.13.0"

// mammothStyles maps our own paragraph styles to HTML, so that mammoth does not
// warn about styles it has no rule for. Any other warning fails the test.
var mammothStyles = []string{
	"p[style-name='Body After Table'] => p:fresh",
	"p[style-name='Figure'] => p:fresh",
	"p[style-name='caption'] => p.caption:fresh",
	"p[style-name='Organisation'] => p.organisation:fresh",
	"p[style-name='Table Text'] => p:fresh",
	"p[style-name='Table Text Right'] => p:fresh",
	"p[style-name='Table Text Centre'] => p:fresh",
	"p[style-name='TOC Heading'] => h2.contents:fresh",
	"p[style-name='toc 1'] => p.toc1:fresh",
	"p[style-name='toc 2'] => p.toc2:fresh",
	"p[style-name='List Continue'] => p:fresh",
	"p[style-name='List Continue 2'] => p:fresh",
	"p[style-name='List Continue 3'] => p:fresh",
	"p[style-name='List Continue 4'] => p:fresh",
	"p[style-name='List Continue 5'] => p:fresh",
	"p[style-name='Point Picture'] => p:fresh",
	"p[style-name='Point Text'] => p:fresh",
	"r[style-name='Fallback Font'] => span",
}

// mammothWarnings converts every file with mammoth (found through
// LIFEPLAN_MAMMOTH, the folder holding node_modules/mammoth, or installed with
// npm into a folder in the temporary directory) and fails on any warning.
func mammothWarnings(t *testing.T, files []string) {
	node := testtools.Require(t, "node")
	dir := os.Getenv("LIFEPLAN_MAMMOTH")
	if dir == "" {
		npm := testtools.Require(t, "npm")
		dir = filepath.Join(os.TempDir(), "lifeplan-mammoth-"+mammothVersion)
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "mammoth", "package.json")); err != nil {
			cmd := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--silent", "mammoth@"+mammothVersion)
			if out, err := cmd.CombinedOutput(); err != nil {
				if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
					t.Fatalf("npm install mammoth: %v\n%s", err, out)
				}
				t.Skipf("npm install mammoth: %v", err)
			}
		}
	}
	styles, _ := json.Marshal(strings.Join(mammothStyles, "\n"))
	script := `const mammoth = require(process.argv[1]);
(async () => {
  for (const f of process.argv.slice(2)) {
    const r = await mammoth.convertToHtml({path: f}, {styleMap: ` + string(styles) + `});
    if (!r.value.includes("<h1>")) console.log(f + "\tno heading");
    for (const m of r.messages) console.log(f + "\t" + m.type + "\t" + m.message);
  }
})().catch(e => { console.error(e); process.exit(1); });`
	args := append([]string{"-e", script, filepath.Join(dir, "node_modules", "mammoth")}, files...)
	out, err := exec.Command(node, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("mammoth: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("mammoth warnings:\n%s", s)
	}
}
