package bot

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"what's the penalty for first-time offenders?", []string{"what", "the", "penalty", "for", "first-time", "offenders"}},
		{"sweden's laws", []string{"sweden", "laws"}},
		{"1,5 kg - 20g", []string{"1", "5", "kg", "20g"}},
		{"høyesterett’s dom", []string{"høyesterett", "dom"}},
		{"--- 'quoted' -", []string{"quoted"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	f.Add("first-time don't 'x' -")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range wordSpans(s) {
			if w == "" {
				t.Fatalf("empty word in %q", s)
			}
		}
	})
}

// A phrase set finds exactly what anyPhrase finds over the same phrases.
func TestPhraseSetMatchesAnyPhrase(t *testing.T) {
	ps := []string{"good idea", "do you agree", "worth it", "synes du"}
	set := phrases(ps...)
	for _, q := range []string{"is it a good idea", "do you agree with it", "is it worth it",
		"hva synes du", "a good day", "do you", "worth", "idea good", ""} {
		ws := words(q)
		if got, want := set.any(ws), anyPhrase(ws, ps...); got != want {
			t.Errorf("%q: phrase set %v, anyPhrase %v", q, got, want)
		}
	}
}
