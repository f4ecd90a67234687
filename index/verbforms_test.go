package index_test

import (
	"context"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/index"
)

// With verb forms, an irregular form meets its verb ("pay" finds "paid"),
// and "found" (of find) no longer stems like "founded" (of found); without
// them, the analyzer is Bleve's English analyzer, which conflates both.
func TestVerbForms(t *testing.T) {
	passages := []bot.Passage{
		{ID: "a-p1-s1", Section: "A", Paragraph: 1, Sentence: 1, Text: "The old boat was found in the mud."},
		{ID: "a-p1-s2", Section: "A", Paragraph: 1, Sentence: 2, Text: "The harbour town was founded by a merchant."},
		{ID: "a-p1-s3", Section: "A", Paragraph: 1, Sentence: 3, Text: "Rebuilding was paid for by a levy."},
	}
	forms := map[string]string{"found": "find", "paid": "pay"}
	tests := []struct {
		forms    map[string]string
		question string
		want     []string // the passages that match
	}{
		{forms, "who founded it", []string{"a-p1-s2"}},
		{forms, "where did they find it", []string{"a-p1-s1"}},
		{forms, "who will pay", []string{"a-p1-s3"}},
		{nil, "who founded it", []string{"a-p1-s1", "a-p1-s2"}},
		{nil, "who will pay", nil},
	}
	for _, tt := range tests {
		var opts []index.Option
		if tt.forms != nil {
			opts = append(opts, index.WithVerbForms(tt.forms))
		}
		ix, err := index.New(passages, nil, opts...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.Search(context.Background(), tt.question, 5)
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, h := range res.Hits {
			got[h.Passage.ID] = true
		}
		if len(got) != len(tt.want) {
			t.Errorf("forms %v, %q: hits %v, want %v", tt.forms != nil, tt.question, got, tt.want)
			continue
		}
		for _, id := range tt.want {
			if !got[id] {
				t.Errorf("forms %v, %q: hits %v, want %v", tt.forms != nil, tt.question, got, tt.want)
			}
		}
	}
}
