package discord

import (
	"strconv"

	"github.com/factbot/factbot/internal/health"
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

// Name is the platform name on /healthz.
func (a *Adapter) Name() string { return Platform }

// Health reports the adapter's state for /healthz (health.Reporter); safe
// to call at any time. Ready means questions can be answered now.
func (a *Adapter) Health() health.Status {
	st := a.health.Status(StateConnected, StateReady)
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
