package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
)

// Without verb forms the analyzer is Bleve's English one, token for token;
// with them it differs only where a form is read as its verb.
func TestEnglishAnalyzer(t *testing.T) {
	bleveEN := bleve.NewIndexMapping().AnalyzerNamed(en.AnalyzerName)
	plain, err := englishAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	withForms, err := englishAnalyzer(map[string]string{"paid": "pay"})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Rebuilding was paid for by the Treasury's levy.", "The ferries' 1,347 licences", "ÆØÅ and Ⱥ"} {
		want, got := termsOf(bleveEN.Analyze([]byte(text))), termsOf(plain.Analyze([]byte(text)))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, Bleve's English analyzer %v", text, got, want)
		}
	}
	if got := termsOf(withForms.Analyze([]byte("it was paid"))); !slices.Equal(got, []string{"pai"}) {
		t.Errorf("with forms, \"it was paid\" = %v, want [pai]", got)
	}
}

func termsOf(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}
