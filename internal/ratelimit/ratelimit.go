// Package ratelimit limits how many requests each user may make; the chat
// core's middleware asks it before every request. Limiters are keyed by platform and user;
// a user idle long enough to have a full bucket again is forgotten, which
// loses nothing and keeps memory bounded by recently active users.
package ratelimit

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter is a per-user token bucket: n questions per period, bursts up to n.
type Limiter struct {
	limit rate.Limit
	burst int
	idle  time.Duration // after this long unused a bucket is full again
	now   func() time.Time

	mu        sync.Mutex
	users     map[string]*entry
	lastSweep time.Time
}

type entry struct {
	lim      *rate.Limiter
	lastSeen time.Time
}

// New allows n questions per period for each user. now is the clock (time.Now
// when nil); tests pass a fake one.
func New(n int, per time.Duration, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	n = max(n, 1)
	per = max(per, time.Nanosecond)
	return &Limiter{
		limit: rate.Limit(float64(n) / per.Seconds()),
		burst: n,
		idle:  per,
		now:   now,
		users: make(map[string]*entry),
	}
}

// Allow reports whether the user may ask now, spending a token if so.
func (l *Limiter) Allow(platform, user string) bool {
	now := l.now()
	key := platform + "\x00" + user
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	e, ok := l.users[key]
	if !ok {
		e = &entry{lim: rate.NewLimiter(l.limit, l.burst)}
		l.users[key] = e
	}
	e.lastSeen = now
	return e.lim.AllowN(now, 1)
}

// sweep drops users idle for longer than a bucket takes to refill. It runs
// at most once per idle period, so its cost is amortised over many calls.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.idle {
		return
	}
	l.lastSweep = now
	for k, e := range l.users {
		if now.Sub(e.lastSeen) >= l.idle {
			delete(l.users, k)
		}
	}
}

// Len is the number of users currently tracked.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.users)
}
