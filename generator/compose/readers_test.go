package compose_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/plan"
	"lifeplan/templates"
)

// documents composes every document of a sample.
func documents(t *testing.T, c *compose.Composer, sample string) map[string]*doc.Document {
	t.Helper()
	v := view(t, sample)
	out := map[string]*doc.Document{}
	for _, spec := range compose.Specs() {
		v.Doc = spec
		d, err := c.Document(&v)
		if err != nil {
			t.Fatalf("%s/%s: %v", sample, spec.ID, err)
		}
		out[spec.ID] = d
	}
	return out
}

// anchorsAndRefs lists a document's heading anchors and the anchors its links and
// page references point at.
func anchorsAndRefs(d *doc.Document) (anchors map[string]bool, refs []string) {
	anchors = map[string]bool{}
	var inl func([]doc.Inline)
	inl = func(rs []doc.Inline) {
		for _, r := range rs {
			if r.PageOf != "" {
				refs = append(refs, r.PageOf)
			}
			if r.Link != "" {
				refs = append(refs, r.Link)
			}
		}
	}
	var walk func([]doc.Block)
	walk = func(bs []doc.Block) {
		for _, b := range bs {
			switch x := b.(type) {
			case *doc.Heading:
				if x.Anchor != "" {
					anchors[x.Anchor] = true
				}
				inl(x.Text)
			case *doc.Paragraph:
				inl(x.Text)
			case *doc.List:
				for _, it := range x.Items {
					walk(it.Blocks)
				}
			case *doc.Table:
				for _, r := range x.Rows {
					for _, c := range r {
						inl(c.Text)
					}
				}
			case *doc.Aside:
				walk(x.Blocks)
			}
		}
	}
	walk(d.Blocks)
	return anchors, refs
}

// TestPageReferencesResolve: every link and page reference in every document points
// at a heading that exists, and the LLSP's contents list all ten criteria.
func TestPageReferencesResolve(t *testing.T) {
	c := composer(t)
	for _, sample := range samples {
		for id, d := range documents(t, c, sample) {
			anchors, refs := anchorsAndRefs(d)
			for _, r := range refs {
				if !anchors[r] {
					t.Errorf("%s/%s: a reference points at #%s, which no heading has", sample, id, r)
				}
			}
			if id != "llsp" {
				continue
			}
			md, _ := c.Markdown(func() *compose.View { v := view(t, sample); v.Doc, _ = compose.SpecByID("llsp"); return &v }())
			contents, _, _ := strings.Cut(string(md[strings.Index(string(md), "## Contents"):]), "\n---")
			for n := 1; n <= 10; n++ {
				a := compose.CriterionAnchor(n)
				if !anchors[a] {
					t.Errorf("%s: the LLSP has no heading #%s", sample, a)
				}
				if !strings.Contains(contents, "[#](#"+a+")") {
					t.Errorf("%s: the contents do not give the page of #%s", sample, a)
				}
			}
			for _, a := range []string{"summary", "contents", "checklist", "agreement"} {
				if !anchors[a] {
					t.Errorf("%s: the LLSP has no heading #%s", sample, a)
				}
			}
		}
	}
}

// TestChecklistPointsAtEvidence: every met row of the panel checklist gives a page
// reference and every row not met says in words what is missing, with no key path.
func TestChecklistPointsAtEvidence(t *testing.T) {
	for _, sample := range samples {
		v := view(t, sample)
		rows := append(append([]compose.ChecklistRow{}, v.Checks.Checklist...), v.Checks.Practice...)
		if len(v.Checks.Checklist) != 10 {
			t.Errorf("%s: %d criteria in the checklist, want 10", sample, len(v.Checks.Checklist))
		}
		for _, r := range rows {
			if r.Met != (r.Anchor != "") {
				t.Errorf("%s: %q: met %v but anchor %q", sample, r.Criterion, r.Met, r.Anchor)
			}
			for _, bad := range []string{"[[", "_", "support.items", "(changes)", " = "} {
				if strings.Contains(r.Status, bad) {
					t.Errorf("%s: %q says %q, which holds %q", sample, r.Criterion, r.Status, bad)
				}
			}
		}
	}
	if v := view(t, "sam"); v.Checks.Checklist[4].Met {
		t.Error("sam: criterion 5 is met, though Sam's plan describes no support")
	}
}

// TestNoPlanIDs: the ids a plan uses to link its parts never appear in a document.
func TestNoPlanIDs(t *testing.T) {
	c := composer(t)
	p, _ := view(t, "amira").Plan, 0
	var ids []string
	for _, o := range p.Outcomes {
		ids = append(ids, o.ID)
	}
	for _, ch := range p.Changes {
		ids = append(ids, ch.ID)
	}
	for _, s := range p.Support.Items {
		ids = append(ids, s.ID)
	}
	for _, r := range p.Risks {
		ids = append(ids, r.ID)
	}
	for _, l := range p.Budget.Lines {
		ids = append(ids, l.ID)
	}
	if len(ids) < 30 {
		t.Fatalf("only %d ids in the sample: the test would prove little", len(ids))
	}
	// Some of the sample's ids are ordinary words the documents use anyway.
	ordinary := map[string]bool{"sleep-in": true, "college": true, "travel": true, "activities": true, "equipment": true}
	for id, d := range documents(t, c, "amira") {
		text := documentText(d)
		for _, pid := range ids {
			if !ordinary[pid] && containsWord(text, pid) {
				t.Errorf("%s shows the plan id %q", id, pid)
			}
		}
		for _, bad := range []string{"[[", ".;", " 1 sleep-in nights", "1 nights"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s contains %q", id, bad)
			}
		}
	}
}

