package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitFirstFiveMinutes: a new planner's first steps work as the README says.
func TestInitFirstFiveMinutes(t *testing.T) {
	bin := lifeplan(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "jo-bloggs.toml")
	out := filepath.Join(dir, "out")
	steps := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"init", []string{"init", "--name", "Jo \"JB\" Bloggs", "--date", "2026-09-14", plan}, 0, "wrote " + plan, ""},
		{"init again", []string{"init", "--name", "Someone Else", plan}, 2, "", "already exists; lifeplan init never overwrites"},
		{"check lists what to write next", []string{"check", plan}, 1, "blocker [c1-no-strengths] about.good_at", ""},
		{"render a draft", []string{"render", "--out", out, "--format", "pdf,html", plan}, 0, "llsp.pdf", ""},
		{"name from the file name", []string{"init", filepath.Join(dir, "amira-okafor.toml")}, 0, "wrote", `the plan is for "Amira Okafor"`},
		{"no file", []string{"init"}, 2, "", "name at least one plan"},
		{"two files", []string{"init", plan, plan}, 2, "", "name one new plan file"},
		{"not toml", []string{"init", filepath.Join(dir, "jo.txt")}, 2, "", "ends in .toml"},
		{"bad date", []string{"init", "--date", "14/09/2026", filepath.Join(dir, "x.toml")}, 2, "", "is not a date"},
		{"missing folder", []string{"init", "--name", "Jo", filepath.Join(dir, "none", "x.toml")}, 2, "", "cannot create"},
	}
	var first []byte
	for i, s := range steps {
		stdout, stderr, code := runBin(t, bin, s.args...)
		if code != s.code || !strings.Contains(stdout, s.stdout) || !strings.Contains(stderr, s.stderr) {
			t.Errorf("%s: exit %d (want %d)\nstdout: %s\nstderr: %s", s.name, code, s.code, stdout, stderr)
		}
		if i == 0 {
			first, _ = os.ReadFile(plan)
		}
	}
	now, _ := os.ReadFile(plan)
	if !bytes.Equal(first, now) || !bytes.Contains(now, []byte(`name = "Jo \"JB\" Bloggs"`)) {
		t.Errorf("the plan was changed after init, or lost its name")
	}
	draft, err := os.ReadFile(filepath.Join(out, "jo-bloggs", "llsp.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(draft, []byte("DRAFT")) || !bytes.Contains(draft, []byte("Jo &#34;JB&#34; Bloggs")) {
		t.Error("the rendered starter is not a draft for Jo")
	}
	for _, leftover := range []string{"x.toml", "jo.txt", "none"} {
		if _, err := os.Stat(filepath.Join(dir, leftover)); err == nil {
			t.Errorf("a failed init left %s behind", leftover)
		}
	}
}
