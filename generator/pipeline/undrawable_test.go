package pipeline

import (
	"testing"

	"lifeplan/generator/typeface"
)

func TestUndrawableMessage(t *testing.T) {
	tests := []struct {
		problems []typeface.Problem
		want     string
	}{
		{[]typeface.Problem{{Script: "Arabic", Count: 6}}, "6 characters (Arabic script) cannot be drawn in the PDF; the DOCX keeps them"},
		{[]typeface.Problem{{Script: "Emoji", Count: 1}}, "1 character (emoji) cannot be drawn in the PDF; the DOCX keeps it"},
		{[]typeface.Problem{{Script: "Arabic", Count: 6}, {Script: "Emoji", Count: 1}},
			"6 characters (Arabic script) and 1 character (emoji) cannot be drawn in the PDF; the DOCX keeps them"},
		{[]typeface.Problem{{Script: "Hebrew", Count: 4}, {Script: "Han", Count: 2}, {Script: "Emoji", Count: 1}},
			"4 characters (Hebrew script), 2 characters (Han script) and 1 character (emoji) cannot be drawn in the PDF; the DOCX keeps them"},
	}
	for _, tt := range tests {
		if got := undrawableMessage(tt.problems); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}
