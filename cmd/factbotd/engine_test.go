package main

import (
	"testing"

	"github.com/factbot/factbot/engine"
)

// embeddedEngine builds the engine on the embedded article, closed when
// the test ends.
func embeddedEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	eng, err := engine.Load("", nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { eng.Close() })
	return eng
}
