package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestReadBody(t *testing.T) {
	for _, tc := range []struct {
		body     string
		declared int64
		status   int
	}{
		{"hello", 5, 0},
		{strings.Repeat("x", 11), 11, http.StatusRequestEntityTooLarge}, // declared over the limit
		{strings.Repeat("x", 11), -1, http.StatusRequestEntityTooLarge}, // chunked, over the limit as it arrives
	} {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tc.body))
		r.ContentLength = tc.declared
		body, status, reason := ReadBody(httptest.NewRecorder(), r, 10)
		if status != tc.status || (status == 0 && string(body) != tc.body) || (status != 0 && reason != "too_large") {
			t.Errorf("%d bytes declared %d: %q %d %q", len(tc.body), tc.declared, body, status, reason)
		}
	}
}
