package discord

import (
	"strconv"
	"sync"

	"github.com/factbot/factbot/health"
)

// Adapter states as /healthz shows them.
const (
	StateStarting     = "starting"
	StateConnecting   = "connecting"
	StateConnected    = "connected"    // gateway: READY received
	StateReconnecting = "reconnecting" // gateway: dropped, retrying
	StateReady        = "ready"        // http: accepting interactions
	StateError        = "error"        // fatal: not retrying (see Detail)
	StateStopped      = "stopped"
)

type healthState struct {
	mu       sync.Mutex
	state    string
	detail   string
	connects int
	// remark is a lasting problem that does not stop the adapter (commands
	// not registered); shown when the state has no detail of its own.
	remark string
}

func (h *healthState) note(remark string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.remark = remark
}

func (h *healthState) set(state, detail string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state, h.detail = state, detail
}

// connected records a successful gateway connection.
func (h *healthState) connected() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.connects++
	h.state, h.detail = StateConnected, ""
}

// Name is the platform name on /healthz.
func (a *Adapter) Name() string { return Platform }

// Health reports the adapter's state for /healthz (health.Reporter); safe
// to call at any time. Ready means questions can be answered now.
func (a *Adapter) Health() health.Status {
	a.health.mu.Lock()
	defer a.health.mu.Unlock()
	st := health.Status{
		State:  a.health.state,
		Ready:  a.health.state == StateConnected || a.health.state == StateReady,
		Detail: a.health.detail,
	}
	if st.Detail == "" {
		st.Detail = a.health.remark
	}
	if a.health.connects > 1 {
		st.Reconnects = a.health.connects - 1
	}
	if a.cfg.Mode == ModeGateway && a.cfg.ShardCount > 0 {
		shard := "shard " + strconv.Itoa(a.cfg.ShardID) + "/" + strconv.Itoa(a.cfg.ShardCount)
		if st.Detail == "" {
			st.Detail = shard
		} else {
			st.Detail = shard + ": " + st.Detail
		}
	}
	return st
}
