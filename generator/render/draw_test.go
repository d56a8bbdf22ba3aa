package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"lifeplan/generator/doc"
	"lifeplan/generator/layout"
	"lifeplan/generator/render"
)

// fakeDocs are documents the fake formats below draw in microseconds.
func fakeDocs(ids ...string) []*doc.Document {
	var docs []*doc.Document
	for _, id := range ids {
		docs = append(docs, &doc.Document{Meta: doc.Meta{ID: id, Title: "Title of " + id}})
	}
	return docs
}

// fakeFormat writes "<name>:<doc-id>:<title>" and fails for the doc-ids in fail.
func fakeFormat(name string, fail ...string) render.Format {
	return render.Format{Name: name, Write: func(w io.Writer, d *doc.Document, _ *layout.Result) error {
		if slices.Contains(fail, d.Meta.ID) {
			return fmt.Errorf("cannot draw %s", d.Meta.ID)
		}
		_, err := fmt.Fprintf(w, "%s:%s:%s", name, d.Meta.ID, d.Meta.Title)
		return err
	}}
}

func TestDrawOrderWhateverTheJobs(t *testing.T) {
	docs := fakeDocs("a", "b", "c", "d", "e")
	formats := []render.Format{fakeFormat("one"), fakeFormat("two")}
	var want []render.File
	for _, d := range docs {
		for _, f := range formats {
			want = append(want, render.File{Name: d.Meta.ID + "." + f.Name, Data: fmt.Appendf(nil, "%s:%s:Title of %s", f.Name, d.Meta.ID, d.Meta.ID)})
		}
	}
	for _, jobs := range []int{0, 1, 2, 3, 16} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			for range 20 { // many rounds, so that a lucky schedule cannot hide a race
				got, _, err := render.DrawAll(docs, formats, jobs)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.EqualFunc(got, want, func(a, b render.File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
					t.Fatalf("files %v, want %v", names(got), names(want))
				}
			}
		})
	}
}

// TestDrawFirstErrorInOrder: with several failures the error is always the one of
// the first file in document order, not the first to finish.
func TestDrawFirstErrorInOrder(t *testing.T) {
	docs := fakeDocs("a", "b", "c", "d")
	formats := []render.Format{fakeFormat("one", "c"), fakeFormat("two", "b", "d")}
	for _, jobs := range []int{1, 2, 8} {
		for range 20 {
			files, _, err := render.DrawAll(docs, formats, jobs)
			if err == nil || !strings.Contains(err.Error(), "drawing b as two: cannot draw b") {
				t.Fatalf("jobs=%d: error %v, want the one of b.two", jobs, err)
			}
			if files != nil {
				t.Fatalf("jobs=%d: files %v returned with an error", jobs, names(files))
			}
		}
	}
}

// TestDrawRunsConcurrently: with two jobs two drawings are under way at once. Each
// drawing waits (with no timeout: a deadlock fails the test by its own timeout)
// until another has started.
func TestDrawRunsConcurrently(t *testing.T) {
	var started atomic.Int32
	both := make(chan struct{})
	f := render.Format{Name: "one", Write: func(w io.Writer, d *doc.Document, _ *layout.Result) error {
		if started.Add(1) == 2 {
			close(both)
		}
		<-both
		return nil
	}}
	if _, _, err := render.DrawAll(fakeDocs("a", "b"), []render.Format{f}, 2); err != nil {
		t.Fatal(err)
	}
}

