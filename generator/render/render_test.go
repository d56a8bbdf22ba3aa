package render_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"lifeplan/generator/budget"
	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/plan"
	"lifeplan/generator/render"
	"lifeplan/templates"
)

// headings every document must give back as text, per document.
var headings = map[string][]string{
	"llsp": {
		"1. Who are you? What are you good at? What have you achieved?",
		"2. What is important to you? What do you want to learn?",
		"3. What is important for you? What do you need to learn?",
		"4. What do you want to change",
		"5. How do you want to be supported to achieve this learning?",
		"6. How will you spend your Learning and Living Individualised Budget?",
		"7. How will your Individualised Budget be managed",
		"8. How will you gain more control of your life?",
		"9. How and where do you learn best?",
		"10. What are you going to do to make this plan happen?",
	},
	"service-spec":     {"The team", "Paid support to cost", "What the contract needs", "Monitoring the service aims", "support needs", "Who pays for what", "Action plan"},
	"housing-spec":     {"Where", "The home", "Adaptations and accessibility", "Mental capacity and deprivation of liberty", "Rent and money"},
	"support-plan":     {"Who I am", "How I communicate", "My routine", "Good days and bad days", "When I am anxious or upset", "My health", "In an emergency", "Your first shift: read this first", "version history", "Read and understood"},
	"easy-read":        {"About me", "What I am good at", "What I want to change", "Who helps me", "My money", "Who decides", "What happens next", "Hard words", "Questions", "About the pictures"},
	"one-page-profile": {"What people like and admire about me", "What is important to me", "How best to support me"},
}

// facts from the complete sample that must survive into the files.
var facts = map[string][]string{
	"llsp":             {"Amira Okafor", "£39,057.33", "Grace Okafor"},
	"service-spec":     {"Amira Okafor", "£39,057.33"},
	"housing-spec":     {"Amira Okafor"},
	"support-plan":     {"Amira Okafor", "Sertraline"},
	"easy-read":        {"Amira Okafor", "£39,057", "OpenMoji", "CC BY-SA 4.0"},
	"one-page-profile": {"Amira", "Makaton"},
}

type rendered struct {
	docs  []*doc.Document
	files map[string][]byte // "amira/llsp.pdf" → bytes
}

func renderSample(t testing.TB, sample string) rendered {
	t.Helper()
	docs := testtools.SampleDocuments(t, sample)
	r := rendered{docs: docs, files: map[string][]byte{}}
	formats := render.Formats()
	for _, d := range docs {
		dr, err := render.Draw(d, formats)
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range formats {
			r.files[sample+"/"+d.Meta.ID+"."+f.Name] = dr.Files[i]
		}
	}
	return r
}

// TestDOCXWithoutPDFIsTheSame: asked for a DOCX alone, Draw lays the document
// out without drawing a PDF, and the DOCX (page numbers, column widths) is byte
// for byte the one drawn beside a PDF.
func TestDOCXWithoutPDFIsTheSame(t *testing.T) {
	r := renderSample(t, "amira")
	var docx render.Format
	for _, f := range render.Formats() {
		if f.Name == "docx" {
			docx = f
		}
	}
	tables := 0
	for _, d := range r.docs {
		alone, err := render.Bytes(d, docx)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(alone, r.files["amira/"+d.Meta.ID+".docx"]) {
			t.Errorf("%s: the DOCX drawn alone differs from the one drawn with the PDF", d.Meta.ID)
		}
		doc.Walk(d.Blocks, func(b doc.Block) {
			if _, ok := b.(*doc.Table); ok {
				tables++
			}
		})
	}
	if tables == 0 {
		t.Fatal("the sample has no tables: the column widths go untested")
	}
}

