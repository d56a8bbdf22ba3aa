// Package render turns loaded plans into document files: it composes each document,
// draws it in each format, and writes every file atomically (a temporary file renamed
// into place), so a failure never leaves a half-written document behind.
package render

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/docx"
	"lifeplan/generator/html"
	"lifeplan/generator/markdown"
	"lifeplan/generator/pdf"
)

// Format is an output file format.
type Format struct {
	Name  string // "pdf", "docx", "html" or "md": the file extension
	Write func(w io.Writer, d *doc.Document) error
	// Pictures, when set, lists the pictures to write beside the file, each at its
	// Name relative to the output folder (Markdown links to them; the other
	// formats carry their pictures inside).
	Pictures func(d *doc.Document) []*doc.Image
}

// Formats lists the formats lifeplan writes, in order.
func Formats() []Format {
	return []Format{
		{Name: "pdf", Write: pdf.Render},
		{Name: "docx", Write: docx.Render},
		{Name: "html", Write: html.Render},
		{Name: "md", Write: markdown.WriteDocument, Pictures: markdown.Pictures},
	}
}

// Bytes draws one document in one format.
func Bytes(d *doc.Document, f Format) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Write(&buf, d); err != nil {
		return nil, fmt.Errorf("drawing %s as %s: %w", d.Meta.ID, f.Name, err)
	}
	return buf.Bytes(), nil
}

// Files draws every document in every format and writes them into dir as
// <doc-id>.<format>. It draws everything before writing anything, so an error in
// one document leaves no files of that plan changed. It returns the paths written.
func Files(dir string, docs []*doc.Document, formats []Format) ([]string, error) {
	type file struct {
		path string
		data []byte
	}
	var files []file
	for _, d := range docs {
		for _, f := range formats {
			b, err := Bytes(d, f)
			if err != nil {
				return nil, err
			}
			files = append(files, file{filepath.Join(dir, d.Meta.ID+"."+f.Name), b})
			if f.Pictures == nil {
				continue
			}
			for _, img := range f.Pictures(d) {
				// The loader only reads pictures inside the plan's folder, so their
				// names are local; a name that is not would write outside dir.
				if !filepath.IsLocal(img.Name) {
					return nil, fmt.Errorf("%s: picture %q is not inside the plan's folder", d.Meta.ID, img.Name)
				}
				path := filepath.Join(dir, filepath.FromSlash(img.Name))
				if !slices.ContainsFunc(files, func(f file) bool { return f.path == path }) {
					files = append(files, file{path, img.Data})
				}
			}
		}
	}
	var written []string
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return written, fmt.Errorf("making the output folder: %w", err)
		}
		if err := WriteAtomic(f.path, f.data); err != nil {
			return written, err
		}
		written = append(written, f.path)
	}
	return written, nil
}

// WriteAtomic writes data to path by way of a temporary file in the same folder,
// renamed into place only when complete.
func WriteAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// ComposeAll composes the chosen documents of one plan.
func ComposeAll(c *compose.Composer, specs []compose.Spec, v compose.View) ([]*doc.Document, error) {
	var docs []*doc.Document
	for _, s := range specs {
		view := v
		view.Doc = s
		d, err := c.Document(&view)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ID, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}
