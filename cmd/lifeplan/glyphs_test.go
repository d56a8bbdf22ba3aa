package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// urduPlan has Urdu text (Arabic script, which fpdf cannot shape) and an emoji.
const urduPlan = `[person]
name = "Amira Khan"

[family]
perspective = "Amira's mum says: میری بیٹی خوش ہے"
hopes = [
  "A home near the mosque",
  "Amira keeps swimming 🏊",
]

[about]
who_i_am = "Tŷ, ✓, Zażółć and Привет all draw"
`

func writePlan(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUndrawableWarnings(t *testing.T) {
	path := writePlan(t, urduPlan)
	want := []string{
		path + ":5:1: family.perspective: 13 characters (Arabic script) cannot be drawn in the PDF; the DOCX keeps them",
		path + ":8:3: family.hopes[1]: 1 character (emoji) cannot be drawn in the PDF; the DOCX keeps it",
	}
	plain := writePlan(t, strings.NewReplacer("میری بیٹی خوش ہے", "my daughter is happy", " 🏊", "").Replace(urduPlan))
	out := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"check", []string{"check", path}},
		{"check json", []string{"check", "--format", "json", path}},
		{"render pdf", []string{"render", "--out", out, "--doc", "llsp", "--format", "pdf", path}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			var warnings []string
			for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
				if strings.Contains(line, "cannot be drawn") {
					warnings = append(warnings, line)
				}
			}
			if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s\nall stderr:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"), stderr.String())
			}
			// The same plan without the Urdu and the emoji exits the same way.
			plainArgs := append(append([]string{}, tc.args[:len(tc.args)-1]...), plain)
			var plainErr bytes.Buffer
			if plainCode := run(plainArgs, &bytes.Buffer{}, &plainErr); plainCode != code {
				t.Errorf("exit code %d with the warnings, %d without: a warning must not change it", code, plainCode)
			}
			if strings.Contains(plainErr.String(), "cannot be drawn") {
				t.Errorf("warning for a plan that draws:\n%s", plainErr.String())
			}
		})
	}
}

// TestNoWarningWithoutPDF: the warning is about the PDF; a DOCX-only render has
// nothing to warn about.
func TestNoWarningWithoutPDF(t *testing.T) {
	path := writePlan(t, urduPlan)
	var stderr bytes.Buffer
	if code := run([]string{"render", "--out", t.TempDir(), "--doc", "llsp", "--format", "docx", path}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "cannot be drawn") {
		t.Errorf("warning for a DOCX-only render:\n%s", stderr.String())
	}
}
