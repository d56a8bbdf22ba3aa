package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/render"
)

func formats(t *testing.T, names ...string) []render.Format {
	t.Helper()
	var out []render.Format
	for _, f := range render.Formats() {
		if slices.Contains(names, f.Name) {
			out = append(out, f)
		}
	}
	if len(out) != len(names) {
		t.Fatalf("formats %v not all known", names)
	}
	return out
}

// TestMarkdownPicturesBeside: the Markdown links its pictures by relative path and
// every one is written there, once, with the plan's bytes; HTML carries its own.
func TestMarkdownPicturesBeside(t *testing.T) {
	r := renderSample(t, "amira")
	dir := t.TempDir()
	written, _, err := render.Files(dir, r.docs, formats(t, "html", "md"))
	if err != nil {
		t.Fatal(err)
	}
	var pictures []string
	for _, w := range written {
		if strings.HasPrefix(w, filepath.Join(dir, "images")+string(filepath.Separator)) ||
			strings.HasPrefix(w, filepath.Join(dir, "pictograms")+string(filepath.Separator)) {
			pictures = append(pictures, w)
		}
	}
	if len(written) != 2*len(r.docs)+len(pictures) || len(pictures) == 0 {
		t.Fatalf("wrote %d files (%d pictures) for %d documents", len(written), len(pictures), len(r.docs))
	}
	md, err := os.ReadFile(filepath.Join(dir, "llsp.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(md, []byte("](<images/amira.png>)")) {
		t.Error("llsp.md does not link the photo by its relative path")
	}
	got, err := os.ReadFile(filepath.Join(dir, "images", "amira.png"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, r.docs[0].Blocks[2].(*doc.Figure).Image.Data) {
		t.Error("the photo beside the Markdown is not the plan's picture")
	}
	html, _ := os.ReadFile(filepath.Join(dir, "llsp.html"))
	if bytes.Contains(html, []byte("images/amira.png\"")) || !bytes.Contains(html, []byte("src=\"data:image/png;base64,")) {
		t.Error("the HTML links its pictures instead of carrying them")
	}
}

// TestPictureOutsideFolderRefused: a picture name that would write outside the
// output folder stops the whole plan before anything is written.
func TestPictureOutsideFolderRefused(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{ID: "llsp", Title: "T"}, Blocks: []doc.Block{
		&doc.Figure{Image: &doc.Image{Name: "../escape.png", Alt: "x", Format: "png", Data: []byte("x")}},
	}}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if _, _, err := render.Files(out, []*doc.Document{d}, formats(t, "md")); err == nil || !strings.Contains(err.Error(), "not inside") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
}

// TestNoPageNumbersWithoutPages: the Markdown, like the HTML, has no pages, so its
// page references are links named by their headings and its contents have no
// page column.
func TestNoPageNumbersWithoutPages(t *testing.T) {
	r := renderSample(t, "amira")
	var llsp *doc.Document
	for _, d := range r.docs {
		if d.Meta.ID == "llsp" {
			llsp = d
		}
	}
	md, err := render.Bytes(llsp, formats(t, "md")[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`[\#](`, "page [", "| Page |"} {
		if bytes.Contains(md, []byte(bad)) {
			t.Errorf("llsp.md has %q", bad)
		}
	}
	for _, want := range []string{"(see [My learning outcomes](#outcomes))", "| Section |\n"} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("llsp.md lacks %q", want)
		}
	}
}
