package slack

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"
)

// doer is the HTTP client slack-go calls.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

// pacer spaces out Socket Mode connection attempts. slack-go backs off
// between failed attempts of one connect, but once a connection drops (a
// too_many_websockets disconnect, a ping timeout) it dials again at once
// with a fresh backoff, so an app Slack keeps disconnecting would redial
// in a tight loop. The pacer sits in front of apps.connections.open, which
// starts every attempt: attempts close together wait 1 s, 2 s, 4 s … up to
// a minute since the one before; an attempt after a connection that held
// for a minute goes at once.
type pacer struct {
	client doer
	// onWait is told how long the next attempt waits (for /healthz and
	// the log); called only when it waits.
	onWait func(time.Duration)
	// now and sleep are the clock; tests replace them.
	now   func() time.Time
	sleep func(context.Context, time.Duration) error

	mu   sync.Mutex
	last time.Time     // when the previous attempt went
	wait time.Duration // the current spacing
}

const (
	paceMin    = time.Second
	paceMax    = time.Minute
	paceStable = time.Minute // a connection that held this long resets the spacing
)

func newPacer(client doer, onWait func(time.Duration)) *pacer {
	return &pacer{client: client, onWait: onWait, now: time.Now, sleep: sleepCtx}
}

// Do paces apps.connections.open and passes every other call straight on.
func (p *pacer) Do(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/apps.connections.open") {
		if d := p.next(); d > 0 {
			p.onWait(d)
			if err := p.sleep(req.Context(), d); err != nil {
				return nil, err
			}
		}
	}
	return p.client.Do(req)
}

// next is how long the attempt starting now waits, and books it.
func (p *pacer) next() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	since := now.Sub(p.last)
	switch {
	case p.last.IsZero() || since >= paceStable:
		p.wait = 0
	case p.wait == 0:
		p.wait = paceMin
	default:
		p.wait = min(2*p.wait, paceMax)
	}
	d := max(0, p.wait-since)
	p.last = now.Add(d)
	return d
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
