package bot_test

import (
	"strings"
	"testing"
)

// TestAnswerAmountsAbove: "more than X" means amounts over X, which is a
// different tier from X itself when X is a tier's upper bound.
func TestAnswerAmountsAbove(t *testing.T) {
	b := realBot(t)
	tests := []struct{ q, want, not string }{
		{"What's the minimum penalty for more than 80 kg?", "3 to 15 years", "up to 10 years"},
		{"penalty for over 15 g", "up to 2 years", "fine for first-time"},
		{"more than 1 kg of hash", "10 years", "up to 2 years"},
		{"above 1000 g", "10 years", "up to 2 years"},
		{"penalty for 80 kg", "10 years", "3 to 15"},
		{"less than 1 kg", "up to 2 years", "10 years"},
		{"moreover 15 g", "fine", "2 years"},
		{"whats the max sentance for more then a kilo", "10 years", "up to 2 years"},
		{"penalty for > 1kg", "10 years", "up to 2 years"},
		{"straff for mer enn 80 kilo", "3 til 15 år", "inntil 10 år"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, b, tt.q)
			if !a.Answered || !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
				t.Errorf("%q: answered=%v %q; want %q and not %q", tt.q, a.Answered, a.Text, tt.want, tt.not)
			}
		})
	}
}
