package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
)

func embeddedIndex(t testing.TB) *Index {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := New(c.Article.Passages, c.Synonyms)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// The linear count from posting lists must agree with asking every
// passage about every term, the definition it replaces.
func TestDocFreqsMatchDefinition(t *testing.T) {
	ix := embeddedIndex(t)
	if len(ix.expansions) == 0 {
		t.Fatal("the embedded synonyms give no expansions; the test would prove nothing about them")
	}
	terms := map[string]bool{}
	for _, e := range ix.passages {
		for term := range e.terms {
			terms[term] = true
		}
	}
	for term := range ix.expansions {
		terms[term] = true
	}
	for term := range terms {
		want := 0
		for _, e := range ix.passages {
			for _, form := range append([]string{term}, ix.expansions[term]...) {
				if e.terms[form]&inSentence != 0 {
					want++
					break
				}
			}
		}
		if got := ix.docFreq[term]; got != want {
			t.Errorf("docFreq[%q] = %d, want %d", term, got, want)
		}
	}
}

func TestSearchReadsEachTermOnce(t *testing.T) {
	ix := embeddedIndex(t)
	ctx := context.Background()
	plain := "police search mobile phones"
	repeated := strings.Repeat("police search mobile phones ", 40)
	a, err := ix.Search(ctx, plain, 5)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ix.Search(ctx, repeated, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(termTexts(a), termTexts(b)) {
		t.Errorf("terms of the repeated question %v, want those of the plain one %v", termTexts(b), termTexts(a))
	}
	if len(a.Hits) == 0 || len(b.Hits) != len(a.Hits) {
		t.Fatalf("hits: %d for the plain question, %d for the repeated one", len(a.Hits), len(b.Hits))
	}
	for i := range a.Hits {
		if a.Hits[i].Passage.ID != b.Hits[i].Passage.ID {
			t.Errorf("hit %d: %s for the repeated question, want %s", i, b.Hits[i].Passage.ID, a.Hits[i].Passage.ID)
		}
	}

	var many []string
	for i := range 3 * MaxQueryTerms {
		many = append(many, "word"+strings.Repeat("x", i+1))
	}
	res, err := ix.Search(ctx, strings.Join(many, " "), 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Terms) != MaxQueryTerms {
		t.Errorf("%d distinct terms searched, want the cap %d", len(res.Terms), MaxQueryTerms)
	}
}

func termTexts(r bot.SearchResult) []string {
	out := make([]string, len(r.Terms))
	for i, t := range r.Terms {
		out[i] = t.Text
	}
	return out
}
