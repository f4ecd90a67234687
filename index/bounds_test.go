package index_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/index"
)

// compoundGlossary lists the parts of the compounds below.
func compoundGlossary(tb testing.TB) *index.Glossary {
	tb.Helper()
	g, err := index.NewGlossary(map[string]string{"straff": "penalty", "maksimum": "maximum", "rus": "drug"})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestCompoundLengthBound: the splitter reads real compounds, and leaves a
// word longer than any real one as written instead of trying every split.
func TestCompoundLengthBound(t *testing.T) {
	g := compoundGlossary(t)
	long := strings.Repeat("rus", 30) + "straffen" // 98 bytes: two listed parts, but no word
	for in, want := range map[string]string{
		"maksimumsstraffen": "maximum penalty",
		long:                long,
	} {
		if got := g.Translate(in); got != want {
			t.Errorf("Translate(%.20q…) = %.40q…, want %.40q…", in, got, want)
		}
	}
}

// BenchmarkTranslateLongWord is the Bokmål reading of one long word (1,000
// letters is the longest question the bot reads; 60,000 is what only the
// callers' bounds keep out), against a normal question. The cost is linear
// in the length (the word regexp), no longer quadratic (the splitter):
// go test -run '^$' -bench Translate -cpu 1 ./index
func BenchmarkTranslateLongWord(b *testing.B) {
	g := compoundGlossary(b)
	word := strings.Repeat("straffa", 60000/7+1)
	for _, tc := range []struct{ name, text string }{
		{"normal", "Hva er maksimumsstraffen for 20 gram?"},
		{"word-1000", word[:1000]},
		{"word-60000", word[:60000]},
	} {
		name, text := tc.name, tc.text
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				g.Translate(text)
			}
		})
	}
}
