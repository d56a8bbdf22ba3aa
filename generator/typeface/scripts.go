package typeface

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Names of problems that are not a Unicode script.
const (
	scriptEmoji   = "Emoji"
	scriptSymbols = "Symbols" // Common or Inherited script, or unassigned
)

// shapingScripts are the scripts (by their names in package unicode) that fpdf
// cannot draw correctly whatever the font: it places one glyph per character from
// left to right, with no OpenType shaping (contextual forms, conjuncts, reordered
// vowel signs, mark positioning) and no bidirectional reordering. Right-to-left:
// Arabic (also Urdu, Persian, Pashto), Hebrew, Syriac, Thaana, N'Ko, Samaritan,
// Mandaic. Needing shaping: the Brahmic scripts of South and South-East Asia,
// Tibetan, Mongolian and the Philippine and Indonesian scripts. Sources: Unicode
// Standard 16.0, chapters 9 (Middle East I), 12 (South and Central Asia I), 13,
// 16 (South-East Asia) and 13.5 (Mongolian), https://www.unicode.org/versions/Unicode16.0.0/;
// the OpenType script development specifications for these scripts,
// https://learn.microsoft.com/typography/script-development/standard.
// Outside the BMP every character is undrawable anyway, so scripts that live only
// there (Adlam, Chakma, ...) need no entry.
var shapingScripts = []string{
	"Arabic", "Hebrew", "Syriac", "Thaana", "Nko", "Samaritan", "Mandaic",
	"Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu",
	"Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar", "Khmer",
	"Mongolian", "Tai_Tham", "Tai_Viet", "New_Tai_Lue", "Balinese", "Javanese",
	"Sundanese", "Buginese", "Batak", "Lepcha", "Limbu", "Tagalog", "Hanunoo", "Buhid",
	"Tagbanwa", "Cham", "Kayah_Li", "Meetei_Mayek", "Saurashtra", "Syloti_Nagri", "Rejang",
	"Phags_Pa",
}

// shapedScripts is the BMP characters of shapingScripts, built from package
// unicode's range tables (a few microseconds).
var shapedScripts = sync.OnceValue(func() *bmpSet {
	s := new(bmpSet)
	for _, name := range shapingScripts {
		t := unicode.Scripts[name]
		if t == nil {
			panic("typeface: no Unicode script " + name)
		}
		for _, rg := range t.R16 {
			for c := int(rg.Lo); c <= int(rg.Hi); c += int(rg.Stride) {
				s.add(rune(c))
			}
		}
	}
	return s
})

// scriptNames is package unicode's script names, sorted, so that scriptOf is
// deterministic and cheap to set up.
var scriptNames = sync.OnceValue(func() []string {
	names := make([]string, 0, len(unicode.Scripts))
	for n := range unicode.Scripts {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
})

// scriptOf names the script of a character that cannot be drawn, for a warning.
func scriptOf(r rune) string {
	if isEmoji(r) {
		return scriptEmoji
	}
	for _, n := range scriptNames() {
		if n == "Common" || n == "Inherited" {
			continue
		}
		if unicode.Is(unicode.Scripts[n], r) {
			if n == "Nko" {
				return "N'Ko"
			}
			return strings.ReplaceAll(n, "_", " ")
		}
	}
	return scriptSymbols
}

// emojiRanges is where emoji are: the Extended_Pictographic property, plus the
// regional indicators (flags) and skin-tone modifiers. Source: Unicode emoji data
// 16.0, https://www.unicode.org/Public/16.0.0/ucd/emoji/emoji-data.txt. It only
// names characters already known to be undrawable, so that a warning says
// "emoji" rather than "symbols".
var emojiRanges = []struct{ lo, hi rune }{
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA},
	{0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
	{0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB},
	{0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
	{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712},
	{0x2714, 0x2714}, {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721},
	{0x2728, 0x2728}, {0x2733, 0x2734}, {0x2744, 0x2744}, {0x2747, 0x2747},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
	{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D},
	{0x3297, 0x3297}, {0x3299, 0x3299},
	{0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171},
	{0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1FF},
	{0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A},
	{0x1F23C, 0x1F23F}, {0x1F249, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F},
	{0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
}

func isEmoji(r rune) bool {
	_, found := slices.BinarySearchFunc(emojiRanges, r, func(e struct{ lo, hi rune }, r rune) int {
		switch {
		case e.hi < r:
			return -1
		case e.lo > r:
			return 1
		}
		return 0
	})
	return found
}

// ignorable reports the Default_Ignorable_Code_Point characters: invisible by
// definition (zero-width space and joiners, soft hyphen, bidirectional controls,
// variation selectors, byte order mark, tags), so no face should draw them and a
// face without them would draw a box. Source: Unicode 16.0 DerivedCoreProperties.txt,
// https://www.unicode.org/Public/16.0.0/ucd/DerivedCoreProperties.txt.
func ignorable(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x061C, r == 0x115F, r == 0x1160,
		r == 0x17B4, r == 0x17B5, r >= 0x180B && r <= 0x180F, r >= 0x200B && r <= 0x200F,
		r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x206F, r == 0x3164,
		r >= 0xFE00 && r <= 0xFE0F, r == 0xFEFF, r == 0xFFA0, r >= 0xFFF0 && r <= 0xFFF8,
		r >= 0x1BCA0 && r <= 0x1BCA3, r >= 0x1D173 && r <= 0x1D17A, r >= 0xE0000 && r <= 0xE0FFF:
		return true
	}
	return false
}
