package discord

import (
	"strconv"
	"sync"
	"time"
)

// Adapter states as /healthz shows them.
const (
	StateStarting     = "starting"
	StateConnecting   = "connecting"
	StateConnected    = "connected"    // gateway: READY received
	StateReconnecting = "reconnecting" // gateway: dropped, retrying
	StateReady        = "ready"        // http: accepting interactions
	StateError        = "error"        // fatal: not retrying (see Error)
	StateStopped      = "stopped"
)

// Health is the adapter's state for /healthz.
type Health struct {
	Mode  string    `json:"mode"`
	State string    `json:"state"`
	Error string    `json:"error,omitempty"`
	Since time.Time `json:"since"`
	// Shard is "id/count" when sharded.
	Shard string `json:"shard,omitempty"`
}

// OK reports whether the adapter can take questions.
func (h Health) OK() bool { return h.State == StateConnected || h.State == StateReady }

type healthState struct {
	mu    sync.Mutex
	state string
	err   string
	since time.Time
}

func (h *healthState) set(state, err string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != state || h.err != err {
		h.since = time.Now()
	}
	h.state, h.err = state, err
}

func (h *healthState) get() (string, string, time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state, h.err, h.since
}

// Health returns the current state; safe to call at any time.
func (a *Adapter) Health() Health {
	state, err, since := a.health.get()
	h := Health{Mode: a.cfg.Mode, State: state, Error: err, Since: since}
	if a.cfg.Mode == ModeGateway && a.cfg.ShardCount > 0 {
		h.Shard = strconv.Itoa(a.cfg.ShardID) + "/" + strconv.Itoa(a.cfg.ShardCount)
	}
	return h
}
