package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"lifeplan/generator/doc"
)

// This file is the wrapper around godocx: everything the package needs that godocx
// does not do. It works in two steps.
//
// prepare, before godocx writes, adds parts through godocx's public RootDoc: the A4
// section properties with header and footer references, the header and footer parts
// with their relationships and content-type overrides, numbering.xml, and our own
// core.xml and app.xml (title, author, language and fixed dates; "lifeplan" as the
// application).
//
// finish, after godocx writes, rewrites its zip: godocx stamps every entry 1970-01-01
// (before the zip format's 1980 epoch), cannot give a picture a title and loses line
// spacing from styles.xml, so finish adds the titles to wp:docPr, restores our
// styles.xml, drops any thumbnail a template carried (and its
// relationship and content type), and writes the entries in a fixed order with a
// fixed time, so the same input always gives the same bytes. Unchanged entries are
// copied still compressed.

const (
	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relFooter = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	ctHeader  = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter  = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"

	partDocument     = "word/document.xml"
	partContentTypes = "[Content_Types].xml"
	partRootRels     = "_rels/.rels"
	partStyles       = "word/styles.xml"
)

// fallbackCreated stands in for an empty Meta.Created so output stays reproducible.
var fallbackCreated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// zipEpoch is the earliest time a zip entry can carry.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

type wrapper struct {
	rd   *docx.RootDoc
	meta doc.Meta
	nums []numInstance
}

func newPackage(rd *docx.RootDoc, meta doc.Meta) *wrapper {
	return &wrapper{rd: rd, meta: meta}
}

func (p *wrapper) setNumbering(nums []numInstance) { p.nums = nums }

// created is the instant every date inside the file is set to.
func (p *wrapper) created() (time.Time, error) {
	if p.meta.Created == "" {
		return fallbackCreated, nil
	}
	t, err := time.Parse("2006-01-02", p.meta.Created)
	if err != nil {
		return time.Time{}, fmt.Errorf("meta created %q: %w", p.meta.Created, err)
	}
	return t, nil
}

// prepare adds the parts godocx does not make to the RootDoc before it is written.
func (p *wrapper) prepare() error {
	created, err := p.created()
	if err != nil {
		return err
	}
	p.rd.FileMap.Store("word/numbering.xml", numberingXML(p.nums))
	p.rd.FileMap.Store("word/header1.xml", []byte(headerXML(p.meta)))
	p.rd.FileMap.Store("word/footer1.xml", []byte(footerXML(p.meta)))
	p.rd.FileMap.Store("docProps/core.xml", []byte(coreXML(p.meta, created)))
	p.rd.FileMap.Store("docProps/app.xml", []byte(appXML))
	hdr := addRel(p.rd, relHeader, "header1.xml")
	ftr := addRel(p.rd, relFooter, "footer1.xml")
	if err := p.rd.ContentType.AddOverride("/word/header1.xml", ctHeader); err != nil {
		return fmt.Errorf("header content type: %w", err)
	}
	if err := p.rd.ContentType.AddOverride("/word/footer1.xml", ctFooter); err != nil {
		return fmt.Errorf("footer content type: %w", err)
	}
	p.rd.Document.Body.SectPr = a4Section(hdr, ftr)
	return nil
}

// a4Section is portrait A4 with 20 mm margins, header and footer 10 mm from the edge.
func a4Section(headerID, footerID string) *ctypes.SectionProp {
	w, h := uint64(pageWidth), uint64(pageHeight)
	m, dist, gutter := marginTwips, hdrFtrDist, 0
	return &ctypes.SectionProp{
		HeaderReference: &ctypes.HeaderReference{Type: stypes.HdrFtrDefault, ID: headerID},
		FooterReference: &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: footerID},
		PageSize:        &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin: &ctypes.PageMargin{Top: &m, Right: &m, Bottom: &m, Left: &m,
			Header: &dist, Footer: &dist, Gutter: &gutter},
	}
}

// headerXML: classification on the left, the person's name on the right.
func headerXML(m doc.Meta) string {
	return xmlPI + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Header"/>` +
		`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr></w:pPr>` +
		textRun(m.Classification) + `<w:r><w:tab/></w:r>` + textRun(m.PersonName) + `</w:p></w:hdr>`
}

