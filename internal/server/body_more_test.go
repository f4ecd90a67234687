package server

import (
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"
)

func TestFresh(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	for ts, want := range map[string]bool{"1700000000": true, "1699999701": true, "1699999699": false, "1700000301": false, "x": false, "": false} {
		if got := Fresh(ts, now, 5*time.Minute); got != want {
			t.Errorf("Fresh(%q) = %v", ts, got)
		}
	}
}

func TestRefuserCountsEveryRefusal(t *testing.T) {
	var reasons []string
	f := NewRefuser(func(r string) { reasons = append(reasons, r) }, slog.New(slog.DiscardHandler))
	for range 3 {
		rec := httptest.NewRecorder()
		f.Refuse(rec, "commands", "bad_signature", 401)
		if rec.Code != 401 {
			t.Errorf("code %d", rec.Code)
		}
	}
	if len(reasons) != 3 {
		t.Errorf("%d refusals counted, want 3", len(reasons))
	}
}