// TestEveryPDFPassesTheCheckers runs every PDF of both samples through qpdf,
// pdffonts, pdfinfo (tagged), the pdf.js checker and pdfcpu's strict validation,
// and reads the embedded fonts: every character drawn has a real glyph.
func TestEveryPDFPassesTheCheckers(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, sample := range []string{"amira", "sam"} {
		for name, data := range renderSample(t, sample).files {
			if !strings.HasSuffix(name, ".pdf") {
				continue
			}
			missing, err := testtools.MissingGlyphs(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(missing) > 0 {
				t.Errorf("%s: characters drawn without a glyph: %v", name, missing)
			}
			path := filepath.Join(dir, strings.ReplaceAll(name, "/", "-"))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	testtools.CheckPDF(t, paths...)
}

func TestDeterministic(t *testing.T) {
	a, b := renderSample(t, "amira"), renderSample(t, "amira")
	for name, data := range a.files {
		if !bytes.Equal(data, b.files[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestRealClients opens every document of every sample with the tools people and
// councils use: qpdf checks the PDF's structure, pdffonts that every font is
// embedded, pdftotext that the text comes back; LibreOffice opens every DOCX.
func TestRealClients(t *testing.T) {
	qpdf := testtools.Require(t, "qpdf")
	pdffonts := testtools.Require(t, "pdffonts")
	pdftotext := testtools.Require(t, "pdftotext")
	soffice := testtools.Require(t, "soffice")
	dir := t.TempDir()
	var docxFiles []string
	for _, sample := range []string{"amira", "sam"} {
		r := renderSample(t, sample)
		for name, data := range r.files {
			path := filepath.Join(dir, strings.ReplaceAll(name, "/", "-"))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(path, ".docx") {
				docxFiles = append(docxFiles, path)
				continue
			}
			if !strings.HasSuffix(path, ".pdf") {
				continue // HTML and Markdown have their own tests
			}
			t.Run(name, func(t *testing.T) {
				if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
					t.Errorf("qpdf --check: %v\n%s", err, out)
				}
				out, err := exec.Command(pdffonts, path).Output()
				if err != nil {
					t.Fatal(err)
				}
				checkFonts(t, string(out))
				text := pdfText(t, pdftotext, path)
				if sample == "amira" {
					checkText(t, name, text)
				}
				if !strings.Contains(text, "Page 1 of ") || !strings.Contains(text, "OFFICIAL-SENSITIVE: personal data") {
					t.Error("no page numbers or classification line")
				}
			})
		}
	}
	// One LibreOffice run converts every DOCX: it takes seconds to start.
	outDir := filepath.Join(dir, "lo")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", outDir}, docxFiles...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, docx := range docxFiles {
		name := strings.TrimSuffix(filepath.Base(docx), ".docx")
		t.Run(name+".docx", func(t *testing.T) {
			pdf := filepath.Join(outDir, name+".pdf")
			if _, err := os.Stat(pdf); err != nil {
				t.Fatalf("LibreOffice did not convert %s", filepath.Base(docx))
			}
			text := pdfText(t, pdftotext, pdf)
			if sample, id, _ := strings.Cut(name, "-"); sample == "amira" {
				checkText(t, sample+"/"+id, text)
			}
		})
	}
}

func pdfText(t *testing.T, pdftotext, path string) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Headings may wrap; compare with runs of white space folded.
	return strings.Join(strings.Fields(string(out)), " ")
}

func checkFonts(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: emb is the 4th field from the end
		// of "yes yes yes 12 0".
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

func checkText(t *testing.T, name, text string) {
	t.Helper()
	id := strings.TrimSuffix(strings.TrimSuffix(strings.SplitN(name, "/", 2)[1], ".pdf"), ".docx")
	for _, want := range append(append([]string{}, headings[id]...), facts[id]...) {
		if !strings.Contains(text, want) {
			t.Errorf("%s: text lacks %q", name, want)
		}
	}
}

// TestLiteralText: user text full of Markdown and XML characters comes back as
// written from both formats.
func TestLiteralText(t *testing.T) {
	pdftotext := testtools.Require(t, "pdftotext")
	name := `Zoë | *O'Brien* _#1_ [x] <b> \ & "Jo"`
	good := `Cooking 1. pasta | 2) rice > *fast* <script>`
	src := fmt.Sprintf("[plan]\nwritten = 2026-09-14\n[person]\nname = %q\n[about]\ngood_at = [%q]\n", name, good)
	p, err := plan.Parse("special.toml", []byte(src), os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := budget.Compute(p)
	c, _ := compose.New(templates.FS, nil)
	spec, _ := compose.SpecByID("llsp")
	d, err := c.Document(&compose.View{Doc: spec, Plan: p, Person: p.Person, Budget: b})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	written, _, err := render.Files(dir, []*doc.Document{d}, render.Formats())
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdftotext, written[0])
	for _, want := range []string{name, good} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if soffice, err := exec.LookPath("soffice"); err == nil {
		out := filepath.Join(dir, "lo")
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", out, written[1])
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice: %v\n%s", err, b)
		}
		text := pdfText(t, pdftotext, filepath.Join(out, "llsp.pdf"))
		for _, want := range []string{name, good} {
			if !strings.Contains(text, want) {
				t.Errorf("DOCX text lacks %q", want)
			}
		}
	}
}

// TestAtomicWrite: files appear whole or not at all; no temporary file is left.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.pdf")
	if err := render.WriteAtomic(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := render.WriteAtomic(filepath.Join(dir, "missing", "y.pdf"), []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "x.pdf" {
		t.Errorf("folder holds %v, want only x.pdf", entries)
	}
}

// Benchmarks: the complete sample's LLSP in each format, and the whole set.
func BenchmarkLLSP(b *testing.B) {
	r := renderSample(b, "amira")
	llsp := r.docs[0]
	for _, f := range render.Formats() {
		b.Run(f.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := render.Bytes(llsp, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAllDocuments(b *testing.B) {
	for b.Loop() {
		renderSample(b, "amira")
	}
}

// TestEasyReadPictureOnEveryPage: every page of the easy-read version but the last
// (the pictures' licence) shows at least one picture, as pdfimages reads the file.
func TestEasyReadPictureOnEveryPage(t *testing.T) {
	pdfimages := testtools.Require(t, "pdfimages")
	pdfinfo := testtools.Require(t, "pdfinfo")
	dir := t.TempDir()
	for _, sample := range []string{"amira", "sam"} {
		r := renderSample(t, sample)
		path := filepath.Join(dir, sample+"-easy-read.pdf")
		if err := os.WriteFile(path, r.files[sample+"/easy-read.pdf"], 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := exec.Command(pdfinfo, path).Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := 0
		for _, l := range strings.Split(string(info), "\n") {
			if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
				fmt.Sscan(f[1], &pages)
			}
		}
		list, err := exec.Command(pdfimages, "-list", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		pictured := map[int]bool{}
		for _, l := range strings.Split(string(list), "\n")[2:] {
			var page int
			if _, err := fmt.Sscan(l, &page); err == nil {
				pictured[page] = true
			}
		}
		if pages < 2 {
			t.Fatalf("%s: the easy-read version has %d pages", sample, pages)
		}
		for p := 1; p < pages; p++ {
			if !pictured[p] {
				t.Errorf("%s: page %d of %d of the easy-read version has no picture", sample, p, pages)
			}
		}
		t.Logf("%s: easy-read version, %d pages", sample, pages)
	}
}

// TestDrawConcurrentlySameBytes: the real renderers give the same bytes when one
// plan's documents and formats are drawn at once as when drawn one after another
// (run with -race, it also shows they share no state).
func TestDrawConcurrentlySameBytes(t *testing.T) {
	r := renderSample(t, "amira")
	files, _, err := render.DrawAll(r.docs, render.Formats(), 8)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(r.files) {
		t.Fatalf("%d files, want %d", len(files), len(r.files))
	}
	for _, f := range files {
		want, ok := r.files["amira/"+f.Name]
		if !ok {
			continue // a picture beside a Markdown file
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs when drawn concurrently", f.Name)
		}
	}
}
