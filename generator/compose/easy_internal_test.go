package compose

import (
	"reflect"
	"testing"

	"lifeplan/generator/money"
)

// TestApportion: whole pounds shared by largest remainder always add up to the
// rounded total, and each share is its part rounded down or up.
func TestApportion(t *testing.T) {
	for _, tc := range []struct {
		parts []money.Pence
		total money.Pence
		want  []money.Pence
	}{
		{[]money.Pence{150, 150, 150}, 5, []money.Pence{2, 2, 1}}, // £4.50 rounds to £5; rounding each to £2 would make £6
		{[]money.Pence{1523150, 1252200, 186390}, 29618, []money.Pence{15232, 12522, 1864}},
		{[]money.Pence{149, 149, 2}, 3, []money.Pence{2, 1, 0}}, // £3.00 in all: £1.49 + £1.49 + £0.02
		{[]money.Pence{10000, 20000}, 300, []money.Pence{100, 200}},
		{nil, 0, []money.Pence{}},
	} {
		got := apportion(tc.parts, tc.total)
		if !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("apportion(%v, %d) = %v, want %v", tc.parts, tc.total, got, tc.want)
		}
		sum := money.Pence(0)
		for i, g := range got {
			sum += g
			if g != tc.parts[i]/100 && g != tc.parts[i]/100+1 {
				t.Errorf("share %d of %v is %d, not its part rounded down or up", i, tc.parts, g)
			}
		}
		if sum != tc.total {
			t.Errorf("apportion(%v) adds up to %d, want %d", tc.parts, sum, tc.total)
		}
	}
}
