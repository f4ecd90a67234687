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
func englishAnalyzer(forms map[string]string) (analysis.Analyzer, error) {
	cache := registry.NewCache()
	tokenizer, err := cache.TokenizerNamed(unicode.Name)
	if err != nil {
		return nil, fmt.Errorf("index: english analyzer: %w", err)
	}
	filter := func(name string) (analysis.TokenFilter, error) {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, fmt.Errorf("index: english analyzer: %w", err)
		}
		return f, nil
	}
	var filters []analysis.TokenFilter
	for _, name := range []string{en.PossessiveName, lowercase.Name} {
		f, err := filter(name)
		if err != nil {
			return nil, err
		}
		filters = append(filters, f)
	}
	if len(forms) > 0 {
		filters = append(filters, verbForms(forms))
	}
	for _, name := range []string{en.StopName, porter.Name} {
		f, err := filter(name)
		if err != nil {
			return nil, err
		}
		filters = append(filters, f)
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
