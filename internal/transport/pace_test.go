package transport

import (
	"context"
	"net/http"
	"testing"
	"time"
)

type countingDoer struct{ calls []string }

func (c *countingDoer) Do(r *http.Request) (*http.Response, error) {
	c.calls = append(c.calls, r.URL.Path)
	return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
}

// The pacer spaces attempts that come close together 1 s, 2 s, 4 s … up to
// a minute apart; an attempt a minute after the one before goes at once.
func TestPacerSpacing(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept []time.Duration
	c := &countingDoer{}
	p := NewPacer(c, "/apps.connections.open", func(time.Duration) {})
	p.Now = func() time.Time { return now }
	p.Sleep = func(_ context.Context, d time.Duration) error {
		slept = append(slept, d)
		now = now.Add(d)
		return nil
	}
	open := func(after time.Duration) time.Duration {
		now = now.Add(after)
		before := len(slept)
		req, _ := http.NewRequest(http.MethodPost, "https://slack.test/api/apps.connections.open", nil)
		if _, err := p.Do(req); err != nil {
			t.Fatal(err)
		}
		if len(slept) == before {
			return 0
		}
		return slept[len(slept)-1]
	}
	tests := []struct {
		after, want time.Duration
	}{
		{0, 0}, // the first attempt
		{10 * time.Millisecond, 990 * time.Millisecond}, // dropped at once: 1 s after the last
		{0, 2 * time.Second},
		{0, 4 * time.Second},
		{3 * time.Second, 5 * time.Second}, // 8 s spacing, 3 s of it spent connected
		{0, 16 * time.Second},
		{0, 32 * time.Second},
		{0, time.Minute}, // capped
		{0, time.Minute},
		{time.Minute, 0}, // a connection that held a minute: at once
		{0, time.Second}, // and the spacing starts again
	}
	for i, tt := range tests {
		if got := open(tt.after); got != tt.want {
			t.Errorf("attempt %d (%v after the last): waited %v, want %v", i, tt.after, got, tt.want)
		}
	}
	// Other Web API calls are never held back.
	before := len(slept)
	req, _ := http.NewRequest(http.MethodPost, "https://slack.test/api/chat.postMessage", nil)
	if _, err := p.Do(req); err != nil || len(slept) != before {
		t.Errorf("chat.postMessage paced (err %v)", err)
	}
	if len(c.calls) != len(tests)+1 {
		t.Errorf("%d calls passed on, want %d", len(c.calls), len(tests)+1)
	}
}

// A paced attempt gives up when its context ends instead of sleeping on.
func TestPacerCancelled(t *testing.T) {
	c := &countingDoer{}
	p := NewPacer(c, "/apps.connections.open", func(time.Duration) {})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://slack.test/api/apps.connections.open", nil)
	if _, err := p.Do(req); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := p.Do(req); err != context.Canceled {
		t.Errorf("second attempt after cancel: err = %v, want context.Canceled", err)
	}
	if len(c.calls) != 1 {
		t.Errorf("%d calls passed on, want 1", len(c.calls))
	}
}
