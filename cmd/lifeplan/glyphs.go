package main

import (
	"fmt"

	"lifeplan/generator/pipeline"
	"lifeplan/generator/plan"
)

// warnUndrawable prints one warning line on stderr for every text of the plan
// with characters the PDF cannot draw (see pipeline.Undrawable). A warning, not
// an error: the exit code stays.
func (c *cli) warnUndrawable(p *plan.Plan) {
	for _, e := range pipeline.Undrawable(p) {
		fmt.Fprintln(c.stderr, e)
	}
}
