package index_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/index"
)

// TestSearchDeterministic: hits with equal scores come back in the same
// order from every index built from the same article, so an answer does
// not change from one process to the next.
func TestSearchDeterministic(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for run := 0; run < 10; run++ {
		ix, err := index.New(c.Article.Passages, c.Synonyms)
		if err != nil {
			t.Fatal(err)
		}
		// "decriminalization" matches a section name, which ties many hits.
		res, err := ix.Search(context.Background(), "decriminalization bill pass", 8)
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.Passage.ID)
		}
		if run == 0 {
			first = ids
			continue
		}
		for i := range ids {
			if i >= len(first) || ids[i] != first[i] {
				t.Fatalf("run %d: hits %v, first run %v", run, ids, first)
			}
		}
	}
}

// When equal scores straddle the cut, the hits kept are the first by ID,
// in ID order, whichever order the passages were indexed in.
func TestSearchTieAtTheCut(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		limit int
		want  []string
	}{
		{"tie straddles the cut", []string{"e", "b", "d", "a", "c"}, 3, []string{"a", "b", "c"}},
		{"all fit", []string{"c", "a", "b"}, 5, []string{"a", "b", "c"}},
		{"one kept", []string{"b", "c", "a"}, 1, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var passages []bot.Passage
			for _, id := range tt.ids {
				passages = append(passages, bot.Passage{ID: id, Section: "S", Text: "Police seized cannabis."})
			}
			ix, err := index.New(passages, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			res, err := ix.Search(context.Background(), "police cannabis", tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Passage.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
		})
	}
}
