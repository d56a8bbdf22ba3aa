package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"lifeplan/generator/compose"
	"lifeplan/generator/pipeline"
	"lifeplan/generator/render"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1 // check found blockers
	exitBadInput = 2 // bad input or usage
)

const usage = `lifeplan turns a person-centred plan (TOML) into printable documents.

Usage:
  lifeplan render [flags] PLAN.toml [PLAN.toml ...]   write the documents (PDF, DOCX, HTML, Markdown)
  lifeplan check [--format text|json] PLAN.toml ...  what the agreement panel would refuse
  lifeplan budget [--format text|csv|json] PLAN.toml the budget, worked out
  lifeplan diff [--format text|json] OLD.toml NEW.toml
                                                     what changed between two versions
  lifeplan init [--name "Full Name"] FILE.toml       start a new plan (never overwrites)
  lifeplan schema                                    the plan file's JSON Schema, for editors
  lifeplan version                                   print the version
  lifeplan help [COMMAND]                            this help, or a command's

Exit codes: 0 done; 1 check found blockers; 2 bad input or usage.
Run 'lifeplan COMMAND --help' for a command's flags.
`

// cli carries the output streams; nothing global.
type cli struct {
	stdout, stderr io.Writer
}

func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitBadInput
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "render":
		return c.render(rest)
	case "check":
		return c.check(rest)
	case "budget":
		return c.budget(rest)
	case "diff":
		return c.diff(rest)
	case "init":
		return c.init(rest)
	case "schema":
		return c.schema(rest)
	case "version", "--version":
		fmt.Fprintf(stdout, "lifeplan %s\n", version())
		return exitOK
	case "help", "-h", "--help":
		if len(rest) > 0 {
			return run([]string{rest[0], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "lifeplan: unknown command %q\n\n%s", cmd, usage)
		return exitBadInput
	}
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "0.1.0-dev"
}

// flags makes a command's flag set; help goes to stdout, errors to stderr.
func (c *cli) flags(name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(c.stdout, "Usage: lifeplan %s\n\nFlags:\n", synopsis)
		fs.SetOutput(c.stdout)
		fs.PrintDefaults()
		fs.SetOutput(c.stderr)
	}
	return fs
}

// parse parses flags; done is true when the command should stop with code.
func (c *cli) parse(fs *pflag.FlagSet, args []string) (code int, done bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, true
		}
		fmt.Fprintf(c.stderr, "lifeplan %s: %v\nRun 'lifeplan %s --help' for usage.\n", fs.Name(), err, fs.Name())
		return exitBadInput, true
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(c.stderr, "lifeplan %s: name at least one plan file, e.g. samples/amira.toml\n", fs.Name())
		return exitBadInput, true
	}
	return 0, false
}

// choose picks the elements of all named in a comma list, in all's own order, so
// "--doc housing-spec,llsp" writes documents in their usual order.
func choose[T any](flag, value string, all []T, name func(T) string) ([]T, error) {
	names := make([]string, len(all))
	for i, x := range all {
		names[i] = name(x)
	}
	wanted := map[string]bool{}
	for _, v := range strings.Split(value, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !slices.Contains(names, v) {
			return nil, fmt.Errorf("--%s: %q is not one of %s", flag, v, strings.Join(names, ", "))
		}
		wanted[v] = true
	}
	var out []T
	for i, x := range all {
		if wanted[names[i]] {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--%s: give at least one of %s", flag, strings.Join(names, ", "))
	}
	return out, nil
}

// oneOf checks a single-valued flag.
func oneOf(flag, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return fmt.Errorf("--%s must be one of %s, not %q", flag, strings.Join(allowed, ", "), value)
}

// load reads a plan and works out its budget, reporting problems on stderr.
func (c *cli) load(path string) (*pipeline.Loaded, bool) {
	l, err := pipeline.Load(path)
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return nil, false
	}
	return l, true
}

