// Package answerlog logs one line per question as middleware around
// bot.Answerer. User IDs are hashed; question text is logged only at debug.
package answerlog

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"time"

	"github.com/factbot/factbot/bot"
)

// Logger writes the per-question log line.
type Logger struct {
	log *slog.Logger
	key []byte
}

// New logs to log. User IDs are hashed with key; with a nil key a random one
// is made, so hashes correlate within one run but cannot be reversed by
// hashing every known user ID.
func New(log *slog.Logger, key []byte) *Logger {
	if key == nil {
		key = make([]byte, 32)
		_, _ = rand.Read(key) // crypto/rand.Read never fails (Go 1.24+)
	}
	return &Logger{log: log, key: key}
}

// HashUser is the short pseudonym logged for a platform user ID.
func (l *Logger) HashUser(platform, user string) string {
	if user == "" {
		return ""
	}
	h := hmac.New(sha256.New, l.key)
	h.Write([]byte(platform + "\x00" + user))
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// Middleware logs each question passing through to next.
func (l *Logger) Middleware(next bot.Answerer) bot.Answerer {
	return bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		start := time.Now()
		a := next.Answer(ctx, q)
		attrs := []slog.Attr{
			slog.String("platform", q.Platform),
			slog.String("intent", string(a.Intent)),
			slog.Bool("answered", a.Answered),
			slog.Duration("latency", time.Since(start)),
			slog.String("user", l.HashUser(q.Platform, q.User)),
		}
		if a.Reason != "" {
			attrs = append(attrs, slog.String("reason", a.Reason))
		}
		if l.log.Enabled(ctx, slog.LevelDebug) {
			attrs = append(attrs, slog.String("question", q.Text))
		}
		l.log.LogAttrs(ctx, slog.LevelInfo, "question", attrs...)
		return a
	})
}
