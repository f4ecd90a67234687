package bot

import (
	"strings"
	"unicode"
)

// exclusionMarkers open a phrase naming what a question leaves out:
// "apart from the Young Liberals, which party…" asks about the others, so
// the phrase is not searched for.
var exclusionMarkers = []string{"apart from ", "aside from ", "besides ", "other than ", "except for ", "except ", "excluding ", "bortsett fra ", "utenom "}

// withoutExclusion removes from lower-cased text each phrase a marker
// opens, up to the next comma, question mark or the text's end; text that
// would be left with nothing stays whole.
func withoutExclusion(lower string) string {
	out := lower
	for _, m := range exclusionMarkers {
		for {
			i := strings.Index(out, m)
			if i < 0 || i > 0 && out[i-1] != ' ' && out[i-1] != ',' {
				break
			}
			end := strings.IndexAny(out[i:], ",?;")
			if end < 0 {
				end = len(out) - i
			}
			out = out[:i] + out[i+end:]
		}
	}
	if strings.TrimFunc(out, func(r rune) bool { return !unicode.IsLetter(r) }) == "" {
		return lower
	}
	return out
}
