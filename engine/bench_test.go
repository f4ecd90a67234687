package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
)

// scaledArticle repeats the article's sections n times, each copy's
// headings made unique ("Enforcement (part 2)") and the lead of a copy
// under a heading of its own, so the copies are n times as many distinct
// sections and passages, not one section n times as long.
func scaledArticle(tb testing.TB, article []byte, n int) []byte {
	tb.Helper()
	lines := strings.Split(string(article), "\n")
	var out bytes.Buffer
	for copyNo := 1; copyNo <= n; copyNo++ {
		for _, line := range lines {
			t := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(t, "= ") && strings.HasSuffix(t, " ="):
				if copyNo == 1 {
					out.WriteString(line + "\n")
				} else {
					fmt.Fprintf(&out, "==Lead (part %d)==\n", copyNo)
				}
				continue
			case strings.HasPrefix(t, "==") && strings.HasSuffix(t, "=="):
				if copyNo > 1 {
					name := strings.Trim(t, "= ")
					fmt.Fprintf(&out, "==%s (part %d)==\n", name, copyNo)
					continue
				}
			}
			out.WriteString(line + "\n")
		}
		out.WriteString("\n")
	}
	return out.Bytes()
}

// writeCorpus writes an article n times the embedded one's size, with every
// side file of the embedded one beside it (penalties, synonyms, profile,
// example questions), and returns its path.
func writeCorpus(tb testing.TB, n int) string {
	tb.Helper()
	src := filepath.Join("..", "corpus")
	article, err := os.ReadFile(filepath.Join(src, "cannabis-in-norway.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	base := filepath.Join(dir, fmt.Sprintf("scaled-%dx", n))
	if err := os.WriteFile(base+".txt", scaledArticle(tb, article, n), 0o644); err != nil {
		tb.Fatal(err)
	}
	sides, err := filepath.Glob(filepath.Join(src, "cannabis-in-norway.*.toml"))
	if err != nil || len(sides) < 3 {
		tb.Fatalf("side files of the embedded article: %v %v", sides, err)
	}
	for _, path := range sides {
		side := strings.TrimPrefix(filepath.Base(path), "cannabis-in-norway")
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(base+side, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return base + ".txt"
}

// BenchmarkLoad is engine.Load from a file (read, parse, check the side
// files, index) at 1×, 10× and 100× the article's size. Loading must grow
// linearly: the 100× load within 150× the 1× load.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		path := writeCorpus(b, n)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e, err := engine.Load(path, nil)
				if err != nil {
					b.Fatal(err)
				}
				e.Close()
			}
		})
	}
}

// answerMix is a realistic mix of what people ask: amounts, penalty facts,
// passage questions as typed (typos, chatter, everyday words) and
// questions the article does not answer.
var answerMix = []string{
	"What is the penalty for 20 grams?",
	"caught with 2 oz of weed what happens",
	"half a kilo of hash",
	"What is the personal use limit?",
	"penalties?",
	"Is medical cannabis legal in Norway?",
	"What did the Attorney General decide in 2021?",
	"can the police search my phone",
	"How many parties voted against the bill?",
	"Which youth league supports legalising drugs?",
	"hey factbot, is weed leagal in norway? thanks!",
	"<@U024BE7LH> when did the working group hand in its advice",
	"do cops go through your house if you have a bit of dope",
	"what share voted against",
	"Who painted the Mona Lisa?",
	"Is cannabis legal in Germany?",
	"What is the fine for speeding in Norway?",
	"what is the THC limit for driving",
	"asdf qwer zxcv",
	"How do I bake bread?",
}

// BenchmarkAnswerVsBleve answers answerMix with the engine and, as the
// baseline, looks up the top hit of a plain Bleve index over the same
// passages (English analyzer, BM25, one MatchQuery on the raw question).
// Each iteration runs one question both ways, in turn, so load from
// elsewhere on the machine falls on both alike; it reports each side's
// mean and their ratio. The bar: the engine within 2× the baseline.
func BenchmarkAnswerVsBleve(b *testing.B) {
	e, err := engine.Load("", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	idx := plainBleve(b, e.Article().Passages)
	ctx := context.Background()
	var engineTime, bleveTime time.Duration
	i := 0
	for b.Loop() {
		text := answerMix[i%len(answerMix)]
		i++
		start := time.Now()
		if a := e.Answer(ctx, bot.Question{Text: text, Platform: "bench"}); a.Text == "" {
			b.Fatal("empty answer")
		}
		mid := time.Now()
		q := query.NewMatchQuery(text)
		q.SetField("text")
		if _, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false)); err != nil {
			b.Fatal(err)
		}
		engineTime += mid.Sub(start)
		bleveTime += time.Since(mid)
	}
	b.ReportMetric(float64(engineTime.Nanoseconds())/float64(i), "factbot-ns/q")
	b.ReportMetric(float64(bleveTime.Nanoseconds())/float64(i), "bleve-ns/q")
	b.ReportMetric(float64(engineTime)/float64(bleveTime), "ratio")
}

func plainBleve(b *testing.B, passages []bot.Passage) bleve.Index {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = bleveindex.BM25Scoring
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	batch := idx.NewBatch()
	for _, p := range passages {
		if err := batch.Index(p.ID, map[string]any{"text": p.Text}); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Batch(batch); err != nil {
		b.Fatal(err)
	}
	return idx
}
