// Package inflight tracks work that outlives a request (a reply posted
// after the HTTP response, a gateway handler), so shutdown can wait for it.
package inflight

import (
	"sync"
	"time"
)

// Group is a set of in-flight work. Once closed it starts nothing new. The
// zero value is ready to use.
type Group struct {
	mu     sync.Mutex
	wg     sync.WaitGroup
	closed bool
}

// Enter registers one unit of work, which must call Done; false once
// Close has begun.
func (g *Group) Enter() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	g.wg.Add(1)
	return true
}

// Done ends a unit of work registered by Enter.
func (g *Group) Done() { g.wg.Done() }

// Go runs f in the background unless Close has begun; it reports whether
// f will run.
func (g *Group) Go(f func()) bool {
	if !g.Enter() {
		return false
	}
	go func() {
		defer g.Done()
		f()
	}()
	return true
}

// Wait waits for the work in flight, without closing the group.
func (g *Group) Wait() { g.wg.Wait() }

// Close stops new work and waits for what is in flight, at most timeout
// (no bound when timeout <= 0). It reports whether everything finished.
func (g *Group) Close(timeout time.Duration) bool {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	if timeout <= 0 {
		g.wg.Wait()
		return true
	}
	done := make(chan struct{})
	go func() { g.wg.Wait(); close(done) }()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}
