package bot

import (
	"strings"
	"testing"
)

func TestAsksOpinion(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"Do you personally think the law should change?", true},
		{"what's your opinion on the new rules", true},
		{"Would it be a good idea to open a shop there?", true},
		{"Is their licensing system better than ours?", true},
		{"is it worth it to apply?", true},
		{"Would you recommend moving there?", true},
		{"Hva synes du om loven?", true},
		{"Er det en god idé å søke?", true},
		// Factual questions, chatty or comparative, are not opinions.
		{"do you think they'd fine me for 5 grams?", false},
		{"Is hash punished more than weed?", false},
		{"What is the penalty for more than 10 kg?", false},
		{"When was the law passed?", false},
		{"better", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := asksOpinion(words(strings.ToLower(tt.question))); got != tt.want {
			t.Errorf("asksOpinion(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
