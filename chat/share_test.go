package chat_test

import (
	"context"
	"sync"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

// claims is a claimer shared by two cores, as a PostgreSQL store is by two
// instances.
type claims struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (c *claims) Claim(_ context.Context, key string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[key] {
		return false, nil
	}
	c.seen[key] = true
	return true, nil
}

// A click replayed, or delivered to another instance or after a restart
// (a token the core did not offer, with the question on the button), is
// shared once.
func TestShareOnceReplaysIncluded(t *testing.T) {
	ctx := context.Background()
	shared := &claims{seen: map[string]bool{}}
	a := newFixture(t, func(o *chat.Options) { o.Claims = shared })
	b := newFixture(t, func(o *chat.Options) { o.Claims = shared })
	click := chat.Request{Kind: chat.KindShare, Via: chat.ViaCommand, Platform: "slack", User: "U1",
		Token: "00000000000000aa", Text: "What is the penalty for 20 grams?"}
	if r := a.core.Handle(ctx, click); !r.Public || r.Answer == nil || !r.Answer.Answered {
		t.Fatalf("first click: %+v", r)
	}
	for name, core := range map[string]*chat.Core{"a replay": a.core, "another instance": b.core} {
		if r := core.Handle(ctx, click); r.Public || r.Notice != bot.Message("en", "share_done") {
			t.Errorf("%s: %+v, want the share_done notice", name, r)
		}
	}
	// Without claims, a replay to the same process is still refused.
	c := newFixture(t)
	c.core.Handle(ctx, click)
	if r := c.core.Handle(ctx, click); r.Public {
		t.Errorf("replay without claims shared again: %+v", r)
	}
}
