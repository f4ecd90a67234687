package main

import (
	"context"

	"github.com/factbot/factbot/bot"
)

// loadEngine builds the answering engine from the embedded article, or from
// corpusPath when it is not empty.
// TEMPORARY: declines everything until the engine lands (issue 2).
func loadEngine(corpusPath string) (bot.Answerer, error) {
	return bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		return bot.Answer{Question: q.Text, Intent: bot.IntentNone, Text: "not built yet"}
	}), nil
}
