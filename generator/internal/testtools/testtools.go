// Package testtools finds the real clients (LibreOffice, poppler, qpdf) that tests
// check documents with. Without them tests skip, unless LIFEPLAN_REQUIRE_TOOLS=1, as
// in CI, where a missing tool fails the test.
package testtools

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"lifeplan/generator/budget"
	"lifeplan/generator/compose"
	"lifeplan/generator/doc"
	"lifeplan/generator/plan"
	"lifeplan/templates"
)

// Require returns the path of a command-line tool, or skips (or fails) the test.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("LIFEPLAN_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (LIFEPLAN_REQUIRE_TOOLS=1) but not on PATH", name)
	}
	t.Skipf("%s not installed; set LIFEPLAN_REQUIRE_TOOLS=1 to require it", name)
	return ""
}

// Sample loads one of samples/<name>.toml (from a package two folders below the
// repository root) and works out its budget.
func Sample(t testing.TB, name string) (*plan.Plan, *budget.Budget) {
	t.Helper()
	p, err := plan.Load(filepath.Join("..", "..", "samples", name+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := budget.Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, b
}

// SampleDocuments composes every document of samples/<name>.toml with the
// built-in templates, in the order of compose.Specs.
func SampleDocuments(t testing.TB, name string) []*doc.Document {
	t.Helper()
	p, b := Sample(t, name)
	c, err := compose.New(templates.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := c.Documents(compose.Specs(), compose.View{Plan: p, Person: p.Person, Budget: b, Checks: compose.Judge(p, b)})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
