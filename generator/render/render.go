// Package render turns composed documents into files: it draws each document in
// each format, and writes every file atomically (a temporary file renamed into
// place), so a failure never leaves a half-written document behind. Composing
// the documents is compose's job, and running the stages for a plan file is
// pipeline's.
package render

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"lifeplan/generator/doc"
	"lifeplan/generator/docx"
	"lifeplan/generator/html"
	"lifeplan/generator/layout"
	"lifeplan/generator/markdown"
	"lifeplan/generator/pageless"
	"lifeplan/generator/pdf"
	"lifeplan/generator/typeface"
)

// Format is an output file format.
type Format struct {
	Name string // "pdf", "docx", "html" or "md": the file extension
	// Write draws d. laid is the PDF's layout of d, for a format that follows it
	// (a DOCX takes its page numbers and its tables' column widths); nil for the
	// others.
	Write func(w io.Writer, d *doc.Document, laid *layout.Result) error
	// Laid says the format wants the PDF's layout.
	Laid bool
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
		{Name: pdfFormat, Write: func(w io.Writer, d *doc.Document, _ *layout.Result) error { return pdf.Render(w, d) }},
		{Name: "docx", Write: func(w io.Writer, d *doc.Document, laid *layout.Result) error {
			return docx.Render(w, d, docx.Layout{Pages: laid.PageNumbers(), Tables: laid.Tables})
		}, Laid: true},
		{Name: "html", Write: func(w io.Writer, d *doc.Document, _ *layout.Result) error { return html.Render(w, d) }},
		// A Markdown file, on a wiki or in a folder, has no pages either: its page
		// references become links named by their headings, as in the HTML.
		{Name: "md", Write: func(w io.Writer, d *doc.Document, _ *layout.Result) error {
			return markdown.WriteDocument(w, pageless.Document(d))
		}, Pictures: markdown.Pictures},
	}
}

// Drawn is one document drawn in several formats.
type Drawn struct {
	Files [][]byte // one per format, in the order asked
	// Notes are what a reader of the files should know: a one-page document
	// whose lists were cut to fit.
	Notes []string
}

// Draw draws one document in every format. The document is laid out once, first,
// when a PDF is asked for or another format follows the PDF's layout: a DOCX's
// contents and page references then carry the same numbers as the PDF, and its
// tables the same columns. Without a PDF, the layout is not drawn.
func Draw(d *doc.Document, formats []Format) (Drawn, error) {
	out := Drawn{Files: make([][]byte, len(formats))}
	var (
		laid     *layout.Result
		pdfBytes []byte
		err      error
	)
	switch {
	case slices.ContainsFunc(formats, func(f Format) bool { return f.Name == pdfFormat }):
		pdfBytes, laid, err = pdf.Draw(d, typeface.Default())
		if err != nil {
			return Drawn{}, fmt.Errorf("drawing %s as pdf: %w", d.Meta.ID, err)
		}
	case slices.ContainsFunc(formats, func(f Format) bool { return f.Laid }):
		laid = layout.Layout(d, typeface.Default())
	}
	if laid != nil {
		for _, c := range laid.Cut {
			out.Notes = append(out.Notes, fmt.Sprintf("%s: cut to fit one page: %s", d.Meta.ID, c))
		}
	}
	for i, f := range formats {
		if f.Name == pdfFormat {
			out.Files[i] = pdfBytes
			continue
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, d, laid); err != nil {
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
