package pictogram

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestEveryPictogram: each named pictogram has a picture of a usable size and alt
// text, each picture has a name, and each is credited in ATTRIBUTION.md.
func TestEveryPictogram(t *testing.T) {
	credits, err := os.ReadFile("openmoji/ATTRIBUTION.md")
	if err != nil {
		t.Fatal(err)
	}
	for name := range alts {
		p, err := Get(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p.Width < 160 || p.Width > 300 || p.Height != p.Width {
			t.Errorf("%s is %dx%d pixels, want square, 160 to 300", name, p.Width, p.Height)
		}
		if strings.TrimSpace(p.Alt) == "" {
			t.Errorf("%s has no alt text", name)
		}
		if !strings.Contains(string(credits), "| "+name+".png |") {
			t.Errorf("%s.png is not credited in ATTRIBUTION.md", name)
		}
	}
	pngs, _ := fs.Glob(files, "openmoji/*.png")
	if len(pngs) != len(alts) {
		t.Errorf("%d PNG files but %d named pictograms", len(pngs), len(alts))
	}
	if _, err := Get("unicorn"); err == nil || Exists("unicorn") {
		t.Error("an unknown pictogram was found")
	}
}
