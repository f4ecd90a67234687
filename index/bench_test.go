package index_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/factbot/factbot/index"
)

var benchQueries = []string{
	"penalty 20 grams",
	"medical cannabis legal",
	"Attorney General decide 2021",
	"police search phone",
	"parties voted against bill",
	"youth league supports legalising drugs",
	"painted Mona Lisa",
	"asdf qwer zxcv",
}

// BenchmarkIndexBuild is index.New over the embedded passages and synonyms.
func BenchmarkIndexBuild(b *testing.B) {
	c := embedded(b)
	b.ReportAllocs()
	for b.Loop() {
		ix, err := index.New(c.Article.Passages, c.Synonyms)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSearch is index.Search: Bleve plus the coverage signals.
func BenchmarkSearch(b *testing.B) {
	ix := newIndex(b)
	ctx := context.Background()
	durations := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := ix.Search(ctx, benchQueries[i%len(benchQueries)], 8); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
		i++
	}
	reportPercentiles(b, durations)
}

// BenchmarkBleveTopHit is the baseline: a plain in-memory scorch index
// over the same passages (English analyzer, BM25, no synonyms), one
// MatchQuery, the top hit only.
func BenchmarkBleveTopHit(b *testing.B) {
	c := embedded(b)
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = bleveindex.BM25Scoring
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	batch := idx.NewBatch()
	for _, p := range c.Article.Passages {
		if err := batch.Index(p.ID, map[string]any{"text": p.Text}); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Batch(batch); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	durations := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		start := time.Now()
		q := query.NewMatchQuery(benchQueries[i%len(benchQueries)])
		q.SetField("text")
		if _, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false)); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
		i++
	}
	reportPercentiles(b, durations)
}

func reportPercentiles(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	at := func(p float64) float64 { return float64(durations[int(p*float64(len(durations)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}
