package compose_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lifeplan/generator/compose"
	"lifeplan/generator/plandiff"
	"lifeplan/templates"
)

// TestChangesSection: with an earlier version, the LLSP and the support plan say
// what changed, with user text escaped; the documents for outsiders do not.
func TestChangesSection(t *testing.T) {
	c := composer(t)
	v := view(t, "amira")
	older := view(t, "amira")
	old := *older.Plan
	old.Plan.Version = "1.1"
	old.Budget.Allocation -= 150000
	old.About.GoodAt = append(old.About.GoodAt[:1:1], old.About.GoodAt[2:]...)
	old.About.Hopes = append(old.About.Hopes, old.About.Hopes[0])
	old.About.Hopes[len(old.About.Hopes)-1].Text = "Jo | *Smith* # <b> [x]"
	v.Changes = plandiff.Compare(&old, v.Plan, nil, nil)
	for _, spec := range compose.Specs() {
		v.Doc = spec
		md, err := c.Markdown(&v)
		if err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(string(md), "## What changed since version 1.1")
		if want := spec.ID == "llsp" || spec.ID == "support-plan"; has != want {
			t.Errorf("%s: changes section present %v, want %v", spec.ID, has, want)
		}
		if !has {
			continue
		}
		for _, want := range []string{
			"These are the 4 things that changed",
			"- Version changed from “1.1” to “1.2”",
			"- Allocation changed from £40,000.00 to £41,500.00, up £1,500.00",
			"- Added to good at: “Remembering song lyrics",
			"- Removed from hopes: “Jo \\| \\*Smith\\* \\# \\<b\\> \\[x\\]”",
		} {
			if !strings.Contains(string(md), want) {
				t.Errorf("%s lacks %q", spec.ID, want)
			}
		}
		if _, err := c.Document(&v); err != nil {
			t.Fatal(err)
		}
	}
}

// TestChangesTemplateOverride: a council's own changes.md.tmpl replaces the
// built-in one.
func TestChangesTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "changes.md.tmpl"), []byte("{{define \"changes\"}}{{with .Changes}}## Amendments to {{md .OldVersion}}\n\nNone.{{end}}{{end}}"), 0o644)
	c, err := compose.New(templates.FS, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	v := view(t, "sam")
	v.Doc, _ = compose.SpecByID("support-plan")
	v.Changes = plandiff.Compare(v.Plan, v.Plan, nil, nil)
	md, err := c.Markdown(&v)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "## Amendments to 0\\.1") {
		t.Errorf("override not used:\n%s", md)
	}
}
