package markdown

import "testing"

// FuzzPlainText: the shortcut Escape takes for plain text returns exactly what
// the full escaping would.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", "plain words", "Amira’s café", " lead", "trail ", "two  spaces", "tab\there",
		"1. a list", "- dash", "a - b", "3.5 hours", "a\u00a0b", "x\u2003y", "*bold*", "ok: fine", "\xff", "a\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainText(s) && escape(s) != s {
			t.Fatalf("%q: plainText says plain, but escape gives %q", s, escape(s))
		}
	})
}
