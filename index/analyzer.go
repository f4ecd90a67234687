package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// englishAnalyzer is Bleve's English analyzer (possessives, lower case,
// stop words, Porter stems) with one step added after lower-casing: an
// irregular verb form becomes its verb ("paid" → "pay", "found" →
// "find"), so the stemmer gives a form and its verb one term, as it does
// for regular verbs, and "found" no longer stems like "founded". Without
// forms it is the English analyzer exactly.
func englishAnalyzer(forms map[string]string) (*analysis.DefaultAnalyzer, error) {
	cache := registry.NewCache()
	tokenizer, err := cache.TokenizerNamed(unicode.Name)
	if err != nil {
		return nil, fmt.Errorf("index: english analyzer: %w", err)
	}
	names := []string{en.PossessiveName, lowercase.Name, en.StopName, porter.Name}
	filters := make([]analysis.TokenFilter, 0, len(names)+1)
	for _, name := range names {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, fmt.Errorf("index: english analyzer: %w", err)
		}
		filters = append(filters, f)
		if name == lowercase.Name && len(forms) > 0 {
			filters = append(filters, verbForms(forms))
		}
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}, nil
}

// verbForms replaces a lower-cased irregular verb form with its verb.
type verbForms map[string]string

func (v verbForms) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if verb, ok := v[string(t.Term)]; ok {
			t.Term = []byte(verb)
		}
	}
	return in
}
