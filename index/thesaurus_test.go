package index_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/index"
)

func TestThesaurusLetsAnUnknownWordMatch(t *testing.T) {
	passages := []bot.Passage{
		{ID: "a-p1-s1", Section: "A", Paragraph: 1, Sentence: 1, Text: "A keeper needs a permit from the registry."},
		{ID: "a-p1-s2", Section: "A", Paragraph: 1, Sentence: 2, Text: "The moths glow at night."},
	}
	thesaurus := mapThesaurus{"licence": {"license", "permit", "certify"}, "glow": {"shine"}}
	ix, err := index.New(passages, nil, index.WithThesaurus(thesaurus))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for range 2 { // the second time from the memo
		res, err := ix.Search(context.Background(), "do I need a licence", 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].Passage.ID != "a-p1-s1" {
			t.Fatalf("hits %+v, want the permit sentence first", res.Hits)
		}
		for i, term := range res.Terms {
			if term.Word == "licence" {
				if term.DocFreq == 0 || !res.Hits[0].Matched[i] {
					t.Errorf("licence: DocFreq %d, matched %v; want it found through permit", term.DocFreq, res.Hits[0].Matched[i])
				}
			}
		}
	}
	// A word the article uses keeps its own meaning: "glow" is not
	// widened to "shine", and nothing matches a word with no synonym.
	res, err := ix.Search(context.Background(), "zorblax", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 0 {
		t.Errorf("an unknown word without synonyms matched %d passages", len(res.Hits))
	}
}

type mapThesaurus map[string][]string

func (m mapThesaurus) Synonyms(w string) []string { return m[w] }

// What one question's word stands in for never depends on what was asked
// before: "start" gets its own synonyms, not those an earlier "starting"
// found for the same analysed term.
func TestStandInsDoNotDependOnEarlierQuestions(t *testing.T) {
	passages := []bot.Passage{
		{ID: "a-p1-s1", Section: "A", Paragraph: 1, Sentence: 1, Text: "Trading began in 1412."},
		{ID: "a-p1-s2", Section: "A", Paragraph: 1, Sentence: 2, Text: "The ferries commence at dawn."},
	}
	thesaurus := mapThesaurus{"starting": {"beginning", "begun", "began"}, "start": {"commence"}}
	search := func(ix *index.Index, q string) []string {
		res, err := ix.Search(context.Background(), q, 2)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.Passage.ID)
		}
		return ids
	}
	fresh, err := index.New(passages, nil, index.WithThesaurus(thesaurus))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	used, err := index.New(passages, nil, index.WithThesaurus(thesaurus))
	if err != nil {
		t.Fatal(err)
	}
	defer used.Close()
	search(used, "starting")
	if got, want := search(used, "start"), search(fresh, "start"); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("\"start\" after \"starting\" finds %v, alone %v", got, want)
	}
}
