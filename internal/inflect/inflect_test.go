package inflect

import (
	"slices"
	"testing"
)

func TestSingular(t *testing.T) {
	tests := map[string]string{
		"parties": "party", "fines": "fine", "workers": "worker", "penalties": "penalty",
		"class": "class", "bus": "bus", "ties": "tie", "ways": "way", "use": "use", "": "",
	}
	for in, want := range tests {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBases(t *testing.T) {
	tests := map[string][]string{
		"parties": {"party", "parti"},
		"fined":   {"fin", "fine"},
		"fines":   {"fine", "fin"},
		"landing": {"land"},
		"worker":  nil,
		"red":     nil,
		"uses":    {"use"},
	}
	for in, want := range tests {
		if got := Bases(in); !slices.Equal(got, want) {
			t.Errorf("Bases(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSame(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"workers", "worker", true},
		{"fines", "fined", true},
		{"party", "parties", true},
		{"landed", "landing", true},
		{"fine", "fine", true},
		{"boat", "boats", true},
		{"boat", "coat", false},
		{"us", "u", false},
		{"years", "days", false},
	}
	for _, tt := range tests {
		if got := Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Same(tt.b, tt.a); got != tt.want {
			t.Errorf("Same(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
