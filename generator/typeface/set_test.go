package typeface

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// runsString shows runs compactly: "main:Tŷ |fallback:✓".
func runsString(s *Set, runs []Run) string {
	parts := make([]string, len(runs))
	for i, r := range runs {
		which := "main"
		if r.Face.Family() != s.Face(Regular).Family() {
			which = "fallback"
		}
		if r.Face.Style()&Bold != 0 {
			which += "B"
		}
		if r.Face.Style()&Italic != 0 {
			which += "I"
		}
		parts[i] = which + ":" + r.Text
	}
	return strings.Join(parts, "|")
}

func TestRuns(t *testing.T) {
	s := Default()
	tests := []struct {
		name, text string
		st         Style
		want       string
	}{
		{"empty", "", Regular, ""},
		{"all main", "Tŷ Newydd", Regular, "main:Tŷ Newydd"},
		{"check mark falls back, space stays before", "Tŷ ✓ done", Regular, "main:Tŷ |fallback:✓ |main:done"},
		{"bold fallback is DejaVu Bold", "Yes ✓", Bold, "mainB:Yes |fallbackB:✓"},
		{"italic fallback is upright DejaVu", "Yes ✗", Italic, "mainI:Yes |fallback:✗"},
		{"bold italic fallback is DejaVu Bold", "✓ x", BoldItalic, "fallbackB:✓ |mainBI:x"},
		{"Cyrillic word in the fallback", "say Привет now", Regular, "main:say |fallback:Привет |main:now"},
		{"combining mark stays with its base", "Cafe\u0301 ok", Regular, "main:Cafe\u0301 ok"},
		{"leading space in the main face", " ✓", Regular, "main: |fallback:✓"},
		{"Arabic replaced in the fallback", "Mum: اردو.", Regular, "main:Mum: |fallback:\uFFFD\uFFFD\uFFFD\uFFFD|main:."},
		{"harakat go with their letter", "بَ", Regular, "fallback:\uFFFD"},
		{"a mark after a drawable letter after an undrawable one is kept", "ب ŵ\u0301", Regular, "fallback:\uFFFD |main:ŵ\u0301"},
		{"emoji beyond the BMP replaced", "Hi 🦊!", Regular, "main:Hi |fallback:\uFFFD|main:!"},
		{"emoji with variation selector: selector left out", "I ❤️ it", Regular, "main:I |fallback:❤ |main:it"},
		{"zero-width space and soft hyphen left out", "in\u200Bde\u00ADpen\uFEFFdent", Regular, "main:independent"},
		{"Hebrew is right to left: replaced though DejaVu has it", "שלום", Regular, "fallback:\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"Han: no face", "中", Regular, "fallback:\uFFFD"},
		{"control characters left out", "a\tb\u0085", Regular, "main:ab"},
		{"U+FFFD as written", "a\uFFFDb", Regular, "main:a|fallback:\uFFFD|main:b"},
		{"invalid UTF-8 alone is replaced, not copied", "\xff\xfe", Regular, "fallback:\uFFFD\uFFFD"},
		{"Latin-1, quotes and dashes in one run", "café’s £5 – ok", Regular, "main:café’s £5 – ok"},
	}
	for _, tt := range tests {
		if got := runsString(s, s.Runs(tt.text, tt.st)); got != tt.want {
			t.Errorf("%s: Runs(%q, %s)\n got %s\nwant %s", tt.name, tt.text, tt.st, got, tt.want)
		}
	}
}

// TestRunsOfTextAsWrittenAreTheText: text drawn as written in one face comes
// back as its one run, the same string, not a copy.
func TestRunsOfTextAsWrittenAreTheText(t *testing.T) {
	s := Default()
	for _, text := range []string{"Tŷ Newydd", "café’s £5 – ok", "Cafe\u0301"} {
		runs := s.Runs(text, Regular)
		if len(runs) != 1 || runs[0].Text != text || unsafe.StringData(runs[0].Text) != unsafe.StringData(text) {
			t.Errorf("Runs(%q): %d runs, not the text itself", text, len(runs))
		}
	}
}

// TestRunsDrawOnlyWhatTheirFaceHas: whatever the text, every character of a run
// is one its face has, so fpdf never draws .notdef.
func TestRunsDrawOnlyWhatTheirFaceHas(t *testing.T) {
	s := Default()
	var all strings.Builder
	for r := rune(0); r < bmpSize; r++ {
		if r < 0xD800 || r > 0xDFFF {
			all.WriteRune(r)
		}
	}
	all.WriteString("😀🦊𝐀中文한국어")
	for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
		for _, run := range s.Runs(all.String(), st) {
			for _, r := range run.Text {
				if !run.Face.Has(r) || r >= bmpSize {
					t.Errorf("%s: run in %s %s has U+%04X, which the face lacks", st, run.Face.Family(), run.Face.Style(), r)
				}
			}
		}
	}
}

