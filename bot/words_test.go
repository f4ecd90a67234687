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
