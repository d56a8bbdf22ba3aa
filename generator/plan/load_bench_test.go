package plan_test

import (
	"path/filepath"
	"testing"

	"lifeplan/generator/plan"
)

// BenchmarkLoad loads the full sample plan, pictures and all, as a batch run does
// once per plan.
func BenchmarkLoad(b *testing.B) {
	path := filepath.Join("..", "..", "samples", "amira.toml")
	for b.Loop() {
		if _, err := plan.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}
