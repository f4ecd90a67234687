package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/registry"
)

// termsAnalyzer gives the whitespace tokenizer's tokens for every field
// searchedTerms writes.
func TestTermsAnalyzerIsWhitespace(t *testing.T) {
	ws, err := registry.NewCache().TokenizerNamed(whitespace.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"", "cannabi ", "cannabi legal norway cannabi legal norway ", "a  b", "one", "søknad ørret æ ",
		searchedTerms([]string{"penalti", "20", "gram"}, []string{"enforc"}, [][]string{{"fine", "weed"}, {"jail"}}),
	} {
		want, got := ws.Tokenize([]byte(text)), termsAnalyzer{}.Analyze([]byte(text))
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, the whitespace tokenizer gives %d", text, len(got), len(want))
		}
		for i := range want {
			if string(got[i].Term) != string(want[i].Term) || got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Position != want[i].Position {
				t.Errorf("%q: token %d is %+v, want %+v", text, i, *got[i], *want[i])
			}
		}
	}
}

func FuzzTermsAnalyzer(f *testing.F) {
	f.Add("cannabi legal norway ")
	f.Add("a  b\tc")
	f.Fuzz(func(t *testing.T, text string) {
		for _, tok := range (termsAnalyzer{}).Analyze([]byte(text)) {
			if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End || string(tok.Term) != text[tok.Start:tok.End] {
				t.Fatalf("%q: token %+v does not lie in the text", text, *tok)
			}
		}
	})
}

var _ analysis.Analyzer = termsAnalyzer{}
