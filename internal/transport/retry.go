package transport

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryAfter sends a request again when the server answers 429 Too Many
// Requests, after the Retry-After it gives (whole seconds; 1 s when it
// gives none), at most max times. The request's context bounds the waits.
type retryAfter struct {
	base http.RoundTripper
	max  int
}

// maxRetryWait bounds one wait, whatever Retry-After says: a reply that
// must wait longer is better given up (and logged) than held.
const maxRetryWait = 5 * time.Second

// RetryOn429 returns a copy of c whose requests are sent again after a
// 429, at most max times: Slack's response_url answers 429 like its Web
// API, which slack-go's own retries do not cover.
func RetryOn429(c *http.Client, max int) *http.Client {
	out := *c
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	out.Transport = retryAfter{base: base, max: max}
	return &out
}

func (t retryAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := t.base.RoundTrip(r)
		if err != nil || resp.StatusCode != http.StatusTooManyRequests || attempt >= t.max || (r.Body != nil && r.GetBody == nil) {
			return resp, err
		}
		wait := time.Second
		if sec, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && sec > 0 {
			wait = time.Duration(sec) * time.Second
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if wait > maxRetryWait {
			return nil, &TooManyRequestsError{RetryAfter: wait}
		}
		if err := sleepCtx(r.Context(), wait); err != nil {
			return nil, err
		}
		if r.GetBody != nil {
			body, err := r.GetBody()
			if err != nil {
				return nil, err
			}
			r = r.Clone(r.Context())
			r.Body = body
		}
	}
}

// TooManyRequestsError is a 429 whose Retry-After is longer than a reply
// may wait.
type TooManyRequestsError struct{ RetryAfter time.Duration }

func (e *TooManyRequestsError) Error() string {
	return "rate limited (429): retry after " + e.RetryAfter.String()
}