func TestUndrawable(t *testing.T) {
	s := Default()
	tests := []struct {
		name, text string
		want       []Problem
	}{
		{"ASCII", "Amira likes swimming.", nil},
		{"Welsh, Polish, check marks", "Tŷ Ŵ ✓ ✗ Zażółć Привет Ωmega", nil},
		{"Urdu: six letters", "Ammi says: میری بیٹی", []Problem{{"Arabic", 8}}},
		{"emoji", "Great 😀", []Problem{{"Emoji", 1}}},
		{"emoji flag: two regional indicators", "🇬🇧", []Problem{{"Emoji", 2}}},
		{"order of first appearance", "😀 שלום اب 😀", []Problem{{"Emoji", 2}, {"Hebrew", 4}, {"Arabic", 2}}},
		{"Devanagari with vowel signs", "नमस्ते", []Problem{{"Devanagari", 6}}},
		{"Bengali", "বাংলা", []Problem{{"Bengali", 5}}},
		{"Thai", "สวัสดี", []Problem{{"Thai", 6}}},
		{"Han and Hangul", "中文한", []Problem{{"Han", 2}, {"Hangul", 1}}},
		{"maths letter beyond the BMP", "𝐀", []Problem{{"Symbols", 1}}},
		{"control and invisible characters ignored", "a\n\tb\u200B\u00AD\uFE0F", nil},
		{"marks after an undrawable letter count with it", "بَ", []Problem{{"Arabic", 2}}},
		{"N'Ko by its name", "ߒߞߏ", []Problem{{"N'Ko", 3}}},
	}
	for _, tt := range tests {
		if got := s.Undrawable(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Undrawable(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestUndrawableMatchesRuns: a text has problems exactly when its runs carry a
// replacement character that was not in the text.
func TestUndrawableMatchesRuns(t *testing.T) {
	s := Default()
	for r := rune(0xA0); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 || r == Replacement {
			continue
		}
		text := string(r)
		problems := s.Undrawable(text)
		for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
			replaced := strings.ContainsRune(joinRuns(s.Runs(text, st)), Replacement)
			if replaced && problems == nil {
				t.Errorf("U+%04X: replaced in %s but not reported", r, st)
			}
		}
		if problems != nil {
			any := false
			for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
				any = any || strings.ContainsRune(joinRuns(s.Runs(text, st)), Replacement)
			}
			if !any {
				t.Errorf("U+%04X: reported %v but drawn in every style", r, problems)
			}
		}
	}
}

func joinRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"Arabic", 6}, "6 characters (Arabic script)"},
		{Problem{"Emoji", 1}, "1 character (emoji)"},
		{Problem{"Symbols", 2}, "2 characters (symbols)"},
		{Problem{"Tai Tham", 1}, "1 character (Tai Tham script)"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestWidthIsSumOfRunAdvances(t *testing.T) {
	s := Default()
	text := "Tŷ ✓ Привет اردو 😀 x\u0301\u200B"
	for _, st := range []Style{Regular, Bold, Italic, BoldItalic} {
		want := 0
		for _, run := range s.Runs(text, st) {
			for _, r := range run.Text {
				want += run.Face.Advance(r)
			}
		}
		if got := s.Width(text, st); got != want {
			t.Errorf("%s: Width %d, runs add up to %d", st, got, want)
		}
	}
}

// TestConcurrentUse: a Set is shared by documents rendered side by side.
func TestConcurrentUse(t *testing.T) {
	s := Default()
	want := fmt.Sprint(s.Runs("Tŷ ✓ اردو", Bold), s.Undrawable("Tŷ ✓ اردو"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := fmt.Sprint(s.Runs("Tŷ ✓ اردو", Bold), s.Undrawable("Tŷ ✓ اردو")); got != want {
					t.Errorf("concurrent use gave %s, want %s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestWidthAllocatesNothing(t *testing.T) {
	s := Default()
	if n := testing.AllocsPerRun(100, func() { s.Width("Tŷ Newydd ✓ Привет", Regular) }); n != 0 {
		t.Errorf("Width allocates %v times per call", n)
	}
}
