package transport

import (
	"context"
	"net"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Dialer is a websocket dialer that remembers the raw connection of its
// last dial, so a library call that takes no context and can wait forever
// on it (discordgo's Open waiting for HELLO) can be aborted by closing it.
type Dialer struct {
	*websocket.Dialer
	mu   sync.Mutex
	last net.Conn
}

// NewDialer copies base (or gorilla's default), with 15 s handshake and
// dial timeouts where base has none.
func NewDialer(base *websocket.Dialer) *Dialer {
	d := *websocket.DefaultDialer
	if base != nil {
		d = *base
	}
	if d.HandshakeTimeout == 0 {
		d.HandshakeTimeout = 15 * time.Second
	}
	next := d.NetDialContext
	if next == nil {
		nd := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
		next = nd.DialContext
	}
	t := &Dialer{Dialer: &d}
	d.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := next(ctx, network, addr)
		if err == nil {
			t.mu.Lock()
			t.last = c
			t.mu.Unlock()
		}
		return c, err
	}
	return t
}

// Abort closes the last dialled connection, if any.
func (t *Dialer) Abort() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.last != nil {
		t.last.Close()
	}
}
