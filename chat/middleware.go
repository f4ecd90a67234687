package chat

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"log/slog"
	"sync"
	"time"

	"github.com/factbot/factbot/bot"
)

// The middleware chain every request passes, outermost first: log,
// metrics, rate limit, record. New builds it; nothing else does.

// Metrics counts requests; *metrics.Metrics implements it.
type Metrics interface {
	Observe(o Observation)
}

// Observation is one handled request, for metrics.
type Observation struct {
	Platform string
	Kind     Kind
	Status   Status
	// Intent and Answered describe the answer, when the reply has one
	// (Intent is then not empty).
	Intent   bot.Intent
	Answered bool
	Duration time.Duration
}

// measure counts and times every request.
func measure(m Metrics) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, r Request) Reply {
			start := time.Now()
			reply := next.Handle(ctx, r)
			o := Observation{Platform: r.Platform, Kind: r.Kind, Status: reply.Status, Duration: time.Since(start)}
			if reply.Answer != nil {
				o.Intent, o.Answered = reply.Answer.Intent, reply.Answer.Answered
			}
			m.Observe(o)
			return reply
		})
	}
}

// limit refuses a user over the rate limit, privately and in their
// language (the catalogue's rate_limited). Autocomplete suggestions come
// with every keystroke and cost nothing, so they are not counted.
func limit(l Limiter, lang func(Request) string) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, r Request) Reply {
			if r.Kind != KindSuggest && !l.Allow(r.Platform, r.User) {
				lg := lang(r)
				return Reply{Status: StatusRateLimited, Lang: lg, Notice: bot.Message(lg, "rate_limited")}
			}
			return next.Handle(ctx, r)
		})
	}
}

// record gives every answer an ID for 👍/👎 and records the question.
// Refused requests never get here: the limiter is outside.
func record(rec Recorder) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, r Request) Reply {
			reply := next.Handle(ctx, r)
			if reply.Answer == nil {
				return reply
			}
			q := bot.Question{Text: reply.Question, Platform: r.Platform, User: r.User, Channel: r.Channel, Server: r.Server}
			a := rec.Record(ctx, q, *reply.Answer)
			reply.Answer = &a
			reply.Feedback = a.ID != ""
			return reply
		})
	}
}

// logRequests writes one line per request: platform, kind, status, what
// the answer was, latency and the user's ID hashed with key (random when
// nil); the text only at debug level.
func logRequests(log *slog.Logger, key []byte) Middleware {
	if key == nil {
		key = make([]byte, 32)
		_, _ = rand.Read(key) // crypto/rand.Read never fails (Go 1.24+)
	}
	hashes := &sync.Pool{New: func() any { return hmac.New(sha256.New, key) }}
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, r Request) Reply {
			start := time.Now()
			reply := next.Handle(ctx, r)
			if r.Kind == KindSuggest {
				return reply // a line per keystroke says nothing
			}
			attrs := []slog.Attr{
				slog.String("platform", r.Platform),
				slog.String("kind", string(r.Kind)),
				slog.String("status", string(reply.Status)),
				slog.Duration("latency", time.Since(start)),
				slog.String("user", hashUser(hashes, r.Platform, r.User)),
			}
			if a := reply.Answer; a != nil {
				attrs = append(attrs, slog.String("intent", string(a.Intent)), slog.Bool("answered", a.Answered))
				if a.Reason != "" {
					attrs = append(attrs, slog.String("reason", a.Reason))
				}
			}
			if reply.ReadAs != "" {
				attrs = append(attrs, slog.Bool("follow_up", true))
			}
			if log.Enabled(ctx, slog.LevelDebug) {
				attrs = append(attrs, slog.String("text", r.Text))
				if reply.ReadAs != "" {
					attrs = append(attrs, slog.String("read_as", reply.ReadAs))
				}
			}
			log.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
			return reply
		})
	}
}

// HashUser is the short pseudonym logged for a platform user ID: an HMAC
// with key, so it cannot be reversed by hashing every known ID.
func HashUser(key []byte, platform, user string) string {
	return hashUser(&sync.Pool{New: func() any { return hmac.New(sha256.New, key) }}, platform, user)
}

// hashUser is HashUser with the HMACs (which are costly to key) reused.
func hashUser(hashes *sync.Pool, platform, user string) string {
	if user == "" {
		return ""
	}
	h := hashes.Get().(hash.Hash)
	defer hashes.Put(h)
	h.Reset()
	h.Write([]byte(platform + "\x00" + user))
	return hex.EncodeToString(h.Sum(nil)[:6])
}
