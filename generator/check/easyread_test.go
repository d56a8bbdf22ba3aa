package check

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// longSentence has 19 words in one sentence.
const longSentence = "Swimming at the leisure centre on Monday and Thursday after college and on Saturday mornings with my PA Beth"

// longProfileList is a liked_and_admired list far longer than one page holds.
var longProfileList = func() string {
	items := make([]string, 40)
	for i := range items {
		items[i] = fmt.Sprintf("%q", fmt.Sprintf("Point %d: Amira is kind, funny and brave, and she always helps her friends when they need it most", i+1))
	}
	return "liked_and_admired = [" + strings.Join(items, ", ") + "]"
}()

func TestSentencesAndWords(t *testing.T) {
	for _, tc := range []struct {
		text  string
		want  []string
		words []int
	}{
		{"I swim. I like K-pop!", []string{"I swim.", "I like K-pop!"}, []int{2, 3}},
		{"I work 16.5 hours a week at 09:30 – every week", []string{"I work 16.5 hours a week at 09:30 – every week"}, []int{10}},
		{`She said "stop." Then she left?`, []string{`She said "stop."`, "Then she left?"}, []int{3, 3}},
		{"  ", nil, nil},
		{"No full stop at the end", []string{"No full stop at the end"}, []int{6}},
	} {
		got := Sentences(tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i, s := range got {
			if n := Words(s); n != tc.words[i] {
				t.Errorf("Words(%q) = %d, want %d", s, n, tc.words[i])
			}
		}
	}
}

// TestEasyWordsSilenceTheRule: a long item with easy words of its own, or one split
// into short sentences, gives no finding; the base plan's short texts give none.
func TestEasyWordsSilenceTheRule(t *testing.T) {
	type m = map[string]string
	for name, over := range map[string]m{
		"easy words given": {"about": edit(t, "about", `good_at = ["Swimming",`, `good_at = [{ text = "`+longSentence+`", easy = "I swim 3 times a week. Beth comes with me." },`)},
		"short sentences":  {"about": edit(t, "about", `good_at = ["Swimming",`, `good_at = ["I swim at the leisure centre. I go on Monday, Thursday and Saturday.",`)},
		"summary in easy words": {"about": edit(t, "about", `who_i_am = "Amira is 19, laughs loudly and knows every bus route in Leeds."`,
			`who_i_am = "`+longSentence+`"`+"\neasy_summary = \"I am Amira. I love swimming.\"")},
	} {
		for _, f := range Check(parse(t, source(over))) {
			if strings.HasPrefix(f.ID, "easy-") {
				t.Errorf("%s: unexpected %s: %s", name, f.ID, f.Message)
			}
		}
	}
}

// TestEasyReadFinding names the item, its line and where the easy words go.
func TestEasyReadFinding(t *testing.T) {
	src := source(map[string]string{"support": edit(t, "support", `what = "Travel training on the number 12 bus"`, `what = "`+longSentence+`"`)})
	var got []Finding
	for _, f := range Check(parse(t, src)) {
		if f.ID == "easy-long-sentence" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d easy-long-sentence findings, want 1: %+v", len(got), got)
	}
	f := got[0]
	if f.Key != "support.items[0].what" {
		t.Fatalf("finding at %s, want support.items[0].what", f.Key)
	}
	if f.Key != "support.items[0].what" || f.Line == 0 || f.Area != "easy read" ||
		!strings.Contains(f.Message, "support.items[0].easy") || !strings.Contains(f.Message, "19 words") {
		t.Errorf("finding %+v", f)
	}
}

// TestProfileEstimate: the estimate grows with the lists and leaves private items
// out, as the profile does.
func TestProfileEstimate(t *testing.T) {
	base := EstimateProfile(parse(t, source(nil)))
	long := EstimateProfile(parse(t, source(map[string]string{"about": edit(t, "about", `good_at = [`, longProfileList+"\ngood_at = [")})))
	if base.Lines > ProfileCapacity || long.Lines <= ProfileCapacity {
		t.Errorf("base plan %d lines, long list %d lines; capacity %d", base.Lines, long.Lines, ProfileCapacity)
	}
	private := EstimateProfile(parse(t, source(map[string]string{"about": edit(t, "about", `good_at = [`,
		`liked_and_admired = [{ text = "A private thing that is long enough to take a line", private = true }]`+"\ngood_at = [")})))
	if private.Lines != base.Lines {
		t.Errorf("a private item changed the estimate from %d to %d lines", base.Lines, private.Lines)
	}
	if n := wrapLines(strings.Repeat("word ", 40), 80); n != 3 {
		t.Errorf("40 five-letter words wrap to %d lines at 80 characters, want 3", n)
	}
}

// TestLongEasyWords: easy words that are long themselves are flagged at their own key.
func TestLongEasyWords(t *testing.T) {
	src := source(map[string]string{"about": edit(t, "about", `good_at = ["Swimming",`, `good_at = [{ text = "Swimming", easy = "`+longSentence+`" },`)})
	for _, f := range Check(parse(t, src)) {
		if f.ID == "easy-long-sentence" && f.Key == "about.good_at[0].easy" && f.Line > 0 {
			return
		}
	}
	t.Error("long easy words were not flagged at about.good_at[0].easy")
}
