package edits

import "testing"

func TestWithin(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"abc", "abc", 1, 0},
		{"abc", "acb", 1, 1},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"æøå", "æå", 1, 1},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		if got := Within(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Within(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
