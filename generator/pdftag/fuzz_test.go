package pdftag

import "testing"

// FuzzApply feeds Apply damaged files: it must return an error or a file,
// never panic. The seeds are real fpdf output. Run with
// go test -fuzz FuzzApply -parallel 1 ./generator/pdftag.
func FuzzApply(f *testing.F) {
	f.Add(smallDoc(f, nil))
	f.Fuzz(func(t *testing.T, src []byte) {
		root := smallTree()
		out, err := Apply(src, root, testInfo)
		if err == nil && len(out) == 0 {
			t.Fatal("no error and no output")
		}
	})
}
