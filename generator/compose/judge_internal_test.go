package compose

import "testing"

// TestPlainWords: the checklist says what is missing without key paths, TOML
// brackets or underscores, and keeps a parenthesis that is plain words.
func TestPlainWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no support is described (support.items)", "no support is described"},
		{"the plan names no change the person wants to make (changes)", "the plan names no change the person wants to make"},
		{"no costed budget lines, so no total ([[budget.lines]])", "no costed budget lines, so no total"},
		{"a decision others make does not say how the person is involved (how_involved)", "a decision others make does not say how the person is involved"},
		{`no learning outcome with area = "community_inclusion"`, "no learning outcome for community inclusion"},
		{"no training specific to the person (training with specific = true)", "no training specific to the person"},
		{"a risk rated high (likelihood or severity) has no managed text", "a risk rated high (likelihood or severity) has no managed text"},
		{"a support item has neither hours_per_week nor a number in when", "a support item has neither hours per week nor a number in when"},
	} {
		if got := plainWords(tc.in); got != tc.want {
			t.Errorf("plainWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