// render draws the documents with a pipeline.Renderer, made once for all the
// plans (it parses the templates). What is left here is the flags, the
// messages, and the batch: which plans run at once and when each may write.
func (c *cli) render(args []string) int {
	fs := c.flags("render", "render [flags] PLAN.toml [PLAN.toml ...]")
	out := fs.StringP("out", "o", "out", "folder to write into; each plan gets <out>/<plan name>/")
	docs := fs.String("doc", "all", "documents to write, a comma list of: "+strings.Join(docIDs(), ", "))
	formats := fs.String("format", "pdf,docx", "formats to write, a comma list of: pdf, docx, html, md")
	tmplDir := fs.String("templates", "", "folder of customised templates (<doc-id>.md.tmpl, parts.md.tmpl); missing ones come from the built-in set")
	since := fs.String("since", "", "the plan's previous version (TOML): the LLSP and support plan say what changed since it")
	brandFile := fs.String("brand", "", "a branding file (TOML with an [organisation] table: name, logo, accent, contact) used in place of the plan's own")
	batch := addBatchFlags(fs)
	if code, done := c.parse(fs, args); done {
		return code
	}
	var brand *pipeline.Brand
	if *brandFile != "" {
		b, err := pipeline.LoadBrand(*brandFile)
		if err != nil {
			fmt.Fprintln(c.stderr, err)
			return exitBadInput
		}
		brand = b
	}
	previous, sinceCode := c.loadSince(*since, fs.NArg())
	if sinceCode != exitOK {
		return sinceCode
	}
	specs, fmts, err := chooseOutputs(*docs, *formats)
	if err == nil {
		err = batch.check()
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan render: %v\n", err)
		return exitBadInput
	}
	custom, err := templatesFolder(*tmplDir)
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan render: %v\n", err)
		return exitBadInput
	}
	renderer, err := pipeline.New(pipeline.Options{
		Documents: names(specs, func(s compose.Spec) string { return s.ID }),
		Formats:   names(fmts, func(f render.Format) string { return f.Name }),
		Templates: custom,
		Brand:     brand,
		Previous:  previous,
		Jobs:      batch.drawJobs(fs.NArg()),
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan render: %v\n", err)
		return exitBadInput
	}
	folders := newTurns(outputNames(fs.Args()))
	// Each plan gets a c of its own, whose streams are that plan's.
	return c.batch("render", fs.Args(), batch, func(c *cli, i int, path string) (code, files int) {
		defer folders.finish(i)
		res, err := renderer.Render(path)
		for _, w := range res.Warnings {
			fmt.Fprintln(c.stderr, w)
		}
		if err != nil {
			fmt.Fprintln(c.stderr, err)
			return exitBadInput, 0
		}
		folders.wait(i)
		written, err := res.Write(filepath.Join(*out, res.Name))
		for _, w := range written {
			fmt.Fprintf(c.stdout, "wrote %s\n", w)
		}
		if err != nil {
			fmt.Fprintln(c.stderr, err)
			return exitBadInput, len(written)
		}
		return exitOK, len(written)
	})
}

// names gives the name of each of xs.
func names[T any](xs []T, name func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = name(x)
	}
	return out
}

func docIDs() []string {
	var ids []string
	for _, s := range compose.Specs() {
		ids = append(ids, s.ID)
	}
	return ids
}

func chooseOutputs(docs, formats string) ([]compose.Spec, []render.Format, error) {
	if docs == "all" {
		docs = strings.Join(docIDs(), ",")
	}
	specs, err := choose("doc", docs, compose.Specs(), func(s compose.Spec) string { return s.ID })
	if err != nil {
		return nil, nil, err
	}
	fmts, err := choose("format", formats, render.Formats(), func(f render.Format) string { return f.Name })
	if err != nil {
		return nil, nil, err
	}
	return specs, fmts, nil
}

// templatesFolder opens --templates, the folder of customised templates; none
// when the flag is not given.
func templatesFolder(dir string) (fs.FS, error) {
	if dir == "" {
		return nil, nil
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("--templates %s: not a folder", dir)
	}
	return os.DirFS(dir), nil
}

func (c *cli) budget(args []string) int {
	fs := c.flags("budget", "budget [--format text|csv|json] PLAN.toml [PLAN.toml ...]")
	format := fs.String("format", "text", "output format: text, csv or json")
	batch := addBatchFlags(fs)
	if code, done := c.parse(fs, args); done {
		return code
	}
	err := oneOf("format", *format, "text", "csv", "json")
	if err == nil {
		err = batch.check()
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan budget: %v\n", err)
		return exitBadInput
	}
	return c.batch("budget", fs.Args(), batch, func(c *cli, i int, path string) (int, int) {
		l, ok := c.load(path)
		if !ok {
			return exitBadInput, 0
		}
		var err error
		switch *format {
		case "csv":
			err = l.Budget.WriteCSV(c.stdout)
		case "json":
			err = l.Budget.WriteJSON(c.stdout, path)
		default:
			if i > 0 {
				fmt.Fprintln(c.stdout)
			}
			err = l.Budget.WriteText(c.stdout, l.Plan.Person.Name)
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "%s: %v\n", path, err)
			return exitBadInput, 0
		}
		return exitOK, 0
	})
}
