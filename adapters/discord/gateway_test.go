package discord

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/store"
)

// gatewayFixture runs an adapter in gateway mode against a fake Discord.
type gatewayFixture struct {
	fake *discordtest.Server
	a    *Adapter
	done chan error
	stop func() error
}

func newGatewayFixture(t *testing.T, cfg Config, ans bot.Answerer, fo discordtest.Options, mods ...func(*testSetup)) *gatewayFixture {
	t.Helper()
	fake := discordtest.New(t, fo)
	cfg.Enabled, cfg.Mode = true, ModeGateway
	if cfg.Token == "" {
		cfg.Token = "test-token"
	}
	opts := Options{HTTPClient: fake.Client(), Logger: testLogger(t), Penalties: true}
	a, err := newAdapter(t, cfg, ans, opts, mods...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	g := &gatewayFixture{fake: fake, a: a, done: make(chan error, 1)}
	go func() { g.done <- a.Run(ctx) }()
	stopped := false
	var runErr error
	g.stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			runErr = <-g.done
		}
		return runErr
	}
	t.Cleanup(func() { g.stop() })
	return g
}

func (g *gatewayFixture) identify(t *testing.T) map[string]any {
	t.Helper()
	var p struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	select {
	case raw := <-g.fake.Identify:
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
	case err := <-g.done:
		g.done <- err
		t.Fatalf("Run returned before IDENTIFY: %v", err)
	case <-time.After(guard):
		t.Fatal("timed out waiting for IDENTIFY")
	}
	if p.Op != 2 {
		t.Fatalf("first gateway payload op %d, want IDENTIFY (2)", p.Op)
	}
	return p.D
}

func interactionEvent(id, token string, typ int, data any, extra map[string]any) map[string]any {
	ev := map[string]any{
		"id": id, "application_id": "app1", "type": typ, "token": token, "version": 1,
		"channel_id": "c1", "guild_id": "g1",
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "alice"}},
		"data":   data,
	}
	for k, v := range extra {
		ev[k] = v
	}
	return ev
}

func messageEvent(id, content string, author map[string]any, guild string, mentions ...map[string]any) map[string]any {
	ev := map[string]any{
		"id": id, "channel_id": "c1", "content": content, "author": author,
		"mentions": mentions, "timestamp": "2026-11-27T12:00:00Z",
	}
	if guild != "" {
		ev["guild_id"] = guild
	}
	return ev
}

var (
	alice   = map[string]any{"id": "42", "username": "alice"}
	otherBt = map[string]any{"id": "666", "username": "spambot", "bot": true}
	selfBot = map[string]any{"id": "bot1", "username": "factbot", "bot": true}
)

