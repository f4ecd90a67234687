// Package claim decides which instance handles a delivery that can arrive
// more than once: a Slack event Slack retries, a Discord gateway event
// that two instances on one shard both receive.
package claim

import (
	"context"
	"log/slog"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Claimer says whether this instance is the first to handle the delivery
// key names ("slack:event:Ev…", "discord:message:…"). *store.Store
// implements it in the database, so instances sharing it agree.
type Claimer interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// timeout bounds a claim; past it the delivery is handled anyway.
const timeout = 2 * time.Second

// First reports whether this instance should handle the delivery key
// names. When the claim cannot be made the delivery is handled: a rare
// double answer beats a lost one. A nil Claimer, or an empty key, claims
// everything.
func First(ctx context.Context, c Claimer, key string, log *slog.Logger) bool {
	if c == nil || key == "" {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ok, err := c.Claim(ctx, key)
	if err != nil {
		log.Warn("claiming a delivery failed; handling it", "key", key, "err", err)
		return true
	}
	return ok
}

// Local remembers the last n keys, for one instance on its own: the
// Claimer when no store is shared.
type Local struct{ seen *lru.Cache[string, struct{}] }

// NewLocal remembers n keys.
func NewLocal(n int) Local {
	c, _ := lru.New[string, struct{}](max(n, 1)) // only a size <= 0 fails
	return Local{seen: c}
}

// Claim reports whether key is new, and remembers it.
func (l Local) Claim(_ context.Context, key string) (bool, error) {
	seen, _ := l.seen.ContainsOrAdd(key, struct{}{})
	return !seen, nil
}
