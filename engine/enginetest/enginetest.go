// Package enginetest gives tests the engine that ships, built once per
// test on the embedded article.
package enginetest

import (
	"testing"

	"github.com/factbot/factbot/engine"
)

// Embedded builds the engine on the embedded article, closed when the
// test ends.
func Embedded(tb testing.TB) *engine.Engine {
	tb.Helper()
	eng, err := engine.Load("", nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { eng.Close() })
	return eng
}

// Article builds the engine on the article file at path, closed when the
// test ends.
func Article(tb testing.TB, path string) *engine.Engine {
	tb.Helper()
	eng, err := engine.Load(path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { eng.Close() })
	return eng
}
