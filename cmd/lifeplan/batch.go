package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

// batchOptions are the flags every command that takes many plans shares.
type batchOptions struct {
	jobs  int
	quiet bool
}

// addBatchFlags adds --jobs and --quiet to a command's flags.
func addBatchFlags(fs *pflag.FlagSet) *batchOptions {
	o := &batchOptions{}
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "how many plans to handle at once, by default one per usable core")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "no progress line and no summary for a batch")
	return o
}

func (o *batchOptions) check() error {
	if o.jobs < 1 {
		return fmt.Errorf("--jobs must be at least 1, not %d", o.jobs)
	}
	return nil
}

// planWork handles the plan at path, the i-th named. It writes through p, a cli
// whose streams belong to this plan alone, and returns the plan's exit code and how
// many files it wrote.
type planWork func(p *cli, i int, path string) (code, files int)

// outcome is what one plan's work left: its output, still to be passed on.
type outcome struct {
	i     int
	out   transcript
	code  int
	files int
}

// batch runs work for every path, up to jobs plans at once, and passes each plan's
// output on in the order the plans were named, as soon as every plan before it is
// done: the output is the same whatever the number of jobs, and a long batch
// shows its results as it goes. A plan that fails does not stop the others; the
// exit code is the worst of all plans'. For more than one plan a progress line
// (on a terminal) or progress lines (otherwise) and a summary go to stderr, unless
// quiet.
func (c *cli) batch(command string, paths []string, o *batchOptions, work planWork) int {
	var prog *progress
	if len(paths) > 1 && !o.quiet {
		prog = newProgress(c.stderr, command, len(paths), isTerminal(c.stderr), time.Now)
	}
	outcomes := make(chan outcome)
	next := make(chan int)
	workers := min(o.jobs, len(paths))
	for range workers {
		go func() {
			for i := range next {
				outcomes <- c.runOne(work, i, paths[i])
			}
		}()
	}
	go func() {
		for i := range paths {
			next <- i
		}
		close(next)
	}()

	code, files := exitOK, 0
	var writeErr error
	pending := map[int]outcome{}
	emitted := 0
	for range paths {
		r := <-outcomes
		pending[r.i] = r
		for {
			r, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			emitted++
			if len(r.out.chunks) > 0 && prog != nil {
				prog.clear()
			}
			if err := r.out.replay(c.stdout, c.stderr); err != nil && writeErr == nil {
				writeErr = err
			}
			code = max(code, r.code)
			files += r.files
			// Counted as passed on, not as finished, so the counts never run
			// ahead of the messages and are the same whatever the jobs.
			if prog != nil {
				prog.planDone(r.code == exitBadInput)
				prog.draw()
			}
		}
	}
	if prog != nil {
		prog.finish(files)
	}
	if writeErr != nil {
		fmt.Fprintf(c.stderr, "lifeplan %s: writing the output: %v\n", command, writeErr)
		code = exitBadInput
	}
	return code
}

// runOne runs work for one plan with streams of its own. A panic (a bug in
// lifeplan) is reported as this plan's failure with its stack, so that one plan
// cannot end a batch of a thousand; nothing is shared between plans but read-only
// templates, so the other plans are unaffected.
func (c *cli) runOne(work planWork, i int, path string) (r outcome) {
	r.i = i
	p := *c
	p.stdout, p.stderr = r.out.stream(false), r.out.stream(true)
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(p.stderr, "%s: internal error in lifeplan, please report it: %v\n%s", path, v, debug.Stack())
			r.code, r.files = exitBadInput, 0
		}
	}()
	r.code, r.files = work(&p, i, path)
	return r
}

// transcript records what one plan's work wrote to stdout and stderr, in the order
// written, so that it can be passed on later exactly as if written at once.
type transcript struct {
	chunks []chunk
}

type chunk struct {
	stderr bool
	data   []byte
}

// stream is a writer into the transcript for one of the two streams.
func (t *transcript) stream(stderr bool) io.Writer { return streamWriter{t, stderr} }

type streamWriter struct {
	t      *transcript
	stderr bool
}

func (w streamWriter) Write(b []byte) (int, error) {
	cs := w.t.chunks
	if n := len(cs); n > 0 && cs[n-1].stderr == w.stderr {
		cs[n-1].data = append(cs[n-1].data, b...)
	} else {
		w.t.chunks = append(cs, chunk{stderr: w.stderr, data: append([]byte(nil), b...)})
	}
	return len(b), nil
}

// replay writes the transcript to the real streams and returns the first error.
func (t *transcript) replay(stdout, stderr io.Writer) error {
	var first error
	for _, c := range t.chunks {
		w := stdout
		if c.stderr {
			w = stderr
		}
		if _, err := w.Write(c.data); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// drawJobs is how many of one plan's files to draw at once when n plans are
// handled: with fewer plans than jobs the spare jobs draw a plan's documents side
// by side; with as many plans as jobs or more, each plan draws one file at a time,
// since more drawings in flight would only hold more memory, not use more cores.
func (o *batchOptions) drawJobs(n int) int {
	plans := max(1, min(o.jobs, n))
	return (o.jobs + plans - 1) / plans
}

// gcPercent is the garbage collector's target for lifeplan: collect when the heap
// has grown by twice what was live, not once (Go's default, GOGC=100). Drawing
// allocates a lot that lives only for one document, so the default collects far
// more often than memory needs: measured on 32 copies of the complete sample with
// two jobs, 200 takes about a fifth less CPU time (8.4 s against 6.8 s, three runs
// each) for a peak of 70 MB instead of 45 MB, which stays flat however many plans
// there are, as it depends on the plans in flight (--jobs), not on the batch.
const gcPercent = 200

// tuneGC sets the collector's target, unless the user chose one with GOGC.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}

// turns makes plans that share a key take turns, in the order named: plan i's
// turn comes when every earlier plan with the same key has finished its own. Two
// plans with the same file name write into the same folder, and the later one
// named must win whatever the number of jobs, as it does with one.
type turns struct {
	prev []int           // the last earlier plan with the same key, or -1
	done []chan struct{} // closed when plan i has finished
}

func newTurns(keys []string) *turns {
	t := &turns{prev: make([]int, len(keys)), done: make([]chan struct{}, len(keys))}
	last := map[string]int{}
	for i, k := range keys {
		t.prev[i] = -1
		if j, ok := last[k]; ok {
			t.prev[i] = j
		}
		last[k] = i
		t.done[i] = make(chan struct{})
	}
	return t
}

// wait returns when plan i's turn has come. Plans are handed to workers in
// order, so the plan it waits for has already been handed out: it cannot wait
// for a plan that is itself waiting for i.
func (t *turns) wait(i int) {
	if j := t.prev[i]; j >= 0 {
		<-t.done[j]
	}
}

// finish ends plan i's turn; every plan must call it once, whatever happened.
func (t *turns) finish(i int) { close(t.done[i]) }

// outputNames gives each plan's folder name under --out, as plan.Parse names it
// (the file name without its extension), without loading the plans.
func outputNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		base := filepath.Base(p)
		names[i] = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return names
}
