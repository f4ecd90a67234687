package engine

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A search on the index while it is built waits for it, and gives up when
// its context does: a bot searching while it is built never hangs.
func TestPendingIndexWaits(t *testing.T) {
	p := &pendingIndex{ready: make(chan struct{})}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := p.Search(ctx, "penalty", 3); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("search before the index is built: err = %v, want the context's deadline", err)
	}

	broken := errors.New("no passages")
	p.err = broken
	close(p.ready)
	if _, err := p.Search(context.Background(), "penalty", 3); !errors.Is(err, broken) {
		t.Fatalf("search on an index that failed to build: err = %v, want %v", err, broken)
	}
}