func names(files []render.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "amira")
	files := []render.File{{Name: "llsp.pdf", Data: []byte("pdf")}, {Name: "llsp.docx", Data: []byte("docx")}}
	written, err := render.Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, "llsp.pdf"), filepath.Join(dir, "llsp.docx")}; !slices.Equal(written, want) {
		t.Errorf("written %v, want %v", written, want)
	}
	// A name with a folder in it gets that folder.
	if _, err := render.Write(filepath.Join(t.TempDir(), "md"), []render.File{{Name: filepath.Join("images", "photo.png"), Data: []byte("png")}}); err != nil {
		t.Errorf("a file in a folder of its own: %v", err)
	}
	// Again, over the first files: they are replaced whole.
	files[0].Data = []byte("second pdf")
	if _, err := render.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
		info, _ := e.Info()
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", e.Name(), info.Mode().Perm())
		}
	}
	if !slices.Equal(got, []string{"llsp.docx", "llsp.pdf"}) {
		t.Errorf("folder holds %v, want only the two files", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "llsp.pdf")); string(b) != "second pdf" {
		t.Errorf("llsp.pdf holds %q", b)
	}
}

// TestWriteStopsAtAFailure: a file that cannot be written is reported with its
// path, and the paths written before it are returned.
func TestWriteStopsAtAFailure(t *testing.T) {
	dir := t.TempDir()
	// A folder where the second file should go makes its rename fail.
	if err := os.Mkdir(filepath.Join(dir, "b.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.pdf", "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := render.Write(dir, []render.File{{Name: "a.pdf"}, {Name: "b.pdf"}, {Name: "c.pdf"}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "b.pdf")) {
		t.Fatalf("error %v, want one naming b.pdf", err)
	}
	if !slices.Equal(written, []string{filepath.Join(dir, "a.pdf")}) {
		t.Errorf("written %v, want a.pdf only", written)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("c.pdf written after the failure: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestWriteAllOrNothing: when one file cannot be written, none of the plan's files
// is replaced, the ones before it included, and no temporary file is left.
func TestWriteAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A name too long for the file system: its temporary file cannot be made,
	// after a.pdf's has been.
	long := strings.Repeat("b", 250) + ".pdf"
	_, err := render.Write(dir, []render.File{{Name: "a.pdf", Data: []byte("new")}, {Name: long}, {Name: "c.pdf"}})
	if err == nil || !strings.Contains(err.Error(), long) {
		t.Fatalf("error %v, want one naming the long file", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.pdf")); string(b) != "old" {
		t.Errorf("a.pdf holds %q, want it unchanged", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %v, want a.pdf alone", entries)
	}
}

// BenchmarkWriteAtomic measures what durability costs per file: the durable write
// (file synced before the rename, folder after it) against the same write without
// the two syncs. The file is the size of the complete sample's LLSP PDF.
func BenchmarkWriteAtomic(b *testing.B) {
	data := bytes.Repeat([]byte("lifeplan"), 400_000/8)
	dir := b.TempDir()
	path := filepath.Join(dir, "llsp.pdf")
	b.Run("durable", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := render.WriteAtomic(path, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unsynced", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			tmp, err := os.CreateTemp(dir, ".llsp.pdf.*.tmp")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := tmp.Write(data); err != nil {
				b.Fatal(err)
			}
			if err := tmp.Close(); err != nil {
				b.Fatal(err)
			}
			if err := os.Rename(tmp.Name(), path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWritePlan writes one plan's eight files of the complete sample's sizes
// into a fresh folder, as render does for each plan of a batch.
func BenchmarkWritePlan(b *testing.B) {
	sizes := map[string]int{
		"llsp.pdf": 416_601, "llsp.docx": 110_466, "service-spec.pdf": 155_790, "service-spec.docx": 25_515,
		"housing-spec.pdf": 57_267, "housing-spec.docx": 19_709, "support-plan.pdf": 176_190, "support-plan.docx": 36_024,
	}
	var files []render.File
	total := 0
	for _, name := range slices.Sorted(maps.Keys(sizes)) {
		files = append(files, render.File{Name: name, Data: bytes.Repeat([]byte{'x'}, sizes[name])})
		total += sizes[name]
	}
	root := b.TempDir()
	b.SetBytes(int64(total))
	i := 0
	for b.Loop() {
		i++
		if _, err := render.Write(filepath.Join(root, fmt.Sprint("plan-", i)), files); err != nil {
			b.Fatal(err)
		}
	}
}
