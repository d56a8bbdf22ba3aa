package money

import (
	"strings"
	"testing"
)

func TestParsePence(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Pence
		err  string
	}{
		{"13.50", 1350, ""}, {"13.5", 1350, ""}, {"13", 1300, ""}, {"0.05", 5, ""}, {".5", 50, ""},
		{"1,250.00", 125000, ""}, {" 7.00 ", 700, ""},
		{"£12", 0, "without a currency sign"}, {"12.345", 0, "more than 2 decimal places"},
		{"-5", 0, "cannot be negative"}, {"99999999999999999999", 0, "too large"},
		{"12.", 0, "is not an amount"}, {"abc", 0, "is not an amount"}, {"", 0, "is empty"},
	} {
		got, err := ParsePence(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("ParsePence(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !contains(err.Error(), tc.err)):
			t.Errorf("ParsePence(%q) error %v, want one containing %q", tc.in, err, tc.err)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestFromTOMLFloat(t *testing.T) {
	var p Pence
	if err := p.UnmarshalTOML(13.5); err != nil || p != 1350 {
		t.Errorf("13.5 = %d, %v", p, err)
	}
	if err := p.UnmarshalTOML(13.505); err == nil {
		t.Error("13.505 accepted")
	}
	var d Decimal
	if err := d.UnmarshalTOML(52.143); err != nil || d != 521430 || d.String() != "52.143" {
		t.Errorf("52.143 = %d (%s), %v", d, d, err)
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		p     Pence
		s, pl string
	}{
		{0, "£0.00", "0.00"}, {5, "£0.05", "0.05"}, {1352000, "£13,520.00", "13520.00"},
		{123456789, "£1,234,567.89", "1234567.89"}, {-2000, "−£20.00", "-20.00"},
	} {
		if tc.p.String() != tc.s || tc.p.Plain() != tc.pl {
			t.Errorf("%d prints %q and %q", int64(tc.p), tc.p.String(), tc.p.Plain())
		}
	}
}

func TestMulDivRoundsHalfUp(t *testing.T) {
	for _, tc := range []struct{ a, b, c, want int64 }{
		{163186, 1, 1, 163186}, {1352000, 120700, 1000000, 163186}, // 12.07% of £13,520.00 = £1,631.864
		{5, 1, 2, 3}, {4, 1, 2, 2}, {1_000_000_000_00, 53_0000, 1_0000, 53_000_000_000_00},
	} {
		if got := MulDiv(tc.a, tc.b, tc.c); got != tc.want {
			t.Errorf("MulDiv(%d, %d, %d) = %d, want %d", tc.a, tc.b, tc.c, got, tc.want)
		}
	}
}
