package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderHTMLAndMarkdown(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"render", "--out", out, "--doc", "llsp", "--format", "md,html",
		filepath.Join("..", "..", "samples", "amira.toml")}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"llsp.html", "llsp.md", filepath.Join("images", "amira.png")} {
		if !strings.Contains(stdout.String(), filepath.Join(out, "amira", want)) {
			t.Errorf("stdout does not say it wrote %s:\n%s", want, stdout.String())
		}
		if _, err := os.Stat(filepath.Join(out, "amira", want)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "amira", "llsp.pdf")); err == nil {
		t.Error("wrote a PDF that was not asked for")
	}
}
