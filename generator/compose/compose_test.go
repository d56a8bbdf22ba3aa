package compose_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/testtools"
	"lifeplan/generator/plan"
	"lifeplan/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

var samples = []string{"amira", "sam"}

func view(t testing.TB, sample string) compose.View {
	t.Helper()
	p, b := testtools.Sample(t, sample)
	return compose.View{Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)}
}

func composer(t testing.TB) *compose.Composer {
	t.Helper()
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGolden keeps the intermediate Markdown of every document of every sample.
// Review the diff of testdata/ when a template or the plan model changes; rewrite
// with go test ./generator/compose -update.
func TestGolden(t *testing.T) {
	c := composer(t)
	for _, sample := range samples {
		v := view(t, sample)
		for _, spec := range compose.Specs() {
			t.Run(sample+"/"+spec.ID, func(t *testing.T) {
				v.Doc = spec
				got, err := c.Markdown(&v)
				if err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", sample, spec.ID+".md")
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; review the change and rerun with -update\n%s", spec.ID, firstDiff(string(want), string(got)))
				}
			})
		}
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return ""
}

// sensitive is text from the complete sample that only some audiences may see
// (see the comment at the top of samples/amira.toml).
var (
	health   = []string{"epilepsy", "tonic-clonic", "Levetiracetam", "Sertraline", "Melatonin", "Buccal midazolam", "polycystic ovaries"}
	family   = []string{"Mum worries about money since the divorce"}
	private  = []string{"exploitation by an older man she met online", "online incident in May 2026", "heavy periods", "online-safety plan"}
	medicine = []string{"Levetiracetam", "Sertraline", "Melatonin", "Buccal midazolam"}
)

// TestAudiences proves data minimisation on the complete sample: the housing
// specification carries no health, family concerns or private items; the service
// specification carries support needs but no medication, family concerns or private
// items; the one-page profile none of these; the LLSP carries them all.
func TestAudiences(t *testing.T) {
	c := composer(t)
	v := view(t, "amira")
	text := map[string]string{}
	for _, spec := range compose.Specs() {
		v.Doc = spec
		d, err := c.Document(&v)
		if err != nil {
			t.Fatal(err)
		}
		text[spec.ID] = documentText(d)
	}
	for _, tc := range []struct {
		doc    string
		absent [][]string
	}{
		{"housing-spec", [][]string{health, family, private, {"seizure", "Risks and how they are managed", "Hours of support"}}},
		{"service-spec", [][]string{medicine, family, private, {"polycystic ovaries", "epilepsy"}}},
		// The one-page profile is for everyone who supports the person: no health,
		// medication, family concerns or private items.
		{"one-page-profile", [][]string{health, family, private, medicine, {"seizure", "medicines", "Risks"}}},
	} {
		for _, group := range tc.absent {
			for _, s := range group {
				if strings.Contains(text[tc.doc], s) {
					t.Errorf("%s contains %q", tc.doc, s)
				}
			}
		}
	}
	for _, s := range append(append(append([]string{}, health...), family...), private[:2]...) {
		if !strings.Contains(text["llsp"], s) {
			t.Errorf("the LLSP lacks %q: the test's sample no longer has it, or the LLSP lost a section", s)
		}
	}
	for _, s := range append([]string{"Sertraline", "epilepsy"}, private[0], private[3]) {
		if !strings.Contains(text["support-plan"], s) {
			t.Errorf("the support plan lacks %q", s)
		}
	}
	if !strings.Contains(text["service-spec"], "Paid support to cost") {
		t.Error("the service specification lost its team hours")
	}
}

// documentText is all the text of a document tree, pictures' alt text included.
func documentText(d *doc.Document) string {
	var b strings.Builder
	var walk func([]doc.Block)
	runs := func(rs []doc.Inline) { b.WriteString(doc.PlainText(rs)); b.WriteByte('\n') }
	pic := func(img *doc.Image) {
		if img != nil {
			b.WriteString(img.Alt + "\n")
		}
	}
	walk = func(bs []doc.Block) {
		for _, bl := range bs {
			switch x := bl.(type) {
			case *doc.Heading:
				runs(x.Text)
			case *doc.Paragraph:
				pic(x.Picture)
				runs(x.Text)
			case *doc.List:
				for _, it := range x.Items {
					pic(it.Picture)
					walk(it.Blocks)
				}
			case *doc.Table:
				for _, c := range x.Header {
					runs(c.Text)
				}
				for _, r := range x.Rows {
					for _, c := range r {
						runs(c.Text)
					}
				}
			case *doc.Figure:
				pic(x.Image)
			case *doc.Aside:
				walk(x.Blocks)
			}
		}
	}
	walk(d.Blocks)
	return b.String()
}

// TestEmptySectionsDropped: a minimal plan shows no heading without content.
func TestEmptySectionsDropped(t *testing.T) {
	c := composer(t)
	v := view(t, "sam")
	for _, spec := range compose.Specs() {
		v.Doc = spec
		md, err := c.Markdown(&v)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(md), "\n")
		for i, l := range lines {
			if !strings.HasPrefix(l, "#") {
				continue
			}
			level := len(l) - len(strings.TrimLeft(l, "#"))
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if j == len(lines) {
				t.Errorf("%s: heading %q ends the document with nothing under it", spec.ID, l)
				continue
			}
			next := lines[j]
			if strings.HasPrefix(next, "#") && len(next)-len(strings.TrimLeft(next, "#")) <= level {
				t.Errorf("%s: heading %q has nothing under it", spec.ID, l)
			}
		}
	}
}

// TestCustomTemplates: a council's folder replaces the templates it has, and the
// built-in ones fill in the rest.
func TestCustomTemplates(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "housing-spec.md.tmpl"), []byte("# Our own housing form for {{md .Person.Name}}\n\nWe are looking for a home.\n"), 0o644)
	c, err := compose.New(templates.FS, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	v := view(t, "sam")
	for id, want := range map[string]string{"housing-spec": "# Our own housing form for Samuel Reid", "llsp": "# Learning and Living Support Plan"} {
		spec, _ := compose.SpecByID(id)
		v.Doc = spec
		md, err := c.Markdown(&v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(md), want) {
			t.Errorf("%s starts %q, want %q", id, strings.SplitN(string(md), "\n", 2)[0], want)
		}
	}
	os.WriteFile(filepath.Join(dir, "llsp.md.tmpl"), []byte("{{.Nope}"), 0o644)
	if _, err := compose.New(templates.FS, os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), "llsp.md.tmpl") {
		t.Errorf("a broken template: got %v, want an error naming it", err)
	}
}

func BenchmarkCompose(b *testing.B) {
	c := composer(b)
	v := view(b, "amira")
	for b.Loop() {
		for _, spec := range compose.Specs() {
			v.Doc = spec
			if _, err := c.Document(&v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := plan.Load(filepath.Join("..", "..", "samples", "amira.toml")); err != nil {
			b.Fatal(err)
		}
	}
}
