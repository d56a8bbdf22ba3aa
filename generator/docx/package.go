package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"

	"lifeplan/fonts"
	"lifeplan/generator/doc"
	"lifeplan/generator/internal/reuse"
)

// This file assembles the package: every part is made once, in memory, and the zip
// is written once, its entries in a fixed order ([Content_Types].xml and the
// package relationships first, where readers look for them, the rest by name), all
// stamped with the plan's date, so the same document always gives the same bytes.

const (
	relHeader = "rIdHeader"
	relFooter = "rIdFooter"

	relTypeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	nsRel       = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctBase      = "application/vnd.openxmlformats-officedocument."
)

// fallbackCreated stands in for an empty Meta.Created so output stays reproducible.
var fallbackCreated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func parseCreated(s string) (time.Time, error) {
	if s == "" {
		return fallbackCreated, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("meta created %q: %w", s, err)
	}
	return t, nil
}

// part is one zip entry. raw, when set, is data already deflated (with its CRC and
// size), copied into the zip as it is.
type part struct {
	name string
	data []byte
	raw  *deflated
}

// pack builds every part around the body and zips them.
func (r *renderer) pack(out *bytes.Buffer, body []byte, created time.Time) error {
	header, footer := r.headerXML(), r.footerXML()
	embedded, err := r.glyphs.embedded()
	if err != nil {
		return err
	}
	parts := []part{
		{name: "[Content_Types].xml", data: contentTypes(r.media)},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "docProps/app.xml", data: []byte(appXML)},
		{name: "docProps/core.xml", data: coreXML(r.d.Meta, created)},
		{name: "word/document.xml", data: body},
		{name: "word/_rels/document.xml.rels", data: r.documentRels()},
		{name: "word/styles.xml", data: stylesXML(r.s, language(r.d.Meta), r.glyphs.hasFallback())},
		{name: "word/numbering.xml", data: numberingXML(r.s, r.nums, r.glyphs.bulletGlyphs())},
		{name: "word/settings.xml", data: settingsXML(embedded)},
		{name: "word/fontTable.xml", data: fontTableXML(embedded)},
		{name: "word/_rels/fontTable.xml.rels", data: fontRels(embedded)},
		{name: "word/header1.xml", data: header},
		{name: "word/footer1.xml", data: footer},
	}
	for _, m := range r.media {
		parts = append(parts, part{name: "word/media/" + m.name, data: m.data})
	}
	for i, f := range embedded {
		p := part{name: "word/fonts/" + fontPartName(i)}
		if f.subset {
			p.data = f.data
		} else {
			p.raw = deflatedFont(f.face)
		}
		parts = append(parts, p)
	}
	return writeZip(out, parts, created)
}

// language is the document's BCP 47 tag, British English when the plan gives none.
func language(m doc.Meta) string {
	if m.Language == "" {
		return "en-GB"
	}
	return m.Language
}

func fontPartName(i int) string { return "font" + strconv.Itoa(i+1) + ".odttf" }

// zipEpoch is the earliest time a zip entry can carry.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// flateWriters are the compressors of the XML parts, at flate.BestSpeed, from
// github.com/klauspost/compress: a drop-in for compress/flate whose fastest level
// takes half the time of the standard library's (the LLSP's document.xml, 300 KB:
// 0.95 against 2.0 ms) for a smaller file (44 against 47 KB). Go's default level
// had made compressing the XML three quarters of the time of writing a DOCX. A
// compressor costs more to make than a small part does to compress, so they are
// kept for reuse (package reuse), as archive/zip pools its own: zip writes one
// entry at a time, and each entry resets the compressor.
var flateWriters = make(reuse.List[*flate.Writer], 8)

func newFlate() *flate.Writer {
	fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return fw
}

