package check

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lifeplan/generator/plan"
)

var wantMarker = regexp.MustCompile(`# want: ([a-z0-9-]+)\s*$`)

// TestRealPlans reads plans written as planners write them (testdata/*.toml). Every
// line marked "# want: <id>" must get that finding on that line, and the rules a
// file marks must fire nowhere else in it.
func TestRealPlans(t *testing.T) {
	files, err := filepath.Glob("testdata/*.toml")
	if err != nil || len(files) < 3 {
		t.Fatalf("test plans: %v %v", files, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			p, err := plan.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := map[int]string{} // line to rule id
			watched := map[string]bool{}
			for i, l := range strings.Split(string(src), "\n") {
				if m := wantMarker.FindStringSubmatch(l); m != nil {
					want[i+1] = m[1]
					watched[m[1]] = true
				}
			}
			got := map[int][]string{}
			for _, f := range Check(p) {
				if !watched[f.ID] {
					continue
				}
				got[f.Line] = append(got[f.Line], f.ID)
				if want[f.Line] != f.ID {
					t.Errorf("%s:%d: unexpected %s (%s): %s", file, f.Line, f.ID, f.Key, f.Message)
				}
			}
			for line, id := range want {
				if !slices.Contains(got[line], id) {
					t.Errorf("%s:%d: no %s finding", file, line, id)
				}
			}
		})
	}
}
