// Package engine assembles factbot's answering core from a corpus: the
// Bleve index over its passages, a glossary per question language, and the
// bot. The command line, serve and the tests all build it here, so what is
// tested is what ships.
package engine

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/index"
)

// Engine is the answering core with the index it owns.
type Engine struct {
	*bot.Bot
	index *index.Index
}

// Load builds the engine from the embedded article, or from the article
// file at corpusPath when it is not empty.
func Load(corpusPath string, log *slog.Logger) (*Engine, error) {
	var c corpus.Corpus
	var err error
	name := corpus.DefaultName
	if corpusPath == "" {
		c, err = corpus.Default()
	} else {
		name = corpusPath
		c, err = corpus.Load(corpusPath)
	}
	if err != nil {
		return nil, err
	}
	e, err := New(c, log)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", name, err)
	}
	return e, nil
}

// New builds the engine from a loaded corpus.
func New(c corpus.Corpus, log *slog.Logger) (*Engine, error) {
	// Indexing is most of a cold start, and the bot's tables do not
	// depend on it: the bot is built and prepared on the other core
	// meanwhile, holding an index that answers once it is built.
	ix := &pendingIndex{ready: make(chan struct{})}
	go func() {
		defer close(ix.ready)
		ix.ix, ix.err = index.New(c.Article.Passages, c.Synonyms, append(AnalyzerOptions(),
			index.WithThesaurus(corpus.EnglishThesaurus()), index.WithAnalyses(c.Analyses))...)
	}()
	opts, optsErr := languageOptions(c)
	var b *bot.Bot
	if optsErr == nil {
		b = bot.New(c.Article, c.Schedule, ix, log, opts...)
		b.Prepare()
	}
	<-ix.ready
	if ix.err != nil {
		return nil, fmt.Errorf("building the index: %w", ix.err)
	}
	if optsErr != nil {
		ix.ix.Close()
		return nil, optsErr
	}
	return &Engine{Bot: b, index: ix.ix}, nil
}

// AnalyzerOptions configure the index's English analyzer, for the index
// and for its analyses computed ahead (index.Analyses) alike.
func AnalyzerOptions() []index.Option {
	return []index.Option{index.WithVerbForms(corpus.EnglishVerbForms())}
}

// pendingIndex is the index while it is being built: a search waits for
// it. Only a bot built for an article without example questions searches
// before New returns, to find its examples.
type pendingIndex struct {
	ready chan struct{} // closed once ix or err is set
	ix    *index.Index
	err   error
}

func (p *pendingIndex) Search(ctx context.Context, query string, limit int) (bot.SearchResult, error) {
	select {
	case <-p.ready:
	case <-ctx.Done():
		return bot.SearchResult{}, ctx.Err()
	}
	if p.err != nil {
		return bot.SearchResult{}, p.err
	}
	return p.ix.Search(ctx, query, limit)
}

// languageOptions gives the bot the corpus's profile and, per language,
// the words it knows and a glossary into the article's English.
func languageOptions(c corpus.Corpus) ([]bot.Option, error) {
	// English's everyday words are read here, beside the indexing, since
	// the bot's first speller needs them; another language's only on its
	// first question.
	commonEN := corpus.CommonWords("en")
	opts := []bot.Option{
		bot.WithProfile(c.Profile),
		bot.WithKnownWords("en", synonymWords(c.Synonyms)),
		bot.WithCommonWords("en", func() map[string]bool { return commonEN }),
		bot.WithDictionary("en", corpus.EnglishDictionary().Has),
	}
	for lang, terms := range c.Terms {
		keys := make([]string, 0, len(terms))
		for k := range terms {
			keys = append(keys, k)
		}
		opts = append(opts, bot.WithKnownWords(lang, keys),
			bot.WithWordRanks(lang, func() map[string]int { return corpus.CommonRanks(lang) }))
		g, err := index.NewGlossary(terms)
		if err != nil {
			return nil, fmt.Errorf("term list %s: %w", lang, err)
		}
		opts = append(opts, bot.WithTranslator(lang, g))
	}
	return opts, nil
}

// synonymWords lists the everyday words the synonym list maps, so the
// speller reads them as words it knows.
func synonymWords(syns []bot.Synonym) []string {
	var out []string
	for _, s := range syns {
		out = append(out, s.Input...)
		out = append(out, s.Synonyms...)
	}
	return out
}

// Close releases the index.
func (e *Engine) Close() error { return e.index.Close() }
