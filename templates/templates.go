// Package templates embeds the document templates: Go text/template files that write
// Markdown (CommonMark with GFM tables). A council can copy this folder, reword the
// files and pass it with --templates; files it leaves out come from here.
package templates

import "embed"

// FS holds the document templates, named <doc-id>.md.tmpl.
//
//go:embed *.md.tmpl
var FS embed.FS
