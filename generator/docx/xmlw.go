package docx

import (
	"bytes"
	"encoding/xml"
)

// xmlWriter writes XML by hand, element by element. Every part of the package is
// made with it: the element and attribute names are ours and fixed, and every value
// that can hold user text goes through xml.EscapeText, so user text is always
// literal. It is several times faster than encoding/xml's Marshal of tagged
// structs, and what it writes is exactly what the code reads like.
type xmlWriter struct {
	bytes.Buffer
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// start writes <name a1="v1" ...>; attrs are name, value pairs.
func (w *xmlWriter) start(name string, attrs ...string) {
	w.open(name, attrs)
	w.WriteByte('>')
}

// empty writes <name a1="v1" .../>.
func (w *xmlWriter) empty(name string, attrs ...string) {
	w.open(name, attrs)
	w.WriteString("/>")
}

func (w *xmlWriter) open(name string, attrs []string) {
	w.WriteByte('<')
	w.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.WriteByte(' ')
		w.WriteString(attrs[i])
		w.WriteString(`="`)
		w.escape(attrs[i+1])
		w.WriteByte('"')
	}
}

func (w *xmlWriter) end(name string) {
	w.WriteString("</")
	w.WriteString(name)
	w.WriteByte('>')
}

// elem writes <name>text</name>.
func (w *xmlWriter) elem(name, text string, attrs ...string) {
	w.start(name, attrs...)
	w.escape(text)
	w.end(name)
}

// escape writes s as XML text or attribute content. xml.EscapeText also replaces
// characters XML 1.0 forbids, so the part stays well formed whatever the plan says.
func (w *xmlWriter) escape(s string) {
	if plainXML(s) {
		w.WriteString(s)
		return
	}
	_ = xml.EscapeText(w, []byte(s)) // writing to a bytes.Buffer cannot fail
}

// plainXML reports whether s needs no escaping at all (the common case).
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<' || c == '>' || c == '&' || c == '"' || c == '\'':
			return false
		case c < 0x20 || c >= 0x80:
			return false
		}
	}
	return true
}