func TestGatewayEndToEnd(t *testing.T) {
	ans, qs := recordingAnswerer()
	g := newGatewayFixture(t, Config{ApplicationID: "app1", GuildID: "g1", Ephemeral: true}, ans, discordtest.Options{})
	fake := g.fake

	id := g.identify(t)
	if id["token"] != "Bot test-token" {
		t.Errorf("IDENTIFY token %q, want the bot token with its prefix", id["token"])
	}
	if got, want := id["intents"], float64(1|1<<9|1<<12); got != want {
		t.Errorf("intents %v, want guilds|guild messages|direct messages = %v (no privileged intent)", got, want)
	}
	if _, sharded := id["shard"]; sharded {
		t.Errorf("IDENTIFY has a shard although none is configured")
	}

	reg := fake.Next()
	if reg.Method != http.MethodPut || reg.Path != "/api/v9/applications/app1/guilds/g1/commands" {
		t.Fatalf("registration %s %s", reg.Method, reg.Path)
	}
	if got := reg.Header.Get("Authorization"); got != "Bot test-token" {
		t.Errorf("REST authorization %q", got)
	}
	var cmds []struct {
		Name     string `json:"name"`
		Contexts []int  `json:"contexts"`
		Options  []struct {
			Name         string `json:"name"`
			Required     bool   `json:"required"`
			Autocomplete bool   `json:"autocomplete"`
		} `json:"options"`
	}
	if err := json.Unmarshal(reg.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "ask,penalty,about" {
		t.Errorf("registered %v", names)
	}
	for _, c := range cmds {
		if len(c.Contexts) != 2 || c.Contexts[0] != 0 || c.Contexts[1] != 1 {
			t.Errorf("/%s contexts %v, want guild and bot DM", c.Name, c.Contexts)
		}
	}
	if o := cmds[1].Options; len(o) != 1 || o[0].Name != "amount" || !o[0].Autocomplete || !o[0].Required {
		t.Errorf("penalty options %+v", o)
	}
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })

	// /ask with an @everyone in the question.
	fake.Dispatch("INTERACTION_CREATE", interactionEvent("i1", "tok1", 2,
		map[string]any{"id": "c", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": "@everyone what is the penalty for 20 g?"}}}, nil))
	cb := fake.Next()
	if cb.Method != http.MethodPost || cb.Path != "/api/v9/interactions/i1/tok1/callback" {
		t.Fatalf("callback %s %s", cb.Method, cb.Path)
	}
	r := decodeResponse(t, cb.Body)
	if r.Type != 4 || r.Data.Flags&64 == 0 {
		t.Errorf("callback type %d flags %d, want an ephemeral channel message", r.Type, r.Data.Flags)
	}
	assertNoPings(t, cb.Body)
	if e := r.Data.Embeds; len(e) != 1 || strings.Contains(e[0].Title, "@everyone") || !strings.Contains(e[0].Title, "what is the penalty for 20 g?") ||
		e[0].Footer == nil || e[0].Footer.Text != bot.NotLegalAdvice {
		t.Errorf("embed %+v", e)
	}
	if c := r.Data.Components; len(c) != 1 || !strings.HasPrefix(c[0].Components[0].CustomID, shareButtonPrefix) {
		t.Fatalf("components %+v", c)
	}
	if q := <-qs; q.Platform != "discord" || q.User != "42" || q.Channel != "c1" {
		t.Errorf("question %+v", q)
	}

	// Share click on that answer → a public message naming the sharer.
	shared := map[string]any{"id": "m1", "channel_id": "c1", "flags": 64, "embeds": r.raw["data"].(map[string]any)["embeds"]}
	fake.Dispatch("INTERACTION_CREATE", interactionEvent("i2", "tok2", 3,
		map[string]any{"custom_id": r.Data.Components[0].Components[0].CustomID, "component_type": 2},
		map[string]any{"message": shared, "member": map[string]any{"user": map[string]any{"id": "77", "username": "carol"}}}))
	cb = fake.Next()
	r2 := decodeResponse(t, cb.Body)
	if cb.Path != "/api/v9/interactions/i2/tok2/callback" || r2.Type != 4 || r2.Data.Flags&64 != 0 || r2.Data.Content != "Shared by <@77>" {
		t.Errorf("share callback %s: %s", cb.Path, cb.Body)
	}
	if len(r2.Data.Embeds) != 1 || r2.Data.Embeds[0].Title != r.Data.Embeds[0].Title {
		t.Errorf("shared embeds %+v", r2.Data.Embeds)
	}
	assertNoPings(t, cb.Body)
	if q := <-qs; q.User != "77" {
		t.Errorf("share asked %+v, want the question again for the sharer", q)
	}

	// Autocomplete.
	fake.Dispatch("INTERACTION_CREATE", interactionEvent("i3", "tok3", 4,
		map[string]any{"id": "c", "name": "penalty", "type": 1, "options": []any{map[string]any{"name": "amount", "type": 3, "value": "1", "focused": true}}}, nil))
	cb = fake.Next()
	r3 := decodeResponse(t, cb.Body)
	if r3.Type != 8 || len(r3.Data.Choices) == 0 || len(r3.Data.Choices) > 25 {
		t.Errorf("autocomplete %s", cb.Body)
	}

	// Messages: a bot's (mentioning us), our own, an unmentioned guild
	// message: all ignored. Then a mention and a DM: both replied to.
	self := map[string]any{"id": "bot1", "username": "factbot"}
	fake.Dispatch("MESSAGE_CREATE", messageEvent("b1", "<@bot1> hi", otherBt, "g1", self))
	fake.Dispatch("MESSAGE_CREATE", messageEvent("b2", "<@bot1> echo", selfBot, "g1", self))
	fake.Dispatch("MESSAGE_CREATE", messageEvent("b3", "just chatting", alice, "g1"))
	fake.Dispatch("MESSAGE_CREATE", messageEvent("h1", "<@bot1> is cannabis legal? @here", alice, "g1", self))
	reply := fake.Next()
	if reply.Method != http.MethodPost || reply.Path != "/api/v9/channels/c1/messages" {
		t.Fatalf("reply %s %s", reply.Method, reply.Path)
	}
	var msg struct {
		Reference struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
		Embeds []struct {
			Title string `json:"title"`
		} `json:"embeds"`
	}
	json.Unmarshal(reply.Body, &msg)
	if msg.Reference.MessageID != "h1" {
		t.Errorf("replied to %q, want h1 (bot messages must be ignored): %s", msg.Reference.MessageID, reply.Body)
	}
	if len(msg.Embeds) != 1 || msg.Embeds[0].Title != "is cannabis legal? @\u200bhere" {
		t.Errorf("reply embeds %s", reply.Body)
	}
	assertNoPings(t, reply.Body)
	if q := <-qs; q.Text != "is cannabis legal? @here" || q.User != "42" {
		t.Errorf("mention question %+v", q)
	}

	fake.Dispatch("MESSAGE_CREATE", messageEvent("d1", "how much is a fine for 5 g", alice, ""))
	reply = fake.Next()
	json.Unmarshal(reply.Body, &msg)
	if reply.Path != "/api/v9/channels/c1/messages" || msg.Reference.MessageID != "d1" {
		t.Errorf("DM reply %s %s", reply.Path, reply.Body)
	}
	<-qs

	if err := g.stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
	if st := g.a.Health(); st.State != StateStopped || st.Ready {
		t.Errorf("health after stop %+v", st)
	}
	// Ignored messages never reached the engine or Discord.
	select {
	case q := <-qs:
		t.Errorf("ignored message reached the engine: %+v", q)
	default:
	}
	select {
	case req := <-fake.Requests:
		t.Errorf("unexpected request %s %s: %s", req.Method, req.Path, req.Body)
	default:
	}
}

func TestGatewayFatalCloseCode(t *testing.T) {
	for _, tc := range []struct {
		code int
		want string
	}{{4014, "disallowed intents"}, {4004, "token was rejected"}} {
		ans, _ := recordingAnswerer()
		g := newGatewayFixture(t, Config{ApplicationID: "app1", MessageContentIntent: true, ShardID: 1, ShardCount: 2}, ans,
			discordtest.Options{CloseAfterIdentify: func(int) int { return tc.code }})
		id := g.identify(t)
		if got, want := id["intents"], float64(1|1<<9|1<<12|1<<15); got != want {
			t.Errorf("intents %v, want %v with message content", got, want)
		}
		if shard, _ := id["shard"].([]any); len(shard) != 2 || shard[0] != float64(1) || shard[1] != float64(2) {
			t.Errorf("shard %v, want [1 2]", id["shard"])
		}
		waitFor(t, "the error state", func() bool { return g.a.Health().State == StateError })
		err := g.stop()
		if !errors.Is(err, ErrFatal) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Run error %v, want fatal %q", err, tc.want)
		}
		if strings.Contains(err.Error(), "test-token") {
			t.Errorf("error leaks the token: %v", err)
		}
		st := g.a.Health()
		if st.State != StateError || st.Ready || !strings.Contains(st.Detail, "shard 1/2") || !strings.Contains(st.Detail, strconv.Itoa(tc.code)) {
			t.Errorf("health %+v", st)
		}
		if n := g.fake.Connections(); n != 1 {
			t.Errorf("%d gateway connections, want 1: a fatal close must not be retried", n)
		}
	}
}

// A dropped connection is re-established; health counts the reconnect.
func TestGatewayReconnects(t *testing.T) {
	ans, qs := recordingAnswerer()
	g := newGatewayFixture(t, Config{ApplicationID: "app1"}, ans, discordtest.Options{})
	g.identify(t)
	if reg := g.fake.Next(); reg.Path != "/api/v9/applications/app1/commands" {
		t.Errorf("global registration path %s", reg.Path)
	}
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })

	// Close the first connection from Discord's side with a resumable code.
	g.fake.Drop(4000)
	var p struct {
		Op int `json:"op"`
	}
	raw := <-g.fake.Identify
	json.Unmarshal(raw, &p)
	if p.Op != 6 {
		t.Errorf("after a drop the bot sent op %d, want RESUME (6)", p.Op)
	}
	waitFor(t, "reconnected", func() bool { st := g.a.Health(); return st.Ready && st.Reconnects == 1 })

	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("d2", "is it legal?", alice, ""))
	if r := g.fake.Next(); r.Path != "/api/v9/channels/c1/messages" {
		t.Errorf("after reconnect: %s %s", r.Method, r.Path)
	}
	<-qs
}

