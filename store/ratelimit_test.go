package store

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// perInstance is a fallback limiter that counts its calls.
type perInstance struct {
	mu    sync.Mutex
	calls int
}

func (p *perInstance) Allow(string, string) bool { p.mu.Lock(); p.calls++; p.mu.Unlock(); return true }

func TestSharedLimiterHoldsAcrossInstances(t *testing.T) {
	engines(t, func(t *testing.T, eng Engine) {
		d := newDB(t, eng)
		c := newClock()
		a, b := d.open(t, Options{Now: c.Now}), d.open(t, Options{Now: c.Now})
		fa, fb := &perInstance{}, &perInstance{}
		la := NewSharedLimiter(a, 3, time.Minute, fa, nil)
		lb := NewSharedLimiter(b, 3, time.Minute, fb, nil)
		// Three questions a minute, spread over two instances.
		for i, want := range []bool{true, true, true, false, false} {
			l := la
			if i%2 == 1 {
				l = lb
			}
			if got := l.Allow("slack", "U1"); got != want {
				t.Errorf("question %d: allowed %v, want %v", i+1, got, want)
			}
		}
		// Others are not affected: users (and platforms) have their own buckets.
		if !lb.Allow("slack", "U2") || !la.Allow("discord", "U1") {
			t.Error("another user or platform was limited")
		}
		// A third of a minute gives one question back, on either instance.
		c.Add(20 * time.Second)
		if !lb.Allow("slack", "U1") || la.Allow("slack", "U1") {
			t.Error("after 20 s: want exactly one more question")
		}
		// A full period later the bucket is full again, and pruning forgets it.
		c.Add(time.Minute)
		if _, err := a.Prune(t.Context()); err != nil {
			t.Fatal(err)
		}
		var rows int
		if err := a.db.QueryRow(`SELECT COUNT(*) FROM rate_limits`).Scan(&rows); err != nil || rows != 0 {
			t.Errorf("%d rate-limit rows after a full period and a prune (%v), want 0", rows, err)
		}
		for range 3 {
			if !la.Allow("slack", "U1") {
				t.Error("a full bucket refused a question")
			}
		}
		if fa.calls+fb.calls != 0 {
			t.Errorf("the per-instance fallback decided %d questions while the database answered", fa.calls+fb.calls)
		}
	})
}

func TestSharedLimiterFallsBackWhenTheStoreIsDown(t *testing.T) {
	s := newDB(t, SQLite).open(t, Options{})
	var logs bytes.Buffer
	fallback := &perInstance{}
	l := NewSharedLimiter(s, 1, time.Minute, fallback, slog.New(slog.NewTextHandler(&logs, nil)))
	s.Close() // the database is gone
	for range 3 {
		if !l.Allow("slack", "U1") {
			t.Error("the fallback allowed it, the limiter refused")
		}
	}
	if fallback.calls != 3 {
		t.Errorf("fallback asked %d times, want 3", fallback.calls)
	}
	if l.retryAt.Load() == 0 {
		t.Error("after a failure the limiter would ask the dead database again at once")
	}
	if n := strings.Count(logs.String(), "shared rate limit is unavailable"); n != 1 {
		t.Errorf("the outage was logged %d times, want once:\n%s", n, logs.String())
	}
}
