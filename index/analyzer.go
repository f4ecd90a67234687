package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// englishAnalyzer is Bleve's English analyzer (possessives, lower case,
// stop words, Porter stems) with two steps added. After lower-casing, an
// irregular verb form becomes its verb ("paid" → "pay", "found" →
// "find"), so the stemmer gives a form and its verb one term, as it does
// for regular verbs, and "found" no longer stems like "founded". Before
// stemming, a British spelling becomes the American one (britishSpellings).
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
		if name == porter.Name {
			filters = append(filters, britishSpellings{})
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

// britishSpellings reads British spellings as American ones before
// stemming ("licence" as "license", "harbour" as "harbor", "legalise" as
// "legalize", "metre" as "meter"), so a question typed either way finds
// an article written either way: the stemmer alone gives "licenc" and
// "licens", "harbour" and "harbor". It rewrites by ending, in the article
// and questions alike, so a word it changes that has no American form
// ("promise" → "promize") still meets itself.
type britishSpellings struct{}

func (britishSpellings) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if w, ok := americanSpelling(string(t.Term)); ok {
			t.Term = []byte(w)
		}
	}
	return in
}

// spellingEndings pair British endings with American ones, longest first
// within each family; minLen is the shortest word each applies to, so
// "hour", "four" and "rise" stay.
var spellingEndings = []struct {
	british, american string
	minLen            int
}{
	{"ourites", "orites", 9}, {"ourite", "orite", 8}, {"ouring", "oring", 9}, {"oured", "ored", 8},
	{"ours", "ors", 7}, {"our", "or", 6},
	{"isations", "izations", 10}, {"isation", "ization", 9}, {"ising", "izing", 8}, {"ised", "ized", 7},
	{"ises", "izes", 7}, {"ise", "ize", 6},
	{"ysing", "yzing", 8}, {"ysed", "yzed", 7}, {"yses", "yzes", 7}, {"yse", "yze", 6},
	{"ences", "enses", 8}, {"ence", "ense", 7},
	{"tres", "ters", 6}, {"tre", "ter", 5},
}

func americanSpelling(w string) (string, bool) {
	for _, e := range spellingEndings {
		if len(w) >= e.minLen && strings.HasSuffix(w, e.british) {
			return w[:len(w)-len(e.british)] + e.american, true
		}
	}
	return "", false
}
