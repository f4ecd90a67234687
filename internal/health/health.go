// Package health reports each platform adapter's state on /healthz. It is a
// leaf package: adapters implement Reporter without depending on the server.
package health

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"sync"
)

// Status is one platform's state as shown on /healthz.
type Status struct {
	State string `json:"state"` // e.g. "ready", "connecting", "connected", "disabled"
	Ready bool   `json:"ready"`
	// Reconnects counts connections after the first (Socket Mode, gateways).
	Reconnects int    `json:"reconnects,omitempty"`
	Detail     string `json:"detail,omitempty"`
}

// Reporter is a platform whose state /healthz shows.
type Reporter interface {
	Name() string
	Health() Status
}

// Report is the /healthz body.
type Report struct {
	Status    string            `json:"status"` // "ok" or "unavailable"
	Platforms map[string]Status `json:"platforms"`
}

// Check collects every reporter's status; ok when all are ready.
func Check(reporters ...Reporter) Report {
	r := Report{Status: "ok", Platforms: make(map[string]Status, len(reporters))}
	for _, p := range reporters {
		s := p.Health()
		r.Platforms[p.Name()] = s
		if !s.Ready {
			r.Status = "unavailable"
		}
	}
	return r
}

// Handler serves GET /healthz: 200 when every platform is ready, else 503.
func Handler(reporters ...Reporter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		rep := Check(reporters...)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if rep.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(rep)
	})
}

// Tracker holds an adapter's state for /healthz: the state, a detail (why
// it is in that state), a lasting remark that does not stop it, and how
// often it connected. Safe for concurrent use; the zero value is usable.
type Tracker struct {
	mu       sync.Mutex
	state    string
	detail   string
	remark   string
	connects int
}

// Set records a state and why.
func (t *Tracker) Set(state, detail string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.state, t.detail = state, detail
}

// Connected records a connection (the first, or a reconnect) in state.
func (t *Tracker) Connected(state string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.connects++
	t.state, t.detail = state, ""
}

// Note records a lasting problem that does not stop the adapter; it shows
// when the state has no detail of its own.
func (t *Tracker) Note(remark string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.remark = remark
}

// State is the current state.
func (t *Tracker) State() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// Status is the /healthz view; ready lists the states that mean ready.
func (t *Tracker) Status(ready ...string) Status {
	t.mu.Lock()
	defer t.mu.Unlock()
	st := Status{State: t.state, Ready: slices.Contains(ready, t.state), Detail: cmp.Or(t.detail, t.remark)}
	if t.connects > 1 {
		st.Reconnects = t.connects - 1
	}
	return st
}
