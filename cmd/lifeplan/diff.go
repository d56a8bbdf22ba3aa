package main

import (
	"fmt"

	"lifeplan/generator/pipeline"
	"lifeplan/generator/plandiff"
)

func (c *cli) diff(args []string) int {
	fs := c.flags("diff", "diff [--format text|json] OLD.toml NEW.toml")
	format := fs.String("format", "text", "output format: text or json")
	if code, done := c.parse(fs, args); done {
		return code
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		fmt.Fprintf(c.stderr, "lifeplan diff: %v\n", err)
		return exitBadInput
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(c.stderr, "lifeplan diff: name two plan files, the old version then the new, e.g. plan-1.1.toml plan.toml\n")
		return exitBadInput
	}
	old, ok := c.load(fs.Arg(0))
	if !ok {
		return exitBadInput
	}
	new, ok := c.load(fs.Arg(1))
	if !ok {
		return exitBadInput
	}
	d := plandiff.Compare(old.Plan, new.Plan, old.Budget, new.Budget)
	var err error
	if *format == "json" {
		err = d.WriteJSON(c.stdout)
	} else {
		err = d.WriteText(c.stdout)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan diff: %v\n", err)
		return exitBadInput
	}
	return exitOK
}

// loadSince loads render's --since plan, the earlier version the documents say
// what changed since. It compares with one plan only: with several, which one's
// history it is would be a guess.
func (c *cli) loadSince(path string, plans int) (*pipeline.Loaded, int) {
	if path == "" {
		return nil, exitOK
	}
	if plans != 1 {
		fmt.Fprintf(c.stderr, "lifeplan render: --since compares one plan with its previous version; name one plan, not %d\n", plans)
		return nil, exitBadInput
	}
	l, ok := c.load(path)
	if !ok {
		return nil, exitBadInput
	}
	return l, exitOK
}
