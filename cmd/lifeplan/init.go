package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"lifeplan/generator/starter"
)

func (c *cli) init(args []string) int {
	fs := c.flags("init", "init [--name \"Full Name\"] [--date YYYY-MM-DD] FILE.toml")
	name := fs.String("name", "", "the person's full name (default: made from the file name, e.g. jo-bloggs.toml gives Jo Bloggs)")
	date := fs.String("date", "", "the plan's date, YYYY-MM-DD (default: today)")
	if code, done := c.parse(fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(c.stderr, "lifeplan init: name one new plan file, e.g. lifeplan init jo-bloggs.toml")
		return exitBadInput
	}
	path := fs.Arg(0)
	if !strings.HasSuffix(path, ".toml") {
		fmt.Fprintf(c.stderr, "lifeplan init: %s: a plan file's name ends in .toml\n", path)
		return exitBadInput
	}
	if _, err := os.Lstat(path); err == nil {
		fmt.Fprintf(c.stderr, "lifeplan init: %s already exists; lifeplan init never overwrites a plan. Choose another name, or move the old file first\n", path)
		return exitBadInput
	}
	written := time.Now()
	if *date != "" {
		d, err := time.Parse("2006-01-02", *date)
		if err != nil {
			fmt.Fprintf(c.stderr, "lifeplan init: --date %q is not a date: write it as YYYY-MM-DD, e.g. 2026-09-14\n", *date)
			return exitBadInput
		}
		written = d
	}
	person := *name
	if strings.TrimSpace(person) == "" {
		person = starter.NameFromFile(path)
		fmt.Fprintf(c.stderr, "lifeplan init: no --name given, so the plan is for %q; change name under [person] if that is not right\n", person)
	}
	src, err := starter.Plan(starter.Options{Name: person, File: path, Written: written})
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan init: %v\n", err)
		return exitBadInput
	}
	if err := writeNew(path, src); err != nil {
		fmt.Fprintf(c.stderr, "lifeplan init: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintf(c.stdout, "wrote %s\n\nNext:\n  lifeplan check %s    what to write next\n  lifeplan render %s   the documents, marked DRAFT until check finds no blockers\n", path, path, path)
	return exitOK
}

// writeNew writes a file that must not exist yet. O_EXCL makes "does it exist"
// and "create it" one step, so a plan is never overwritten, even by a race; a
// failed write removes the half-written file.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; lifeplan init never overwrites a plan. Choose another name, or move the old file first", path)
	}
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, unwrapPathError(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
