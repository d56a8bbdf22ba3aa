package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"lifeplan/fonts"
)

// We start godocx from a small template of our own rather than its default.docx: that
// template carries a 440 KB styles.xml (plus a 440 KB stylesWithEffects.xml) which
// godocx parses and re-marshals on every document, costing ~45 ms before any content;
// it also brings a Mac Word thumbnail, app name and Letter page size we would only
// have to remove again. Our template holds just the styles the renderer uses, named
// with Word's built-in style IDs so that Word and LibreOffice recognise them as
// headings (navigation pane, outline) and lists.

// Page geometry in twips (1/20 pt). A4 with 20 mm margins.
const (
	pageWidth   = 11906
	pageHeight  = 16838
	marginTwips = 1134 // 20 mm
	textWidth   = pageWidth - 2*marginTwips
	hdrFtrDist  = 567 // 10 mm from the page edge
)

// Style IDs. Style() in godocx takes the style ID, not the display name.
const (
	styleListBullet = "ListBullet"
	styleListNumber = "ListNumber"
	styleCompact    = "Compact" // paragraphs inside table cells
)

const (
	nsW   = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsRel = `http://schemas.openxmlformats.org/package/2006/relationships`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

const contentTypesXML = xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Default Extension="jpeg" ContentType="image/jpeg"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRelsXML = xmlPI + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// godocx numbers new relationships after the count of existing ones (rId5 onwards).
const docRelsXML = xmlPI + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`</Relationships>`

const documentXML = xmlPI + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body></w:body></w:document>`

const settingsXML = xmlPI + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="709"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// fontTableXML names the family with Arial as the alternative, so a machine without
// Atkinson Hyperlegible falls back to a plain sans-serif rather than Times.
func fontTableXML() string {
	f := xmlEscape(fonts.Family)
	return xmlPI + `<w:fonts xmlns:w="` + nsW + `">` +
		`<w:font w:name="` + f + `"><w:altName w:val="Arial"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="Arial"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`</w:fonts>`
}

// stylesXML builds the style sheet: document defaults in the project font and
// language, Normal, Heading1–4 (with outline levels so they show in navigation), list
// styles, header/footer and a compact style for table cells.
func stylesXML(lang string) string {
	f := xmlEscape(fonts.Family)
	if lang == "" {
		lang = "en-GB"
	}
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:eastAsia="` + f + `" w:cs="` + f + `"/>` +
		`<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="` + xmlEscape(lang) + `"/>` +
		`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	heading := []struct{ size, before, after int }{{40, 0, 240}, {32, 360, 160}, {28, 280, 120}, {24, 240, 80}}
	for i, h := range heading {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/>`+
			`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="%d"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			i+1, i+1, h.before, h.after, i, h.size, h.size)
	}
	for _, id := range []string{styleListBullet, styleListNumber} {
		name := "List Bullet"
		if id == styleListNumber {
			name = "List Number"
		}
		b.WriteString(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
			`<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="80"/></w:pPr></w:style>`)
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="` + styleCompact + `"><w:name w:val="Compact"/>` +
		`<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>`)
	for _, id := range []string{"Header", "Footer"} {
		b.WriteString(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + strings.ToLower(id) + `"/>` +
			`<w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="` + fmt.Sprint(textWidth) + `"/></w:tabs>` +
			`<w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>`)
	}
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// templateZip packs the parts above into the .docx that godocx unpacks. Entries are
// stored, not deflated: godocx reads them straight back, so compressing is waste.
func templateZip(lang string) ([]byte, error) {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", rootRelsXML},
		{"word/document.xml", documentXML},
		{"word/_rels/document.xml.rels", docRelsXML},
		{"word/styles.xml", stylesXML(lang)},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			return nil, fmt.Errorf("template part %s: %w", p.name, err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, fmt.Errorf("template part %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("template zip: %w", err)
	}
	return buf.Bytes(), nil
}

// xmlEscape escapes s for use in XML text or a double-quoted attribute.
func xmlEscape(s string) string {
	var b strings.Builder
	// EscapeText also replaces characters XML 1.0 forbids, so the part stays valid;
	// writing to a strings.Builder cannot fail.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
