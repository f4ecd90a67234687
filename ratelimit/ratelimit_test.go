package ratelimit

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func TestMiddleware(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := New(5, 30*time.Second, c.now)
	calls := 0
	a := l.Middleware(bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		calls++
		return bot.Answer{Answered: true, Intent: bot.IntentSearch}
	}))
	q := bot.Question{Text: "hi", Platform: "slack", User: "U1"}
	for i := range 5 {
		if got := a.Answer(context.Background(), q); got.Intent == bot.IntentLimited {
			t.Fatalf("question %d limited", i+1)
		}
	}
	got := a.Answer(context.Background(), q)
	if got.Intent != bot.IntentLimited || got.Reason != Reason || got.Answered || got.Text == "" {
		t.Fatalf("6th answer = %+v", got)
	}
	if calls != 5 {
		t.Errorf("engine called %d times", calls)
	}
	// Another user, and the same user on another platform, have their own buckets.
	if a.Answer(context.Background(), bot.Question{Platform: "slack", User: "U2"}).Intent == bot.IntentLimited {
		t.Error("U2 limited")
	}
	if a.Answer(context.Background(), bot.Question{Platform: "discord", User: "U1"}).Intent == bot.IntentLimited {
		t.Error("discord U1 limited")
	}
	// One period later a token has come back.
	c.advance(6 * time.Second)
	if a.Answer(context.Background(), q).Intent == bot.IntentLimited {
		t.Error("still limited after refill")
	}
}

func TestIdleUsersEvicted(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := New(2, time.Minute, c.now)
	for i := range 1000 {
		l.Allow("slack", fmt.Sprint("U", i))
	}
	if l.Len() != 1000 {
		t.Fatalf("Len = %d", l.Len())
	}
	c.advance(time.Minute)
	l.Allow("slack", "fresh")
	if l.Len() != 1 {
		t.Errorf("after idle period Len = %d, want 1", l.Len())
	}
}

func TestConcurrent(t *testing.T) {
	l := New(3, time.Hour, nil)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 50 {
		wg.Go(func() {
			if l.Allow("slack", "U1") {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if allowed != 3 {
		t.Errorf("allowed = %d, want 3", allowed)
	}
}
