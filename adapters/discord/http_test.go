package discord

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/config"
)

// httpFixture is an adapter in HTTP mode with a fresh key pair.
type httpFixture struct {
	a       *Adapter
	pub     ed25519.PublicKey
	priv    ed25519.PrivateKey
	now     time.Time
	mu      sync.Mutex
	rejects []string
	stop    func()
}

func newHTTPFixture(t testing.TB, ans bot.Answerer, opts Options, mods ...func(*Config)) *httpFixture {
	return newHTTPFixtureWith(t, ans, opts, nil, mods...)
}

// newHTTPFixtureWith also changes the core's options with setup.
func newHTTPFixtureWith(t testing.TB, ans bot.Answerer, opts Options, setup func(*testSetup), mods ...func(*Config)) *httpFixture {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	f := &httpFixture{pub: pub, priv: priv, now: time.Now()}
	opts.Penalties = true // the test engines answer amounts
	opts.Now = func() time.Time { return f.now }
	opts.OnReject = func(reason string) {
		f.mu.Lock()
		f.rejects = append(f.rejects, reason)
		f.mu.Unlock()
	}
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	cfg := config.DefaultDiscord()
	cfg.Enabled, cfg.Mode, cfg.PublicKey = true, ModeHTTP, hex.EncodeToString(pub)
	for _, m := range mods {
		m(&cfg)
	}
	var setups []func(*testSetup)
	if setup != nil {
		setups = append(setups, setup)
	}
	f.a, err = newAdapter(t, cfg, ans, opts, setups...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.a.Run(ctx) }()
	f.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
	t.Cleanup(f.stop)
	return f
}

// post sends body signed with key at time ts.
func (f *httpFixture) post(body string, key ed25519.PrivateKey, ts time.Time) *httptest.ResponseRecorder {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req := httptest.NewRequest(http.MethodPost, InteractionsPath, strings.NewReader(body))
	if key != nil {
		sig := ed25519.Sign(key, []byte(stamp+body))
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
		req.Header.Set("X-Signature-Timestamp", stamp)
	}
	rec := httptest.NewRecorder()
	f.a.Handler().ServeHTTP(rec, req)
	return rec
}

func (f *httpFixture) rejected() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.rejects...)
}

