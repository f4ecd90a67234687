package claim

import (
	"context"
	"errors"
	"log/slog"
	"testing"
)

type failing struct{}

func (failing) Claim(context.Context, string) (bool, error) { return false, errors.New("down") }

func TestFirst(t *testing.T) {
	ctx, log := context.Background(), slog.New(slog.DiscardHandler)
	l := NewLocal(2)
	if !First(ctx, l, "a", log) || First(ctx, l, "a", log) {
		t.Error("a key was not claimed once")
	}
	First(ctx, l, "b", log)
	First(ctx, l, "c", log) // pushes a out: memory is bounded
	if !First(ctx, l, "a", log) {
		t.Error("the memory holds more than its bound")
	}
	if !First(ctx, failing{}, "x", log) || !First(ctx, nil, "x", log) || !First(ctx, l, "", log) {
		t.Error("a failed, absent or empty claim did not let the delivery through")
	}
}
