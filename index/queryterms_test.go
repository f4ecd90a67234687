package index

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

func sameTerms(a, b []bot.Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Reading a question word by word, with the terms noted from the article,
// must give what the analyzer gives over the whole text.
func FuzzQueryTermsAsWholeText(f *testing.F) {
	ix := embeddedIndex(f)
	for _, s := range []string{
		"medical cannabis legal norway", "police search phone", "first-time offender fine",
		"norway's policy", "18,340 people", "weed  jail\tnorway", "e.g. u.s.a", "ÆØÅ straff",
		strings.Repeat("police search ", 40), "", " ", "the and of", "Legalisation LEGAL legal",
	} {
		f.Add(s)
	}
	for _, p := range ix.passages {
		f.Add(strings.ToLower(p.passage.Text))
	}
	f.Fuzz(func(t *testing.T, text string) {
		whole := termList{ix: ix}
		whole.addTokens(text)
		got, want := ix.queryTerms(text), whole.terms
		if !sameTerms(got, want) {
			t.Fatalf("queryTerms(%q)\n got %+v\nwant %+v", text, got, want)
		}
	})
}