func writeZip(buf *bytes.Buffer, parts []part, created time.Time) error {
	rank := func(name string) int {
		switch name {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(parts, func(a, b part) int {
		if ra, rb := rank(a.name), rank(b.name); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.name, b.name)
	})
	mod := created
	if mod.Before(zipEpoch) {
		mod = zipEpoch
	}
	// Room for the whole file at once: pictures and fonts as they are, the XML
	// at about a third of its size (BestSpeed does better than that on ours).
	room := 1 << 12
	for _, p := range parts {
		switch {
		case p.raw != nil:
			room += len(p.raw.data)
		case strings.HasPrefix(p.name, "word/media/"):
			room += len(p.data) + 128
		default:
			room += len(p.data)/3 + 128
		}
	}
	buf.Grow(room)
	zw := zip.NewWriter(buf)
	fw := flateWriters.Get(newFlate)
	defer flateWriters.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		setDOSTime(h, mod)
		if strings.HasPrefix(p.name, "word/media/") {
			h.Method = zip.Store // PNG and JPEG are compressed already
		}
		if p.raw != nil {
			h.CRC32, h.CompressedSize64, h.UncompressedSize64 = p.raw.crc, uint64(len(p.raw.data)), p.raw.size
			out, err := zw.CreateRaw(h)
			if err != nil {
				return fmt.Errorf("zip entry %s: %w", p.name, err)
			}
			if _, err := out.Write(p.raw.data); err != nil {
				return fmt.Errorf("zip entry %s: %w", p.name, err)
			}
			continue
		}
		out, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("zip entry %s: %w", p.name, err)
		}
		if _, err := out.Write(p.data); err != nil {
			return fmt.Errorf("zip entry %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}

// setDOSTime stamps h with t in the zip format's own MS-DOS fields only. Setting
// Modified would add an extended-timestamp field to some entries; every entry
// gets the same plain stamp instead.
func setDOSTime(h *zip.FileHeader, t time.Time) {
	h.ModifiedDate = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	h.ModifiedTime = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
}

// deflated is a zip entry's data compressed ahead of time.
type deflated struct {
	data []byte
	crc  uint32
	size uint64
}

// deflatedFonts compresses each obfuscated main face once per process: the same
// bytes go into every document, and compressing them is most of a document's
// zipping time.
var deflatedFonts = sync.OnceValue(func() [4]*deflated {
	var out [4]*deflated
	for f, e := range mainFaces() {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.DefaultCompression) // level is valid
		_, _ = fw.Write(e.data)                                  // writes to a bytes.Buffer cannot fail
		_ = fw.Close()
		out[f] = &deflated{data: buf.Bytes(), crc: crc32.ChecksumIEEE(e.data), size: uint64(len(e.data))}
	}
	return out
})

func deflatedFont(f face) *deflated { return deflatedFonts()[f] }

const rootRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relTypeBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relTypeBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
	` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>lifeplan</Application><DocSecurity>0</DocSecurity></Properties>`

func contentTypes(media []mediaPart) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
	w.empty("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml")
	w.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	w.empty("Default", "Extension", "odttf", "ContentType", ctBase+"obfuscatedFont")
	exts := map[string]bool{}
	for _, m := range media {
		exts[m.name[strings.LastIndexByte(m.name, '.')+1:]] = true
	}
	for _, ext := range []string{"jpeg", "png"} {
		if exts[ext] {
			w.empty("Default", "Extension", ext, "ContentType", "image/"+ext)
		}
	}
	wml := ctBase + "wordprocessingml."
	for _, o := range [][2]string{
		{"/docProps/app.xml", ctBase + "extended-properties+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/fontTable.xml", wml + "fontTable+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/word/header1.xml", wml + "header+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
	} {
		w.empty("Override", "PartName", o[0], "ContentType", o[1])
	}
	w.end("Types")
	return w.Bytes()
}

func (r *renderer) documentRels() []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("Relationships", "xmlns", nsRel)
	for _, rel := range [][3]string{
		{"rIdStyles", "styles", "styles.xml"},
		{"rIdNumbering", "numbering", "numbering.xml"},
		{"rIdSettings", "settings", "settings.xml"},
		{"rIdFontTable", "fontTable", "fontTable.xml"},
		{relHeader, "header", "header1.xml"},
		{relFooter, "footer", "footer1.xml"},
	} {
		w.empty("Relationship", "Id", rel[0], "Type", relTypeBase+rel[1], "Target", rel[2])
	}
	for _, m := range r.media {
		w.empty("Relationship", "Id", m.rel, "Type", relTypeBase+"image", "Target", "media/"+m.name)
	}
	w.end("Relationships")
	return w.Bytes()
}

// settingsXML: fonts embedded (a subset when the fallback face is), fields updated
// on open (the contents and page references get Word's own numbers), Word 2013+
// layout. Elements follow the order CT_Settings requires.
func settingsXML(embedded []embeddedFont) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:settings", "xmlns:w", nsW)
	if len(embedded) > 0 {
		w.empty("w:embedTrueTypeFonts")
	}
	for _, f := range embedded {
		if f.subset {
			w.empty("w:saveSubsetFonts")
			break
		}
	}
	w.empty("w:defaultTabStop", "w:val", "709")
	w.empty("w:characterSpacingControl", "w:val", "doNotCompress")
	w.empty("w:updateFields", "w:val", "true")
	w.start("w:compat")
	w.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	w.end("w:compat")
	w.end("w:settings")
	return w.Bytes()
}

