package check

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestREADMETable keeps the README's table of finding ids in step with Rules(): the
// same ids, in the same order, with the same severity, criterion and summary.
func TestREADMETable(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	var got []string
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "| `") && strings.Count(l, "|") == 5 && (strings.Contains(l, "| blocker |") || strings.Contains(l, "| advice |")) {
			got = append(got, l)
		}
	}
	var want []string
	for _, r := range Rules() {
		want = append(want, fmt.Sprintf("| `%s` | %s | %d | %s |", r.ID, r.Severity, r.Criterion, strings.ReplaceAll(r.Summary, "|", "\\|")))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README's findings table is out of step with Rules(); it should read:\n%s", strings.Join(want, "\n"))
	}
}
