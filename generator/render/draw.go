package render

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"lifeplan/generator/doc"
)

// File is one drawn document file, held in memory until every file of its plan is
// drawn.
type File struct {
	Name string // <doc-id>.<format>, the file's name in its plan's folder
	Data []byte
}

// DrawAll draws every document in every format, up to jobs documents at a time
// (jobs < 1 means one per usable core). The files come back in the documents'
// order and, within a document, in the formats' order, whatever the number of
// jobs; each is drawn by exactly the same code as with one job, so the bytes are
// the same too. When drawings fail, the error is the first in that order, so it
// does not depend on timing either.
//
// The unit of work is one document in all its formats (drawDocument), because a
// document's formats depend on each other: a DOCX carries the page numbers of the
// same document's PDF layout.
func DrawAll(docs []*doc.Document, formats []Format, jobs int) (files []File, notes []string, err error) {
	drawn := make([]drawnDocument, len(docs))
	errs := make([]error, len(docs))
	each(len(docs), jobs, func(i int) {
		drawn[i], errs[i] = drawDocument(docs[i], formats)
	})
	for i := range docs {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		for _, f := range drawn[i].files {
			// A picture that several documents show is written once.
			if !slices.ContainsFunc(files, func(g File) bool { return g.Name == f.Name }) {
				files = append(files, f)
			}
		}
		notes = append(notes, drawn[i].notes...)
	}
	return files, notes, nil
}

type drawnDocument struct {
	files []File
	notes []string
}

// drawDocument draws one document in each of formats, in order, with the
// pictures a format wants beside its file. It is the one place that decides how
// a document's formats are drawn (Draw lays the PDF out first and hands its page
// numbers to the DOCX).
func drawDocument(d *doc.Document, formats []Format) (drawnDocument, error) {
	dr, err := Draw(d, formats)
	if err != nil {
		return drawnDocument{}, err
	}
	out := drawnDocument{notes: dr.Notes}
	for i, f := range formats {
		out.files = append(out.files, File{Name: d.Meta.ID + "." + f.Name, Data: dr.Files[i]})
		if f.Pictures == nil {
			continue
		}
		for _, img := range f.Pictures(d) {
			// The loader only reads pictures inside the plan's folder, so their
			// names are local; a name that is not would write outside the folder.
			if !filepath.IsLocal(img.Name) {
				return drawnDocument{}, fmt.Errorf("%s: picture %q is not inside the plan's folder", d.Meta.ID, img.Name)
			}
			out.files = append(out.files, File{Name: filepath.FromSlash(img.Name), Data: img.Data})
		}
	}
	return out, nil
}

// each calls work(0) … work(n-1) on up to jobs goroutines and returns when all
// have returned. With one job it calls them in order on the caller's goroutine.
func each(n, jobs int, work func(i int)) {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, n)
	if jobs <= 1 {
		for i := range n {
			work(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				work(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Files draws every document in every format, one job per usable core, and writes
// them into dir as <doc-id>.<format> (with the pictures a format wants beside
// it). It draws everything before writing anything, so an error in one document
// leaves no files of that plan changed. It returns the paths written and the
// notes of the drawing.
func Files(dir string, docs []*doc.Document, formats []Format) ([]string, []string, error) {
	files, notes, err := DrawAll(docs, formats, 0)
	if err != nil {
		return nil, notes, err
	}
	written, err := Write(dir, files)
	return written, notes, err
}

// paths gives the path each file will have in dir.
func paths(dir string, files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, f.Name)
	}
	return out
}
