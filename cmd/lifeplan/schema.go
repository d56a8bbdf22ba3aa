package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"lifeplan/generator/plan"
)

// schema prints the plan file's JSON Schema, for editors: save it beside the plans
// and start a plan with the line #:schema ./lifeplan.schema.json.
func (c *cli) schema(args []string) int {
	fs := c.flags("schema", "schema > lifeplan.schema.json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(c.stderr, "lifeplan schema: %v\nRun 'lifeplan schema --help' for usage.\n", err)
		return exitBadInput
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "lifeplan schema: takes no files; it prints the schema: lifeplan schema > lifeplan.schema.json\n")
		return exitBadInput
	}
	src, err := plan.Schema()
	if err != nil {
		fmt.Fprintf(c.stderr, "lifeplan schema: %v\n", err)
		return exitBadInput
	}
	if _, err := c.stdout.Write(src); err != nil {
		fmt.Fprintf(c.stderr, "lifeplan schema: %v\n", err)
		return exitBadInput
	}
	return exitOK
}
