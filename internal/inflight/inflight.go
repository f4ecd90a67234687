// Package inflight tracks work that outlives a request (a reply posted
// after the HTTP response, a gateway handler), so shutdown can wait for it.
package inflight

import (
	"context"
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

// GoLimited is Go with at most cap(slots) such functions running at once:
// it waits for a free slot (false when ctx ends first).
func (g *Group) GoLimited(ctx context.Context, slots chan struct{}, f func()) bool {
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	if !g.Go(func() { defer func() { <-slots }(); f() }) {
		<-slots
		return false
	}
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

// Deadline runs work in g and waits up to d for it, for a platform that
// wants an answer within seconds and takes the rest later. If work
// finishes in time, Deadline returns its result with in true. Otherwise in
// is false: the caller acknowledges the request (a deferred response, an
// empty 200) and calls ack(true) once the acknowledgement went out, or
// ack(false); late then receives the result when work is done, and only
// after ack(true). started is false when g is closed.
func Deadline[T any](g *Group, d time.Duration, work func() T, late func(T)) (result T, in bool, ack func(bool), started bool) {
	var (
		mu     sync.Mutex
		missed bool
		ready  = make(chan T, 1)
		acked  = make(chan bool, 1)
	)
	started = g.Go(func() {
		r := work()
		// Hand over under the lock so the waiting side sees either the
		// result or a commitment to deliver it late, never neither.
		mu.Lock()
		if !missed {
			ready <- r // buffered: never blocks
			mu.Unlock()
			return
		}
		mu.Unlock()
		if <-acked {
			late(r)
		}
	})
	if !started {
		return result, false, nil, false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r := <-ready:
		return r, true, nil, true
	case <-t.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case r := <-ready: // finished just now
		return r, true, nil, true
	default:
		missed = true
	}
	return result, false, func(ok bool) { acked <- ok }, true
}
