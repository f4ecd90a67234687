package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine/enginetest"
)

// The plain lookup factbot must not fall below: Bleve over the same
// sentences, English analyzer, the question as a match query, the top hit
// as the answer, a decline when nothing matches. No intent layer, no gate.
type plainLookup struct {
	idx      bleve.Index
	passages map[string]bot.Passage
}

func newPlainLookup(t testing.TB) *plainLookup {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	pl := &plainLookup{idx: idx, passages: map[string]bot.Passage{}}
	for _, p := range c.Article.Passages {
		pl.passages[p.ID] = p
		if err := idx.Index(p.ID, map[string]string{"text": p.Text}); err != nil {
			t.Fatal(err)
		}
	}
	return pl
}

func (pl *plainLookup) answer(ctx context.Context, q string) bot.Answer {
	req := bleve.NewSearchRequestOptions(query.NewMatchQuery(q), 1, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	res, err := pl.idx.SearchInContext(ctx, req)
	if err != nil || len(res.Hits) == 0 {
		return bot.Answer{}
	}
	return bot.Answer{Answered: true, Text: pl.passages[res.Hits[0].ID].Text}
}

// evalSet finds a public question set beside the checkout, or skips.
func evalSet(t *testing.T, name string) []evalCase {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "eval", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is not beside the checkout (../shared/eval): skipped", name)
	}
	cases, err := readEvalCases(path)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestEveryHardCategoryBeatsPlainLookup measures factbot and the plain
// lookup on the public hard set, category by category: factbot must be at
// or above the lookup in each. The set is only measured, never trained on.
func TestEveryHardCategoryBeatsPlainLookup(t *testing.T) {
	cases := evalSet(t, "hard.jsonl")
	eng := enginetest.Embedded(t)
	plain := newPlainLookup(t)
	ctx := context.Background()
	ours, theirs, total := map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range cases {
		total[c.Category]++
		if ok, _ := c.passes(eng.Answer(ctx, bot.Question{Text: c.Question})); ok {
			ours[c.Category]++
		}
		if ok, _ := c.passes(plain.answer(ctx, c.Question)); ok {
			theirs[c.Category]++
		}
	}
	cats := make([]string, 0, len(total))
	for c := range total {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		line := fmt.Sprintf("%-10s factbot %2d/%-2d  plain Bleve %2d/%-2d", c, ours[c], total[c], theirs[c], total[c])
		t.Log(line)
		if ours[c] < theirs[c] {
			t.Errorf("%s: factbot below the plain lookup", line)
		}
	}
}
