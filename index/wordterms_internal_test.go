package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
)

// A word of letters a to z read by the filters alone gets the terms the
// whole analyzer gives it: checked for every English word the bot knows
// and every irregular verb form.
func TestWordTermsAreTheAnalyzers(t *testing.T) {
	forms := corpus.EnglishVerbForms()
	ix, err := New([]bot.Passage{{ID: "a", Section: "A", Text: "A sentence."}}, nil, WithVerbForms(forms))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	terms := func(s analysis.TokenStream) []string {
		var out []string
		for _, tok := range s {
			out = append(out, string(tok.Term))
		}
		return out
	}
	words := slices.Collect(corpus.EnglishDictionary().Words())
	for f := range forms {
		words = append(words, f)
	}
	for _, w := range words {
		if !isLowerWord(w) {
			continue
		}
		want := terms(ix.analyzer.Analyze([]byte(w)))
		if len(want) > 1 {
			t.Fatalf("%q analyses to %d terms; wordTerm reads one at most", w, len(want))
		}
		if got := terms(ix.wordTerms(w)); !slices.Equal(got, want) {
			t.Fatalf("wordTerms(%q) = %q, the analyzer gives %q", w, got, want)
		}
	}
}
