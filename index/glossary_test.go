package index_test

import (
	"slices"
	"testing"

	"github.com/factbot/factbot/index"
)

func TestGlossaryTranslate(t *testing.T) {
	g, err := index.NewGlossary(map[string]string{
		"hva": "what", "er": "is", "straff": "penalty", "eget bruk": "personal use",
		"til eget bruk": "for personal use", "gram": "grams", "fengsel": "prison",
		"maksimum": "maximum", "minste": "minimum", "rus": "drug", "reform": "reform",
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Hva er straff?", "what is penalty?"},
		// Inflections through the Norwegian stemmer.
		{"straffen", "penalty"},
		{"fengselet", "prison"},
		// The longest phrase wins; case is folded.
		{"Til eget bruk", "for personal use"},
		{"til  eget   bruk", "for personal use"},
		// Numbers, decimal commas and unknown words pass through.
		{"1,5 gram hasj", "1,5 grams hasj"},
		{"Cannabis NORML 2021", "Cannabis NORML 2021"},
		// Compounds of two listed words, with a linking s or e.
		{"maksimumsstraffen", "maximum penalty"},
		{"minstestraff", "minimum penalty"},
		{"rusreformen", "drug reform"},
		{"fengselsstraff", "prison penalty"},
		{"straffbarhet", "straffbarhet"}, // no listed right part
		// A phrase does not span punctuation.
		{"eget, bruk", "eget, bruk"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := g.Translate(tt.in); got != tt.want {
			t.Errorf("Translate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Words lists the single words the glossary reads, folded and sorted,
// never a phrase.
func TestGlossaryWords(t *testing.T) {
	g, err := index.NewGlossary(map[string]string{
		"straff": "penalty", "Fengsel": "prison", "eget bruk": "personal use", "hva": "what",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"fengsel", "hva", "straff"}
	if got := g.Words(); !slices.Equal(got, want) {
		t.Errorf("Words() = %q, want %q", got, want)
	}
}

func TestNewGlossaryRejectsEmpty(t *testing.T) {
	if _, err := index.NewGlossary(map[string]string{"straff": " "}); err == nil {
		t.Error("an empty translation was accepted")
	}
}

func FuzzGlossaryTranslate(f *testing.F) {
	g, err := index.NewGlossary(map[string]string{"hva": "what", "eget bruk": "personal use"})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Hva er eget bruk?", "1,5 kg", "æøå", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = g.Translate(s) // no panic on any input
	})
}
