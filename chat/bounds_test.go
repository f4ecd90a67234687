package chat_test

import (
	"context"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
)

// TestLongInputsBounded: a 60,000-letter word is declined or refused for
// every kind of request, and what comes back holds a bounded part of it.
func TestLongInputsBounded(t *testing.T) {
	e := realEngine(t)
	core, err := chat.New(chat.Options{Answerer: e, Cards: cards.New(e.Bot)})
	if err != nil {
		t.Fatal(err)
	}
	word := strings.Repeat("straffa", 60000/7+1)[:60000]
	ctx := context.Background()
	r := core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: "slack", User: "U1", Text: word})
	if r.Status != chat.StatusDeclined || r.Answer == nil || r.Answer.Reason != "too_long" {
		t.Errorf("ask: status %s, answer %+v; want declined as too long", r.Status, r.Answer)
	}
	if len(r.Question) > 4*bot.MaxQuestionLen+4 {
		t.Errorf("ask: %d bytes of the question echoed", len(r.Question))
	}
	for _, kind := range []chat.Kind{chat.KindFacts, chat.KindPenalty, chat.KindReport} {
		r := core.Handle(ctx, chat.Request{Kind: kind, Platform: "slack", User: "U1", Text: word})
		if r.Status == chat.StatusOK && r.Card != nil {
			t.Errorf("%s: a card for a 60,000-letter topic", kind)
		}
		if n := len(r.Notice) + len(r.Question); n > 2000 {
			t.Errorf("%s: %d bytes of notice and question", kind, n)
		}
	}
}

// BenchmarkLongInput sends one 60,000-letter word as the text of every
// kind of request a user can make, in a conversation with a previous
// question, against a normal question: each must be answered or refused
// for no more than a few normal questions' work.
// go test -run '^$' -bench LongInput -cpu 1 ./chat
func BenchmarkLongInput(b *testing.B) {
	e := realEngine(b)
	core, err := chat.New(chat.Options{Answerer: e, Cards: cards.New(e.Bot)})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	word := strings.Repeat("straffa", 60000/7+1)[:60000]
	req := func(kind chat.Kind, text string) chat.Request {
		return chat.Request{Kind: kind, Via: chat.ViaCommand, Platform: "slack", User: "U1", Channel: "C1",
			Text: text, Conversation: "C1/U1", Field: chat.FieldTopic}
	}
	core.Handle(ctx, req(chat.KindAsk, "What is the penalty for 20 grams?")) // the conversation's previous question
	cases := []struct {
		name string
		r    chat.Request
	}{
		{"normal-question", req(chat.KindAsk, "Hva er straffen for 20 gram?")},
		{"ask-60000", req(chat.KindAsk, word)},
		{"ask-and-60000", req(chat.KindAsk, "and "+word)}, // read as a follow-up
		{"penalty-60000", req(chat.KindPenalty, word)},
		{"facts-60000", req(chat.KindFacts, word)},
		{"suggest-topic-60000", req(chat.KindSuggest, word)},
		{"report-60000", req(chat.KindReport, word)},
		{"share-60000", chat.Request{Kind: chat.KindShare, Platform: "slack", User: "U1", Token: word, Text: word}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				core.Handle(ctx, tc.r)
			}
		})
	}
}
