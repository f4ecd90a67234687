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
	tests := []struct {
		name string
		rs   []Reporter
		code int
	}{
		{"no platforms", nil, 200},
		{"all ready", []Reporter{fake{"slack", Status{State: "ready", Ready: true}}}, 200},
		{"one not ready", []Reporter{
			fake{"slack", Status{State: "connected", Ready: true}},
			fake{"discord", Status{State: "connecting"}},
		}, 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Handler(tt.rs...).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
			if rec.Code != tt.code {
				t.Errorf("code = %d, want %d", rec.Code, tt.code)
			}
			var rep Report
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Platforms) != len(tt.rs) {
				t.Errorf("platforms = %v", rep.Platforms)
			}
		})
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/healthz", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST code = %d", rec.Code)
	}
}
