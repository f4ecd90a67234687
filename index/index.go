// Package index is the Bleve full-text index over the article's passages.
// It implements bot.Searcher: an in-memory scorch index (BM25, English
// analyzer, a synonym collection), queried with MatchQuery only, so user
// text is never parsed as query syntax.
package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/factbot/factbot/bot"
)

const (
	fieldText = "text"
	// MaxQueryTerms caps the distinct terms of one question that are
	// searched, so a long or repetitive message costs no more than a
	// normal one many times over.
	MaxQueryTerms = 32
)

// Index searches an article's passages.
type Index struct {
	idx      bleve.Index
	analyzer analysis.Analyzer
	// passages are the article's passages with their terms, by ID.
	passages map[string]*entry
	// expansions are each term's synonyms, for the coverage signals.
	expansions    map[string][]string
	synonymInputs map[string]bool // terms a synonym definition expands
	docFreq       map[string]int
	// indexed holds every term of the searched field: a question none
	// of whose terms or synonyms is here matches nothing, unsearched.
	indexed map[string]bool
	// termOf is the term of every lower-case word of the sentences and
	// example questions, noted while they are analysed: a question's
	// words the article uses need no analysis of their own.
	termOf map[string]string
	// thesaurus maps general English words to their synonyms; stand-ins
	// memoises, per analysed term the article lacks, the article's terms
	// its synonyms analyse to.
	thesaurus Thesaurus
	standIns  sync.Map // string → []string
}

var _ bot.Searcher = (*Index)(nil)

// entry is a passage with the terms the coverage signals look for: one map
// says whether a term is in its sentence, its example questions or both,
// so a hit costs one lookup per term there; its paragraph's terms (section
// name included) are shared by the paragraph's sentences.
type entry struct {
	passage   bot.Passage
	terms     map[string]termPlace
	paragraph map[string]bool
}

// termPlace says where in a passage a term is.
type termPlace uint8

const (
	inSentence termPlace = 1 << iota
	inQuestions
)

// sentenceWeight is how many times a sentence's own words stand in the
// one searched field, against once for its section name and its example
// questions: one field searched costs half of two, and repeating the
// sentence keeps its own words ranking above the questions' paraphrases.
const sentenceWeight = 3

// synonymBoost is a synonym's weight against the word asked, as Bleve's
// own synonym search weighs it.
const synonymBoost = 0.5

// searchedTerms is what Bleve ranks a passage by: the terms of the
// sentence, weighted, of its section name and of its example questions,
// analysed already (see analyzerTerms).
func searchedTerms(sentence, section []string, questions [][]string) string {
	var b strings.Builder
	add := func(terms []string) {
		for _, t := range terms {
			b.WriteString(t)
			b.WriteByte(' ')
		}
	}
	for range sentenceWeight {
		add(sentence)
	}
	add(section)
	for _, q := range questions {
		add(q)
	}
	return b.String()
}

// Option configures an Index.
type Option func(*Index)

// Thesaurus gives a word's synonyms in general English.
type Thesaurus interface {
	Synonyms(word string) []string
}

// WithThesaurus lets a question word the article never uses match the
// article's word for the same thing. Only synonyms the article uses count,
// and only for words it does not.
func WithThesaurus(t Thesaurus) Option {
	return func(ix *Index) { ix.thesaurus = t }
}

// New builds the index in memory, in one batch (in-memory scorch never
// merges segments).
func New(passages []bot.Passage, synonyms []bot.Synonym, opts ...Option) (*Index, error) {
	if len(passages) == 0 {
		return nil, errors.New("index: no passages")
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: create: %w", err)
	}
	ix := &Index{
		idx:           idx,
		analyzer:      m.AnalyzerNamed(en.AnalyzerName),
		passages:      make(map[string]*entry, len(passages)),
		expansions:    map[string][]string{},
		synonymInputs: map[string]bool{},
		docFreq:       map[string]int{},
		termOf:        map[string]string{},
	}
	if ix.analyzer == nil {
		idx.Close()
		return nil, errors.New("index: english analyzer missing")
	}
	for _, o := range opts {
		o(ix)
	}

	batch := idx.NewBatch()
	// Sentences of one paragraph share its term set: analysing the
	// paragraph once per sentence would grow with the paragraph's square.
	paragraphs := map[[2]string]map[string]bool{}
	sections := map[string][]string{}
	for _, p := range passages {
		if _, dup := ix.passages[p.ID]; dup {
			idx.Close()
			return nil, fmt.Errorf("index: duplicate passage id %q", p.ID)
		}
		// Each text is analysed once, here: its terms feed both Bleve
		// and the coverage signals.
		e := &entry{passage: p, terms: map[string]termPlace{}}
		sentence := ix.analyzeNoting(p.Text)
		for _, t := range sentence {
			e.terms[t] |= inSentence
		}
		questions := make([][]string, len(p.Questions))
		for i, q := range p.Questions {
			questions[i] = ix.analyzeNoting(q)
			for _, t := range questions[i] {
				e.terms[t] |= inQuestions
			}
		}
		section, ok := sections[p.Section]
		if !ok {
			section = ix.analyze(p.Section)
			sections[p.Section] = section
		}
		doc := map[string]any{fieldText: searchedTerms(sentence, section, questions)}
		if err := batch.Index(p.ID, doc); err != nil {
			idx.Close()
			return nil, fmt.Errorf("index: passage %s: %w", p.ID, err)
		}
		// The section name says what the paragraph is about, not what
		// the sentence says: it counts at paragraph level only.
		key := [2]string{p.Section, p.ParagraphText}
		if _, ok := paragraphs[key]; !ok {
			paragraphs[key] = ix.termSet(p.ParagraphText, p.Section)
		}
		e.paragraph = paragraphs[key]
		ix.passages[p.ID] = e
	}
	for i, s := range synonyms {
		def, err := ix.synonymDefinition(s)
		if err != nil {
			idx.Close()
			return nil, fmt.Errorf("index: synonym %d: %w", i+1, err)
		}
		ix.addExpansions(def)
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, fmt.Errorf("index: load: %w", err)
	}
	ix.countDocFreqs()
	ix.indexed = make(map[string]bool, len(ix.docFreq))
	for _, e := range ix.passages {
		for t := range e.terms {
			ix.indexed[t] = true
		}
	}
	for _, set := range paragraphs {
		for t := range set {
			ix.indexed[t] = true
		}
	}
	return ix, nil
}

