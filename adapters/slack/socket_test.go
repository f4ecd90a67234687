package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeSocketSlack plays Slack for Socket Mode: apps.connections.open hands
// out a ws://127.0.0.1 URL, each WebSocket connection is passed to the test,
// and Web API calls and response_url posts are recorded like fakeSlack's.
type fakeSocketSlack struct {
	*fakeSlack
	ws    *httptest.Server
	conns chan *websocket.Conn
	done  chan struct{}
}

func newFakeSocketSlack(t *testing.T) *fakeSocketSlack {
	t.Helper()
	f := &fakeSocketSlack{fakeSlack: newFakeSlack(t), conns: make(chan *websocket.Conn, 4), done: make(chan struct{})}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	f.ws = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/apps.connections.open":
			if r.Header.Get("Authorization") != "Bearer xapp-test" {
				_, _ = w.Write([]byte(`{"ok":false,"error":"invalid_auth"}`))
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"ok":true,"url":"ws://` + r.Host + `/ws"}`))
		case "/ws":
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			f.conns <- c
		default:
			f.fakeSlack.Config.Handler.ServeHTTP(w, r) // chat.postMessage, hooks
		}
	}))
	t.Cleanup(func() {
		f.ws.CloseClientConnections()
		f.ws.Close()
	})
	return f
}

// start runs the adapter in Socket Mode; the func it returns stops it and
// checks that it stopped cleanly.
func start(t *testing.T, a *Adapter) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- a.Run(ctx) }()
	return func() {
		cancel()
		if err := <-runErr; err != nil {
			t.Errorf("Run = %v", err)
		}
	}
}

func (f *fakeSocketSlack) conn(t *testing.T) *websocket.Conn {
	t.Helper()
	select {
	case c := <-f.conns:
		t.Cleanup(func() { c.Close() })
		return c
	case <-time.After(10 * time.Second): // hang guard
		t.Fatal("no Socket Mode connection")
		return nil
	}
}

func send(t *testing.T, c *websocket.Conn, v any) {
	t.Helper()
	if err := c.WriteJSON(v); err != nil {
		t.Fatal(err)
	}
}

// readAck reads the next message, which must ack envelopeID.
func readAck(t *testing.T, c *websocket.Conn, envelopeID string) map[string]any {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second)) // hang guard
	var ack map[string]any
	if err := c.ReadJSON(&ack); err != nil {
		t.Fatalf("reading ack of %s: %v", envelopeID, err)
	}
	if ack["envelope_id"] != envelopeID {
		t.Fatalf("ack = %v, want envelope %s", ack, envelopeID)
	}
	return ack
}

func slashEnvelope(id, text string) map[string]any {
	return map[string]any{
		"envelope_id": id, "type": "slash_commands", "accepts_response_payload": true,
		"payload": map[string]any{
			"command": "/ask", "text": text, "user_id": "U2CERLKJA", "user_name": "roadrunner",
			"channel_id": "C1", "team_id": "T1", "response_url": "https://hooks.slack.com/x",
		},
	}
}

func TestSocketMode(t *testing.T) {
	fs := newFakeSocketSlack(t)
	eng := &fakeEngine{}
	a, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fs.ws.URL + "/api/"},
		newCore(t, eng), Options{HTTPClient: fs.ws.Client()})
	if err != nil {
		t.Fatal(err)
	}
	if a.Health().Ready {
		t.Error("ready before connecting")
	}
	mux := http.NewServeMux()
	a.Register(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/slack/commands", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("Socket Mode serves HTTP endpoints: %d", rec.Code)
	}
	defer start(t, a)()

	c := fs.conn(t)
	send(t, c, map[string]any{"type": "hello", "num_connections": 1})

	// A slash command: the ack carries the Block Kit reply.
	send(t, c, slashEnvelope("env-1", "What is the penalty for 20 grams?"))
	ack := readAck(t, c, "env-1")
	payload, _ := ack["payload"].(map[string]any)
	if payload["response_type"] != "ephemeral" || !strings.Contains(blockText(t, payload), "2 years") {
		t.Errorf("slash command ack = %v", ack)
	}
	if h := a.Health(); !h.Ready || h.State != "connected" {
		t.Errorf("health = %+v", h)
	}

	// An app_mention: an empty ack, then a threaded chat.postMessage.
	var ev map[string]any
	_ = json.Unmarshal([]byte(eventBody("Ev100", "<@UFACTBOT> penalty for 20 grams?", "")), &ev)
	send(t, c, map[string]any{"envelope_id": "env-2", "type": "events_api", "payload": ev})
	if ack := readAck(t, c, "env-2"); ack["payload"] != nil {
		t.Errorf("events ack carries %v", ack["payload"])
	}
	p := fs.next(t)
	if p.Path != "/api/chat.postMessage" || p.Form.Get("thread_ts") != "1700000000.000100" || !strings.Contains(p.Form.Get("blocks"), "2 years") {
		t.Errorf("mention reply %s %v", p.Path, p.Form)
	}
	// The same event again (a retry) is acked but not answered twice.
	send(t, c, map[string]any{"envelope_id": "env-3", "type": "events_api", "payload": ev, "retry_attempt": 1})
	readAck(t, c, "env-3")

	// A Share click: ack, then an in_channel post to response_url.
	var form map[string]any
	values, _ := url.ParseQuery(interactionBody(t, fs.ws.URL+"/hooks/share", "What is the penalty for 20 grams?"))
	_ = json.Unmarshal([]byte(values.Get("payload")), &form)
	send(t, c, map[string]any{"envelope_id": "env-4", "type": "interactive", "payload": form})
	readAck(t, c, "env-4")
	if p := fs.next(t); p.Path != "/hooks/share" || p.JSON["response_type"] != "in_channel" {
		t.Errorf("share posted %s %v", p.Path, p.JSON)
	}
	if p := fs.next(t); p.Path != "/hooks/share" || p.JSON["replace_original"] != true {
		t.Errorf("the private original not marked shared: %s %v", p.Path, p.JSON)
	}

	// Slack asks for a reconnect: slack-go opens a new connection by itself,
	// and /healthz shows it.
	send(t, c, map[string]any{"type": "disconnect", "reason": "refresh_requested"})
	c2 := fs.conn(t)
	send(t, c2, map[string]any{"type": "hello"})
	send(t, c2, slashEnvelope("env-5", "help"))
	if ack := readAck(t, c2, "env-5"); !strings.Contains(blockText(t, ack), "/ask") {
		t.Errorf("help ack = %v", ack)
	}
	if h := a.Health(); !h.Ready || h.Reconnects != 1 {
		t.Errorf("health after reconnect = %+v", h)
	}
	a.tasks.Wait()
	fs.none(t)
}

func TestSocketModeInvalidAuth(t *testing.T) {
	fs := newFakeSocketSlack(t)
	a, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-wrong", APIURL: fs.ws.URL + "/api/"},
		newCore(t, &fakeEngine{}), Options{HTTPClient: fs.ws.Client()})
	if err != nil {
		t.Fatal(err)
	}
	err = a.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") || !strings.Contains(err.Error(), AppTokenVar) {
		t.Errorf("Run = %v, want invalid_auth naming %s", err, AppTokenVar)
	}
	if h := a.Health(); h.Ready || h.State != StateFailed || !strings.Contains(h.Detail, AppTokenVar) {
		t.Errorf("health after invalid auth = %+v", h)
	}
	if strings.Contains(err.Error(), "xapp-wrong") {
		t.Error("token in error")
	}
}

// Slack closing each connection at once (too_many_websockets) is redialled
// with growing waits, not at once, and /healthz says "reconnecting" while
// the adapter waits.
func TestSocketModeRedialPaced(t *testing.T) {
	fs := newFakeSocketSlack(t)
	a, err := New(Config{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fs.ws.URL + "/api/"},
		newCore(t, &fakeEngine{}), Options{HTTPClient: fs.ws.Client()})
	if err != nil {
		t.Fatal(err)
	}
	// Only the waits pass time: each connection drops at once. Both run
	// on the connecting goroutine.
	now := time.Now()
	a.pacer.Now = func() time.Time { return now }
	waits, proceed := make(chan time.Duration), make(chan struct{})
	a.pacer.Sleep = func(ctx context.Context, d time.Duration) error {
		select {
		case waits <- d:
		case <-ctx.Done(): // a last attempt as Run stops
			return ctx.Err()
		}
		select {
		case <-proceed:
			now = now.Add(d)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	defer start(t, a)()

	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		c := fs.conn(t)
		send(t, c, map[string]any{"type": "hello"})
		send(t, c, map[string]any{"type": "disconnect", "reason": "too_many_websockets"})
		var got time.Duration
		select {
		case got = <-waits:
		case <-time.After(10 * time.Second): // hang guard
			t.Fatalf("attempt %d: redialled without waiting", i+2)
		}
		if got != want {
			t.Errorf("attempt %d waited %v, want %v", i+2, got, want)
		}
		if h := a.Health(); h.Ready || h.State != StateReconnecting || !strings.Contains(h.Detail, "next attempt in "+want.String()) {
			t.Errorf("health while waiting = %+v", h)
		}
		proceed <- struct{}{}
	}
	c := fs.conn(t)
	send(t, c, map[string]any{"type": "hello"})
	send(t, c, slashEnvelope("env-1", "help"))
	readAck(t, c, "env-1")
	if h := a.Health(); !h.Ready || h.State != StateConnected || h.Reconnects != 3 {
		t.Errorf("health after reconnecting = %+v", h)
	}
}
