package chat

import (
	"regexp"
	"testing"
)

var validAmount = regexp.MustCompile(`^(0|[1-9][0-9]{0,6})(\.[0-9]{1,3})? (g|kg|oz|lb|mg)$`)

func TestSuggestAmounts(t *testing.T) {
	tests := []struct {
		typed string
		want  []string // must be among the choices, first ones in order
	}{
		{"", []string{"1 g", "5 g"}},
		{"abc", []string{"1 g"}},
		{"2", []string{"2 g", "2 kg", "2 oz", "2 lb", "2 mg", "20 g"}},
		{"20g", []string{"20 g", "200 g"}},
		{"20 k", []string{"20 kg", "200 kg"}},
		{"2 ounces", []string{"2 oz"}},
		{"2,5 oz", []string{"2.5 oz"}},
		{"007 g", []string{"7 g"}},
		{"1.50 kilo", []string{"1.5 kg"}},
		{"3 furlongs", []string{"3 g"}},
		{"99999999999999999999", []string{"1 g"}},
	}
	for _, tt := range tests {
		got := suggestAmounts(tt.typed)
		if len(got) == 0 || len(got) > 25 {
			t.Errorf("%q: %d choices", tt.typed, len(got))
		}
		for i, w := range tt.want {
			if i >= len(got) || got[i] != w {
				t.Errorf("%q: got %v, want it to start with %v", tt.typed, got, tt.want)
				break
			}
		}
		for _, c := range got {
			if !validAmount.MatchString(c) {
				t.Errorf("%q: choice %q is not a well-formed amount", tt.typed, c)
			}
		}
	}
}

func FuzzSuggestAmounts(f *testing.F) {
	for _, s := range []string{"", "2", "20 g", "1,5kg", "0.001 mg", "١٢ g", "9999999 lb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		got := suggestAmounts(typed)
		if len(got) == 0 || len(got) > maxChoices {
			t.Fatalf("%q: %d choices", typed, len(got))
		}
		for _, c := range got {
			if !validAmount.MatchString(c) {
				t.Fatalf("%q: choice %q", typed, c)
			}
		}
	})
}
