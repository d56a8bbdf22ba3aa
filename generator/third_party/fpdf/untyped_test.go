package fpdf

import "testing"

// TestUntypedKeyMapNextKey: put(nil, v) takes the smallest int key not yet used,
// with the lifeplan fast path (contiguous keys) and without it (a gap).
func TestUntypedKeyMapNextKey(t *testing.T) {
	var m untypedKeyMap
	for i := 0; i < 5; i++ {
		m.put(nil, i*10)
	}
	m.put("interval", 1)
	m.put(nil, 50)
	if got := m.getIndex(5); got < 0 || m.valueSet[got] != 50 {
		t.Fatalf("contiguous: key 5 not at the value 50: %v %v", m.keySet, m.valueSet)
	}
	// A gap: keys 0, 1, 3, 4, 5 and "interval": the next key is 2.
	m.delete(2)
	m.put(nil, 20)
	if got := m.getIndex(2); got < 0 || m.valueSet[got] != 20 {
		t.Fatalf("gap: key 2 not reused: %v %v", m.keySet, m.valueSet)
	}
	m.put(nil, 60)
	if got := m.getIndex(6); got < 0 || m.valueSet[got] != 60 {
		t.Fatalf("after the gap: key 6 expected: %v %v", m.keySet, m.valueSet)
	}
}
