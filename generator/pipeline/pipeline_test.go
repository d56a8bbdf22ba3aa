package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"lifeplan/generator/compose"
	"lifeplan/generator/pipeline"
)

var (
	amira = filepath.Join("..", "..", "samples", "amira.toml")
	sam   = filepath.Join("..", "..", "samples", "sam.toml")
)

func newRenderer(t *testing.T, o pipeline.Options) *pipeline.Renderer {
	t.Helper()
	r, err := pipeline.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRenderSample renders the complete sample in every document as PDF, DOCX and
// HTML, writes it into a folder, and checks what is there.
func TestRenderSample(t *testing.T) {
	r := newRenderer(t, pipeline.Options{Formats: []string{"html", "pdf", "docx"}})
	res, err := r.Render(amira)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings for the complete sample: %q", res.Warnings)
	}
	if res.Name != "amira" || res.Path != amira {
		t.Errorf("name %q, path %q", res.Name, res.Path)
	}
	// Every document, in the usual order, each in the formats' usual order
	// whatever the order asked: pdf, docx, html.
	var want []string
	for _, s := range compose.Specs() {
		want = append(want, s.ID+".pdf", s.ID+".docx", s.ID+".html")
	}
	var got []string
	for _, f := range res.Files {
		got = append(got, f.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v\nwant %v", got, want)
	}

	dir := filepath.Join(t.TempDir(), "out", res.Name)
	written, err := res.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(res.Files) {
		t.Fatalf("wrote %d files of %d", len(written), len(res.Files))
	}
	magic := map[string]string{".pdf": "%PDF-", ".docx": "PK\x03\x04", ".html": "<!DOCTYPE html>"}
	for i, f := range res.Files {
		if written[i] != filepath.Join(dir, f.Name) {
			t.Errorf("wrote %s, want it in %s", written[i], dir)
		}
		data, err := os.ReadFile(written[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, f.Data) || !bytes.HasPrefix(data, []byte(magic[filepath.Ext(f.Name)])) {
			t.Errorf("%s: %d bytes on disk, %d drawn, starts %q", f.Name, len(data), len(f.Data), data[:min(len(data), 8)])
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(res.Files) {
		t.Errorf("the folder holds %d entries for %d files (a temporary file left?)", len(entries), len(res.Files))
	}
	html, _ := os.ReadFile(filepath.Join(dir, "llsp.html"))
	if !bytes.Contains(html, []byte("Amira Okafor")) || !bytes.Contains(html, []byte("Panel checklist")) {
		t.Error("the LLSP's HTML lacks the person or the panel checklist")
	}
}

// TestOneRendererManyPlans: a Renderer is made once and shared; plans rendered
// at the same time give the same bytes as one after another.
func TestOneRendererManyPlans(t *testing.T) {
	r := newRenderer(t, pipeline.Options{Formats: []string{"html", "md"}, Documents: []string{"one-page-profile", "llsp"}, Jobs: 2})
	plans := []string{amira, sam, amira, sam}
	alone := make([]*pipeline.Result, len(plans))
	for i, p := range plans {
		res, err := r.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		alone[i] = res
	}
	together := make([]*pipeline.Result, len(plans))
	errs := make([]error, len(plans))
	var wg sync.WaitGroup
	for i, p := range plans {
		wg.Go(func() { together[i], errs[i] = r.Render(p) })
	}
	wg.Wait()
	for i := range plans {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		a, b := alone[i].Files, together[i].Files
		if len(a) != len(b) {
			t.Fatalf("%s: %d files alone, %d together", plans[i], len(a), len(b))
		}
		for j := range a {
			if a[j].Name != b[j].Name || !bytes.Equal(a[j].Data, b[j].Data) {
				t.Errorf("%s: %s differs when plans are rendered together", plans[i], a[j].Name)
			}
		}
	}
	// llsp first, as usual, though one-page-profile was named first; the
	// Markdown's pictures follow it.
	if f := alone[0].Files; f[0].Name != "llsp.html" || f[1].Name != "llsp.md" {
		t.Errorf("files start %s, %s", f[0].Name, f[1].Name)
	}
}

// urduPlan has text in Arabic script, which the PDF cannot draw.
const urduPlan = `[person]
name = "Amira Khan"

[family]
perspective = "Amira's mum says: میری بیٹی خوش ہے"
`

func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWarnings: text the PDF cannot draw is a warning naming file, line and key,
// for a render with a PDF only; the documents are still made.
func TestWarnings(t *testing.T) {
	path := writeFile(t, t.TempDir(), "urdu.toml", urduPlan)
	for _, tc := range []struct {
		formats []string
		want    []string
	}{
		{[]string{"pdf"}, []string{path + ":5:1: family.perspective: 13 characters (Arabic script) cannot be drawn in the PDF; the DOCX keeps them"}},
		{[]string{"docx", "html"}, nil},
	} {
		r := newRenderer(t, pipeline.Options{Documents: []string{"llsp"}, Formats: tc.formats})
		res, err := r.Render(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(res.Warnings, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%v: warnings %q\nwant %q", tc.formats, res.Warnings, tc.want)
		}
		if len(res.Files) != len(tc.formats) {
			t.Errorf("%v: %d files", tc.formats, len(res.Files))
		}
	}
}

// TestErrors: what cannot be done says where, as lifeplan render prints it, and
// nothing is written.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.toml", "[person]\nname = \"A\"\n[budget]\ncontigency = 1\n")
	r := newRenderer(t, pipeline.Options{Documents: []string{"llsp"}, Formats: []string{"md"}})
	for _, tc := range []struct {
		name, path, want string
	}{
		{"unknown key", bad, bad + `:4:1: budget.contigency: unknown key "contigency" (did you mean "contingency"?)`},
		{"missing plan", filepath.Join(dir, "none.toml"), filepath.Join(dir, "none.toml") + ": cannot read the plan"},
		// The budget is worked out after loading; its errors point at the key too.
		{"budget", writeFile(t, dir, "rates.toml", "[person]\nname = \"A\"\n\n[budget]\nrates = \"uk-1999\"\n"),
			filepath.Join(dir, "rates.toml") + `:5:1: budget.rates: unknown rates table "uk-1999"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.Render(tc.path)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant %s…", err, tc.want)
			}
			if res == nil || len(res.Files) != 0 {
				t.Errorf("result %+v", res)
			}
		})
	}

	res, err := r.Render(sam)
	if err != nil {
		t.Fatal(err)
	}
	notAFolder := writeFile(t, dir, "file", "")
	if written, err := res.Write(filepath.Join(notAFolder, "sam")); err == nil || len(written) != 0 ||
		!strings.HasPrefix(err.Error(), sam+": making the output folder: ") {
		t.Errorf("writing under a file: %v, wrote %v", err, written)
	}

	for _, tc := range []struct {
		name string
		o    pipeline.Options
		want string
	}{
		{"document", pipeline.Options{Documents: []string{"llsp", "leaflet"}},
			`there is no document "leaflet": the documents are llsp, service-spec, housing-spec, support-plan, easy-read, one-page-profile`},
		{"format", pipeline.Options{Formats: []string{"odt"}}, `there is no format "odt": the formats are pdf, docx, html, md`},
		{"template", pipeline.Options{Templates: fstest.MapFS{"llsp.md.tmpl": {Data: []byte("{{ .Nope }\n")}}},
			`template llsp.md.tmpl: template: llsp.md.tmpl:1: unexpected "}" in operand`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := pipeline.New(tc.o); err == nil || err.Error() != tc.want {
				t.Errorf("err = %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestBrandAndPrevious: a branding replaces the plan's own, and a previous
// version adds what changed since it.
func TestBrandAndPrevious(t *testing.T) {
	dir := t.TempDir()
	brandFile := writeFile(t, dir, "council.toml", "[organisation]\nname = \"Example Council\"\naccent = \"#00703c\"\n")
	brand, err := pipeline.LoadBrand(brandFile)
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join("..", "plandiff", "testdata", "old.toml")
	previous, err := pipeline.Load(old)
	if err != nil {
		t.Fatal(err)
	}
	r := newRenderer(t, pipeline.Options{Documents: []string{"llsp"}, Formats: []string{"md", "html"}, Brand: brand, Previous: previous})
	res, err := r.Render(filepath.Join("..", "plandiff", "testdata", "new.toml"))
	if err != nil {
		t.Fatal(err)
	}
	html, md := string(res.Files[0].Data), string(res.Files[1].Data)
	if res.Files[0].Name != "llsp.html" || res.Files[1].Name != "llsp.md" {
		t.Fatalf("files %s, %s", res.Files[0].Name, res.Files[1].Name)
	}
	if !strings.Contains(md, "## What changed since version 1.0") {
		t.Error("no changes section with a previous version")
	}
	if !strings.Contains(html, "Example Council") || !strings.Contains(html, "--accent:#00703c") {
		t.Error("the HTML lacks the branding")
	}

	bad := writeFile(t, dir, "bad.toml", "[organisation]\nname = \"X\"\naccent = \"#ffcc00\"\n")
	if _, err := pipeline.LoadBrand(bad); err == nil || !strings.HasPrefix(err.Error(), bad+":3:1: organisation.accent: #ffcc00 has a contrast of 1.5:1") {
		t.Errorf("err = %v", err)
	}
}
