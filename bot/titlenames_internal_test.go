package bot

import (
	"context"
	"testing"
)

// oneHit is a Searcher that finds one passage for every question, holding
// each of the question's terms.
type oneHit struct{ p Passage }

func (s oneHit) Search(_ context.Context, query string, _ int) (SearchResult, error) {
	var terms []Term
	for _, w := range words(query) {
		terms = append(terms, Term{Text: w, Word: w, DocFreq: 1})
	}
	all := make([]bool, len(terms))
	for i := range all {
		all[i] = true
	}
	return SearchResult{Passages: 1, Terms: terms, Hits: []Hit{{Passage: s.p, Score: 1, Matched: all, InQuestions: make([]bool, len(terms)), InParagraph: all}}}, nil
}

// A name from the article's title is no answer to "who": every sentence
// of the article is about it.
func TestTitleNamesAnswerNoWho(t *testing.T) {
	p := Passage{ID: "s1", Section: "History", Text: "The town grew around the Harbour of Saltmere after the war."}
	for _, tt := range []struct {
		title       string
		typeMissing bool
	}{
		{"The Harbour of Saltmere", true},
		{"Fishing towns", false},
	} {
		b := New(Article{Title: tt.title, Passages: []Passage{p}}, Schedule{}, oneHit{p}, nil)
		_, feats, err := b.candidates(context.Background(), b.read("who built the town after the war", "en"))
		if err != nil || len(feats) != 1 {
			t.Fatalf("candidates: %v, %d hits", err, len(feats))
		}
		if got := feats[0][4] == 1; got != tt.typeMissing {
			t.Errorf("title %q: type_missing = %v, want %v", tt.title, got, tt.typeMissing)
		}
	}
}
