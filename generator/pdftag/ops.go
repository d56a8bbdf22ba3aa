package pdftag

import "strconv"

// The marked-content operators (ISO 32000-1, 14.6) that the renderer writes
// into the page content with fpdf's RawWriteStr, around what it draws. Every
// BDC or BMC is closed by EMC. An artifact without properties takes BMC: BDC
// needs a property list, and "/Artifact BDC" is a syntax error that poppler
// reports and pdf.js reads as unbalanced marked content.
const (
	EMC = "EMC"
	// Artifact opens content that is not part of the document's text: rules,
	// borders, fills, repeated table header rows.
	Artifact = "/Artifact BMC"
	// PaginationArtifact opens the running header and footer.
	PaginationArtifact = "/Artifact <</Type /Pagination>> BDC"
)

// BDC opens marked content with the given MCID, owned by a structure element
// through a Kid made by MCR(page, mcid). The tag is by custom the element's
// role (P, H1, Figure, ...); tag must be a role that standardRole accepts, as
// no name escaping is done.
func BDC(tag string, mcid int) string {
	return "/" + tag + " <</MCID " + strconv.Itoa(mcid) + ">> BDC"
}
