package transport

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A 429 with Retry-After: 1 is sent again, body and all; past max tries
// the 429 is returned; a Retry-After past the bound is not waited for.
func TestRetryOn429(t *testing.T) {
	var calls atomic.Int32
	var bodies []string
	throttle := atomic.Int32{}
	retryAfter := "1"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if throttle.Add(-1) >= 0 {
			w.Header().Set("Retry-After", retryAfter)
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	c := RetryOn429(srv.Client(), 2)
	post := func() (*http.Response, error) {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL, strings.NewReader(`{"text":"hi"}`))
		return c.Do(req)
	}

	throttle.Store(1)
	resp, err := post()
	if err != nil || resp.StatusCode != 200 || calls.Load() != 2 || bodies[1] != `{"text":"hi"}` {
		t.Fatalf("after one 429: %v %v, %d calls, bodies %q", resp, err, calls.Load(), bodies)
	}

	calls.Store(0)
	throttle.Store(100)
	resp, err = post()
	if err != nil || resp.StatusCode != http.StatusTooManyRequests || calls.Load() != 3 {
		t.Errorf("always 429: %v %v after %d calls, want the 429 after 3", resp, err, calls.Load())
	}

	calls.Store(0)
	retryAfter = "60"
	if _, err := post(); err == nil || !strings.Contains(err.Error(), "retry after 1m0s") || calls.Load() != 1 {
		t.Errorf("Retry-After 60: err %v after %d calls, want a refusal after 1", err, calls.Load())
	}
}
