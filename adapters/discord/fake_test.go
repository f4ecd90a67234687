package discord

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/factbot/factbot/bot"
)

// guard is the failure guard for waits: tests wait on events, and only
// fail if nothing happens for this long.
const guard = 10 * time.Second

// recorded is one REST request the bot made to the fake Discord.
type recorded struct {
	Method, Path string
	Header       http.Header
	Body         []byte
}

// fakeDiscord is a local Discord: REST on httptest and a websocket gateway.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	requests chan recorded // every REST call except GET /gateway

	// Gateway behaviour and observations.
	identify   chan json.RawMessage // IDENTIFY/RESUME payloads, in order
	dispatch   chan string          // frames to send to the connected bot
	closeAfter func(n int) int      // close code to send after IDENTIFY on connection n (0 = READY)
	mu         sync.Mutex
	conns      int
	seq        int
	done       chan struct{}
	closeOnce  sync.Once
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{
		t:          t,
		requests:   make(chan recorded, 100),
		identify:   make(chan json.RawMessage, 10),
		dispatch:   make(chan string, 10),
		closeAfter: func(int) int { return 0 },
		done:       make(chan struct{}),
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.close)
	return f
}

func (f *fakeDiscord) close() {
	f.closeOnce.Do(func() { close(f.done) })
	f.srv.Close()
}

// client reaches the fake for any request to discord.com.
func (f *fakeDiscord) client() *http.Client {
	target, _ := url.Parse(f.srv.URL)
	return &http.Client{Transport: rewriteTransport{target: target, base: f.srv.Client().Transport}, Timeout: guard}
}

type rewriteTransport struct {
	target *url.URL
	base   http.RoundTripper
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = t.target.Scheme, t.target.Host, t.target.Host
	}
	return t.base.RoundTrip(r)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/api/v9/gateway":
		writeTestJSON(w, map[string]string{"url": "ws://" + r.Host + "/gw"})
		return
	case strings.HasPrefix(r.URL.Path, "/gw"): // discordgo adds a trailing slash
		f.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.requests <- recorded{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	switch {
	case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/commands"):
		w.Header().Set("Content-Type", "application/json")
		w.Write(body) // Discord echoes the commands back (with IDs)
	case strings.HasSuffix(r.URL.Path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(r.URL.Path, "/api/v9/channels/"):
		writeTestJSON(w, map[string]string{"id": "reply1", "channel_id": "c1"})
	default:
		writeTestJSON(w, map[string]string{"id": "m1"})
	}
}

func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	f.mu.Lock()
	f.conns++
	n := f.conns
	f.mu.Unlock()

	if err := c.WriteMessage(websocket.TextMessage, []byte(`{"op":10,"d":{"heartbeat_interval":45000}}`)); err != nil {
		return
	}
	// IDENTIFY (op 2) or RESUME (op 6); heartbeats (op 1) may come first.
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(msg, &p) != nil || (p.Op != 2 && p.Op != 6) {
			continue
		}
		f.identify <- msg
		break
	}
	if code := f.closeAfter(n); code != 0 {
		c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, "refused"))
		return
	}
	ready := `{"op":0,"s":1,"t":"READY","d":{"v":9,"session_id":"sess1","user":{"id":"bot1","username":"factbot","bot":true},"application":{"id":"app1"},"guilds":[]}}`
	if err := c.WriteMessage(websocket.TextMessage, []byte(ready)); err != nil {
		return
	}
	// Read (and ignore) heartbeats until the bot goes away.
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}()
	for {
		select {
		case frame := <-f.dispatch:
			if code, ok := strings.CutPrefix(frame, "close:"); ok {
				n, _ := strconv.Atoi(code)
				c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(n, "test drop"))
				return
			}
			if err := c.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
				return
			}
		case <-gone:
			return
		case <-f.done:
			return
		}
	}
}

// send dispatches an event to the bot.
func (f *fakeDiscord) send(event string, d any) {
	f.t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	f.seq++
	seq := f.seq + 1
	f.mu.Unlock()
	frame, _ := json.Marshal(map[string]any{"op": 0, "s": seq, "t": event, "d": json.RawMessage(b)})
	f.dispatch <- string(frame)
}

// next waits for the next REST request.
func (f *fakeDiscord) next() recorded {
	f.t.Helper()
	select {
	case r := <-f.requests:
		return r
	case <-time.After(guard):
		f.t.Fatal("timed out waiting for a request from the bot")
		return recorded{}
	}
}

func (f *fakeDiscord) connections() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.conns
}

func writeTestJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// testLogger writes the adapter's log to the test log.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// penaltyAnswer is what a fake engine says about an amount.
func penaltyAnswer(q bot.Question) bot.Answer {
	return bot.Answer{
		Question: q.Text, Answered: true, Intent: bot.IntentPenalty,
		Text:        "Possession of up to 15 g is fined; more can mean prison.",
		Sources:     []bot.Source{{Section: "Penalties", Text: "…"}},
		LegalNotice: true,
		Attribution: bot.Attribution{Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"},
		Lang:        "en",
	}
}

// recordingAnswerer answers every question with penaltyAnswer and reports
// each question on a channel.
func recordingAnswerer() (bot.Answerer, chan bot.Question) {
	qs := make(chan bot.Question, 20)
	return bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		qs <- q
		return penaltyAnswer(q)
	}), qs
}

// waitFor polls cond until it holds; a condition, not a timing assertion.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestMain fails the run if adapter, session or fake goroutines outlive
// the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leak := waitNoLeaks(); leak != "" {
			os.Stderr.WriteString("goroutines left running after the tests:\n" + leak)
			code = 1
		}
	}
	os.Exit(code)
}

func waitNoLeaks() string {
	deadline := time.Now().Add(guard)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaks []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "discordgo.(*Session)") || strings.Contains(g, "discord.(*Adapter)") || strings.Contains(g, "discord.(*fakeDiscord)") {
				leaks = append(leaks, g)
			}
		}
		if len(leaks) == 0 {
			return ""
		}
		if time.Now().After(deadline) {
			return strings.Join(leaks, "\n\n")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
