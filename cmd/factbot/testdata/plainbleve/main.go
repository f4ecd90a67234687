// Command plainbleve is the baseline BenchmarkStart compares `factbot ask`
// with: a plain Bleve program that indexes an article's paragraphs in an
// in-memory scorch index (English analyzer, BM25) and prints the top hit
// for one question.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: plainbleve ARTICLE QUESTION")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path, question string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = bleveindex.BM25Scoring
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	defer idx.Close()
	batch := idx.NewBatch()
	texts := map[string]string{}
	for i, para := range strings.Split(string(data), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "=") {
			continue
		}
		id := fmt.Sprint(i)
		texts[id] = para
		if err := batch.Index(id, map[string]any{"text": para}); err != nil {
			return err
		}
	}
	if err := idx.Batch(batch); err != nil {
		return err
	}
	q := query.NewMatchQuery(question)
	q.SetField("text")
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 1, 0, false))
	if err != nil {
		return err
	}
	if len(res.Hits) == 0 {
		fmt.Println("no match")
		return nil
	}
	fmt.Println(texts[res.Hits[0].ID])
	return nil
}
