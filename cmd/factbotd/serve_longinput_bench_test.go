package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
)

// BenchmarkSlackLongFacts is the whole signed /slack/commands path (body
// reading, signature, form, core, engine, Block Kit) for /facts with one
// 60,000-letter word, and for /ask with a normal question and with that
// word: the long word must cost no more than the normal question. It cost
// seconds of CPU before its bounds (the Bokmål compound splitter).
// go test -run '^$' -bench SlackLongFacts -cpu 1 ./cmd/factbot
func BenchmarkSlackLongFacts(b *testing.B) {
	h := factbotHandler(b)
	word := strings.Repeat("straffa", 60000/7+1)[:60000]
	for _, tc := range []struct{ name, command, text string }{
		{"ask-normal", "/ask", "Hva er straffen for 20 gram?"},
		{"facts-60000", "/facts", word},
		{"ask-60000", "/ask", word},
	} {
		ts := time.Now().Unix()
		body := []byte(url.Values{"command": {tc.command}, "text": {tc.text}, "user_id": {"U1"},
			"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {"https://hooks.slack.com/x"}}.Encode())
		header := http.Header{}
		header.Set("Content-Type", "application/x-www-form-urlencoded")
		header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		header.Set("X-Slack-Signature", slacktest.Sign(benchSecret, ts, body))
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body))
				r.Header = header.Clone()
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
	}
}
