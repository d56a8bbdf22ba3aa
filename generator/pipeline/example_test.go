package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"

	"lifeplan/generator/pipeline"
)

// Render a plan's LLSP and easy-read version as HTML and write them into a
// folder of their own, as lifeplan render --doc llsp,easy-read --format html
// does. The Renderer is made once and can render any number of plans.
func Example() {
	r, err := pipeline.New(pipeline.Options{
		Documents: []string{"llsp", "easy-read"},
		Formats:   []string{"html"},
	})
	if err != nil {
		fmt.Println(err) // a template that does not parse
		return
	}
	res, err := r.Render("../../samples/amira.toml")
	for _, w := range res.Warnings {
		fmt.Println(w) // text the PDF cannot draw, a one-page list cut to fit
	}
	if err != nil {
		fmt.Println(err) // names the file, line and key: plan.toml:4:1: budget.contigency: …
		return
	}
	out, err := os.MkdirTemp("", "lifeplan-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)
	written, err := res.Write(filepath.Join(out, res.Name))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, path := range written {
		rel, _ := filepath.Rel(out, path)
		fmt.Println(filepath.ToSlash(rel))
	}
	// Output:
	// amira/llsp.html
	// amira/easy-read.html
}
