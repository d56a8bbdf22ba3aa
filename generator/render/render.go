// Package render turns loaded plans into document files: it composes each document,
// draws it in each format, and writes every file atomically (a temporary file renamed
// into place), so a failure never leaves a half-written document behind.
package render

import (
	"bytes"
	"fmt"
	"io"

	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/docx"
	"lifeplan/generator/pdf"
)

// Format is an output file format.
type Format struct {
	Name  string // "pdf" or "docx": the file extension
	Write func(w io.Writer, d *doc.Document) error
}

// Formats lists the formats lifeplan writes, in order.
func Formats() []Format {
	return []Format{
		{Name: "pdf", Write: pdf.Render},
		{Name: "docx", Write: docx.Render},
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
