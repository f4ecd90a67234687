package index

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/factbot/factbot/corpus"
)

// The index ranks as Bleve's default index (scorch) would over the same
// passages: the same matches with the same BM25 scores, to the bit. It
// guards bm25Stats, which upsidedown cannot count and the index supplies.
func TestRanksAsScorchWould(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := New(c.Article.Passages, c.Synonyms)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	m, _, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	batch := ref.NewBatch()
	var questions []string
	for _, p := range c.Article.Passages {
		qs := make([][]string, len(p.Questions))
		for i, q := range p.Questions {
			qs[i] = ix.analyze(q)
		}
		text := searchedTerms(ix.analyze(p.Text), ix.analyze(p.Section), qs)
		if err := batch.Index(p.ID, map[string]any{fieldText: text}); err != nil {
			t.Fatal(err)
		}
		questions = append(questions, p.Questions...)
	}
	if err := ref.Batch(batch); err != nil {
		t.Fatal(err)
	}
	if len(questions) < 100 {
		t.Fatalf("only %d example questions to search with", len(questions))
	}

	inner, err := ref.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range questions {
		query := ix.expandedQuery(ix.queryTerms(q))
		if query == nil {
			continue
		}
		got, err := ix.top(ctx, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		want, err := scored(ctx, inner, m, query)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches, scorch finds %d", q, len(got), len(want))
		}
		for i, h := range want {
			// The scores may differ in the last bit: the two indexes
			// hand Bleve's scorer the same numbers in different float
			// steps. Rankings must not.
			if got[i].ID != h.ID || math.Abs(got[i].Score-h.Score) > 1e-12*h.Score {
				t.Errorf("%q: match %d is %s (%v), scorch ranks %s (%v)", q, i, got[i].ID, got[i].Score, h.ID, h.Score)
				break
			}
		}
	}
}

// scored ranks q's matches in a scorch index as top does, its term
// searchers counting the BM25 statistics themselves.
func scored(ctx context.Context, inner bleveindex.Index, m mapping.IndexMapping, q query.Query) ([]match, error) {
	reader, err := inner.Reader()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	s, err := q.Searcher(context.WithValue(ctx, search.GetScoringModelCallbackKey, bm25Model), reader, m, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	var out []match
	for {
		dm, err := s.Next(sctx)
		if err != nil || dm == nil {
			return rank(out, 10), err
		}
		id, err := reader.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		out = append(out, match{ID: id, Score: dm.Score})
	}
}

// rank orders matches as top does (score, then ID) and keeps the first n.
func rank(ms []match, n int) []match {
	slices.SortFunc(ms, func(a, b match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return ms[:min(n, len(ms))]
}
