package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Whole-word, phrase-aware matching of free text, shared by the vague-wording rules
// and the leak guard. Text is read as a list of words (letters and digits, with an
// apostrophe kept inside a word), each remembering whether it was capitalised and
// whether a clause ends after it (at . , ; : ! ? or the end of the text), so that
// "support as needed" matches across any spacing and case, "regular" does not match
// inside "irregular", and "May" the month is told from "may" the verb.

// token is one word of a text.
type token struct {
	word      string // lower case
	capital   bool   // written with a capital first letter
	clauseEnd bool   // a clause ends after it
}

// tokens splits text into words.
func tokens(s string) []token {
	out := make([]token, 0, len(s)/5)
	start := -1 // byte index of the word being read, or -1
	end := func(at int) {
		if start < 0 {
			return
		}
		// A word starts with a letter or digit and takes an apostrophe only
		// before a letter, so it neither starts nor ends with one.
		w := s[start:at]
		r, _ := utf8.DecodeRuneInString(w)
		out = append(out, token{word: fold(w), capital: unicode.IsUpper(r)})
		start = -1
	}
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'),
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0 && isLetterAt(s, i+utf8.RuneLen(r)):
			// an apostrophe inside a word: "Amira's" is one word
		default:
			end(i)
			if strings.ContainsRune(".,;:!?()\n", r) && len(out) > 0 {
				out[len(out)-1].clauseEnd = true
			}
		}
	}
	end(len(s))
	if len(out) > 0 {
		out[len(out)-1].clauseEnd = true
	}
	return out
}

// fold is a word in lower case with typographic apostrophes made plain; most
// words are lower-case ASCII already, and come back as they are.
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// words is the lower-case words of a phrase, for matching.
func words(phrase string) []string {
	ts := tokens(phrase)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.word
	}
	return out
}

// matchAt reports whether the words of a phrase start at ts[i].
func matchAt(ts []token, i int, phrase []string) bool {
	if len(phrase) == 0 || i+len(phrase) > len(ts) {
		return false
	}
	for j, w := range phrase {
		if ts[i+j].word != w {
			return false
		}
	}
	return true
}

// wordMask is a 64-bit summary of a set of words, a bit for each, chosen by a
// hash of the word: a text whose mask lacks a bit of a phrase's mask cannot
// contain the phrase, so most texts are passed over without reading them.
type wordMask uint64

// maskOf is the mask of words.
func maskOf(words []string) wordMask {
	var m wordMask
	for _, w := range words {
		m |= wordBit(w)
	}
	return m
}

// tokensMask is the mask of a text's words.
func tokensMask(ts []token) wordMask {
	var m wordMask
	for _, t := range ts {
		m |= wordBit(t.word)
	}
	return m
}

// wordBit is a word's bit: FNV-1a, folded to six bits.
func wordBit(w string) wordMask {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return 1 << ((h ^ h>>6 ^ h>>12 ^ h>>18 ^ h>>24) & 63)
}

// mayContain reports whether a text of mask text can contain a phrase of mask
// phrase; false is certain, true must still be checked with contains.
func mayContain(text, phrase wordMask) bool { return phrase&^text == 0 }

// contains reports whether text contains phrase as whole words.
func contains(text []token, phrase []string) bool {
	for i := range text {
		if matchAt(text, i, phrase) {
			return true
		}
	}
	return false
}
