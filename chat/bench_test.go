package chat_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/internal/ratelimit"
)

// BenchmarkCoreOverhead is what the core and its chain cost around an
// engine that answers at once: the share token, the conversation memory,
// the rate limit, metrics and the log line.
func BenchmarkCoreOverhead(b *testing.B) {
	answer := bot.Answer{Answered: true, Intent: bot.IntentPenalty, Text: "x", Lang: "en", Sources: []bot.Source{}}
	engine := bot.AnswererFunc(func(context.Context, bot.Question) bot.Answer { return answer })
	for _, tc := range []struct {
		name string
		o    chat.Options
	}{
		{"bare", chat.Options{Answerer: engine}},
		{"chain", chat.Options{Answerer: engine, Metrics: metrics.New(), Limiter: ratelimit.New(1<<30, 1, nil),
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			c, err := chat.New(tc.o)
			if err != nil {
				b.Fatal(err)
			}
			r := chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "U1",
				Text: "What is the penalty for 20 grams?", Conversation: "C1:U1"}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				c.Handle(ctx, r)
			}
		})
	}
}
