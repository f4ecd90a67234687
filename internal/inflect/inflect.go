// Package inflect undoes plain English endings: the forms a word may be an
// inflection of ("parties" of "party", "fined" of "fine"). It is the one
// place the bot, the index and the fact cards read endings, so the three
// agree on what "the same word" is.
package inflect

import (
	"slices"
	"strings"
)

// minBase is the shortest base a word is read down to: "us" is no plural
// of "u", nor "red" a past of "r".
const minBase = 3

// Singular drops a plural ending: "parties" → "party", "fines" → "fine",
// "class" and "bus" stay as they are.
func Singular(word string) string {
	switch {
	case strings.HasSuffix(word, "ies") && len(word)-2 >= minBase:
		return strings.TrimSuffix(word, "ies") + "y"
	case strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && len(word)-1 >= minBase:
		return strings.TrimSuffix(word, "s")
	}
	return word
}

// Bases returns the forms word may be an inflection of, its singular
// first, then without "es", "ed", "d" or "ing"; word itself is not among
// them, and none is shorter than three letters.
func Bases(word string) []string {
	var out []string
	add := func(b string) {
		if b != word && len(b) >= minBase && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	add(Singular(word))
	for _, suffix := range []string{"es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(word, suffix); ok {
			add(b)
		}
	}
	return out
}

// Same reports whether two words are one word but for a plain ending:
// "workers" and "worker", "fines" and "fined".
func Same(a, b string) bool {
	if a == b {
		return true
	}
	ab, bb := Bases(a), Bases(b)
	if slices.Contains(ab, b) || slices.Contains(bb, a) {
		return true
	}
	for _, x := range ab {
		if slices.Contains(bb, x) {
			return true
		}
	}
	return false
}
