package reuse

import "testing"

// TestList: Get gives back what was Put, then makes new ones; Put drops what
// does not fit.
func TestList(t *testing.T) {
	l := make(List[*int], 2)
	made := 0
	fresh := func() *int { made++; return new(int) }
	a, b, c := new(int), new(int), new(int)
	l.Put(a)
	l.Put(b)
	l.Put(c) // full: dropped
	if got := l.Get(fresh); got != a {
		t.Error("the first Get did not give the first thing kept")
	}
	if got := l.Get(fresh); got != b {
		t.Error("the second Get did not give the second thing kept")
	}
	if got := l.Get(fresh); got == c || made != 1 {
		t.Errorf("a Get on an empty list: made %d, want 1 (and not the dropped one)", made)
	}
}
