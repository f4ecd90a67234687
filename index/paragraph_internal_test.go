package index

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/factbot/factbot/corpus"
)

// A passage's paragraph terms, gathered from the paragraph's sentences,
// are what analysing the paragraph and its section name gives: checked
// on the embedded article and every fictional one.
func TestParagraphTermsAreTheParagraphs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "fiction", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fictional articles: %v", err)
	}
	corpora := make([]corpus.Corpus, 0, 1+len(paths))
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	corpora = append(corpora, c)
	for _, p := range paths {
		c, err := corpus.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, c)
	}
	for _, c := range corpora {
		ix, err := New(c.Article.Passages, c.Synonyms)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range c.Article.Passages {
			want := map[string]bool{}
			for _, text := range []string{p.ParagraphText, p.Section} {
				for _, term := range ix.analyze(text) {
					want[term] = true
				}
			}
			if got := ix.passages[p.ID].paragraph; !maps.Equal(got, want) {
				t.Errorf("%s, %s: paragraph terms %v, the paragraph analyses to %v", c.Article.Title, p.ID, got, want)
			}
		}
		ix.Close()
	}
}
