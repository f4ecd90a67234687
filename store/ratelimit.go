package store

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"
)

// SharedLimiter is the per-user rate limit held in the database, so that
// it holds across every instance sharing it: n questions per period, in
// bursts of up to n, as one token bucket per user (GCRA: one timestamp a
// user, moved forward atomically by one statement). Users are keyed by
// their salted hash, never their ID.
//
// It asks the database on every question. When the database does not
// answer within the timeout, the question is decided by the local
// fallback limiter instead (this instance's own buckets), and so are the
// questions of the next few seconds, without asking: an answer waits on a
// failing store at most once per retry interval, and users are still
// limited per instance. The outage is logged once.
type SharedLimiter struct {
	store    *Store
	emission int64 // nanoseconds one question adds to the bucket
	window   int64 // nanoseconds a full burst spans (the period)
	timeout  time.Duration
	fallback interface {
		Allow(platform, user string) bool
	}
	log     *slog.Logger
	failing atomic.Bool
	// retryAt is when (Unix nanoseconds) to ask the database again after
	// a failure; until then the fallback decides.
	retryAt atomic.Int64
}

// sharedLimitRetry is how long the fallback decides alone after the
// database failed to answer.
const sharedLimitRetry = 5 * time.Second

// NewSharedLimiter allows n questions per period for each user, across
// instances, on s. fallback decides when the database cannot.
func NewSharedLimiter(s *Store, n int, per time.Duration, fallback interface {
	Allow(platform, user string) bool
}, log *slog.Logger) *SharedLimiter {
	n = max(n, 1)
	per = max(per, time.Microsecond)
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &SharedLimiter{store: s, emission: int64(per) / int64(n), window: int64(per),
		timeout: 250 * time.Millisecond, fallback: fallback, log: log}
}

// Allow reports whether the user may ask now, spending a token if so.
func (l *SharedLimiter) Allow(platform, user string) bool {
	if time.Now().UnixNano() < l.retryAt.Load() {
		return l.fallback.Allow(platform, user)
	}
	ctx, cancel := context.WithTimeout(context.Background(), l.timeout)
	defer cancel()
	ok, err := l.allow(ctx, platform, user)
	if err != nil {
		l.retryAt.Store(time.Now().Add(sharedLimitRetry).UnixNano())
		if !l.failing.Swap(true) {
			l.log.Warn("store: the shared rate limit is unavailable; limiting per instance until it is back", "err", err)
		}
		return l.fallback.Allow(platform, user)
	}
	if l.failing.Swap(false) {
		l.log.Info("store: the shared rate limit is back")
	}
	return ok
}

// allow moves the user's bucket time forward by one question when that
// keeps it within one period of now; no row comes back when it would not.
func (l *SharedLimiter) allow(ctx context.Context, platform, user string) (bool, error) {
	now := l.store.now().UnixNano()
	greatest := "GREATEST"
	if l.store.engine == SQLite {
		greatest = "MAX"
	}
	rows, err := l.store.db.QueryContext(ctx, `INSERT INTO rate_limits AS r (key, tat)
		VALUES ($1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT))
		ON CONFLICT (key) DO UPDATE SET tat = `+greatest+`(r.tat, CAST($2 AS BIGINT)) + CAST($3 AS BIGINT)
		WHERE `+greatest+`(r.tat, CAST($2 AS BIGINT)) + CAST($3 AS BIGINT) - CAST($2 AS BIGINT) <= CAST($4 AS BIGINT)
		RETURNING tat`,
		platform+":"+l.store.HashUser(platform, user), now, l.emission, l.window)
	if err != nil {
		return false, l.store.fail("rate limit", err)
	}
	defer rows.Close()
	allowed := rows.Next()
	if err := rows.Err(); err != nil {
		return false, l.store.fail("rate limit", err)
	}
	return allowed, nil
}
