package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffCommand(t *testing.T) {
	bin := lifeplan(t)
	old := filepath.Join("..", "..", "generator", "plandiff", "testdata", "old.toml")
	new := filepath.Join("..", "..", "generator", "plandiff", "testdata", "new.toml")
	missing := filepath.Join(t.TempDir(), "none.toml")
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"text", []string{"diff", old, new}, 0, "Budget line “My PA”: hourly rate changed from £13.50 to £14.00, up £0.50", ""},
		{"same plan", []string{"diff", new, new}, 0, "Nothing changed.", ""},
		{"json", []string{"diff", "--format", "json", old, new}, 0, `"matched_by": "similar text (57%)"`, ""},
		{"one plan", []string{"diff", old}, 2, "", "name two plan files"},
		{"three plans", []string{"diff", old, new, new}, 2, "", "name two plan files"},
		{"bad format", []string{"diff", "--format", "xml", old, new}, 2, "", "--format must be one of text, json"},
		{"missing plan", []string{"diff", old, missing}, 2, "", "none.toml: cannot read the plan"},
		{"help", []string{"diff", "--help"}, 0, "diff [--format text|json] OLD.toml NEW.toml", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runBin(t, bin, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if tc.args[1] == "--format" && code == 0 {
				var v map[string]any
				if err := json.Unmarshal([]byte(stdout), &v); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			}
		})
	}
}

func TestRenderSince(t *testing.T) {
	bin := lifeplan(t)
	old := filepath.Join("..", "..", "generator", "plandiff", "testdata", "old.toml")
	new := filepath.Join("..", "..", "generator", "plandiff", "testdata", "new.toml")
	out := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"two plans", []string{"render", "--out", out, "--since", old, new, new}, 2, "name one plan, not 2"},
		{"missing old", []string{"render", "--out", out, "--since", "nowhere.toml", new}, 2, "nowhere.toml: cannot read the plan"},
		{"works", []string{"render", "--out", out, "--format", "md", "--since", old, new}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runBin(t, bin, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d (want %d): %s", code, tc.code, stderr)
			}
		})
	}
	for doc, want := range map[string]bool{"llsp": true, "support-plan": true, "service-spec": false, "housing-spec": false} {
		md, err := os.ReadFile(filepath.Join(out, "new", doc+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(md), "## What changed since version 1.0"); got != want {
			t.Errorf("%s has the changes section: %v", doc, got)
		}
	}
}
