package main

import (
	"fmt"

	"lifeplan/generator/check"
)

func (c *cli) check(args []string) int {
	fs := c.flags("check", "check [--format text|json] PLAN.toml [PLAN.toml ...]")
	format := fs.String("format", "text", "output format: text or json")
	batch := addBatchFlags(fs)
	if code, done := c.parse(fs, args); done {
		return code
	}
	err := oneOf("format", *format, "text", "json")
	if err == nil {
		err = batch.check()
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
		return exitBadInput
	}
	// Each plan's JSON result goes into its own place, so they are written in the
	// plans' order however the work was shared out.
	results := make([]*check.Result, fs.NArg())
	code := c.batch("check", fs.Args(), batch, func(c *cli, i int, path string) (int, int) {
		l, ok := c.load(path)
		if !ok {
			return exitBadInput, 0
		}
		c.warnUndrawable(l.Plan)
		findings := check.CheckBudget(l.Plan, l.Budget)
		code := exitOK
		if b, _ := check.Count(findings); b > 0 {
			code = exitFindings
		}
		if *format == "json" {
			r := check.NewResult(path, findings)
			results[i] = &r
			return code, 0
		}
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		if err := check.WriteText(c.stdout, path, findings); err != nil {
			fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
			return exitBadInput, 0
		}
		return code, 0
	})
	if *format == "json" {
		var all []check.Result
		for _, r := range results {
			if r != nil {
				all = append(all, *r)
			}
		}
		if err := check.WriteJSON(c.stdout, all); err != nil {
			fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
			return exitBadInput
		}
	}
	return code
}
