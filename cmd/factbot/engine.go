package main

import (
	"fmt"
	"log/slog"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/index"
)

// engine is the answering core with what it was built from.
type engine struct {
	*bot.Bot
	index *index.Index
}

// loadEngine builds the answering engine from the embedded article, or from
// the article file at corpusPath when it is not empty.
func loadEngine(corpusPath string, log *slog.Logger) (*engine, error) {
	var c corpus.Corpus
	var err error
	if corpusPath == "" {
		c, err = corpus.Default()
	} else {
		c, err = corpus.Load(corpusPath)
	}
	if err != nil {
		return nil, err
	}
	ix, err := index.New(c.Article.Passages, c.Synonyms)
	if err != nil {
		name := corpusPath
		if name == "" {
			name = corpus.DefaultName
		}
		return nil, fmt.Errorf("corpus %s: building the index: %w", name, err)
	}
	var opts []bot.Option
	for lang, terms := range c.Terms {
		g, err := index.NewGlossary(terms)
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("term list %s: %w", lang, err)
		}
		opts = append(opts, bot.WithTranslator(lang, g))
	}
	return &engine{Bot: bot.New(c.Article, c.Schedule, ix, log, opts...), index: ix}, nil
}

// Close releases the index.
func (e *engine) Close() error { return e.index.Close() }
