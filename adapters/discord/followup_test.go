package discord

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/engine/enginetest"
)

// A DM over the gateway is one conversation: follow-ups are read against
// its last question, in English and Bokmål, and "and in Sweden?" is still
// declined as another country.
func TestGatewayDMFollowUps(t *testing.T) {
	eng := enginetest.Embedded(t)
	g := newGatewayFixture(t, Config{ApplicationID: "app1", GuildID: "g1", Ephemeral: true}, eng, discordtest.Options{})
	g.identify(t)
	g.fake.Next() // command registration
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })

	steps := []struct{ text, want, reading string }{
		{"What is the penalty for 20 grams?", "2 years", ""},
		{"and for dealers?", "dealers", "Reading this as: What is the penalty for dealers?"},
		{"and in Sweden?", "only cover cannabis law in Norway", "Reading this as: What is the penalty in Sweden?"},
		{"Hva er straffen for 20 gram?", "2 års", ""},
		{"og for langere?", "selgere", "Jeg leser dette som: Hva er straffen for langere?"},
	}
	for i, s := range steps {
		g.fake.Dispatch("MESSAGE_CREATE", messageEvent("dm"+string(rune('a'+i)), s.text, alice, ""))
		reply := g.fake.Next()
		var msg struct {
			Content string `json:"content"`
			Embeds  []struct {
				Description string `json:"description"`
			} `json:"embeds"`
		}
		json.Unmarshal(reply.Body, &msg)
		if reply.Path != "/api/v9/channels/c1/messages" || len(msg.Embeds) != 1 || !strings.Contains(msg.Embeds[0].Description, s.want) {
			t.Fatalf("%q: %s %s", s.text, reply.Path, reply.Body)
		}
		if msg.Content != s.reading {
			t.Errorf("%q: content %q, want the reading %q", s.text, msg.Content, s.reading)
		}
		assertNoPings(t, reply.Body)
	}
}
