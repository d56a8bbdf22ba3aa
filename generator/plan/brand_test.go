package plan

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestContrastWithWhite(t *testing.T) {
	// Reference values from the WCAG 2.2 formula: #767676 is the lightest grey
	// that passes AA on white (4.54:1), #777777 just fails (4.48:1).
	for _, tc := range []struct {
		hex  string
		want float64
	}{
		{"#000000", 21}, {"#ffffff", 1}, {"#767676", 4.54}, {"#777777", 4.48}, {"#1b4f8a", 8.29},
	} {
		if got := ContrastWithWhite(tc.hex); math.Abs(got-tc.want) > 0.05 {
			t.Errorf("%s: contrast %.2f, want %.2f", tc.hex, got, tc.want)
		}
	}
}

func TestLoadBrand(t *testing.T) {
	dir := t.TempDir()
	png, err := os.ReadFile(filepath.Join("..", "..", "samples", "images", "swimming.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src, want string // want: "" for success, else a part of the error
	}{
		{"good", "[organisation]\nname = \"Council\"\naccent = \"#00703c\"\nlogo = \"logo.png\"\nlogo_alt = \"Council logo\"\ncontact = \"0300 123 4567\"\n", ""},
		{"too light", "[organisation]\nname = \"Council\"\naccent = \"#9ab0c4\"\n", "brand.toml:3:1: organisation.accent: #9ab0c4 has a contrast of 2.2:1"},
		{"not a colour", "[organisation]\nname = \"Council\"\naccent = \"green\"\n", "organisation.accent: \"green\" is not a colour written as #rrggbb"},
		{"logo without alt", "[organisation]\nname = \"Council\"\nlogo = \"logo.png\"\n", "organisation.logo: the logo needs alternative text"},
		{"logo outside", "[organisation]\nname = \"Council\"\nlogo = \"../secret.png\"\nlogo_alt = \"x\"\n", "organisation.logo"},
		{"no name", "[organisation]\naccent = \"#00703c\"\n", "organisation.name: a branding file needs the organisation's name"},
		{"other keys", "[person]\nname = \"Amira\"\n[organisation]\nname = \"Council\"\n", "person"},
		{"unknown key", "[organisation]\nname = \"Council\"\ncolour = \"#00703c\"\n", "organisation.colour"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "brand.toml")
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			o, logo, err := LoadBrand(path)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if o.Name != "Council" || logo == nil || logo.Width == 0 {
					t.Fatalf("got %+v, logo %v", o, logo)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestPlanOrganisation: a plan's own [organisation] is checked as a branding file is.
func TestPlanOrganisation(t *testing.T) {
	src := "[person]\nname = \"Amira\"\n\n[organisation]\nname = \"Council\"\naccent = \"#bbbbbb\"\n"
	_, err := Parse("plan.toml", []byte(src), os.DirFS(t.TempDir()))
	if err == nil || !strings.Contains(err.Error(), "plan.toml:6:1: organisation.accent: #bbbbbb has a contrast of 1.9:1") {
		t.Fatalf("error %v", err)
	}
}

// TestSixteenBitPicturesWithAlpha: a 16-bit PNG with transparency, which the PDF
// writer cannot split at 16 bits, is made 8-bit when it is loaded, pixels kept.
func TestSixteenBitPicturesWithAlpha(t *testing.T) {
	img := image.NewNRGBA64(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.NRGBA64{R: 0xffff, G: 0x8000, A: 0x8000})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if !png16WithAlpha(buf.Bytes()) {
		t.Fatal("the test picture is not seen as 16-bit with alpha")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := loadPicture(os.DirFS(dir), "p.png")
	if err != nil {
		t.Fatal(err)
	}
	if png16WithAlpha(got.Data) || got.Width != 4 || got.Height != 3 {
		t.Fatalf("still 16-bit, or resized: %dx%d", got.Width, got.Height)
	}
	dec, err := png.Decode(bytes.NewReader(got.Data))
	if err != nil {
		t.Fatal(err)
	}
	if c := color.NRGBAModel.Convert(dec.At(1, 1)).(color.NRGBA); c.R != 255 || (c.G != 127 && c.G != 128) || c.B != 0 || c.A != 128 {
		t.Fatalf("pixel changed: %v", c)
	}
}
