package answerlog

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

func TestMiddleware(t *testing.T) {
	engine := bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		return bot.Answer{Answered: true, Intent: bot.IntentPenalty}
	})
	q := bot.Question{Text: "penalty for 20 grams", Platform: "slack", User: "U123SECRET"}

	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		var buf bytes.Buffer
		l := New(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: level})), []byte("k"))
		l.Middleware(engine).Answer(context.Background(), q)
		out := buf.String()
		if strings.Count(out, "\n") != 1 {
			t.Errorf("want one line, got %q", out)
		}
		for _, want := range []string{"platform=slack", "intent=penalty", "answered=true", "latency=", "user=" + l.HashUser("slack", "U123SECRET")} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: %q lacks %q", level, out, want)
			}
		}
		if strings.Contains(out, "U123SECRET") {
			t.Errorf("raw user id logged: %q", out)
		}
		if got := strings.Contains(out, "20 grams"); got != (level == slog.LevelDebug) {
			t.Errorf("%v: question text logged = %v", level, got)
		}
	}
}

func TestHashUser(t *testing.T) {
	a, b := New(slog.Default(), []byte("k")), New(slog.Default(), []byte("other"))
	first, again := a.HashUser("slack", "U1"), a.HashUser("slack", "U1")
	if first != again {
		t.Error("not stable")
	}
	if a.HashUser("slack", "U1") == a.HashUser("discord", "U1") || a.HashUser("slack", "U1") == b.HashUser("slack", "U1") {
		t.Error("collisions across platform or key")
	}
}