// containsWord finds id in text where it is not part of a longer word.
func containsWord(text, id string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], id)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(text[j-1])
		after := j+len(id) == len(text) || !isWordByte(text[j+len(id)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return b == '-' || b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// TestDraftMeta: a plan with blockers marks every one of its documents DRAFT (the
// running header of every page), and a plan that meets the checks marks none.
func TestDraftMeta(t *testing.T) {
	c := composer(t)
	for sample, want := range map[string]string{"sam": "DRAFT", "amira": ""} {
		for id, d := range documents(t, c, sample) {
			if d.Meta.Draft != want {
				t.Errorf("%s/%s: Meta.Draft = %q, want %q", sample, id, d.Meta.Draft, want)
			}
		}
	}
}

// TestDraftKeepsEveryCriterion: Sam's draft answers few criteria, yet all ten are
// there in order, each unanswered one saying so.
func TestDraftKeepsEveryCriterion(t *testing.T) {
	c := composer(t)
	v := view(t, "sam")
	v.Doc, _ = compose.SpecByID("llsp")
	md, err := c.Markdown(&v)
	if err != nil {
		t.Fatal(err)
	}
	s := string(md)
	last := -1
	for n := 1; n <= 10; n++ {
		i := strings.Index(s, "{#"+compose.CriterionAnchor(n)+"}")
		if i < 0 || i < last {
			t.Fatalf("criterion %d missing or out of order", n)
		}
		last = i
	}
	if got := strings.Count(s, compose.NotWritten); got < 5 {
		t.Errorf("%d criteria say they are not written yet; Sam's draft leaves at least 5 unanswered", got)
	}
}

// TestHostileTemplate: a council template that tries to print everything (health,
// family concerns, risks, private items) in the housing and service specifications
// prints none of it, because compose removes it before any template runs.
func TestHostileTemplate(t *testing.T) {
	dir := t.TempDir()
	hostile := `# Everything
{{range .Plan.Health.Medication}}{{md .Name}} {{end}}
{{range .Plan.Health.Conditions}}{{md .Text}} {{end}}
{{range .Plan.Family.Concerns}}{{md .Text}} {{end}}
{{range .Plan.Risks}}{{md .What}} {{end}}
{{range .Plan.ImportantFor.Safe}}{{md .Text}} {{end}}
{{range .Plan.Team.Characteristics}}{{md .Text}} {{end}}
{{range .Plan.Support.Items}}{{md .What}} {{end}}
{{range .Items .Plan.ImportantFor.Safe}}{{md .Text}} {{end}}
`
	for _, id := range []string{"housing-spec", "service-spec"} {
		if err := os.WriteFile(filepath.Join(dir, id+".md.tmpl"), []byte(hostile), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := compose.New(templates.FS, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	v := view(t, "amira")
	for _, tc := range []struct {
		doc     string
		absent  [][]string
		present string // proves the hostile template ran
	}{
		{"housing-spec", [][]string{health, family, private, {"Having a seizure in the pool"}}, "# Everything"},
		{"service-spec", [][]string{medicine, family, private, {"epilepsy", "polycystic ovaries"}}, "Having a seizure in the pool"},
	} {
		v.Doc, _ = compose.SpecByID(tc.doc)
		md, err := c.Markdown(&v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(md), tc.present) {
			t.Errorf("%s: the hostile template did not run", tc.doc)
		}
		for _, group := range tc.absent {
			for _, s := range group {
				if strings.Contains(string(md), s) {
					t.Errorf("%s: a council template printed %q", tc.doc, s)
				}
			}
		}
	}
	// The plan the view holds is untouched: the LLSP still has everything.
	if len(v.Plan.Health.Medication) == 0 || !v.Plan.Risks[1].Private {
		t.Error("filtering for one audience changed the plan itself")
	}
}

// TestOverrideOnePart: a council's parts file rewords one named template; the other
// parts and the documents stay as built in.
func TestOverrideOnePart(t *testing.T) {
	dir := t.TempDir()
	own := `{{define "items"}}{{range .}}
- Our wording: {{item .}}
{{- end}}{{end}}`
	if err := os.WriteFile(filepath.Join(dir, compose.PartsFile), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := compose.New(templates.FS, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	v := view(t, "sam")
	v.Doc, _ = compose.SpecByID("llsp")
	md, err := c.Markdown(&v)
	if err != nil {
		t.Fatal(err)
	}
	s := string(md)
	if !strings.Contains(s, "- Our wording: Drumming") {
		t.Error("the council's item list was not used")
	}
	if !strings.Contains(s, "**DRAFT") {
		t.Error("the built-in draft part was lost when only the item list was overridden")
	}
}

// TestChecklistIgnoresFileOrder: the same plan with its tables in another order
// gives the same panel checklist (what is missing is listed in the rules' order,
// not the file's).
func TestChecklistIgnoresFileOrder(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("..", "..", "samples", "sam.toml"))
	if err != nil {
		t.Fatal(err)
	}
	importantFor := "\n[important_for]\nsafe = [\"Crossing the big road by the station\"]\n"
	outcomes := "\n[[outcomes]]\nid = \"cook\"\nwhat = \"Cook a hot meal\"\narea = \"health\"\n"
	load := func(src string) *compose.Checks {
		p, err := plan.Parse("sam.toml", []byte(src), os.DirFS("."))
		if err != nil {
			t.Fatal(err)
		}
		return compose.Judge(p, nil)
	}
	a, b := load(string(base)+importantFor+outcomes), load(string(base)+outcomes+importantFor)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("the checklist changes with the file's order:\n%+v\n%+v", a.Checklist[2], b.Checklist[2])
	}
	if a.Checklist[2].Met || !strings.Contains(a.Checklist[2].Status, ";") {
		t.Fatalf("criterion 3 should miss several things: %+v", a.Checklist[2])
	}
}