// Only shard 0 registers the commands; every shard answers.
func TestGatewayShardOneSkipsRegistration(t *testing.T) {
	ans, qs := recordingAnswerer()
	g := newGatewayFixture(t, Config{ApplicationID: "app1", ShardID: 1, ShardCount: 2}, ans, discordtest.Options{})
	if shard, _ := g.identify(t)["shard"].([]any); len(shard) != 2 || shard[0] != float64(1) {
		t.Errorf("IDENTIFY shard %v", shard)
	}
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })
	if st := g.a.Health(); st.Detail != "shard 1/2" {
		t.Errorf("health detail %q", st.Detail)
	}
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("d3", "is it legal?", alice, ""))
	if r := g.fake.Next(); r.Method != http.MethodPost || r.Path != "/api/v9/channels/c1/messages" {
		t.Errorf("first request %s %s, want the DM reply (no registration from shard 1)", r.Method, r.Path)
	}
	<-qs
}

// Over the gateway too, a slow answer is acknowledged with a deferred
// response and delivered by editing it.
func TestGatewayDeferredAnswer(t *testing.T) {
	release := make(chan struct{})
	slow := bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return penaltyAnswer(q)
	})
	g := newGatewayFixture(t, Config{ApplicationID: "app1", Ephemeral: false}, slow, discordtest.Options{},
		func(o *testSetup) { o.DeferAfter = time.Millisecond })
	g.identify(t)
	g.fake.Next() // registration
	g.fake.Dispatch("INTERACTION_CREATE", interactionEvent("i9", "tok9", 2,
		map[string]any{"id": "c", "name": "penalty", "type": 1, "options": []any{map[string]any{"name": "amount", "type": 3, "value": "3 kg"}}}, nil))
	cb := g.fake.Next()
	r := decodeResponse(t, cb.Body)
	if cb.Path != "/api/v9/interactions/i9/tok9/callback" || r.Type != 5 || r.Data.Flags&64 != 0 {
		t.Fatalf("first response %s %s: want a public deferred ack", cb.Path, cb.Body)
	}
	close(release)
	edit := g.fake.Next()
	if edit.Method != http.MethodPatch || edit.Path != "/api/v9/webhooks/app1/tok9/messages/@original" ||
		!strings.Contains(string(edit.Body), "What is the penalty for 3 kg?") {
		t.Errorf("edit %s %s %s", edit.Method, edit.Path, edit.Body)
	}
	if strings.Contains(string(edit.Body), shareButtonPrefix) {
		t.Errorf("public answer carries a share button: %s", edit.Body)
	}
	assertNoPings(t, edit.Body)
}

