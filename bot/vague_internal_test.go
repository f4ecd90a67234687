package bot

import (
	"strings"
	"testing"
)

// FuzzAmountsWithoutNumbers: the readers of vague amounts and counted
// units never panic, quote only words of the question, and never read a
// range upside down.
func FuzzAmountsWithoutNumbers(f *testing.F) {
	for _, s := range []string{"a couple of grams", "a few kilos of hash", "3 joints", "a bag", "et par gram",
		"litt hasj", "a tiny bit", "few", "a few", "a couple of", "joints", "several several grams", "a little"} {
		f.Add(s, "en")
		f.Add(s, "nb")
	}
	units := set("joint", "joints", "plant", "bag")
	f.Fuzz(func(t *testing.T, text, lang string) {
		ws := words(strings.ToLower(text))
		joined := " " + strings.Join(ws, " ") + " "
		if v, ok := findVagueAmount(ws, lang, set("weed", "hash").has, true); ok {
			if v.Text == "" || !strings.Contains(joined, " "+v.Text+" ") {
				t.Errorf("%q: vague amount %q is not words of the question", text, v.Text)
			}
			if (v.Least == nil) != (v.Most == nil) {
				t.Errorf("%q: only one bound of %q", text, v.Text)
			}
			if v.Least != nil && (v.Least.Sign() <= 0 || v.Least.Cmp(v.Most) > 0) {
				t.Errorf("%q: %q reads as %v to %v g", text, v.Text, v.Least, v.Most)
			}
		}
		if c, ok := findCountedUnit(ws, lang, units, set("weed").has); ok {
			if c.text == "" || !strings.Contains(joined, " "+c.text+" ") {
				t.Errorf("%q: counted unit %q is not words of the question", text, c.text)
			}
		}
	})
}
