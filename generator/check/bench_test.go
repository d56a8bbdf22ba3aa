package check

import (
	"path/filepath"
	"testing"

	"lifeplan/generator/plan"
)

// BenchmarkCheckSample judges the complete sample: every rule, the budget engine,
// the phrase matching and the leak guard.
func BenchmarkCheckSample(b *testing.B) {
	p, err := plan.Load(filepath.Join("..", "..", "samples", "amira.toml"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check(p)
	}
}

// BenchmarkVaguePhrases reads one long paragraph for vague wording.
func BenchmarkVaguePhrases(b *testing.B) {
	text := "Amira will have regular opportunities to access the community with support as needed; " +
		"staff will monitor and intervene where possible, up to 10 hours a week, and she may need input " +
		"from the speech and language therapist. She goes to the Access course in May, with supported living skills."
	for b.Loop() {
		vaguePhrases(text)
	}
}
