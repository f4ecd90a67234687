// Package index is the Bleve full-text index over the article's passages.
// It implements bot.Searcher: an in-memory Bleve index (BM25, English
// analyzer, synonyms), searched by term only, so user text is never parsed
// as query syntax.
//
// The index is Bleve's upsidedown index over its moss store, kept in
// memory, not scorch, Bleve's default. `factbot ask` is a process that may
// answer one question, and linking scorch costs every process the
// Levenshtein automata its package builds at start (about 6 ms, most of a
// plain Bleve program's start) for fuzzy searches factbot never runs. The
// moss store, not Bleve's other in-memory store (gtreap, whose iterators
// each run a goroutine), keeps searching as fast as scorch's. It ranks as
// scorch would (TestRanksAsScorchWould): BM25 gets the same inputs (see
// bm25Stats).
package index

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/upsidedown"
	"github.com/blevesearch/bleve/v2/index/upsidedown/store/moss"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
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
	idx bleveindex.Index
	// queue is the index's analysis workers, closed with it.
	queue   *bleveindex.AnalysisQueue
	mapping *mapping.IndexMappingImpl
	bm25    *search.BM25Stats
	// analyzer is the English analyzer; its token filters alone read a
	// word of letters a to z, which is one token whatever the tokenizer
	// (see wordTerms).
	analyzer *analysis.DefaultAnalyzer
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
	// words the article uses need no analysis of their own. A stop word
	// maps to "": it has no term, and every question has some.
	termOf map[string]string
	// thesaurus maps general English words to their synonyms; stand-ins
	// memoises, per word as asked that the article lacks, the article's terms
	// its synonyms analyse to.
	thesaurus Thesaurus
	standIns  sync.Map // string → []string
	// verbForms maps irregular verb forms to their verbs, for analysis.
	verbForms map[string]string
	// snapshot is the texts' analyses computed ahead (WithAnalyses).
	snapshot string
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

// WithVerbForms reads an irregular verb form as its verb ("paid" as
// "pay", "found" as "find"), in the article and in questions alike.
// forms must only be read.
func WithVerbForms(forms map[string]string) Option {
	return func(ix *Index) { ix.verbForms = forms }
}

// New builds the index in memory, in one batch.
func New(passages []bot.Passage, synonyms []bot.Synonym, opts ...Option) (*Index, error) {
	if len(passages) == 0 {
		return nil, errors.New("index: no passages")
	}
	m, textOptions, err := newMapping()
	if err != nil {
		return nil, err
	}
	// The texts arrive analysed already (see analyzerTerms): one worker
	// splitting them at spaces is enough.
	queue := bleveindex.NewAnalysisQueue(1)
	idx, err := upsidedown.NewUpsideDownCouch(moss.Name, nil, queue)
	if err == nil {
		err = idx.Open()
	}
	if err != nil {
		queue.Close()
		return nil, fmt.Errorf("index: create: %w", err)
	}
	ix := &Index{
		idx:           idx,
		queue:         queue,
		mapping:       m,
		passages:      make(map[string]*entry, len(passages)),
		expansions:    map[string][]string{},
		synonymInputs: map[string]bool{},
		docFreq:       map[string]int{},
		termOf:        map[string]string{},
	}
	for _, o := range opts {
		o(ix)
	}
	if ix.analyzer, err = englishAnalyzer(ix.verbForms); err != nil {
		ix.Close()
		return nil, err
	}

	batch := bleveindex.NewBatch()
	// Sentences of one paragraph share its term set: analysing the
	// paragraph once per sentence would grow with the paragraph's square.
	paragraphs := map[[2]string]map[string]bool{}
	sections := map[string][]string{}
	snap, err := ix.snapshotAnalyses()
	if err != nil {
		ix.Close()
		return nil, err
	}
	tokens := ix.tokenizePassages(passages, snap)
	for n, p := range passages {
		if _, dup := ix.passages[p.ID]; dup {
			ix.Close()
			return nil, fmt.Errorf("index: duplicate passage id %q", p.ID)
		}
		// Each text is analysed once, here: its terms feed both Bleve
		// and the coverage signals.
		e := &entry{passage: p, terms: map[string]termPlace{}}
		sentence := ix.noteTerms(p.Text, tokens[n][0])
		for _, t := range sentence {
			e.terms[t] |= inSentence
		}
		questions := make([][]string, len(p.Questions))
		for i, q := range p.Questions {
			questions[i] = ix.noteTerms(q, tokens[n][1+i])
			for _, t := range questions[i] {
				e.terms[t] |= inQuestions
			}
		}
		section, ok := sections[p.Section]
		if !ok {
			section = termStrings(ix.tokens(p.Section, snap))
			sections[p.Section] = section
		}
		doc := document.NewDocument(p.ID)
		doc.AddField(document.NewTextFieldCustom(fieldText, nil, []byte(searchedTerms(sentence, section, questions)), textOptions, termsAnalyzer{}))
		batch.Update(doc)
		// The section name says what the paragraph is about, not what
		// the sentence says: it counts at paragraph level only. A
		// paragraph's terms are its sentences' (no token spans two
		// sentences), gathered as they are read rather than analysed
		// again.
		key := [2]string{p.Section, p.ParagraphText}
		set, ok := paragraphs[key]
		if !ok {
			set = make(map[string]bool, 4*len(section))
			for _, t := range section {
				set[t] = true
			}
			paragraphs[key] = set
		}
		for _, t := range sentence {
			set[t] = true
		}
		e.paragraph = set
		ix.passages[p.ID] = e
	}
	for i, s := range synonyms {
		inputs, syns, err := ix.synonymTerms(s)
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("index: synonym %d: %w", i+1, err)
		}
		ix.addExpansions(inputs, syns)
	}
	if err := idx.Batch(batch); err != nil {
		ix.Close()
		return nil, fmt.Errorf("index: load: %w", err)
	}
	ix.noteStopWords()
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
	ix.bm25 = bm25Stats(len(passages), len(ix.indexed))
	return ix, nil
}

