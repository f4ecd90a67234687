package main

import (
	"context"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

// askCLI is `factbot ask` as an adapter of the chat core: each line is a
// question from one user; with a conversation, every line belongs to it.
type askCLI struct {
	core         *chat.Core
	conversation string
}

func newCLI(answerer bot.Answerer, conversation bool) (*askCLI, error) {
	core, err := chat.New(chat.Options{Answerer: answerer})
	if err != nil {
		return nil, err
	}
	c := &askCLI{core: core}
	if conversation {
		c.conversation = "stdin"
	}
	return c, nil
}

// ask answers one line; Answer.ReadAs says how a follow-up was read.
// Every ask reply carries an answer, usage requests included (the
// engine's help).
func (c *askCLI) ask(ctx context.Context, text string) bot.Answer {
	r := c.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage, Platform: "cli", User: "cli",
		Text: text, Conversation: c.conversation})
	if r.Answer == nil { // only when the core failed: say so as a decline
		return bot.Answer{Question: text, Text: r.Notice, Sources: []bot.Source{}, Reason: "internal", Lang: r.Lang}
	}
	return *r.Answer
}
