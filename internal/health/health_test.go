package health

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

type fake struct {
	name string
	s    Status
}

func (f fake) Name() string   { return f.name }
func (f fake) Health() Status { return f.s }

func TestHandler(t *testing.T) {
	failed := fake{"slack", Status{State: "failed", Detail: "Slack refused the app-level token: check FACTBOT_SLACK_APP_TOKEN"}}
	ready := fake{"discord", Status{State: "ready", Ready: true}}
	tests := []struct {
		name   string
		rs     []Reporter
		path   string
		code   int
		status string // of the Report, for /healthz
	}{
		{"no platforms", nil, "/healthz", 200, StatusOK},
		{"all ready", []Reporter{ready}, "/healthz", 200, StatusOK},
		// Liveness: one platform down leaves the process alive.
		{"one failed", []Reporter{failed, ready}, "/healthz", 200, StatusDegraded},
		// Readiness per platform: the working one stays in rotation.
		{"ready platform", []Reporter{failed, ready}, "/healthz/discord", 200, ""},
		{"failed platform", []Reporter{failed, ready}, "/healthz/slack", 503, ""},
		{"unknown platform", []Reporter{ready}, "/healthz/irc", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Handler(tt.rs...).ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			if rec.Code != tt.code {
				t.Errorf("code = %d, want %d", rec.Code, tt.code)
			}
			if tt.status == "" {
				return
			}
			var rep Report
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Status != tt.status || len(rep.Platforms) != len(tt.rs) {
				t.Errorf("report = %+v, want status %q", rep, tt.status)
			}
			for _, r := range tt.rs {
				if got := rep.Platforms[r.Name()]; got != r.Health() {
					t.Errorf("%s = %+v, want %+v", r.Name(), got, r.Health())
				}
			}
		})
	}
	rec := httptest.NewRecorder()
	Handler(failed).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz/slack", nil))
	var s Status
	if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil || s != failed.s {
		t.Errorf("/healthz/slack = %s, want the platform's status", rec.Body)
	}
	rec = httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/healthz", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST code = %d", rec.Code)
	}
}