// bm25Stats are what BM25 needs of the whole index, given to Bleve's term
// searchers as a search request would: the number of passages and, as
// scorch counts a field's cardinality, the number of distinct terms in the
// searched field (Bleve takes their ratio, rounded up, as the average
// passage length). upsidedown cannot count the second; it is the number of
// terms the index holds (indexed).
func bm25Stats(passages, distinctTerms int) *search.BM25Stats {
	return &search.BM25Stats{DocCount: float64(passages), FieldCardinality: map[string]int{fieldText: distinctTerms}}
}

// analyzerTerms reads a field of terms the English analyzer produced
// already, split at spaces: the index analyses each text once, for Bleve
// and its own coverage signals alike. The terms and their counts, and so
// BM25's scores, are what the English analyzer on the text would give.
// The mapping names it; the index hands Bleve its documents' fields
// itself, read by termsAnalyzer (the same tokens, found without Bleve's
// mapping walk and a test of each rune's class).
const analyzerTerms = "factbot-terms"

// newMapping is the index's mapping, for its searchers, and the searched
// field's indexing options, for its documents.
func newMapping() (*mapping.IndexMappingImpl, bleveindex.FieldIndexingOptions, error) {
	m := mapping.NewIndexMapping()
	m.ScoringModel = bleveindex.BM25Scoring
	m.DefaultAnalyzer = en.AnalyzerName
	if err := m.AddCustomAnalyzer(analyzerTerms, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, 0, fmt.Errorf("index: terms analyzer: %w", err)
	}
	text := mapping.NewTextFieldMapping()
	text.Analyzer = analyzerTerms
	// Searched by term, ranked by BM25 on this field alone: no stored
	// text, no term vectors, no copy in the composite _all field, no doc
	// values (results sort by score and ID only).
	text.Store = false
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text)
	m.DefaultMapping = doc
	return m, text.Options(), nil
}

// termsAnalyzer reads the searched field as searchedTerms writes it,
// terms each followed by a space, into the tokens Bleve's whitespace
// tokenizer would give (TestRanksAsScorchWould indexes through the
// mapping and compares).
type termsAnalyzer struct{}

func (termsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	n := bytes.Count(input, []byte{' '}) + 1
	tokens := make([]analysis.Token, 0, n) // one allocation for all
	stream := make(analysis.TokenStream, 0, n)
	start := 0
	for i := 0; i <= len(input); i++ {
		if i < len(input) && input[i] != ' ' {
			continue
		}
		if i > start {
			tokens = append(tokens, analysis.Token{Term: input[start:i], Start: start, End: i,
				Position: len(tokens) + 1, Type: analysis.AlphaNumeric})
			stream = append(stream, &tokens[len(tokens)-1])
		}
		start = i + 1
	}
	return stream
}

// noteStopWords notes the analyzer's stop words as words without a term,
// so a question's "what" and "the" cost one lookup, not a pass through
// the filters.
func (ix *Index) noteStopWords() {
	stop := analysis.NewTokenMap()
	if err := stop.LoadBytes(en.EnglishStopWords); err != nil {
		return // the words are then analysed as any other
	}
	for w := range stop {
		if _, noted := ix.termOf[w]; !noted && isLowerWord(w) && len(ix.wordTerms(w)) == 0 {
			ix.termOf[w] = ""
		}
	}
}

// Close releases the index.
func (ix *Index) Close() error {
	err := ix.idx.Close()
	ix.queue.Close()
	return err
}

// Len is the number of passages.
func (ix *Index) Len() int { return len(ix.passages) }

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
