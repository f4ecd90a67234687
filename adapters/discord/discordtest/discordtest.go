// Package discordtest is a local fake of Discord for tests: the REST API on
// httptest and a websocket gateway that sends HELLO, reads IDENTIFY (or
// RESUME), sends READY and then dispatches the events a test hands it. A
// discordgo session reaches it through Client, whose transport sends every
// request for discord.com to the fake, so discordgo's global Endpoint
// variables stay untouched.
package discordtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Guard bounds every wait; it is a failure guard, not a timing assertion.
const Guard = 10 * time.Second

// BotUserID is the bot's user ID in READY; ApplicationID its application.
const (
	BotUserID     = "bot1"
	ApplicationID = "app1"
)

// Request is one REST request the bot made (GET /gateway excepted).
type Request struct {
	Method, Path string
	Header       http.Header
	Body         []byte
}

// Options shape the fake's behaviour.
type Options struct {
	// CloseAfterIdentify returns the close code to send instead of READY on
	// gateway connection n (1-based); 0 means send READY.
	CloseAfterIdentify func(n int) int
	// HangGatewayLookup makes GET /gateway wait until the client gives up,
	// as an unreachable Discord would.
	HangGatewayLookup bool
	// CommandsStatus, when not 0, is the status of command registration
	// (e.g. 403), with Discord's error body.
	CommandsStatus int
}

// Server is the fake Discord.
type Server struct {
	tb   testing.TB
	srv  *httptest.Server
	opts Options

	// Requests receives every REST request, in order.
	Requests chan Request
	// Identify receives each IDENTIFY (op 2) or RESUME (op 6) payload.
	Identify chan json.RawMessage

	dispatch  chan string
	done      chan struct{}
	closeOnce sync.Once
	mu        sync.Mutex
	conns     int
	lookups   int
	seq       int
}

// New starts a fake; it is closed by tb.Cleanup.
func New(tb testing.TB, opts Options) *Server {
	tb.Helper()
	if opts.CloseAfterIdentify == nil {
		opts.CloseAfterIdentify = func(int) int { return 0 }
	}
	s := &Server{
		tb:       tb,
		opts:     opts,
		Requests: make(chan Request, 100),
		Identify: make(chan json.RawMessage, 10),
		dispatch: make(chan string, 10),
		done:     make(chan struct{}),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// Close stops the fake and its gateway connections.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
	s.srv.Close()
}

// Client is an http.Client that sends discord.com requests to the fake.
func (s *Server) Client() *http.Client {
	target, _ := url.Parse(s.srv.URL)
	return &http.Client{Transport: rewriteTransport{target: target, base: s.srv.Client().Transport}, Timeout: Guard}
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

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/api/v9/gateway":
		s.mu.Lock()
		s.lookups++
		s.mu.Unlock()
		if s.opts.HangGatewayLookup {
			select {
			case <-r.Context().Done():
			case <-s.done:
			}
			return
		}
		writeJSON(w, map[string]string{"url": "ws://" + r.Host + "/gw"})
		return
	case strings.HasPrefix(r.URL.Path, "/gw"): // discordgo adds a trailing slash
		s.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	s.Requests <- Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	switch {
	case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/commands") && s.opts.CommandsStatus != 0:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(s.opts.CommandsStatus)
		w.Write([]byte(`{"message": "Missing Access", "code": 50001}`))
	case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/commands"):
		w.Header().Set("Content-Type", "application/json")
		w.Write(body) // Discord echoes the commands back
	case strings.HasSuffix(r.URL.Path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(r.URL.Path, "/api/v9/channels/"):
		writeJSON(w, map[string]string{"id": "reply1", "channel_id": "c1"})
	default:
		writeJSON(w, map[string]string{"id": "m1"})
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	s.mu.Lock()
	s.conns++
	n := s.conns
	s.mu.Unlock()

	if err := c.WriteMessage(websocket.TextMessage, []byte(`{"op":10,"d":{"heartbeat_interval":45000}}`)); err != nil {
		return
	}
	// IDENTIFY (op 2) or RESUME (op 6); a heartbeat (op 1) may come first.
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op int `json:"op"`
		}
		if json.Unmarshal(msg, &p) != nil || (p.Op != 2 && p.Op != 6) {
			continue
		}
		s.Identify <- msg
		break
	}
	if code := s.opts.CloseAfterIdentify(n); code != 0 {
		c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, "refused"))
		return
	}
	ready := `{"op":0,"s":1,"t":"READY","d":{"v":9,"session_id":"sess1","user":{"id":"` + BotUserID +
		`","username":"factbot","bot":true},"application":{"id":"` + ApplicationID + `"},"guilds":[]}}`
	if err := c.WriteMessage(websocket.TextMessage, []byte(ready)); err != nil {
		return
	}
	gone := make(chan struct{})
	go func() { // read and ignore heartbeats until the bot goes away
		defer close(gone)
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}()
	for {
		select {
		case frame := <-s.dispatch:
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
		case <-s.done:
			return
		}
	}
}

// Dispatch sends the event (e.g. "INTERACTION_CREATE") with data d to the
// connected bot.
func (s *Server) Dispatch(event string, d any) {
	s.tb.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		s.tb.Fatal(err)
	}
	s.mu.Lock()
	s.seq++
	seq := s.seq + 1 // READY was 1
	s.mu.Unlock()
	frame, _ := json.Marshal(map[string]any{"op": 0, "s": seq, "t": event, "d": json.RawMessage(b)})
	s.dispatch <- string(frame)
}

// Drop closes the current gateway connection with code, as Discord does.
func (s *Server) Drop(code int) { s.dispatch <- "close:" + strconv.Itoa(code) }

// Next waits for the bot's next REST request.
func (s *Server) Next() Request {
	s.tb.Helper()
	select {
	case r := <-s.Requests:
		return r
	case <-time.After(Guard):
		s.tb.Fatal("timed out waiting for a request from the bot")
		return Request{}
	}
}

// NextIdentify waits for the next IDENTIFY or RESUME and returns its op and
// data.
func (s *Server) NextIdentify() (op int, d map[string]any) {
	s.tb.Helper()
	select {
	case raw := <-s.Identify:
		var p struct {
			Op int            `json:"op"`
			D  map[string]any `json:"d"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			s.tb.Fatal(err)
		}
		return p.Op, p.D
	case <-time.After(Guard):
		s.tb.Fatal("timed out waiting for IDENTIFY")
		return 0, nil
	}
}

// Lookups counts GET /gateway requests so far.
func (s *Server) Lookups() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookups
}

// Connections counts gateway connections so far.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
