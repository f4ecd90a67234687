// Package engine assembles factbot's answering core from a corpus: the
// Bleve index over its passages, a glossary per question language, and the
// bot. The command line, serve and the tests all build it here, so what is
// tested is what ships.
package engine

import (
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
	// Indexing is most of a cold start, and the bot's word lists and
	// glossaries do not depend on it: they are read on the other core
	// meanwhile.
	type indexed struct {
		ix  *index.Index
		err error
	}
	done := make(chan indexed, 1)
	go func() {
		ix, err := index.New(c.Article.Passages, c.Synonyms, index.WithThesaurus(corpus.EnglishThesaurus()),
			index.WithVerbForms(corpus.EnglishVerbForms()))
		done <- indexed{ix, err}
	}()
	opts, optsErr := languageOptions(c)
	built := <-done
	if built.err != nil {
		return nil, fmt.Errorf("building the index: %w", built.err)
	}
	if optsErr != nil {
		built.ix.Close()
		return nil, optsErr
	}
	return &Engine{Bot: bot.New(c.Article, c.Schedule, built.ix, log, opts...), index: built.ix}, nil
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
			bot.WithCommonWords(lang, func() map[string]bool { return corpus.CommonWords(lang) }),
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
