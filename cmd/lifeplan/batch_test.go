package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// batchPlans makes a folder of plans for batch tests: good, broken, draft and
// missing ones, interleaved so a failure sits between plans that work.
func batchPlans(t *testing.T) (dir string, paths []string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(filepath.Join("..", "..", "samples", "images"))); err != nil {
		t.Fatal(err)
	}
	amira, err := os.ReadFile(filepath.Join("..", "..", "samples", "amira.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sam, err := os.ReadFile(filepath.Join("..", "..", "samples", "sam.toml"))
	if err != nil {
		t.Fatal(err)
	}
	files := []struct {
		name string
		src  []byte
	}{
		{"amira-1.toml", amira},
		{"bad.toml", []byte("[person]\nname = \"A\"\n[budget]\ncontigency = 1\n")},
		{"sam.toml", sam},
		{"none.toml", nil}, // never written: a missing plan
		{"amira-2.toml", amira},
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if f.src != nil {
			if err := os.WriteFile(path, f.src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		paths = append(paths, path)
	}
	return dir, paths
}

// times matches the times in progress lines and summaries.
var times = regexp.MustCompile(`\b\d+(\.\d)? s\b`)

// runWith runs the command through run with buffers for streams (not terminals),
// and with every time in stderr replaced by "T", so output can be compared.
func runWith(args []string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), times.ReplaceAllString(e.String(), "T"), code
}

// TestBatchSameWhateverTheJobs: stdout, stderr, the exit code and every file are
// the same with one job as with several.
func TestBatchSameWhateverTheJobs(t *testing.T) {
	dir, paths := batchPlans(t)
	type result struct {
		stdout, stderr string
		code           int
		files          map[string][]byte
	}
	runJobs := func(args []string, jobs int) result {
		out := filepath.Join(dir, fmt.Sprint("out-", args[0], "-", jobs))
		full := append([]string{args[0], "--jobs", fmt.Sprint(jobs)}, args[1:]...)
		if args[0] == "render" {
			full = append(full, "-o", out)
		}
		stdout, stderr, code := runWith(append(full, paths...))
		r := result{strings.ReplaceAll(stdout, out, "OUT"), stderr, code, map[string][]byte{}}
		filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				r.files[strings.TrimPrefix(path, out)], _ = os.ReadFile(path)
			}
			return nil
		})
		return r
	}
	for _, args := range [][]string{
		{"render", "--doc", "housing-spec,support-plan"},
		{"check"},
		{"check", "--format", "json"},
		{"budget"},
		{"budget", "--format", "csv"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			one := runJobs(args, 1)
			if one.code != exitBadInput {
				t.Errorf("exit code %d, want %d (two plans fail)", one.code, exitBadInput)
			}
			for _, jobs := range []int{2, 5} {
				many := runJobs(args, jobs)
				if many.stdout != one.stdout {
					t.Errorf("--jobs %d: stdout differs from --jobs 1:\n%s\nwant:\n%s", jobs, many.stdout, one.stdout)
				}
				if many.stderr != one.stderr {
					t.Errorf("--jobs %d: stderr differs from --jobs 1:\n%s\nwant:\n%s", jobs, many.stderr, one.stderr)
				}
				if many.code != one.code {
					t.Errorf("--jobs %d: exit code %d, want %d", jobs, many.code, one.code)
				}
				if len(many.files) != len(one.files) {
					t.Errorf("--jobs %d: %d files, want %d", jobs, len(many.files), len(one.files))
				}
				for name, data := range one.files {
					if !bytes.Equal(many.files[name], data) {
						t.Errorf("--jobs %d: %s differs", jobs, name)
					}
				}
			}
		})
	}
}

func TestBatchOutput(t *testing.T) {
	dir, paths := batchPlans(t)
	out := filepath.Join(dir, "out")
	stdout, stderr, code := runWith(append([]string{"render", "--jobs", "3", "--doc", "housing-spec", "-o", out}, paths...))
	if code != exitBadInput {
		t.Errorf("exit code %d, want %d", code, exitBadInput)
	}
	// The plans that load are all written, in the order named, around the
	// failures.
	var want []string
	for _, name := range []string{"amira-1", "sam", "amira-2"} {
		for _, f := range []string{"housing-spec.pdf", "housing-spec.docx"} {
			want = append(want, "wrote "+filepath.Join(out, name, f))
		}
	}
	if got := strings.Split(strings.TrimSpace(stdout), "\n"); !slices.Equal(got, want) {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, strings.Join(want, "\n"))
	}
	// Not a terminal: a plain line per plan (five plans: a tenth is one plan),
	// each plan's messages after the line before it, and the summary.
	wantErr := "" +
		"lifeplan render: 1/5 plans, 0 failed, T, about T left\n" +
		paths[1] + `:4:1: budget.contigency: unknown key "contigency" (did you mean "contingency"?)` + "\n" +
		"lifeplan render: 2/5 plans, 1 failed, T, about T left\n" +
		"lifeplan render: 3/5 plans, 1 failed, T, about T left\n" +
		paths[3] + ": cannot read the plan: no such file or directory\n" +
		"lifeplan render: 4/5 plans, 2 failed, T, about T left\n" +
		"lifeplan render: 5 plans, 6 files, 2 failed, T\n"
	if stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
}

