package render

import (
	"path/filepath"
	"runtime"
	"sync"

	"lifeplan/generator/doc"
)

// File is one drawn document file, held in memory until every file of its plan is
// drawn.
type File struct {
	Name string // <doc-id>.<format>, the file's name in its plan's folder
	Data []byte
}

// Draw draws every document in every format, up to jobs at a time (jobs < 1 means
// one per usable core). The files come back in the documents' order and, within a
// document, in the formats' order, whatever the number of jobs; each is drawn by
// exactly the same code as with one job, so the bytes are the same too. When
// drawings fail, the error is the first in that order, so it does not depend on
// timing either.
func Draw(docs []*doc.Document, formats []Format, jobs int) ([]File, error) {
	// The pool's unit of work is one document in one format: the LLSP's PDF alone
	// is about half of a plan's drawing, so smaller units would not balance two
	// cores better and larger ones would balance them worse. A renderer that needs
	// another format's result (the DOCX the PDF's page numbers) makes the unit one
	// document with all its formats: one task per document calling drawDocument
	// with every format.
	type task struct {
		d       *doc.Document
		formats []Format
		files   []File
		err     error
	}
	var tasks []*task
	for _, d := range docs {
		for i := range formats {
			tasks = append(tasks, &task{d: d, formats: formats[i : i+1]})
		}
	}
	each(len(tasks), jobs, func(i int) {
		t := tasks[i]
		t.files, t.err = drawDocument(t.d, t.formats)
	})
	var files []File
	for _, t := range tasks {
		if t.err != nil {
			return nil, t.err
		}
		files = append(files, t.files...)
	}
	return files, nil
}

// drawDocument draws one document in each of formats, in order.
func drawDocument(d *doc.Document, formats []Format) ([]File, error) {
	files := make([]File, 0, len(formats))
	for _, f := range formats {
		b, err := Bytes(d, f)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: d.Meta.ID + "." + f.Name, Data: b})
	}
	return files, nil
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
// them into dir as <doc-id>.<format>. It draws everything before writing anything,
// so an error in one document leaves no files of that plan changed. It returns the
// paths written.
func Files(dir string, docs []*doc.Document, formats []Format) ([]string, error) {
	files, err := Draw(docs, formats, 0)
	if err != nil {
		return nil, err
	}
	return Write(dir, files)
}

// paths gives the path each file will have in dir.
func paths(dir string, files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, f.Name)
	}
	return out
}