// discordgo's Open looks up the gateway URL without a context; shutdown
// must not wait for that request while Discord does not answer.
func TestGatewayShutdownDuringLookup(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{HangGatewayLookup: true})
	client := fake.Client()
	client.Timeout = 0 // only the adapter's own cancellation can end the lookup
	ans, _ := recordingAnswerer()
	a, err := newAdapter(t, Config{Mode: ModeGateway, Token: "t"}, ans, Options{HTTPClient: client, Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	waitFor(t, "the gateway lookup", func() bool { return fake.Lookups() > 0 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(guard):
		t.Fatal("Run did not return after its context ended")
	}
}

// Commands Discord refuses to register (bot not invited with
// applications.commands) do not stop the adapter: /healthz says why, and
// mentions and DMs are still answered.
func TestGatewayRegistrationRefused(t *testing.T) {
	ans, qs := recordingAnswerer()
	g := newGatewayFixture(t, Config{ApplicationID: "app1", GuildID: "g9"}, ans, discordtest.Options{CommandsStatus: http.StatusForbidden})
	g.identify(t)
	if reg := g.fake.Next(); reg.Method != http.MethodPut {
		t.Fatalf("first request %s %s", reg.Method, reg.Path)
	}
	waitFor(t, "the registration remark", func() bool {
		st := g.a.Health()
		return st.Ready && strings.Contains(st.Detail, "commands not registered") && strings.Contains(st.Detail, "applications.commands")
	})
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("d4", "is it legal?", alice, ""))
	if r := g.fake.Next(); r.Path != "/api/v9/channels/c1/messages" {
		t.Errorf("DM reply %s %s", r.Method, r.Path)
	}
	<-qs
}

// countingClaimer is a store's claims with a count of the calls, so the
// test knows a duplicate has been looked at.
type countingClaimer struct {
	*store.Store
	calls chan string
}

func (c countingClaimer) Claim(ctx context.Context, key string) (bool, error) {
	ok, err := c.Store.Claim(ctx, key)
	c.calls <- key
	return ok, err
}

// Two instances running the same shard both receive every event: with a
// shared store, each interaction and message is answered once. The same
// events dispatched twice to one adapter stand for the second instance's
// delivery; the claims are a real (SQLite) store's.
func TestGatewayClaimsEachEventOnce(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "factbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	claims := countingClaimer{st, make(chan string, 8)}
	ans, qs := recordingAnswerer()
	g := newGatewayFixture(t, Config{ApplicationID: "app1"}, ans, discordtest.Options{},
		func(o *testSetup) { o.Claims = claims })
	g.identify(t)
	g.fake.Next() // registration
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })

	ask := interactionEvent("i77", "tok77", 2, map[string]any{"id": "c", "name": "ask", "type": 1,
		"options": []any{map[string]any{"name": "question", "type": 3, "value": "what is the penalty for 20 g?"}}}, nil)
	g.fake.Dispatch("INTERACTION_CREATE", ask)
	g.fake.Dispatch("INTERACTION_CREATE", ask)
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("m77", "is it legal?", alice, ""))
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("m77", "is it legal?", alice, ""))
	seen := map[string]int{}
	for range 4 {
		select {
		case k := <-claims.calls:
			seen[k]++
		case <-time.After(guard): // hang guard
			t.Fatalf("claims so far %v", seen)
		}
	}
	if seen["discord:interaction:i77"] != 2 || seen["discord:message:m77"] != 2 {
		t.Errorf("claims %v: want each event claimed by both deliveries", seen)
	}
	paths := map[string]int{}
	for range 2 {
		paths[g.fake.Next().Path]++
	}
	if paths["/api/v9/interactions/i77/tok77/callback"] != 1 || paths["/api/v9/channels/c1/messages"] != 1 {
		t.Errorf("replies %v: want one to the interaction and one to the message", paths)
	}
	// A later event goes through, and by then no duplicate had reached the
	// answerer.
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("m78", "and 2 kg?", alice, ""))
	g.fake.Next()
	if n := len(qs); n != 3 {
		t.Errorf("the answerer was asked %d questions, want 3 (two events once each, then one more)", n)
	}
}
