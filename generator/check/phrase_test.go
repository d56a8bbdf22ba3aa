package check

import "testing"

// TestMaskNeverHidesAPhrase: a text that contains a phrase always passes
// mayContain, and most texts that lack one of its words do not.
func TestMaskNeverHidesAPhrase(t *testing.T) {
	text := tokens("Amira goes swimming on Saturday mornings with Lily, and she takes the bus home on her own")
	mask := tokensMask(text)
	for i := range text {
		for j := i + 1; j <= len(text) && j <= i+5; j++ {
			phrase := make([]string, 0, j-i)
			for _, tk := range text[i:j] {
				phrase = append(phrase, tk.word)
			}
			if !contains(text, phrase) || !mayContain(mask, maskOf(phrase)) {
				t.Fatalf("%q: contains %v, mayContain %v", phrase, contains(text, phrase), mayContain(mask, maskOf(phrase)))
			}
		}
	}
	passed := 0
	for _, w := range words("lorazepam epilepsy diabetes insulin clozapine asthma inhaler seizure anxiety depression") {
		if mayContain(mask, maskOf([]string{w})) {
			passed++
		}
	}
	if passed > 5 {
		t.Errorf("%d of 10 words the text lacks passed the mask: it filters nothing", passed)
	}
}
