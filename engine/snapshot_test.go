package engine_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/index"
)

var update = flag.Bool("update", false, "rewrite the embedded article's analysis snapshot")

// The embedded article's analysis snapshot is what analysing it now
// gives: a change to the article, its example questions or the analyzer
// needs a new one (go test ./engine -run TestAnalysisSnapshot -update).
func TestAnalysisSnapshotIsCurrent(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	want, err := index.Analyses(c.Article.Passages, engine.AnalyzerOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "corpus", "cannabis-in-norway.analysis")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(c.Analyses), want) {
		t.Fatalf("%s is stale (%d bytes, a fresh analysis is %d): run go test ./engine -run TestAnalysisSnapshot -update", path, len(c.Analyses), len(want))
	}
}
