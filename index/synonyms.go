package index

import (
	"errors"
	"fmt"

	"github.com/factbot/factbot/bot"
)

// synonymDefinition checks that every word analyzes to exactly one term:
// a definition left with fewer than two usable terms breaks every later
// search on a Bleve index.
func (ix *Index) synonymDefinition(s bot.Synonym) (*bot.Synonym, error) {
	var bad []string
	for _, w := range append(append([]string{}, s.Input...), s.Synonyms...) {
		if len(ix.analyzeWord(w)) != 1 {
			bad = append(bad, w)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%q must each be one word the English analyzer keeps", bad)
	}
	if len(s.Synonyms) == 0 || len(s.Input)+len(s.Synonyms) < 2 {
		return nil, errors.New("needs at least two terms, with synonyms not empty")
	}
	return &s, nil
}

// addExpansions mirrors Bleve's synonym expansion for the coverage signals.
// Each word is analysed once: a two-way definition pairs every word with
// every other.
func (ix *Index) addExpansions(def *bot.Synonym) {
	terms := map[string]string{}
	term := func(w string) string {
		t, ok := terms[w]
		if !ok {
			t = ix.analyzeWord(w)[0]
			terms[w] = t
		}
		return t
	}
	add := func(from string, to []string) {
		f := term(from)
		ix.synonymInputs[f] = true
		for _, t := range to {
			if a := term(t); a != f {
				ix.expansions[f] = append(ix.expansions[f], a)
			}
		}
	}
	if len(def.Input) == 0 {
		for _, s := range def.Synonyms {
			add(s, def.Synonyms)
		}
		return
	}
	for _, in := range def.Input {
		add(in, def.Synonyms)
	}
}