func TestBatchQuiet(t *testing.T) {
	_, paths := batchPlans(t)
	for _, flag := range []string{"--quiet", "-q"} {
		stdout, stderr, code := runWith(append([]string{"check", flag}, paths...))
		if code != exitBadInput || !strings.Contains(stdout, "0 blockers") {
			t.Errorf("%s: exit code %d, stdout:\n%s", flag, code, stdout)
		}
		// Only the two plans' own messages: no progress, no summary.
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], "bad.toml:4:1") || !strings.Contains(lines[1], "none.toml: cannot read") {
			t.Errorf("%s: stderr:\n%s", flag, stderr)
		}
	}
}

// TestOnePlanNoProgress: one plan is not a batch, so its output is only its own.
func TestOnePlanNoProgress(t *testing.T) {
	_, paths := batchPlans(t)
	_, stderr, code := runWith([]string{"budget", paths[0]})
	if code != exitOK || stderr != "" {
		t.Errorf("exit code %d, stderr %q", code, stderr)
	}
}

func TestJobsFlag(t *testing.T) {
	_, paths := batchPlans(t)
	for _, cmd := range []string{"render", "check", "budget"} {
		_, stderr, code := runWith([]string{cmd, "--jobs", "0", paths[0]})
		if code != exitBadInput || !strings.Contains(stderr, "--jobs must be at least 1, not 0") {
			t.Errorf("%s --jobs 0: exit code %d, stderr %q", cmd, code, stderr)
		}
	}
	stdout, _, _ := runWith([]string{"render", "--help"})
	if !regexp.MustCompile(`--jobs int\s+how many plans to handle at once`).MatchString(stdout) || !strings.Contains(stdout, "--quiet") {
		t.Errorf("render --help lacks --jobs or --quiet:\n%s", stdout)
	}
}

func TestDrawJobs(t *testing.T) {
	for _, tc := range []struct{ jobs, plans, want int }{
		{1, 1, 1}, {2, 1, 2}, {2, 2, 1}, {2, 1000, 1}, {8, 3, 3}, {8, 1, 8}, {3, 2, 2},
	} {
		o := &batchOptions{jobs: tc.jobs}
		if got := o.drawJobs(tc.plans); got != tc.want {
			t.Errorf("jobs %d, %d plans: %d drawings at once, want %d", tc.jobs, tc.plans, got, tc.want)
		}
	}
}

// TestProgressTerminal: on a terminal one line is redrawn in place, at most every
// redrawEvery, taken away before other output and replaced by the summary.
func TestProgressTerminal(t *testing.T) {
	var w bytes.Buffer
	now := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	p := newProgress(&w, "render", 4, true, func() time.Time { return now })
	step := func(d time.Duration, failed bool) {
		now = now.Add(d)
		p.planDone(failed)
		p.draw()
	}
	step(2*time.Second, false)
	step(10*time.Millisecond, true) // too soon after the last: not drawn
	p.clear()
	w.WriteString("message\n")
	step(10*time.Millisecond, false) // nothing on the terminal: drawn at once
	step(2*time.Second, false)       // the last: the summary says it
	p.finish(32)
	want := "[=====>              ] 1/4 plans, 0 failed, 2 s, about 6 s left" +
		"\r\x1b[Kmessage\n" +
		"[===============>    ] 3/4 plans, 1 failed, 2 s, about 1 s left" +
		"\r\x1b[Klifeplan render: 4 plans, 32 files, 1 failed, 4.0 s\n"
	if w.String() != want {
		t.Errorf("terminal got\n%q\nwant\n%q", w.String(), want)
	}
}

// TestProgressPlainSteps: off a terminal, a line at every tenth of the batch.
func TestProgressPlainSteps(t *testing.T) {
	var w bytes.Buffer
	now := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	p := newProgress(&w, "check", 25, false, func() time.Time { return now })
	for range 25 {
		now = now.Add(time.Second)
		p.planDone(false)
		p.draw()
	}
	p.finish(0)
	lines := strings.Split(strings.TrimSpace(w.String()), "\n")
	var done []string
	for _, l := range lines[:len(lines)-1] {
		done = append(done, strings.Fields(l)[2])
	}
	if want := []string{"3/25", "6/25", "9/25", "12/25", "15/25", "18/25", "21/25", "24/25"}; !slices.Equal(done, want) {
		t.Errorf("lines at %v, want %v:\n%s", done, want, w.String())
	}
	if last := lines[len(lines)-1]; last != "lifeplan check: 25 plans, 0 failed, 25.0 s" {
		t.Errorf("summary %q", last)
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer taken for a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !isTerminal(tty) {
			t.Error("/dev/tty not taken for a terminal")
		}
	}
}

