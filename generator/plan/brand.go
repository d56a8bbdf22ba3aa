package plan

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// brandFile is what a --brand file may hold: the [organisation] table alone.
type brandFile struct {
	Organisation Organisation `toml:"organisation"`
}

// BrandPicture is the name under which Brand puts a branding file's logo among a
// plan's pictures; no picture of the plan's own folder can have it.
const BrandPicture = "brand:logo"

// Brand gives p the branding of a branding file, in place of its own.
func (p *Plan) Brand(o Organisation, logo *Image) {
	p.Organisation = o
	if logo != nil {
		p.Organisation.Logo = BrandPicture
		p.Source.Pics[BrandPicture] = logo
	}
}

// LoadBrand reads a branding file (an [organisation] table, as a plan's) so one
// council's branding serves all its plans. Its logo is read from the branding
// file's own folder tree, under the rules every picture follows. Errors name the
// file, line and key, as a plan's do.
func LoadBrand(path string) (Organisation, *Image, error) {
	fail := func(msg string) error { return Errors{{File: path, Msg: msg}} }
	src, err := os.ReadFile(path)
	if err != nil {
		return Organisation{}, nil, fail(fmt.Sprintf("cannot read the branding file: %v", unwrapPath(err)))
	}
	if len(src) > 1<<20 || bytes.IndexByte(src, 0) >= 0 || !utf8.Valid(src) {
		return Organisation{}, nil, fail("this is not a branding file (a small TOML text file with an [organisation] table)")
	}
	text := string(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")))
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return Organisation{}, nil, syntaxError(path, text, err)
	}
	l := &loader{file: path, pos: keyPositions(text)}
	l.walk(raw, reflect.TypeFor[brandFile](), "")
	if len(l.errs) > 0 {
		return Organisation{}, nil, l.result()
	}
	var b brandFile
	if _, err := toml.Decode(text, &b); err != nil {
		return Organisation{}, nil, fail(fmt.Sprintf("internal error decoding the branding file: %v", err))
	}
	if b.Organisation.Name == "" {
		l.errorf("organisation.name", "a branding file needs the organisation's name")
	}
	l.organisation(b.Organisation)
	if b.Organisation.Logo != "" && b.Organisation.LogoAlt == "" {
		l.errorf("organisation.logo", "the logo needs alternative text (logo_alt) for people who cannot see it")
	}
	var logo *Image
	if b.Organisation.Logo != "" {
		root, err := os.OpenRoot(filepath.Dir(path))
		if err != nil {
			return Organisation{}, nil, fail(fmt.Sprintf("cannot open the branding file's folder: %v", err))
		}
		defer root.Close()
		if logo, err = loadPicture(root.FS(), string(b.Organisation.Logo)); err != nil {
			l.errorf("organisation.logo", "%v", err)
		}
	}
	if len(l.errs) > 0 {
		return Organisation{}, nil, l.result()
	}
	return b.Organisation, logo, nil
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// organisation checks the branding: an accent colour that text can be read in.
func (l *loader) organisation(o Organisation) {
	if o.Accent != "" {
		if !hexColour.MatchString(o.Accent) {
			l.errorf("organisation.accent", "%q is not a colour written as #rrggbb (for example \"#1b4f8a\")", o.Accent)
		} else if c := ContrastWithWhite(o.Accent); c < 4.5 {
			l.errorf("organisation.accent", "%s has a contrast of %.1f:1 with the white page; headings in it would be hard to read (WCAG AA needs at least 4.5:1): choose a darker colour", o.Accent, c)
		}
	}
}

// ContrastWithWhite is the WCAG contrast ratio of a #rrggbb colour against white.
// The formulas are WCAG 2.2's definitions of "relative luminance" and "contrast
// ratio" (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
func ContrastWithWhite(hex string) float64 {
	channel := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	lum := 0.2126*channel(1) + 0.7152*channel(3) + 0.0722*channel(5)
	return (1 + 0.05) / (lum + 0.05)
}