// analyzerTerms reads a field of terms the English analyzer produced
// already, split at spaces: the index analyses each text once, for Bleve
// and its own coverage signals alike. The terms and their counts, and so
// BM25's scores, are what the English analyzer on the text would give.
const analyzerTerms = "factbot-terms"

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = bleveindex.BM25Scoring
	m.DefaultAnalyzer = en.AnalyzerName
	if err := m.AddCustomAnalyzer(analyzerTerms, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, fmt.Errorf("index: terms analyzer: %w", err)
	}
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerTerms
	text.Store = false
	text.IncludeTermVectors = false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text)
	m.DefaultMapping = doc
	return m, nil
}

// synonymDefinition checks that every word analyzes to exactly one term:
// a definition left with fewer than two usable terms breaks every later
// search on a Bleve index.
func (ix *Index) synonymDefinition(s bot.Synonym) (*bleve.SynonymDefinition, error) {
	var bad []string
	for _, w := range append(append([]string{}, s.Input...), s.Synonyms...) {
		if len(ix.analyze(w)) != 1 {
			bad = append(bad, w)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%q must each be one word the English analyzer keeps", bad)
	}
	if len(s.Synonyms) == 0 || len(s.Input)+len(s.Synonyms) < 2 {
		return nil, errors.New("needs at least two terms, with synonyms not empty")
	}
	return &bleve.SynonymDefinition{Input: s.Input, Synonyms: s.Synonyms}, nil
}

// addExpansions mirrors Bleve's synonym expansion for the coverage signals.
// Each word is analysed once: a two-way definition pairs every word with
// every other.
func (ix *Index) addExpansions(def *bleve.SynonymDefinition) {
	terms := map[string]string{}
	term := func(w string) string {
		t, ok := terms[w]
		if !ok {
			t = ix.analyze(w)[0]
			terms[w] = t
		}
		return t
	}
	add := func(from string, to []string) {
		f := term(from)
		ix.synonymInputs[f] = true
		for _, t := range to {
			if a := term(t); a != f {
				ix.expansions[f] = append(ix.expansions[f], a)
			}
		}
	}
	if len(def.Input) == 0 {
		for _, s := range def.Synonyms {
			add(s, def.Synonyms)
		}
		return
	}
	for _, in := range def.Input {
		add(in, def.Synonyms)
	}
}

func (ix *Index) analyze(text string) []string {
	tokens := ix.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		out = append(out, string(t.Term))
	}
	return out
}

// analyzeNoting analyzes text as analyze does and notes the term of each
// of its lower-case words in termOf.
func (ix *Index) analyzeNoting(text string) []string {
	tokens := ix.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		term := string(t.Term)
		out = append(out, term)
		if t.Start >= 0 && t.End <= len(text) && t.Start < t.End {
			if w := text[t.Start:t.End]; isLowerWord(w) {
				if _, ok := ix.termOf[w]; !ok {
					ix.termOf[w] = term
				}
			}
		}
	}
	return out
}