// fontTableXML names the families with their embedded faces. The main family
// names Arial as its alternative, so a reader that ignores embedded fonts falls
// back to a plain sans-serif rather than Times.
func fontTableXML(embedded []embeddedFont) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:fonts", "xmlns:w", nsW, "xmlns:r", nsR)
	for _, fam := range []string{fonts.Family, fonts.FallbackFamily} {
		var faces []int
		for i, f := range embedded {
			if f.family == fam {
				faces = append(faces, i)
			}
		}
		if fam == fonts.FallbackFamily && len(faces) == 0 {
			continue
		}
		w.start("w:font", "w:name", fam)
		if fam == fonts.Family {
			w.empty("w:altName", "w:val", "Arial")
		}
		w.empty("w:charset", "w:val", "00")
		w.empty("w:family", "w:val", "swiss")
		w.empty("w:pitch", "w:val", "variable")
		for _, i := range faces {
			f := embedded[i]
			attrs := []string{"r:id", "rIdFont" + strconv.Itoa(i+1), "w:fontKey", f.key}
			if f.subset {
				attrs = append(attrs, "w:subsetted", "true")
			}
			w.empty([4]string{"w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic"}[f.face], attrs...)
		}
		w.end("w:font")
	}
	w.start("w:font", "w:name", "Arial")
	w.empty("w:charset", "w:val", "00")
	w.empty("w:family", "w:val", "swiss")
	w.empty("w:pitch", "w:val", "variable")
	w.end("w:font")
	w.end("w:fonts")
	return w.Bytes()
}

func fontRels(embedded []embeddedFont) []byte {
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("Relationships", "xmlns", nsRel)
	for i := range embedded {
		w.empty("Relationship", "Id", "rIdFont"+strconv.Itoa(i+1), "Type", relTypeBase+"font", "Target", "fonts/"+fontPartName(i))
	}
	w.end("Relationships")
	return w.Bytes()
}

// headerXML: the DRAFT line when the plan is not agreed, then the classification
// on the left and the person's name on the right.
func (r *renderer) headerXML() []byte {
	m := r.d.Meta
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:hdr", "xmlns:w", nsW, "xmlns:r", nsR)
	if m.Draft != "" {
		w.start("w:p")
		w.WriteString(`<w:pPr><w:pStyle w:val="` + styleDraft + `"/></w:pPr>`)
		r.text(w, doc.Inline{Text: m.Draft}, true, "")
		w.end("w:p")
	}
	w.start("w:p")
	w.WriteString(`<w:pPr><w:pStyle w:val="` + styleHeader + `"/></w:pPr>`)
	left := m.Classification
	if m.Brand.Name != "" {
		left = m.Brand.Name + " · " + left
	}
	r.text(w, doc.Inline{Text: left}, false, "")
	w.WriteString(`<w:r><w:tab/></w:r>`)
	r.text(w, doc.Inline{Text: m.PersonName}, false, "")
	w.end("w:p")
	w.end("w:hdr")
	return w.Bytes()
}

// footerXML: title · version · date on the left, "Page X of Y" on the right, made
// of PAGE and NUMPAGES fields that every reader updates as it lays out the pages.
func (r *renderer) footerXML() []byte {
	m := r.d.Meta
	var left []string
	for _, s := range []string{m.Title, versionLabel(m.Version), m.Date} {
		if s != "" {
			left = append(left, s)
		}
	}
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	w.start("w:p")
	w.WriteString(`<w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr>`)
	r.text(w, doc.Inline{Text: strings.Join(left, " · ")}, false, "")
	w.WriteString(`<w:r><w:tab/></w:r>`)
	r.text(w, doc.Inline{Text: "Page "}, false, "")
	field(w, "PAGE", "1", "")
	r.text(w, doc.Inline{Text: " of "}, false, "")
	field(w, "NUMPAGES", "1", "")
	w.end("w:p")
	w.end("w:ftr")
	return w.Bytes()
}

func versionLabel(v string) string {
	if v == "" {
		return ""
	}
	return "Version " + v
}

// coreXML: the document's properties as Word's File > Info shows them. The title
// names the person; keywords carry the classification; creator and last-modified-by
// are the plan's author (or lifeplan); dates are the plan's, never the clock's.
func coreXML(m doc.Meta, created time.Time) []byte {
	title := m.Title
	if m.PersonName != "" {
		title += ": " + m.PersonName
	}
	author := m.Author
	if author == "" {
		author = "lifeplan"
	}
	id := m.ID
	if m.Version != "" {
		id += ", version " + m.Version
	}
	ts := created.UTC().Format(time.RFC3339)
	w := &xmlWriter{}
	w.WriteString(xmlHeader)
	w.start("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/", "xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:dcmitype", "http://purl.org/dc/dcmitype/", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	w.elem("dc:title", title)
	w.elem("dc:subject", m.Subject)
	w.elem("dc:creator", author)
	w.elem("cp:keywords", m.Classification)
	w.elem("dc:identifier", id)
	w.elem("dc:language", language(m))
	w.elem("cp:lastModifiedBy", author)
	w.elem("dcterms:created", ts, "xsi:type", "dcterms:W3CDTF")
	w.elem("dcterms:modified", ts, "xsi:type", "dcterms:W3CDTF")
	w.end("cp:coreProperties")
	return w.Bytes()
}
