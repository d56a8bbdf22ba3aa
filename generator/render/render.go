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
	"lifeplan/generator/typeface"
)

// Format is an output file format.
type Format struct {
	Name string // "pdf", "docx", "html" or "md": the file extension
	// Write draws d. pages holds the page number of each heading as the PDF layout
	// placed it, for formats whose contents and page references need numbers.
	Write func(w io.Writer, d *doc.Document, pages doc.Pages) error
	// Pages says the format wants those page numbers.
	Pages bool
	// Pictures, when set, lists the pictures to write beside the file, each at its
	// Name relative to the output folder (Markdown links to them; the other
	// formats carry their pictures inside).
	Pictures func(d *doc.Document) []*doc.Image
}

// pdfFormat is the name of the format that lays documents out in pages.
const pdfFormat = "pdf"

// Formats lists the formats lifeplan writes, in order.
func Formats() []Format {
	return []Format{
		{Name: pdfFormat, Write: func(w io.Writer, d *doc.Document, _ doc.Pages) error { return pdf.Render(w, d) }},
		{Name: "docx", Write: docx.Render, Pages: true},
		{Name: "html", Write: func(w io.Writer, d *doc.Document, _ doc.Pages) error { return html.Render(w, d) }},
		{Name: "md", Write: func(w io.Writer, d *doc.Document, _ doc.Pages) error { return markdown.WriteDocument(w, d) },
			Pictures: markdown.Pictures},
	}
}

// Drawn is one document drawn in several formats.
type Drawn struct {
	Files [][]byte // one per format, in the order asked
	// Notes are what a reader of the files should know: a one-page document
	// whose lists were cut to fit.
	Notes []string
}

// Draw draws one document in every format. The PDF is laid out once, first, when
// a PDF is asked for or another format needs its page numbers: a DOCX's contents
// and page references then carry the same numbers as the PDF.
func Draw(d *doc.Document, formats []Format) (Drawn, error) {
	out := Drawn{Files: make([][]byte, len(formats))}
	var pages doc.Pages
	layoutDone := false
	for i, f := range formats {
		if f.Name != pdfFormat && !f.Pages {
			continue
		}
		if !layoutDone {
			b, res, err := pdf.Draw(d, typeface.Default())
			if err != nil {
				return Drawn{}, fmt.Errorf("drawing %s as pdf: %w", d.Meta.ID, err)
			}
			pages, layoutDone = res.PageNumbers(), true
			for _, c := range res.Cut {
				out.Notes = append(out.Notes, fmt.Sprintf("%s: cut to fit one page: %s", d.Meta.ID, c))
			}
			if f.Name == pdfFormat {
				out.Files[i] = b
			}
		} else if f.Name == pdfFormat {
			for j, g := range formats[:i] {
				if g.Name == pdfFormat {
					out.Files[i] = out.Files[j]
				}
			}
		}
	}
	for i, f := range formats {
		if out.Files[i] != nil {
			continue
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, d, pages); err != nil {
			return Drawn{}, fmt.Errorf("drawing %s as %s: %w", d.Meta.ID, f.Name, err)
		}
		out.Files[i] = buf.Bytes()
	}
	return out, nil
}

// Bytes draws one document in one format.
func Bytes(d *doc.Document, f Format) ([]byte, error) {
	dr, err := Draw(d, []Format{f})
	if err != nil {
		return nil, err
	}
	return dr.Files[0], nil
}

// Files draws every document in every format and writes them into dir as
// <doc-id>.<format>. It draws everything before writing anything, so an error in
// one document leaves no files of that plan changed. It returns the paths written
// and the notes of the drawing.
func Files(dir string, docs []*doc.Document, formats []Format) ([]string, []string, error) {
	type file struct {
		path string
		data []byte
	}
	var files []file
	var notes []string
	for _, d := range docs {
		dr, err := Draw(d, formats)
		if err != nil {
			return nil, nil, err
		}
		for i, f := range formats {
			files = append(files, file{filepath.Join(dir, d.Meta.ID+"."+f.Name), dr.Files[i]})
			if f.Pictures == nil {
				continue
			}
			for _, img := range f.Pictures(d) {
				// The loader only reads pictures inside the plan's folder, so their
				// names are local; a name that is not would write outside dir.
				if !filepath.IsLocal(img.Name) {
					return nil, nil, fmt.Errorf("%s: picture %q is not inside the plan's folder", d.Meta.ID, img.Name)
				}
				path := filepath.Join(dir, filepath.FromSlash(img.Name))
				if !slices.ContainsFunc(files, func(f file) bool { return f.path == path }) {
					files = append(files, file{path, img.Data})
				}
			}
		}
		notes = append(notes, dr.Notes...)
	}
	var written []string
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return written, notes, fmt.Errorf("making the output folder: %w", err)
		}
		if err := WriteAtomic(f.path, f.data); err != nil {
			return written, notes, err
		}
		written = append(written, f.path)
	}
	return written, notes, nil
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
