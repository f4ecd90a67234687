package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/adapters/discord"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/internal/config"
	"github.com/factbot/factbot/internal/server"
)

// The moderator toolkit on Discord (HTTP interactions) through serve's
// wiring: the real engine inside the recorder on a real store, a
// moderator role from the config.
func TestServeDiscordModeratorToolkit(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Discord.Enabled = true
	cfg.Discord.Mode = discord.ModeHTTP
	cfg.Discord.PublicKey = hex.EncodeToString(pub)
	cfg.Discord.ModeratorRoles = []string{"900"}
	cfg.Limits.Questions = 20 // clicks and reports count too; this test makes more than 5 requests
	cfg.Store.Path = filepath.Join(t.TempDir(), "factbot.db")
	eng := enginetest.Embedded(t)
	log := slog.New(slog.DiscardHandler)
	rec, err := openRecording(t.Context(), cfg.Store, log)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.close(t.Context(), log)
	opts, err := build(cfg, rec.parts(eng.Bot), log, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := server.Handler(opts)

	type response struct {
		Type int `json:"type"`
		Data struct {
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
				Components []struct {
					CustomID string `json:"custom_id"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	n := 0
	send := func(typ int, data map[string]any, roles ...string) response {
		t.Helper()
		n++
		body, _ := json.Marshal(map[string]any{
			"id": "i" + strconv.Itoa(n), "application_id": "a", "type": typ, "token": "t" + strconv.Itoa(n), "version": 1,
			"channel_id": "c1", "guild_id": "g1", "data": data,
			"member": map[string]any{"user": map[string]any{"id": "4" + strconv.Itoa(len(roles))}, "roles": roles},
		})
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		r := httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader(string(body)))
		r.Header.Set("X-Signature-Timestamp", ts)
		r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var resp response
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || w.Code != http.StatusOK || resp.Type != 4 {
			t.Fatalf("%s: %d %s", data["name"], w.Code, w.Body)
		}
		return resp
	}
	command := func(name string, opts ...map[string]any) map[string]any {
		return map[string]any{"id": "x", "name": name, "type": 1, "options": opts}
	}
	str := func(name, v string) map[string]any { return map[string]any{"name": name, "type": 3, "value": v} }

	card := send(2, command("facts", str("topic", "penalties")), "900")
	if card.Data.Flags&64 != 0 || len(card.Data.Embeds) != 1 {
		t.Fatalf("moderator's /facts: %+v", card.Data)
	}
	e := card.Data.Embeds[0]
	var fields []string
	for _, f := range e.Fields {
		fields = append(fields, f.Name+": "+f.Value)
	}
	all := strings.Join(fields, "\n")
	for _, want := range []string{"Up to 15 g (personal use): a fine", "Over 15 g, up to 1 kg: up to 2 years in prison",
		"Over 1 kg, up to 80 kg: up to 10 years", "Over 80 kg: 3 to 15 years", "Source: Enforcement · Cannabis in Norway"} {
		if !strings.Contains(all, want) {
			t.Errorf("card fields lack %q:\n%s", want, all)
		}
	}
	if len(e.Fields) != 5 || e.Footer == nil || e.Footer.Text != "Not legal advice." {
		t.Errorf("card %+v", e)
	}

	ask := send(2, command("ask", str("question", "What is the penalty for 20 g?"), map[string]any{"name": "public", "type": 5, "value": true}))
	if ask.Data.Flags&64 == 0 || ask.Data.Content != eng.Message("en", "public_refused") || len(ask.Data.Embeds) != 1 ||
		!strings.Contains(ask.Data.Embeds[0].Description, "2 years") {
		t.Fatalf("member's public /ask: %+v", ask.Data)
	}
	up := ask.Data.Components[0].Components[1].CustomID
	if !strings.HasPrefix(up, "fb:up:") {
		t.Fatalf("buttons %+v", ask.Data.Components)
	}
	if c := send(3, map[string]any{"custom_id": up, "component_type": 2}).Data.Content; c != eng.Message("en", "feedback_thanks") {
		t.Errorf("first click: %q", c)
	}
	if c := send(3, map[string]any{"custom_id": up, "component_type": 2}).Data.Content; c != eng.Message("en", "feedback_duplicate") {
		t.Errorf("second click: %q", c)
	}
	fb, err := bot.Feedback(t.Context(), rec.store, bot.ReportOptions{})
	if err != nil || fb.Up != 1 || fb.Down != 0 {
		t.Errorf("feedback in the store: %+v %v, want one 👍", fb, err)
	}

	for range 2 {
		send(2, command("ask", str("question", "Is cannabis legal in Sweden?")))
	}
	if err := rec.writer.Flush(t.Context()); err != nil { // questions are written in batches
		t.Fatal(err)
	}
	if c := send(2, command("factbot-report")).Data.Content; c != eng.Message("en", "report_moderators_only") {
		t.Errorf("member's report: %q", c)
	}
	rep := send(2, command("factbot-report"), "900")
	if rep.Data.Flags&64 == 0 || len(rep.Data.Embeds) != 1 || len(rep.Data.Embeds[0].Fields) != 1 ||
		rep.Data.Embeds[0].Fields[0].Name != "1. is cannabis legal in sweden" || !strings.Contains(rep.Data.Embeds[0].Fields[0].Value, "2×") {
		t.Errorf("moderator's report: %+v", rep.Data)
	}
}
