package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
)

// Without verb forms the analyzer is Bleve's English one, token for token,
// but for British spellings, read as American ones; with forms it differs
// only where a form is read as its verb.
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
	for _, text := range []string{"Rebuilding was paid for by the Treasury's levy.", "The ferries' 1,347 tickets", "ÆØÅ and Ⱥ"} {
		want, got := termsOf(bleveEN.Analyze([]byte(text))), termsOf(plain.Analyze([]byte(text)))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, Bleve's English analyzer %v", text, got, want)
		}
	}
	british, american := termsOf(plain.Analyze([]byte("licences harbours legalised metres colour"))),
		termsOf(plain.Analyze([]byte("licenses harbors legalized meters color")))
	if !slices.Equal(british, american) {
		t.Errorf("British spellings %v, American %v: want the same terms", british, american)
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

func TestAmericanSpelling(t *testing.T) {
	tests := []struct{ in, want string }{
		{"licence", "license"}, {"licences", "licenses"}, {"defence", "defense"},
		{"harbour", "harbor"}, {"harbours", "harbors"}, {"favourite", "favorite"}, {"coloured", "colored"},
		{"legalise", "legalize"}, {"legalised", "legalized"}, {"organisation", "organization"}, {"analysed", "analyzed"},
		{"metre", "meter"}, {"centres", "centers"},
		// Short words are no British spellings.
		{"hour", ""}, {"four", ""}, {"rise", ""}, {"wise", ""}, {"fence", ""}, {"acre", ""},
	}
	for _, tt := range tests {
		got, ok := americanSpelling(tt.in)
		if tt.want == "" && ok || tt.want != "" && got != tt.want {
			t.Errorf("americanSpelling(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
