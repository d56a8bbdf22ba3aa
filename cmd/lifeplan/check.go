package main

import (
	"fmt"

	"lifeplan/generator/check"
)

func (c *cli) check(args []string) int {
	fs := c.flags("check", "check [--format text|json] PLAN.toml [PLAN.toml ...]")
	format := fs.String("format", "text", "output format: text or json")
	if code, done := c.parse(fs, args); done {
		return code
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
		return exitBadInput
	}
	code := exitOK
	var results []check.Result
	for i, path := range fs.Args() {
		l, ok := c.load(path)
		if !ok {
			code = exitBadInput
			continue
		}
		c.warnUndrawable(l.plan)
		findings := check.Check(l.plan)
		if b, _ := check.Count(findings); b > 0 && code == exitOK {
			code = exitFindings
		}
		if *format == "json" {
			results = append(results, check.NewResult(path, findings))
			continue
		}
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		if err := check.WriteText(c.stdout, path, findings); err != nil {
			fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
			return exitBadInput
		}
	}
	if *format == "json" {
		if err := check.WriteJSON(c.stdout, results); err != nil {
			fmt.Fprintf(c.stderr, "lifeplan check: %v\n", err)
			return exitBadInput
		}
	}
	return code
}
