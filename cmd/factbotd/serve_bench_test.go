package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/slack/slacktest"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/server"
)

const benchSecret = "bench-signing-secret"

// factbotHandler is the whole serve stack (the chat core's middleware,
// real engine, Slack adapter, mux) with a limit high enough that every
// request is answered, and the event store off.
func factbotHandler(b *testing.B) http.Handler { return serveHandler(b, false) }

// factbotStoreHandler is the same with the default store on: an embedded
// SQLite file, questions recorded through the batch writer. At cleanup it
// fails the benchmark if a question was lost.
func factbotStoreHandler(b *testing.B) http.Handler { return serveHandler(b, true) }

func serveHandler(b *testing.B, withStore bool) http.Handler {
	return serveHandlerAt(b, withStore, filepath.Join(b.TempDir(), "factbot.db"))
}

// storeHandlerAt is factbotStoreHandler on the SQLite file at path.
func storeHandlerAt(b *testing.B, path string) http.Handler { return serveHandlerAt(b, true, path) }

func serveHandlerAt(b *testing.B, withStore bool, path string) http.Handler {
	eng := enginetest.Embedded(b)
	cfg := config.Default()
	cfg.Slack.Enabled = true
	cfg.Slack.SigningSecret = benchSecret
	cfg.Slack.BotToken = "xoxb-bench"
	cfg.Limits.Questions, cfg.Limits.Per = 1<<30, config.Duration(time.Second)
	cfg.Store.Path = path
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	p := engineParts(eng)
	if withStore {
		rec, err := openRecording(b.Context(), cfg.Store, log)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() {
			if err := rec.close(context.Background(), log); err != nil || rec.writer.Lost() != 0 {
				b.Errorf("store: %v, %d questions lost", err, rec.writer.Lost())
			}
		})
		p = rec.parts(eng.Bot)
	}
	opts, err := build(cfg, p, log, nil)
	if err != nil {
		b.Fatal(err)
	}
	return server.Handler(opts)
}

// signedRequest is a slash-command body and its headers.
type signedRequest struct {
	body   []byte
	header http.Header
}

// signedCommands makes the first n slash commands of the load mix
// (slacktest.LoadCommand), signed now (valid for Slack's 5-minute window,
// longer than a benchmark run).
func signedCommands(n int) []signedRequest {
	ts := time.Now().Unix()
	reqs := make([]signedRequest, n)
	for i := range reqs {
		body := slacktest.LoadCommand(i)
		h := http.Header{}
		h.Set("Content-Type", "application/x-www-form-urlencoded")
		h.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		h.Set("X-Slack-Signature", slacktest.Sign(benchSecret, ts, body))
		reqs[i] = signedRequest{body, h}
	}
	return reqs
}

// BenchmarkSlackCommand compares the signed /slack/commands endpoint with
// the store off, with the default store on (SQLite), and with the bare
// baseline, side by side: in process (handler only) and over loopback HTTP
// with keep-alive clients; requests come from 20,000 different users.
// Read req/s from the output.
func BenchmarkSlackCommand(b *testing.B) {
	reqs := signedCommands(20_000)
	handlers := []struct {
		name string
		h    func(*testing.B) http.Handler
	}{
		{"bare", func(*testing.B) http.Handler { return slacktest.BareHandler(benchSecret) }},
		{"factbot", factbotHandler},
		{"factbot-store", factbotStoreHandler},
	}
	for _, hc := range handlers {
		b.Run("inproc/"+hc.name, func(b *testing.B) {
			h := hc.h(b)
			check(b, h, reqs[0])
			var next atomic.Int64
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					sr := reqs[int(next.Add(1))%len(reqs)]
					r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(sr.body))
					r.Header = sr.header.Clone()
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
			var next atomic.Int64
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					sr := reqs[int(next.Add(1))%len(reqs)]
					req, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/commands", bytes.NewReader(sr.body))
					req.Header = sr.header.Clone()
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
func check(b *testing.B, h http.Handler, sr signedRequest) {
	b.Helper()
	r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(sr.body))
	r.Header = sr.header.Clone()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || !(strings.Contains(w.Body.String(), "2 years") || strings.Contains(w.Body.String(), "fixed reply")) {
		b.Fatalf("handler does not answer: %d %s", w.Code, w.Body)
	}
}
