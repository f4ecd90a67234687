package ratelimit

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func TestAllow(t *testing.T) {
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	l := New(5, 30*time.Second, c.now)
	for i := range 5 {
		if !l.Allow("slack", "U1") {
			t.Fatalf("request %d refused", i+1)
		}
	}
	if l.Allow("slack", "U1") {
		t.Fatal("6th request allowed")
	}
	// Another user, and the same user on another platform, have their own buckets.
	if !l.Allow("slack", "U2") {
		t.Error("U2 limited")
	}
	if !l.Allow("discord", "U1") {
		t.Error("discord U1 limited")
	}
	// One period later a token has come back.
	c.advance(6 * time.Second)
	if !l.Allow("slack", "U1") {
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
