package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/inflect"
)

// Search ranks passages for text, which is used only as analyzed words,
// never as query syntax.
func (ix *Index) Search(ctx context.Context, text string, limit int) (bot.SearchResult, error) {
	res := bot.SearchResult{Passages: len(ix.passages)}
	res.Terms = ix.queryTerms(text)
	if len(res.Terms) == 0 || limit <= 0 {
		return res, nil
	}

	// Bleve is asked for each distinct term once, as analysed already:
	// the disjunction of term queries a MatchQuery would build, without
	// analysing the question again per field.
	// A word the article never uses searches for the article's words
	// that mean the same, and counts as found where they are.
	standIns := make([][]string, len(res.Terms))
	// Stand-ins are searched for, not listed as the question's terms.
	searched := res.Terms[:len(res.Terms):len(res.Terms)]
	for i, t := range res.Terms {
		if t.DocFreq > 0 {
			continue
		}
		standIns[i] = ix.standInsFor(t)
		res.Terms[i].Related = len(standIns[i]) > 0
		for _, alt := range standIns[i] {
			res.Terms[i].DocFreq = max(res.Terms[i].DocFreq, ix.docFreq[alt])
			searched = append(searched, bot.Term{Text: alt})
		}
	}
	onText := ix.expandedQuery(searched)
	if onText == nil {
		return res, nil
	}
	hits, err := ix.top(ctx, onText, limit)
	if err != nil {
		return res, err
	}
	// Each term is looked for as itself, its synonyms and its stand-ins,
	// listed once here rather than per hit and term set.
	forms := make([][]string, len(res.Terms))
	for i, t := range res.Terms {
		forms[i] = append(append([]string{t.Text}, ix.expansions[t.Text]...), standIns[i]...)
	}
	n := len(res.Terms)
	found := make([]bool, 3*n*len(hits))
	res.Hits = make([]bot.Hit, 0, len(hits))
	for _, h := range hits {
		e, ok := ix.passages[h.ID]
		if !ok {
			continue
		}
		hit := bot.Hit{Passage: e.passage, Score: h.Score,
			Matched: found[:n:n], InQuestions: found[n : 2*n : 2*n], InParagraph: found[2*n : 3*n : 3*n]}
		found = found[3*n:]
		for i, fs := range forms {
			var place termPlace
			for _, f := range fs {
				place |= e.terms[f]
				hit.InParagraph[i] = hit.InParagraph[i] || e.paragraph[f]
			}
			hit.Matched[i] = place&inSentence != 0
			hit.InQuestions[i] = place&inQuestions != 0
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// match is a passage a search found, with its score.
type match struct {
	ID    string
	Score float64
}

// top returns the limit best matches for q, equal scores in ID order, so
// the same question always gets the same answer. It drives Bleve's
// searcher for q itself, scored with BM25 as a search request would be,
// rather than through a search request: the index is small and only
// scores and IDs are wanted, and a request's collector, result loading
// and context set-up were a third of Bleve's share of answering. An ID
// is looked up only for a match that can make the cut.
func (ix *Index) top(ctx context.Context, q query.Query, limit int) ([]match, error) {
	reader, err := ix.idx.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: reader: %w", err)
	}
	defer reader.Close()
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey, bm25Model)
	ctx = context.WithValue(ctx, search.BM25StatsKey, ix.bm25)
	s, err := q.Searcher(ctx, reader, ix.mapping, search.SearcherOptions{})
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	type found struct {
		id    bleveindex.IndexInternalID
		score float64
	}
	var all []found
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, fmt.Errorf("index: search: %w", err)
		}
		if dm == nil {
			break
		}
		all = append(all, found{slices.Clone(dm.IndexInternalID), dm.Score})
		sctx.DocumentMatchPool.Put(dm)
	}
	slices.SortFunc(all, func(a, b found) int { return cmp.Compare(b.score, a.score) })
	// Every match scoring at least the last one kept may make the cut:
	// ties there are broken by ID.
	n := len(all)
	if n > limit {
		n = limit
		for n < len(all) && all[n].score == all[limit-1].score {
			n++
		}
	}
	out := make([]match, n)
	for i, f := range all[:n] {
		id, err := reader.ExternalID(f.id)
		if err != nil {
			return nil, fmt.Errorf("index: search: %w", err)
		}
		out[i] = match{ID: id, Score: f.score}
	}
	slices.SortStableFunc(out, func(a, b match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out[:min(limit, len(out))], nil
}

// bm25Model tells Bleve's term searchers to score with BM25, as a search
// request on the index's mapping would.
var bm25Model = search.GetScoringModelCallbackFn(func() string { return bleveindex.BM25Scoring })

// expandedQuery matches any of terms, or a synonym of one at half the
// weight, in the searched field: one flat disjunction of the terms the
// field holds, so no term searcher is built for a word no passage has.
// It is nil when the field holds none of them.
func (ix *Index) expandedQuery(terms []bot.Term) query.Query {
	var tqs []query.Query
	add := func(term string, boost float64) {
		if !ix.indexed[term] {
			return
		}
		tq := query.NewTermQuery(term)
		tq.SetField(fieldText)
		tq.SetBoost(boost)
		tqs = append(tqs, tq)
	}
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if !seen[t.Text] {
			seen[t.Text] = true
			add(t.Text, 1)
		}
	}
	for _, t := range terms {
		for _, syn := range ix.expansions[t.Text] {
			if !seen[syn] {
				seen[syn] = true
				add(syn, synonymBoost)
			}
		}
	}
	if len(tqs) == 0 {
		return nil
	}
	q := query.NewDisjunctionQuery(tqs)
	q.SetMin(1)
	return q
}

// standInsFor returns the article's terms that a general-English synonym
// of t analyses to, looked up by the word as asked, its analysed form and
// its form without a plain inflection ("cops" → "cop", "okayed" → "okay").
func (ix *Index) standInsFor(t bot.Term) []string {
	if ix.thesaurus == nil {
		return nil
	}
	// Keyed by the word as asked: the lookup starts from it, and "start"
	// must not get the stand-ins an earlier "starting" found.
	if v, ok := ix.standIns.Load(t.Word); ok {
		return v.([]string)
	}
	var syns []string
	for _, key := range append([]string{t.Word, t.Text}, inflect.Bases(t.Word)...) {
		if syns = ix.thesaurus.Synonyms(key); syns != nil {
			break
		}
	}
	if syns == nil {
		// Not memoised: any word can miss, and the memo must stay as
		// small as the thesaurus.
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, syn := range syns {
		terms := ix.analyze(syn)
		if len(terms) != 1 || seen[terms[0]] || ix.docFreq[terms[0]] == 0 {
			continue
		}
		seen[terms[0]] = true
		out = append(out, terms[0])
	}
	ix.standIns.Store(t.Word, out)
	return out
}
