package index_test

import (
	"context"
	"testing"

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