// footerXML: title · version · date on the left, "Page X of Y" on the right, made of
// real PAGE and NUMPAGES fields that every reader updates as it lays out the pages.
func footerXML(m doc.Meta) string {
	var parts []string
	for _, s := range []string{m.Title, versionLabel(m.Version), m.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return xmlPI + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` +
		`<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr></w:pPr>` +
		textRun(strings.Join(parts, " · ")) + `<w:r><w:tab/></w:r>` +
		textRun("Page ") + field("PAGE") + textRun(" of ") + field("NUMPAGES") + `</w:p></w:ftr>`
}

func versionLabel(v string) string {
	if v == "" {
		return ""
	}
	return "Version " + v
}

func textRun(s string) string {
	if s == "" {
		return ""
	}
	return `<w:r><w:t xml:space="preserve">` + xmlEscape(s) + `</w:t></w:r>`
}

// field is a complex field; its cached result "1" shows until the reader updates it.
func field(instr string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func coreXML(m doc.Meta, created time.Time) string {
	ts := created.UTC().Format(time.RFC3339)
	el := func(name, val string) string { return `<` + name + `>` + xmlEscape(val) + `</` + name + `>` }
	return xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		el("dc:title", m.Title) + el("dc:subject", m.Subject) + el("dc:creator", m.Author) +
		el("dc:identifier", m.ID) + el("dc:language", m.Language) + el("cp:lastModifiedBy", m.Author) +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

const appXML = xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
	` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>lifeplan</Application><DocSecurity>0</DocSecurity></Properties>`

var (
	thumbnailRel      = regexp.MustCompile(`<Relationship [^>]*relationships/metadata/thumbnail"[^>]*/>`)
	thumbnailOverride = regexp.MustCompile(`<Override PartName="/docProps/thumbnail[^"]*"[^>]*/>`)
)

// finish rewrites godocx's zip raw to w; titles[i] is the title of drawing i+1.
func (p *wrapper) finish(raw []byte, w io.Writer, titles []string) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fmt.Errorf("read godocx output: %w", err)
	}
	created, err := p.created()
	if err != nil {
		return err
	}
	modified := created
	if modified.Before(zipEpoch) {
		modified = zipEpoch
	}
	files := entryOrder(zr.File)
	zw := zip.NewWriter(w)
	for _, f := range files {
		if err := p.copyEntry(zw, f, modified, titles); err != nil {
			return fmt.Errorf("zip entry %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("close zip: %w", err)
	}
	return nil
}

// entryOrder drops thumbnails and nameless entries and puts [Content_Types].xml and
// the package relationships first (where readers expect them), the rest by name.
func entryOrder(in []*zip.File) []*zip.File {
	rank := func(name string) int {
		switch name {
		case partContentTypes:
			return 0
		case partRootRels:
			return 1
		}
		return 2
	}
	out := make([]*zip.File, 0, len(in))
	for _, f := range in {
		if f.Name == "" || isThumbnail(f.Name) {
			continue
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i].Name), rank(out[j].Name)
		if ri != rj {
			return ri < rj
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func isThumbnail(name string) bool { return strings.HasPrefix(name, "docProps/thumbnail.") }

// copyEntry writes f to zw with time mod, patching the parts that need it and
// copying the others without recompressing them.
func (p *wrapper) copyEntry(zw *zip.Writer, f *zip.File, mod time.Time, titles []string) error {
	patch := patcherFor(f.Name, p.meta.Language, titles)
	if patch == nil {
		return copyRaw(zw, f, mod)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	hdr := &zip.FileHeader{Name: f.Name, Method: zip.Deflate}
	setDOSTime(hdr, mod)
	out, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	_, err = out.Write(patch(data))
	return err
}

func copyRaw(zw *zip.Writer, f *zip.File, mod time.Time) error {
	src, err := f.OpenRaw()
	if err != nil {
		return err
	}
	hdr := &zip.FileHeader{
		Name:               f.Name,
		Method:             f.Method,
		CRC32:              f.CRC32,
		CompressedSize64:   f.CompressedSize64,
		UncompressedSize64: f.UncompressedSize64,
	}
	setDOSTime(hdr, mod)
	dst, err := zw.CreateRaw(hdr)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	return err
}

// setDOSTime stamps h with t in the zip format's own MS-DOS fields. We do not set
// Modified: CreateRaw ignores it, and CreateHeader would add an extended-timestamp
// field to some entries only. Every entry gets the same plain stamp instead.
func setDOSTime(h *zip.FileHeader, t time.Time) {
	h.ModifiedDate = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	h.ModifiedTime = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
}

// patcherFor returns how to rewrite the named part, or nil to copy it as it is.
func patcherFor(name, lang string, titles []string) func([]byte) []byte {
	switch name {
	case partRootRels:
		return func(b []byte) []byte { return thumbnailRel.ReplaceAll(b, nil) }
	case partContentTypes:
		return func(b []byte) []byte { return thumbnailOverride.ReplaceAll(b, nil) }
	case partStyles:
		// godocx parses and re-marshals styles.xml and loses w:spacing/@w:line on
		// the way (its Spacing type reads "line" as an element); put ours back.
		return func([]byte) []byte { return []byte(stylesXML(lang)) }
	case partDocument:
		if len(titles) == 0 {
			return nil
		}
		return func(b []byte) []byte { return addTitles(b, titles) }
	}
	return nil
}

// addTitles gives each wp:docPr the picture's alt text as its title too, which
// godocx's DocProp has no field for. Drawing names are unique, so each replacement
// hits exactly one element.
func addTitles(b []byte, titles []string) []byte {
	var old, repl []string
	for i, t := range titles {
		name := docPrName(uint(i + 1))
		old = append(old, `name="`+name+`"`)
		repl = append(repl, `name="`+name+`" title="`+xmlEscape(t)+`"`)
	}
	pairs := make([]string, 0, 2*len(old))
	for i := range old {
		pairs = append(pairs, old[i], repl[i])
	}
	return []byte(strings.NewReplacer(pairs...).Replace(string(b)))
}
