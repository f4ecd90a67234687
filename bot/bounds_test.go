package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
)

// longWord is one "word" as long as the longest slash-command text an
// attacker might send, in letters the Bokmål compound splitter would try.
func longWord(n int) string { return strings.Repeat("straffa", n/7+1)[:n] }

// TestLongInputsRefusedCheaply: a topic or question far past any real one
// is refused, in either language, without reading it.
func TestLongInputsRefusedCheaply(t *testing.T) {
	b := realBot(t)
	m := cards.New(b)
	w := longWord(60000)
	for _, lang := range bot.Languages {
		_, err := m.Card(w, lang)
		if !errors.Is(err, cards.ErrUnknownTopic) {
			t.Errorf("%s: Card(60000 letters) err = %v, want an unknown topic", lang, err)
		}
	}
	if got := m.MatchTopics(w); len(got) != 0 {
		t.Errorf("MatchTopics(60000 letters) = %q, want none", got)
	}
	a := b.Answer(context.Background(), bot.Question{Text: w, Lang: "nb"})
	if a.Reason != "too_long" {
		t.Errorf("Answer(60000 letters) reason = %q, want too_long", a.Reason)
	}
	// A real compound still reads as its parts.
	if topic, ok := m.ResolveTopic("straff"); !ok || topic == "" {
		t.Errorf(`ResolveTopic("straff") = %q, %v`, topic, ok)
	}
}

// BenchmarkLongInput compares a 60,000-letter word, as /facts topic,
// autocomplete prefix and question, with a normal question: each must cost
// no more. The longest question the bot reads (1,000 letters as one word)
// costs a few normal questions: it is read, so linearly. Before the
// bounds, the topic took seconds (the compound splitter) and so did the
// 1,000-letter question (the speller's deletes, cubic in the length).
// go test -run '^$' -bench LongInput -cpu 1 ./bot
func BenchmarkLongInput(b *testing.B) {
	eng := realBot(b)
	m := cards.New(eng)
	ctx := context.Background()
	w := longWord(60000)
	b.Run("normal-question", func(b *testing.B) {
		q := bot.Question{Text: "Hva er straffen for 20 gram?"}
		for b.Loop() {
			eng.Answer(ctx, q)
		}
	})
	b.Run("facts-60000", func(b *testing.B) {
		for b.Loop() {
			if _, err := m.Card(w, "nb"); err == nil {
				b.Fatal("a card for a 60,000-letter topic")
			}
		}
	})
	b.Run("autocomplete-60000", func(b *testing.B) {
		for b.Loop() {
			m.MatchTopics(w)
		}
	})
	// The longest question the bot reads, as one word in each language.
	for _, lang := range bot.Languages {
		b.Run("question-1000-"+lang, func(b *testing.B) {
			q := bot.Question{Text: w[:bot.MaxQuestionLen], Lang: lang}
			for b.Loop() {
				eng.Answer(ctx, q)
			}
		})
	}
	b.Run("question-60000", func(b *testing.B) {
		q := bot.Question{Text: w}
		for b.Loop() {
			eng.Answer(ctx, q)
		}
	})
}
