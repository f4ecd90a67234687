package index

import (
	"context"
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
)

// An index built with its texts' analyses computed ahead is the index
// built by analysing them: the same terms noted, counted and found, and
// the same matches for every example question.
func TestSnapshotBuildsTheSameIndex(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	forms := WithVerbForms(corpus.EnglishVerbForms())
	snap, err := Analyses(c.Article.Passages, forms)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := New(c.Article.Passages, c.Synonyms, forms)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	loaded, err := New(c.Article.Passages, c.Synonyms, forms, WithAnalyses(string(snap)))
	if err != nil {
		t.Fatal(err)
	}
	defer loaded.Close()

	if !maps.Equal(fresh.termOf, loaded.termOf) || !maps.Equal(fresh.docFreq, loaded.docFreq) || !maps.Equal(fresh.indexed, loaded.indexed) {
		t.Fatal("the indexes note, count or hold different terms")
	}
	for id, e := range fresh.passages {
		if l := loaded.passages[id]; !maps.Equal(e.terms, l.terms) || !maps.Equal(e.paragraph, l.paragraph) {
			t.Fatalf("passage %s: terms differ", id)
		}
	}
	ctx := context.Background()
	for _, p := range c.Article.Passages {
		for _, q := range p.Questions {
			a, errA := fresh.Search(ctx, q, 5)
			b, errB := loaded.Search(ctx, q, 5)
			if errA != nil || errB != nil || !reflect.DeepEqual(a, b) {
				t.Fatalf("%q: the indexes find different passages (%v, %v)", q, errA, errB)
			}
		}
	}
}

// A text the snapshot lacks is analysed: a snapshot of another article
// builds the index analysing builds.
func TestSnapshotOfOtherTexts(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	other := []bot.Passage{{ID: "x", Section: "Elsewhere", Text: "A sentence of another article.", Questions: []string{"What else?"}}}
	snap, err := Analyses(other)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := New(c.Article.Passages, c.Synonyms)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	foreign, err := New(c.Article.Passages, c.Synonyms, WithAnalyses(string(snap)))
	if err != nil {
		t.Fatal(err)
	}
	defer foreign.Close()
	if !maps.Equal(fresh.termOf, foreign.termOf) || !maps.Equal(fresh.docFreq, foreign.docFreq) || !maps.Equal(fresh.indexed, foreign.indexed) {
		t.Fatal("a snapshot of other texts changed the index")
	}
}

// A corrupt snapshot is an error, never a panic or an index with wrong
// terms.
func TestCorruptSnapshot(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Analyses(c.Article.Passages[:2])
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"not a snapshot", string(snap[:len(snap)-3]), snapshotMagic + "\xff\xff\xff"} {
		if _, err := New(c.Article.Passages, nil, WithAnalyses(bad)); err == nil || !strings.Contains(err.Error(), "snapshot") {
			t.Errorf("snapshot %.30q: error %v, want one naming the snapshot", bad, err)
		}
	}
}

func FuzzDecodeAnalyses(f *testing.F) {
	c, err := corpus.Default()
	if err != nil {
		f.Fatal(err)
	}
	snap, err := Analyses(c.Article.Passages[:2])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(snap))
	f.Add(snapshotMagic)
	f.Add(snapshotMagic + "\x05hello\x01\x00\x05\x05hello")
	f.Fuzz(func(t *testing.T, s string) {
		out, err := decodeAnalyses(s)
		if err != nil {
			return
		}
		for text, toks := range out {
			if !strings.Contains(s, text) {
				t.Fatalf("decoded text %q is not in the snapshot", text)
			}
			for _, tok := range toks {
				if !strings.Contains(s, tok.term) {
					t.Fatalf("decoded term %q is not in the snapshot", tok.term)
				}
			}
		}
	})
}
