package index

import (
	"errors"
	"fmt"

	"github.com/factbot/factbot/bot"
)

// synonymTerms returns the terms of a synonym definition's input words
// and synonyms, each word analysed once. Every word must analyze to
// exactly one term: a definition left with fewer than two usable terms
// breaks every later search on a Bleve index.
func (ix *Index) synonymTerms(s bot.Synonym) (inputs, synonyms []string, err error) {
	var bad []string
	termsOf := func(words []string) []string {
		out := make([]string, 0, len(words))
		for _, w := range words {
			if ts := ix.analyzeWord(w); len(ts) == 1 {
				out = append(out, ts[0])
			} else {
				bad = append(bad, w)
			}
		}
		return out
	}
	inputs, synonyms = termsOf(s.Input), termsOf(s.Synonyms)
	if len(bad) > 0 {
		return nil, nil, fmt.Errorf("%q must each be one word the English analyzer keeps", bad)
	}
	if len(synonyms) == 0 || len(inputs)+len(synonyms) < 2 {
		return nil, nil, errors.New("needs at least two terms, with synonyms not empty")
	}
	return inputs, synonyms, nil
}

// addExpansions mirrors Bleve's synonym expansion for the coverage signals:
// each input term expands to the synonyms (one way), or, without inputs,
// every synonym to every other (two way).
func (ix *Index) addExpansions(inputs, synonyms []string) {
	add := func(from string, to []string) {
		ix.synonymInputs[from] = true
		for _, t := range to {
			if t != from {
				ix.expansions[from] = append(ix.expansions[from], t)
			}
		}
	}
	if len(inputs) == 0 {
		for _, s := range synonyms {
			add(s, synonyms)
		}
		return
	}
	for _, in := range inputs {
		add(in, synonyms)
	}
}