// wireResponse is an interaction response as Discord reads it.
type wireResponse struct {
	Type int `json:"type"`
	Data *struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Fields      []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"fields"`
			Footer *struct {
				Text string `json:"text"`
			} `json:"footer"`
		} `json:"embeds"`
		Components []struct {
			Type       int `json:"type"`
			Components []struct {
				Type     int    `json:"type"`
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
	raw map[string]any
}

func decodeResponse(t *testing.T, b []byte) wireResponse {
	t.Helper()
	var r wireResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response is not JSON: %v: %s", err, b)
	}
	json.Unmarshal(b, &r.raw)
	return r
}

// assertNoPings checks allowed_mentions is present with an empty parse list.
func assertNoPings(t *testing.T, raw []byte) {
	t.Helper()
	var m struct {
		Data            map[string]json.RawMessage `json:"data"`
		AllowedMentions json.RawMessage            `json:"allowed_mentions"`
	}
	json.Unmarshal(raw, &m)
	am := m.AllowedMentions
	if m.Data != nil {
		am = m.Data["allowed_mentions"]
	}
	if got := strings.ReplaceAll(string(am), " ", ""); got != `{"parse":[],"replied_user":false}` {
		t.Errorf("allowed_mentions = %s, want no mentions allowed", am)
	}
}

const pingBody = `{"id":"1","application_id":"app1","type":1,"token":"tok","version":1}`

func askBody(q string) string {
	b, _ := json.Marshal(map[string]any{
		"id": "11", "application_id": "app1", "type": 2, "token": "itok", "version": 1,
		"channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "alice"}},
		"data":   map[string]any{"id": "cmd1", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": q}}},
	})
	return string(b)
}

func commandBody(name, opt, value string) string {
	data := map[string]any{"id": "cmd2", "name": name, "type": 1}
	if opt != "" {
		data["options"] = []any{map[string]any{"name": opt, "type": 3, "value": value}}
	}
	b, _ := json.Marshal(map[string]any{
		"id": "12", "application_id": "app1", "type": 2, "token": "itok2", "version": 1,
		"channel_id": "c1", "user": map[string]any{"id": "43", "username": "bob"}, "data": data,
	})
	return string(b)
}

func TestHTTPPing(t *testing.T) {
	ans, _ := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	rec := f.post(pingBody, f.priv, f.now)
	if rec.Code != http.StatusOK {
		t.Fatalf("PING: status %d %s", rec.Code, rec.Body)
	}
	if r := decodeResponse(t, rec.Body.Bytes()); r.Type != 1 {
		t.Errorf("PING answered with type %d, want 1 (PONG)", r.Type)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestHTTPAskCommand(t *testing.T) {
	ans, qs := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	rec := f.post(askBody("What is the penalty for 20 g? @everyone"), f.priv, f.now)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	q := <-qs
	if q.Platform != "discord" || q.User != "42" || q.Channel != "c1" || q.Text != "What is the penalty for 20 g? @everyone" {
		t.Errorf("engine got %+v", q)
	}
	r := decodeResponse(t, rec.Body.Bytes())
	if r.Type != 4 {
		t.Fatalf("type %d, want 4 (channel message)", r.Type)
	}
	if r.Data.Flags&64 == 0 {
		t.Errorf("flags %d: answer is not ephemeral", r.Data.Flags)
	}
	assertNoPings(t, rec.Body.Bytes())
	if len(r.Data.Embeds) != 1 {
		t.Fatalf("%d embeds", len(r.Data.Embeds))
	}
	e := r.Data.Embeds[0]
	if strings.Contains(e.Title, "@everyone") || !strings.HasPrefix(e.Title, "What is the penalty for 20 g?") {
		t.Errorf("title %q: want the question with @everyone defused", e.Title)
	}
	if e.Description != penaltyAnswer(q).Text {
		t.Errorf("description %q", e.Description)
	}
	if len(e.Fields) != 1 || !strings.Contains(e.Fields[0].Value, "Penalties · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)") ||
		!strings.Contains(e.Fields[0].Value, "https://en.wikipedia.org/wiki/Cannabis_in_Norway") {
		t.Errorf("source field %+v", e.Fields)
	}
	if e.Footer == nil || e.Footer.Text != bot.NotLegalAdvice {
		t.Errorf("footer %+v, want the legal notice", e.Footer)
	}
	if len(r.Data.Components) != 1 || len(r.Data.Components[0].Components) != 1 ||
		!strings.HasPrefix(r.Data.Components[0].Components[0].CustomID, shareButtonPrefix) || r.Data.Components[0].Components[0].Label != "Share in channel" {
		t.Errorf("components %+v, want the share button", r.Data.Components)
	}
}

func TestHTTPPenaltyAndAbout(t *testing.T) {
	ans, qs := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	rec := f.post(commandBody("penalty", "amount", "  20   g "), f.priv, f.now)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	if q := <-qs; q.Text != "What is the penalty for 20 g?" || q.User != "43" {
		t.Errorf("engine got %+v", q)
	}
	r := decodeResponse(t, rec.Body.Bytes())
	if r.Type != 4 || r.Data.Embeds[0].Footer == nil {
		t.Errorf("penalty response %s", rec.Body)
	}

	rec = f.post(commandBody("about", "", ""), f.priv, f.now)
	r = decodeResponse(t, rec.Body.Bytes())
	if r.Type != 4 || len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "CC BY-SA 4.0") {
		t.Errorf("about response %s", rec.Body)
	}
	if len(r.Data.Components) != 0 {
		t.Errorf("about has a share button")
	}
	if strings.Contains(r.Data.Embeds[0].Description, "mention me") {
		t.Errorf("/about in HTTP mode offers mentions, which only the gateway delivers")
	}

	// A Norwegian Discord client gets /about in Bokmål.
	var body map[string]any
	_ = json.Unmarshal([]byte(commandBody("about", "", "")), &body)
	body["locale"] = "no"
	nb, _ := json.Marshal(body)
	rec = f.post(string(nb), f.priv, f.now)
	r = decodeResponse(t, rec.Body.Bytes())
	if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != "Om factbot" || !strings.Contains(r.Data.Embeds[0].Description, "Ikke juridisk rådgivning.") {
		t.Errorf("about in Bokmål: %s", rec.Body)
	}
}

func TestHTTPRejects(t *testing.T) {
	ans, qs := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	body := askBody("Is cannabis legal?")

	tests := []struct {
		name   string
		send   func() *httptest.ResponseRecorder
		code   int
		reason string
	}{
		{"tampered body", func() *httptest.ResponseRecorder {
			stamp := strconv.FormatInt(f.now.Unix(), 10)
			sig := ed25519.Sign(f.priv, []byte(stamp+body))
			req := httptest.NewRequest(http.MethodPost, InteractionsPath, strings.NewReader(strings.Replace(body, "legal", "LEGAL", 1)))
			req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
			req.Header.Set("X-Signature-Timestamp", stamp)
			rec := httptest.NewRecorder()
			f.a.Handler().ServeHTTP(rec, req)
			return rec
		}, 401, "bad_signature"},
		{"wrong key", func() *httptest.ResponseRecorder { return f.post(body, otherKey, f.now) }, 401, "bad_signature"},
		{"no signature", func() *httptest.ResponseRecorder { return f.post(body, nil, f.now) }, 401, "bad_signature"},
		{"stale timestamp", func() *httptest.ResponseRecorder { return f.post(body, f.priv, f.now.Add(-6*time.Minute)) }, 401, "stale_timestamp"},
		{"future timestamp", func() *httptest.ResponseRecorder { return f.post(body, f.priv, f.now.Add(6*time.Minute)) }, 401, "stale_timestamp"},
		{"malformed JSON", func() *httptest.ResponseRecorder { return f.post(`{"type":2,"data":`, f.priv, f.now) }, 400, "malformed"},
		{"wrong JSON types", func() *httptest.ResponseRecorder { return f.post(`{"type":"x","data":[1]}`, f.priv, f.now) }, 400, "malformed"},
		{"unknown type", func() *httptest.ResponseRecorder { return f.post(`{"id":"1","type":99}`, f.priv, f.now) }, 400, "malformed"},
		{"oversize", func() *httptest.ResponseRecorder {
			return f.post(`{"type":2,"x":"`+strings.Repeat("a", defaultMaxBody)+`"}`, f.priv, f.now)
		}, 413, "too_large"},
		{"GET", func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			f.a.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, InteractionsPath, nil))
			return rec
		}, 405, "method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(f.rejected())
			rec := tt.send()
			if rec.Code != tt.code {
				t.Errorf("status %d, want %d (%s)", rec.Code, tt.code, rec.Body)
			}
			if got := f.rejected(); len(got) != before+1 || got[len(got)-1] != tt.reason {
				t.Errorf("rejects %v, want one more %q", got, tt.reason)
			}
		})
	}
	select {
	case q := <-qs:
		t.Errorf("a rejected request reached the engine: %+v", q)
	default:
	}
}

func TestHTTPAutocomplete(t *testing.T) {
	ans, _ := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	body := `{"id":"5","application_id":"app1","type":4,"token":"t","version":1,"channel_id":"c1",
	  "user":{"id":"43"},"data":{"id":"cmd","name":"penalty","type":1,"options":[{"name":"amount","type":3,"value":"2","focused":true}]}}`
	rec := f.post(body, f.priv, f.now)
	r := decodeResponse(t, rec.Body.Bytes())
	if rec.Code != 200 || r.Type != 8 {
		t.Fatalf("status %d type %d: %s", rec.Code, r.Type, rec.Body)
	}
	if n := len(r.Data.Choices); n == 0 || n > 25 {
		t.Fatalf("%d choices", n)
	}
	for _, c := range r.Data.Choices {
		if v, _ := c.Value.(string); !validAmount.MatchString(v) || c.Name != v {
			t.Errorf("choice %+v is not a well-formed amount", c)
		}
	}
}

func TestHTTPShareButton(t *testing.T) {
	ans, qs := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	// First an ephemeral answer, then a click on its button.
	first := decodeResponse(t, f.post(askBody("Is it legal to grow <@&99> @here?"), f.priv, f.now).Body.Bytes())
	<-qs
	shareID := first.Data.Components[0].Components[0].CustomID
	click := func(customID string) []byte {
		b, _ := json.Marshal(map[string]any{
			"id": "13", "application_id": "app1", "type": 3, "token": "itok3", "version": 1, "channel_id": "c1", "guild_id": "g1",
			"member":  map[string]any{"user": map[string]any{"id": "77", "username": "carol"}},
			"message": map[string]any{"id": "m9", "channel_id": "c1", "flags": 64},
			"data":    map[string]any{"custom_id": customID, "component_type": 2},
		})
		return b
	}
	rec := f.post(string(click(shareID)), f.priv, f.now)
	if rec.Code != 200 {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	if q := <-qs; q.Text != "Is it legal to grow <@&99> @here?" || q.User != "77" {
		t.Errorf("share asked %+v, want the question again for the sharer", q)
	}
	r := decodeResponse(t, rec.Body.Bytes())
	if r.Type != 4 || r.Data.Flags&64 != 0 {
		t.Errorf("share: type %d flags %d, want a public channel message", r.Type, r.Data.Flags)
	}
	if r.Data.Content != "Shared by <@77>" {
		t.Errorf("content %q, want the sharer named", r.Data.Content)
	}
	assertNoPings(t, rec.Body.Bytes())
	if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Title != first.Data.Embeds[0].Title || r.Data.Embeds[0].Description != first.Data.Embeds[0].Description {
		t.Errorf("shared embed %+v differs from the answer %+v", r.Data.Embeds, first.Data.Embeds)
	}
	if strings.Contains(r.Data.Embeds[0].Title, "<@&99>") || strings.Contains(r.Data.Embeds[0].Title, "@here") {
		t.Errorf("title %q carries live mentions", r.Data.Embeds[0].Title)
	}
	if len(r.Data.Components) != 0 {
		t.Errorf("shared message has components")
	}

	// A second click on the same button posts nothing new.
	r = decodeResponse(t, f.post(string(click(shareID)), f.priv, f.now).Body.Bytes())
	if r.Type != 4 || r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "already shared") || len(r.Data.Embeds) != 0 {
		t.Errorf("second share: %+v", r.Data)
	}

	// A button this process does not know (a restart) gets a notice
	// when its message gives no question.
	r = decodeResponse(t, f.post(string(click(shareButtonPrefix+"00ff")), f.priv, f.now).Body.Bytes())
	if r.Type != 4 || r.Data.Flags&64 == 0 || r.Data.Content != bot.Message("en", "share_expired") {
		t.Errorf("unknown share token: %+v", r.Data)
	}
	// When it does (the embed's title, not cut, no reading line), it shares.
	withEmbed, _ := json.Marshal(map[string]any{
		"id": "14", "application_id": "app1", "type": 3, "token": "itok4", "version": 1, "channel_id": "c1", "guild_id": "g1",
		"member":  map[string]any{"user": map[string]any{"id": "78"}},
		"message": map[string]any{"id": "m10", "channel_id": "c1", "flags": 64, "embeds": []any{map[string]any{"title": "Is it legal to grow @\u200beveryone?"}}},
		"data":    map[string]any{"custom_id": shareButtonPrefix + "00fe", "component_type": 2},
	})
	rec = f.post(string(withEmbed), f.priv, f.now)
	r = decodeResponse(t, rec.Body.Bytes())
	if q := <-qs; q.Text != "Is it legal to grow @everyone?" || r.Data.Flags&64 != 0 {
		t.Errorf("share after a restart asked %q, flags %d", q.Text, r.Data.Flags)
	}
	assertNoPings(t, rec.Body.Bytes())
}

// deny is a rate limiter that refuses everyone.
type deny struct{}

func (deny) Allow(string, string) bool { return false }

func TestHTTPRateLimited(t *testing.T) {
	ans, qs := recordingAnswerer()
	f := newHTTPFixtureWith(t, ans, Options{}, func(s *testSetup) { s.Core.Limiter = deny{} })
	for _, body := range []string{askBody("Hva er straffen for 20 gram?"), commandBody("facts", "topic", "penalties")} {
		rec := f.post(body, f.priv, f.now)
		r := decodeResponse(t, rec.Body.Bytes())
		if r.Type != 4 || r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 0 || len(r.Data.Components) != 0 {
			t.Errorf("rate-limited reply %s: want an ephemeral notice", rec.Body)
		}
		if r.Data.Content != bot.Message("nb", "rate_limited") && r.Data.Content != bot.Message("en", "rate_limited") {
			t.Errorf("content %q", r.Data.Content)
		}
		assertNoPings(t, rec.Body.Bytes())
	}
	if r := decodeResponse(t, f.post(askBody("Hva er straffen for 20 gram?"), f.priv, f.now).Body.Bytes()); r.Data.Content != bot.Message("nb", "rate_limited") {
		t.Errorf("a Bokmål question refused in %q", r.Data.Content)
	}
	select {
	case q := <-qs:
		t.Errorf("the engine was asked %q over the limit", q.Text)
	default:
	}
}

// A slow engine: the first response is a deferred ack, and the answer
// arrives by editing it over REST.
func TestHTTPDeferredAnswer(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	release := make(chan struct{})
	slow := bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return penaltyAnswer(q)
	})
	f := newHTTPFixture(t, slow, Options{HTTPClient: fake.Client(), DeferAfter: time.Millisecond})
	rec := f.post(askBody("slow question"), f.priv, f.now)
	r := decodeResponse(t, rec.Body.Bytes())
	if r.Type != 5 || r.Data == nil || r.Data.Flags&64 == 0 {
		t.Fatalf("first response %s: want a deferred ephemeral ack (type 5)", rec.Body)
	}
	close(release)
	req := fake.Next()
	if req.Method != http.MethodPatch || req.Path != "/api/v9/webhooks/app1/itok/messages/@original" {
		t.Fatalf("follow-up %s %s", req.Method, req.Path)
	}
	var edit struct {
		Embeds []struct {
			Title string `json:"title"`
		} `json:"embeds"`
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	if err := json.Unmarshal(req.Body, &edit); err != nil {
		t.Fatal(err)
	}
	if len(edit.Embeds) != 1 || edit.Embeds[0].Title != "slow question" || len(edit.Components) != 1 {
		t.Errorf("edit %s", req.Body)
	}
	assertNoPings(t, req.Body)
	if got := req.Header.Get("Authorization"); got != "" {
		t.Errorf("HTTP mode sent Authorization %q; editing an interaction response needs no token", got)
	}
}

// Whatever a correctly signed body holds, the handler answers without
// panicking, with a 2xx or a 4xx.
func FuzzHTTPInteraction(f *testing.F) {
	for _, s := range []string{pingBody, askBody("q"), commandBody("penalty", "amount", "2 g"), commandBody("about", "", ""),
		`{"type":3,"data":{"custom_id":"factbot:share:"},"message":{"embeds":[null,{}]}}`,
		`{"type":3,"data":null,"message":null}`, `{"type":4,"data":{"name":"penalty","options":[null,{"name":"amount","value":7}]}}`,
		`{"type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":{"x":1}}]},"member":{"user":null}}`} {
		f.Add(s)
	}
	for _, s := range []string{commandBody("facts", "topic", "penalties"), commandBody("factbot-report", "", ""),
		`{"type":2,"guild_id":"g","member":{"user":{"id":"1"},"roles":["900"]},"data":{"name":"facts","options":[{"name":"topic","value":"straff"}]},"locale":"no"}`,
		`{"type":2,"guild_id":"g","member":{"user":{"id":"1"},"roles":["900",null]},"data":{"name":"ask","options":[{"name":"question","value":"q"},{"name":"public","value":"yes"}]}}`,
		`{"type":4,"data":{"name":"facts","options":[{"name":"topic","value":"","focused":true}]}}`,
		`{"type":3,"user":{"id":"1"},"data":{"custom_id":"fb:up:0123456789abcdef01234567:nb"}}`,
		`{"type":3,"data":{"custom_id":"fb:down::::"},"message":{"components":[{"type":1,"components":[{"type":2,"custom_id":"fb:up:x"}]}]}}`} {
		f.Add(s)
	}
	quiet := recordingStoreAnswerer(f)
	fx := newHTTPFixtureWith(f, quiet.ans, Options{Logger: slog.New(slog.DiscardHandler)}, quiet.options,
		func(c *Config) { c.ModeratorRoles = []string{"900"} })
	f.Fuzz(func(t *testing.T, body string) {
		rec := fx.post(body, fx.priv, fx.now)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q", rec.Code, body)
		}
	})
}

// subjectNames is a Describer with a name per language.
type subjectNames map[string]string

func (s subjectNames) Subject(lang string) string { return s[lang] }

// The commands describe what the engine covers, and nothing else: another
// article's bot registers no cannabis. Norwegian users see Bokmål.
func TestCommandsDescribeTheSubject(t *testing.T) {
	for _, tt := range []struct {
		subject   Describer
		ask, askN string
	}{
		{subjectNames{"en": "cannabis law in Norway", "nb": "cannabislovgivning i Norge"}, "Ask about cannabis law in Norway", "Spør om cannabislovgivning i Norge"},
		{subjectNames{"en": "keeping lanternmoths in Veldoria", "nb": "keeping lanternmoths in Veldoria"}, "Ask about keeping lanternmoths in Veldoria", "Spør om keeping lanternmoths in Veldoria"},
		{nil, "Ask a question about the article factbot answers from", "Still et spørsmål om artikkelen factbot svarer ut fra"},
		{subjectNames{"en": strings.Repeat("long subject ", 20)}, "", ""},
	} {
		cmds := Commands(tt.subject)
		cannabis := tt.subject != nil && strings.Contains(tt.subject.Subject("en"), "cannabis")
		for _, c := range cmds {
			texts := []string{c.Description}
			for _, d := range *c.DescriptionLocalizations {
				texts = append(texts, d)
			}
			for _, o := range c.Options {
				texts = append(texts, o.Description)
				for _, d := range o.DescriptionLocalizations {
					texts = append(texts, d)
				}
			}
			for _, text := range texts {
				if text == "" || utf16Len(text) > maxDescription {
					t.Errorf("%s: description %q of %d units", c.Name, text, utf16Len(text))
				}
				if !cannabis && (strings.Contains(strings.ToLower(text), "cannabis") || strings.Contains(text, "Norway")) {
					t.Errorf("subject %v: %s says %q", tt.subject, c.Name, text)
				}
			}
		}
		if tt.ask != "" && cmds[0].Description != tt.ask {
			t.Errorf("subject %v: /ask described as %q, want %q", tt.subject, cmds[0].Description, tt.ask)
		}
		if got := (*cmds[0].DescriptionLocalizations)[discordgo.Norwegian]; tt.askN != "" && got != tt.askN {
			t.Errorf("subject %v: /ask described in Norwegian as %q, want %q", tt.subject, got, tt.askN)
		}
	}
}
