package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

func TestSynonymTerms(t *testing.T) {
	ix, err := New([]bot.Passage{{ID: "a", Section: "A", Text: "Jail terms for weed."}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tc := range []struct {
		syn          bot.Synonym
		inputs, syns []string
		err          string
	}{
		{bot.Synonym{Input: []string{"jailed", "Prisons"}, Synonyms: []string{"prison"}}, []string{"jail", "prison"}, []string{"prison"}, ""},
		{bot.Synonym{Synonyms: []string{"legalise", "legalized"}}, []string{}, []string{"legal", "legal"}, ""},
		{bot.Synonym{Input: []string{"the", "weed"}, Synonyms: []string{"cannabis"}}, nil, nil, `["the"] must each be one word`},
		{bot.Synonym{Input: []string{"two words"}, Synonyms: []string{"cannabis"}}, nil, nil, `["two words"] must each be one word`},
		{bot.Synonym{Input: []string{"weed"}}, nil, nil, "synonyms not empty"},
		{bot.Synonym{Synonyms: []string{"cannabis"}}, nil, nil, "at least two terms"},
	} {
		inputs, syns, err := ix.synonymTerms(tc.syn)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: error %v, want one saying %q", tc.syn, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(inputs, tc.inputs) || !slices.Equal(syns, tc.syns) {
			t.Errorf("%v: %q %q %v, want %q %q", tc.syn, inputs, syns, err, tc.inputs, tc.syns)
		}
	}
}