// TestTranscript: what a plan writes to its two streams comes back in the order
// written, each on its own stream.
func TestTranscript(t *testing.T) {
	var tr transcript
	out, errs := tr.stream(false), tr.stream(true)
	fmt.Fprint(out, "a")
	fmt.Fprint(out, "b")
	fmt.Fprint(errs, "E")
	fmt.Fprint(out, "c")
	var combined, stdout, stderr bytes.Buffer
	if err := tr.replay(&combined, &combined); err != nil {
		t.Fatal(err)
	}
	if err := tr.replay(&stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if combined.String() != "abEc" || stdout.String() != "abc" || stderr.String() != "E" {
		t.Errorf("combined %q, stdout %q, stderr %q", combined.String(), stdout.String(), stderr.String())
	}
	if len(tr.chunks) != 3 {
		t.Errorf("%d chunks, want 3 (runs on one stream are joined)", len(tr.chunks))
	}
}

// BenchmarkRenderBatch renders eight copies of the complete sample through run,
// as `lifeplan render --quiet` does: loading, checking, composing, drawing and
// writing, with the default --jobs. Its CPU profile is the batch's.
func BenchmarkRenderBatch(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(filepath.Join("..", "..", "samples", "images"))); err != nil {
		b.Fatal(err)
	}
	amira, err := os.ReadFile(filepath.Join("..", "..", "samples", "amira.toml"))
	if err != nil {
		b.Fatal(err)
	}
	args := []string{"render", "--quiet", "-o", filepath.Join(dir, "out")}
	for i := range 8 {
		path := filepath.Join(dir, fmt.Sprintf("plan-%d.toml", i))
		if err := os.WriteFile(path, amira, 0o644); err != nil {
			b.Fatal(err)
		}
		args = append(args, path)
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*8), "ms/plan")
}

// TestSameNameLaterWins: two plans with the same file name share an output folder;
// the one named later wins whatever the number of jobs, as with one.
func TestSameNameLaterWins(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, sample := range []string{"amira", "sam", "amira", "sam"} {
		folder := filepath.Join(dir, fmt.Sprint(i))
		if err := os.CopyFS(filepath.Join(folder, "images"), os.DirFS(filepath.Join("..", "..", "samples", "images"))); err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join("..", "..", "samples", sample+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(folder, "plan.toml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	all := append([]string{}, paths...)
	render := func(jobs int, out string) []byte {
		args := append([]string{"render", "--quiet", "--jobs", fmt.Sprint(jobs), "--doc", "housing-spec", "--format", "pdf", "-o", out}, paths...)
		if _, stderr, code := runWith(args); code != exitOK {
			t.Fatalf("exit code %d: %s", code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "plan", "housing-spec.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want := render(1, filepath.Join(dir, "out-1"))
	last := paths[len(paths)-1:]
	paths = last
	if alone := render(1, filepath.Join(dir, "out-last")); !bytes.Equal(want, alone) {
		t.Fatal("--jobs 1: the folder does not hold the plan named last")
	}
	paths = append([]string{}, all...)
	for round := range 5 {
		if got := render(4, filepath.Join(dir, fmt.Sprint("out-4-", round))); !bytes.Equal(got, want) {
			t.Fatalf("round %d: --jobs 4 wrote a different housing-spec.pdf from --jobs 1", round)
		}
	}
}

// TestBatchSurvivesAPanic: a bug that panics in one plan's work fails that plan
// only; the others are handled and passed on in order.
func TestBatchSurvivesAPanic(t *testing.T) {
	var stdout, stderr bytes.Buffer
	c := &cli{stdout: &stdout, stderr: &stderr}
	code := c.batch("render", []string{"a", "b", "c"}, &batchOptions{jobs: 2, quiet: true}, func(p *cli, i int, path string) (int, int) {
		if path == "b" {
			panic("drawing went wrong")
		}
		fmt.Fprintf(p.stdout, "wrote %s\n", path)
		return exitOK, 1
	})
	if code != exitBadInput {
		t.Errorf("exit code %d, want %d", code, exitBadInput)
	}
	if stdout.String() != "wrote a\nwrote c\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	if !strings.HasPrefix(stderr.String(), "b: internal error in lifeplan, please report it: drawing went wrong\n") || !strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("stderr %q", stderr.String())
	}
}
