// Package health reports each platform adapter's state. It is a leaf
// package: adapters implement Reporter without depending on the server.
//
// Liveness and readiness are separate, so one failed platform never takes
// the others out of a load balancer's rotation: GET /healthz answers 200
// while the process serves (its body names every platform's state and why
// one is not ready), and GET /healthz/{platform} answers 200 only while
// that platform is ready, 503 otherwise.
package health

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// Status is one platform's state as shown on /healthz.
type Status struct {
	State string `json:"state"` // e.g. "ready", "connecting", "connected", "reconnecting", "failed", "disabled"
	Ready bool   `json:"ready"`
	// Reconnects counts connections after the first (Socket Mode, gateways).
	Reconnects int `json:"reconnects,omitempty"`
	// Detail says why a platform is not ready, naming the setting to fix
	// when that is the cause.
	Detail string `json:"detail,omitempty"`
}

// Reporter is a platform whose state /healthz shows.
type Reporter interface {
	Name() string
	Health() Status
}

// Overall states of a Report.
const (
	StatusOK       = "ok"       // every platform ready
	StatusDegraded = "degraded" // some platform is not ready; the rest serve
)

// Report is the /healthz body.
type Report struct {
	Status    string            `json:"status"`
	Platforms map[string]Status `json:"platforms"`
}

// Check collects every reporter's status.
func Check(reporters ...Reporter) Report {
	r := Report{Status: StatusOK, Platforms: make(map[string]Status, len(reporters))}
	for _, p := range reporters {
		s := p.Health()
		r.Platforms[p.Name()] = s
		if !s.Ready {
			r.Status = StatusDegraded
		}
	}
	return r
}

// Handler serves GET /healthz (liveness: 200 while the process serves, with
// the Report) and GET /healthz/{platform} (readiness of one platform: 200
// when ready, 503 when not, 404 for a platform it does not know).
func Handler(reporters ...Reporter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.Trim(strings.TrimPrefix(r.URL.Path, "/healthz"), "/")
		if name == "" {
			writeJSON(w, http.StatusOK, Check(reporters...))
			return
		}
		for _, p := range reporters {
			if p.Name() != name {
				continue
			}
			s := p.Health()
			code := http.StatusOK
			if !s.Ready {
				code = http.StatusServiceUnavailable
			}
			writeJSON(w, code, s)
			return
		}
		http.Error(w, "no such platform", http.StatusNotFound)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
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
