package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress tells how far a batch has got, on stderr. On a terminal it keeps one
// line up to date (redrawn at most every redrawEvery); elsewhere (a log file, a
// pipe, CI) it writes a plain line at every tenth of the batch, since a line
// rewritten with carriage returns would fill a log with noise.
//
// It is a few lines of our own rather than github.com/schollz/progressbar/v3: that
// library can clear and redraw its bar too, but it is one more dependency (with
// its own for colour and terminal handling) and it does not write the plain lines
// a log needs; what we need, one status line taken away before each plan's
// messages and put back after, is shorter to write than to configure.
type progress struct {
	w        io.Writer
	command  string
	total    int
	terminal bool
	now      func() time.Time
	start    time.Time

	done, failed int
	shown        bool      // a progress line is on the terminal now
	drawn        time.Time // when it was last drawn
	reported     int       // plain mode: plans done at the last line written
}

const redrawEvery = 100 * time.Millisecond

func newProgress(w io.Writer, command string, total int, terminal bool, now func() time.Time) *progress {
	return &progress{w: w, command: command, total: total, terminal: terminal, now: now, start: now()}
}

// isTerminal says whether w is a terminal (a character device). /dev/null is one
// too, which costs nothing: what is drawn there is never seen.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// planDone counts one more plan done (failed when it could not be handled).
func (p *progress) planDone(failed bool) {
	p.done++
	if failed {
		p.failed++
	}
}

// draw shows how far the batch has got, if it is time to.
func (p *progress) draw() {
	if p.done == p.total {
		return // the summary says it
	}
	if !p.terminal {
		step := (p.total + 9) / 10
		if p.done/step > p.reported/step {
			p.reported = p.done
			fmt.Fprintf(p.w, "lifeplan %s: %s\n", p.command, p.status())
		}
		return
	}
	now := p.now()
	if p.shown && now.Sub(p.drawn) < redrawEvery {
		return
	}
	p.clear()
	fmt.Fprintf(p.w, "%s %s", p.bar(), p.status())
	p.shown, p.drawn = true, now
}

// clear takes the progress line off the terminal, so other output can take its
// place; the next draw puts it back.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K") // to the start of the line, then erase it
		p.shown = false
	}
}

// status is "412/1000 plans, 1 failed, 16 s, about 23 s left".
func (p *progress) status() string {
	elapsed := p.now().Sub(p.start)
	s := fmt.Sprintf("%d/%d plans, %d failed, %s", p.done, p.total, p.failed, seconds(elapsed, 0))
	if p.done > 0 && p.done < p.total {
		left := elapsed / time.Duration(p.done) * time.Duration(p.total-p.done)
		s += fmt.Sprintf(", about %s left", seconds(left, 0))
	}
	return s
}

// bar is "[=======>            ]", 20 columns for the whole batch.
func (p *progress) bar() string {
	const width = 20
	n := p.done * width / p.total
	head := ""
	if n < width {
		head = ">"
	}
	return "[" + strings.Repeat("=", n) + head + strings.Repeat(" ", width-n-len(head)) + "]"
}

// finish takes the progress line away and writes the summary: plans, files (for
// commands that write them), failures and time.
func (p *progress) finish(files int) {
	p.clear()
	fmt.Fprintf(p.w, "lifeplan %s: %d plans", p.command, p.total)
	if files > 0 {
		fmt.Fprintf(p.w, ", %d files", files)
	}
	fmt.Fprintf(p.w, ", %d failed, %s\n", p.failed, seconds(p.now().Sub(p.start), 1))
}

// seconds prints a duration in seconds: "16 s", "0.4 s".
func seconds(d time.Duration, decimals int) string {
	return fmt.Sprintf("%.*f s", decimals, d.Seconds())
}