// isLowerWord reports whether w is letters a to z only: a word the
// analyzer reads as one token whatever surrounds it.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// queryTerms analyzes a question, keeping the word each term came from:
// each distinct term once, at most MaxQueryTerms of them. Words the
// article uses take the term noted for them; the analyzer reads only the
// rest, one space-separated word at a time, which gives what it gives for
// the whole text, since no token spans a space.
func (ix *Index) queryTerms(text string) []bot.Term {
	if !utf8.ValidString(text) {
		// Where the bytes are no text, words are no guide to tokens.
		return ix.queryTermsWhole(text)
	}
	var terms []bot.Term
	seen := map[string]bool{}
	add := func(term, word string) bool {
		if seen[term] {
			return true
		}
		if len(terms) == MaxQueryTerms {
			return false
		}
		seen[term] = true
		terms = append(terms, bot.Term{Text: term, Word: word, DocFreq: ix.docFreq[term]})
		return true
	}
	for field := range strings.FieldsSeq(text) {
		if term, ok := ix.termOf[field]; ok {
			if !add(term, field) {
				break
			}
			continue
		}
		for _, t := range ix.analyzer.Analyze([]byte(field)) {
			word := string(t.Term)
			if t.Start >= 0 && t.End <= len(field) && t.Start < t.End {
				word = strings.ToLower(field[t.Start:t.End])
			}
			if !add(string(t.Term), word) {
				return terms
			}
		}
	}
	return terms
}

// queryTermsWhole is queryTerms by the analyzer over the whole text.
func (ix *Index) queryTermsWhole(text string) []bot.Term {
	var terms []bot.Term
	seen := map[string]bool{}
	for _, t := range ix.analyzer.Analyze([]byte(text)) {
		term := string(t.Term)
		if seen[term] {
			continue
		}
		if len(terms) == MaxQueryTerms {
			break
		}
		seen[term] = true
		word := term
		if t.Start >= 0 && t.End <= len(text) && t.Start < t.End {
			word = strings.ToLower(text[t.Start:t.End])
		}
		terms = append(terms, bot.Term{Text: term, Word: word, DocFreq: ix.docFreq[term]})
	}
	return terms
}

func (ix *Index) termSet(texts ...string) map[string]bool {
	set := map[string]bool{}
	for _, t := range texts {
		for _, term := range ix.analyze(t) {
			set[term] = true
		}
	}
	return set
}

// Close releases the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// Len is the number of passages.
func (ix *Index) Len() int { return len(ix.passages) }

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
	searched := res.Terms
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

// top returns the limit best matches for q, equal scores in ID order, so
// the same question always gets the same answer: Bleve returns equal
// scores in no fixed order. Sorting every match by ID as well costs an ID
// lookup per matching passage, so one more hit is asked for by score
// alone, and the ID sort runs only when a tie straddles the cut.
func (ix *Index) top(ctx context.Context, q query.Query, limit int) (search.DocumentMatchCollection, error) {
	sr, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, limit+1, 0, false))
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	hits := sr.Hits
	if len(hits) > limit {
		if hits[limit].Score == hits[limit-1].Score {
			req := bleve.NewSearchRequestOptions(q, limit, 0, false)
			req.SortBy([]string{"-_score", "_id"})
			if sr, err = ix.idx.SearchInContext(ctx, req); err != nil {
				return nil, fmt.Errorf("index: search: %w", err)
			}
			return sr.Hits, nil
		}
		hits = hits[:limit]
	}
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return hits, nil
}

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

// termsQuery matches any of the terms in field, as MatchQuery does with
// the OR operator.
func termsQuery(field string, terms []bot.Term, boost float64) query.Query {
	tqs := make([]query.Query, len(terms))
	for i, t := range terms {
		tq := query.NewTermQuery(t.Text)
		tq.SetField(field)
		tq.SetBoost(boost)
		tqs[i] = tq
	}
	q := query.NewDisjunctionQuery(tqs)
	q.SetMin(1)
	q.SetBoost(boost)
	return q
}

// standInsFor returns the article's terms that a general-English synonym
// of t analyses to, looked up by the word as asked, its analysed form and
// its form without a plain inflection ("cops" → "cop", "okayed" → "okay").
func (ix *Index) standInsFor(t bot.Term) []string {
	if ix.thesaurus == nil {
		return nil
	}
	if v, ok := ix.standIns.Load(t.Text); ok {
		return v.([]string)
	}
	var syns []string
	for _, key := range baseForms(t.Word, t.Text) {
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
	ix.standIns.Store(t.Text, out)
	return out
}

func baseForms(word, term string) []string {
	out := []string{word, term}
	for _, suffix := range []string{"s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(word, suffix); ok && len(b) >= 3 {
			out = append(out, b)
		}
	}
	return out
}

// countDocFreqs counts, once at build time, the passages holding each term
// the article uses or a synonym can stand for; any other term occurs in
// none. It reads each passage's term set once, so it grows with the
// article; a term with synonyms counts the union of their passages.
func (ix *Index) countDocFreqs() {
	postings := map[string][]string{}
	for id, e := range ix.passages {
		for t, place := range e.terms {
			if place&inSentence != 0 {
				postings[t] = append(postings[t], id)
			}
		}
	}
	for t, ids := range postings {
		ix.docFreq[t] = len(ids)
	}
	for t, exps := range ix.expansions {
		union := make(map[string]bool, len(postings[t]))
		for _, id := range postings[t] {
			union[id] = true
		}
		for _, e := range exps {
			for _, id := range postings[e] {
				union[id] = true
			}
		}
		ix.docFreq[t] = len(union)
	}
}
