package index_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/index"
)

func embedded(tb testing.TB) corpus.Corpus {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func newIndex(tb testing.TB) *index.Index {
	tb.Helper()
	c := embedded(tb)
	ix, err := index.New(c.Article.Passages, c.Synonyms)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearchRealQuestions(t *testing.T) {
	ix := newIndex(t)
	tests := []struct {
		q, top string // top: the best hit's text contains this
	}{
		{"medical marijuana approved patients", "only one person"},
		{"police search mobile phones", "do not have the right to search mobile phones"},
		{"parties voted against bill", "43.8%"},
		{"youth league Venstre", "Young Liberals"},
		{"jail 1 kg", "Up to 1 kg is punished with up to 2 years in prison."},
		{"working group March 2018", "In March 2018"},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), tt.q, 5)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%q: no hits", tt.q)
			continue
		}
		found := false
		for _, h := range res.Hits[:min(2, len(res.Hits))] {
			found = found || strings.Contains(h.Passage.Text, tt.top)
		}
		if !found {
			t.Errorf("%q: top hits %q, %q; want one containing %q", tt.q, res.Hits[0].Passage.Text, res.Hits[min(1, len(res.Hits)-1)].Passage.Text, tt.top)
		}
		if res.Passages != ix.Len() {
			t.Errorf("Passages = %d, want %d", res.Passages, ix.Len())
		}
		for _, h := range res.Hits {
			if len(h.Matched) != len(res.Terms) || len(h.InParagraph) != len(res.Terms) {
				t.Fatalf("%q: signals do not line up with the terms", tt.q)
			}
			for i := range h.Matched {
				if h.Matched[i] && !h.InParagraph[i] {
					t.Errorf("%q: term %q in the sentence but not its paragraph", tt.q, res.Terms[i].Text)
				}
			}
		}
		for i := 1; i < len(res.Hits); i++ {
			if res.Hits[i].Score > res.Hits[i-1].Score {
				t.Errorf("%q: hits not best first", tt.q)
			}
		}
	}
}

func TestSearchSynonyms(t *testing.T) {
	ix := newIndex(t)
	res, err := ix.Search(context.Background(), "weed jail", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Terms) != 2 {
		t.Fatalf("terms %+v, want weed and jail", res.Terms)
	}
	for _, term := range res.Terms {
		if term.DocFreq == 0 {
			t.Errorf("%q counts no passages, though its synonym is in the article", term.Word)
		}
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Passage.Text, "prison") {
		t.Fatalf("jail does not find prison: %+v", res.Hits)
	}
	if !res.Hits[0].Matched[1] {
		t.Error("the prison sentence is not counted as matching jail")
	}

	res, _ = ix.Search(context.Background(), "blorptastic", 3)
	if len(res.Terms) != 1 || res.Terms[0].DocFreq != 0 || len(res.Hits) != 0 {
		t.Errorf("a word the article never uses: %+v", res)
	}
}

// A one-way synonym lets the everyday word find the article's word at
// half its own weight, and never the other way round; a two-way group
// finds each of its words from any other.
func TestSynonymDirectionAndWeight(t *testing.T) {
	passages := []bot.Passage{
		{ID: "a", Section: "S", Text: "Cannabis is illegal in Norway."},
		{ID: "b", Section: "S", Text: "Weed is a word for it in Norway."},
		{ID: "c", Section: "S", Text: "Legalisation was debated in Norway."},
	}
	synonyms := []bot.Synonym{
		{Input: []string{"weed"}, Synonyms: []string{"cannabis"}},
		{Synonyms: []string{"legalization", "legalisation"}},
	}
	ix, err := index.New(passages, synonyms)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ids := func(q string) []string {
		t.Helper()
		res, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.Passage.ID)
		}
		return out
	}
	tests := []struct {
		question string
		want     []string
	}{
		{"weed", []string{"b", "a"}}, // its own word first, the synonym at half weight
		{"cannabis", []string{"a"}},  // one way: cannabis never finds weed
		{"legalization", []string{"c"}},
		{"norway", []string{"a", "b", "c"}},
		{"zzzqx", nil},
	}
	for _, tt := range tests {
		got := ids(tt.question)
		if tt.question == "norway" {
			slices.Sort(got)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

func TestSearchNeverParsesQuerySyntax(t *testing.T) {
	ix := newIndex(t)
	for _, q := range []string{
		`+cannabis -prison`, `text:medical`, `"unclosed phrase`, `cannabis AND NOT prison`, `medic*`,
		`/regexp.*/`, `cannabis^100`, `section:Enforcement`, `~~~`, `(((`, `\`, `ø æ å`, "\x00",
	} {
		if _, err := ix.Search(context.Background(), q, 5); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	res, err := ix.Search(context.Background(), "the of and", 5)
	if err != nil || len(res.Terms) != 0 || len(res.Hits) != 0 {
		t.Errorf("stop words only: %+v, %v; want no terms, no hits", res, err)
	}
	if res, err := ix.Search(context.Background(), "cannabis", 0); err != nil || len(res.Hits) != 0 {
		t.Errorf("limit 0: %d hits, %v", len(res.Hits), err)
	}
}

func TestSearchCancelled(t *testing.T) {
	ix := newIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// A cancelled search either returns an error or nothing wrong; it
	// must not hang or panic.
	ix.Search(ctx, "medical cannabis", 5)
}

func TestNewErrors(t *testing.T) {
	c := embedded(t)
	if _, err := index.New(nil, nil); err == nil {
		t.Error("index.New accepted no passages")
	}
	dup := slices.Clone(c.Article.Passages[:2])
	dup[1].ID = dup[0].ID
	if _, err := index.New(dup, nil); err == nil || !strings.Contains(err.Error(), dup[0].ID) {
		t.Errorf("duplicate IDs: %v", err)
	}
	for _, s := range []bot.Synonym{
		{Input: []string{"weed"}},
		{Synonyms: []string{"cannabis"}},
		{Input: []string{"two words"}, Synonyms: []string{"cannabis"}},
	} {
		if _, err := index.New(c.Article.Passages, []bot.Synonym{s}); err == nil {
			t.Errorf("index.New accepted synonym %+v", s)
		}
	}
}
