// Package transport holds HTTP client wrappers the adapters share: pacing
// a connection attempt that a library would otherwise repeat in a tight
// loop, and bounding a request a library makes without a context.
package transport

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Doer is an HTTP client (slack-go's, *http.Client).
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Pacer spaces out connection attempts: requests whose path ends in
// Path. A library that backs off between failed attempts of one connect
// but dials again at once after a drop (slack-go's Socket Mode after a
// too_many_websockets disconnect or a ping timeout) would otherwise redial
// in a tight loop. Attempts close together wait 1 s, 2 s, 4 s … up to a
// minute since the one before; an attempt after a connection that held
// for a minute goes at once.
type Pacer struct {
	client Doer
	path   string
	// onWait is told how long the next attempt waits (for /healthz and
	// the log); called only when it waits.
	onWait func(time.Duration)
	// Now and Sleep are the clock; tests replace them.
	Now   func() time.Time
	Sleep func(context.Context, time.Duration) error

	mu   sync.Mutex
	last time.Time     // when the previous attempt went
	wait time.Duration // the current spacing
}

const (
	paceMin    = time.Second
	paceMax    = time.Minute
	paceStable = time.Minute // a connection that held this long resets the spacing
)

// NewPacer paces client's requests to paths ending in path; onWait is
// told how long an attempt waits.
func NewPacer(client Doer, path string, onWait func(time.Duration)) *Pacer {
	return &Pacer{client: client, path: path, onWait: onWait, Now: time.Now, Sleep: sleepCtx}
}

// Do paces connection attempts and passes every other call straight on.
func (p *Pacer) Do(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, p.path) {
		if d := p.next(); d > 0 {
			p.onWait(d)
			if err := p.Sleep(req.Context(), d); err != nil {
				return nil, err
			}
		}
	}
	return p.client.Do(req)
}

// next is how long the attempt starting now waits, and books it.
func (p *Pacer) next() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.Now()
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

// Bound cancels requests to url (a request a library makes without a
// context, such as discordgo's gateway lookup in Open) when life ends, and
// passes every other request straight on.
func Bound(next http.RoundTripper, url string, life context.Context) http.RoundTripper {
	return bound{next: next, url: url, life: life}
}

type bound struct {
	next http.RoundTripper
	url  string
	life context.Context
}

func (t bound) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.String() != t.url {
		return t.next.RoundTrip(r)
	}
	ctx, cancel := context.WithCancel(r.Context())
	stop := context.AfterFunc(t.life, cancel)
	release := func() { stop(); cancel() }
	resp, err := t.next.RoundTrip(r.WithContext(ctx))
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// releasingBody releases the request's context once the body is closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
