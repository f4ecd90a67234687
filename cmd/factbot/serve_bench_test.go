package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/factbot/factbot/adapters/slack"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/server"
)

const benchSecret = "bench-signing-secret"

// bareHandler is the baseline: it verifies the same signature the same way
// and returns a fixed reply, with no engine, middleware or Block Kit.
func bareHandler() http.Handler {
	reply := []byte(`{"response_type":"ephemeral","text":"fixed reply"}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv, err := slackgo.NewSecretsVerifier(r.Header, benchSecret)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		_, _ = sv.Write(body)
		if sv.Ensure() != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(reply)
	})
}

// factbotHandler is the whole serve stack (log, metrics and rate-limit
// middleware, real engine, Slack adapter, mux) with a limit high enough
// that every request is answered.
func factbotHandler(b *testing.B) http.Handler {
	eng, err := engine.Load("", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { eng.Close() })
	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = benchSecret
	cfg.Slack.BotToken = "xoxb-bench"
	cfg.Limits.Questions, cfg.Limits.Per = 1<<30, time.Second
	opts, err := build(cfg, engineParts(eng), slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		b.Fatal(err)
	}
	return server.Handler(opts)
}

// signedCommand is one slash-command request body and its headers, signed
// now (valid for Slack's 5-minute window, longer than a benchmark run).
func signedCommand() ([]byte, http.Header) {
	body := []byte(url.Values{"command": {"/ask"}, "text": {"What is the penalty for 20 grams?"},
		"user_id": {"U1"}, "channel_id": {"C1"}, "response_url": {"https://hooks.slack.com/x"}}.Encode())
	ts := time.Now().Unix()
	h := http.Header{}
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	h.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	h.Set("X-Slack-Signature", slack.Sign(benchSecret, ts, body))
	return body, h
}

// BenchmarkSlackCommand compares the signed /slack/commands endpoint with
// the bare baseline, side by side: in process (handler only) and over
// loopback HTTP with keep-alive clients. Read req/s from the output.
func BenchmarkSlackCommand(b *testing.B) {
	body, header := signedCommand()
	handlers := []struct {
		name string
		h    func(*testing.B) http.Handler
	}{
		{"bare", func(*testing.B) http.Handler { return bareHandler() }},
		{"factbot", factbotHandler},
	}
	for _, hc := range handlers {
		b.Run("inproc/"+hc.name, func(b *testing.B) {
			h := hc.h(b)
			check(b, h, body, header)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body))
					r.Header = header.Clone()
					w := httptest.NewRecorder()
					h.ServeHTTP(w, r)
					if w.Code != 200 {
						b.Fatalf("code %d", w.Code)
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
	for _, hc := range handlers {
		b.Run("loopback/"+hc.name, func(b *testing.B) {
			srv := httptest.NewServer(hc.h(b))
			defer srv.Close()
			client := srv.Client()
			client.Transport.(*http.Transport).MaxIdleConnsPerHost = 256
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", bytes.NewReader(body))
					req.Header = header.Clone()
					resp, err := client.Do(req)
					if err != nil {
						b.Fatal(err)
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Fatalf("code %d", resp.StatusCode)
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

// check makes sure a handler really answers before it is measured.
func check(b *testing.B, h http.Handler, body []byte, header http.Header) {
	b.Helper()
	r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body))
	r.Header = header.Clone()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || !(strings.Contains(w.Body.String(), "2 years") || strings.Contains(w.Body.String(), "fixed reply")) {
		b.Fatalf("handler does not answer: %d %s", w.Code, w.Body)
	}
}
