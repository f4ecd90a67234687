package bot

import (
	"slices"
	"testing"
)

func TestNameRuns(t *testing.T) {
	tests := []struct {
		text string
		want [][]string
	}{
		{"Who built the Tallow Boat?", [][]string{{"tallow", "boat"}}},
		{"When did the Labour Party's vote happen", [][]string{{"labour", "party"}}},
		{"Tallow Boat: who built it?", [][]string{{"tallow", "boat"}}}, // a sentence may open with a name
		{"Who is Oswin Marrow? And the Inner Lock?", [][]string{{"oswin", "marrow"}, {"inner", "lock"}}},
		{"When was Oslo founded?", nil}, // one word: namedWords reads it
		{"Hi. What did Labour do", nil}, // "What" starts a sentence
		{"is the Attorney General in Oslo", [][]string{{"attorney", "general"}}},
		{"Who is the Attorney General of Norway?", [][]string{{"attorney", "general", "of", "norway"}}},
		{"When does the Festival of the Flame start", [][]string{{"festival", "of", "the", "flame"}}},
		{"Is the Museum of the town open", nil}, // a connector ends no name
	}
	for _, tt := range tests {
		if got := nameRuns(tt.text); !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("nameRuns(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Any text reads without panicking, and every run read is a name of two
// or more words.
func FuzzNameRuns(f *testing.F) {
	f.Add("Who built the Tallow Boat?", "He built a quay on the River Tallow.")
	f.Add("a. B C. D E", "B X C")
	f.Fuzz(func(t *testing.T, question, sentence string) {
		runs := nameRuns(question)
		for _, run := range runs {
			if len(run) < 2 {
				t.Fatalf("run %q of %q has fewer than two words", run, question)
			}
		}
		held, _ := capitalisedRuns(sentence)
		holdsOtherName(held, runs)
	})
}

func TestCapitalisedRuns(t *testing.T) {
	tests := []struct {
		text string
		runs [][]string
		lead string
	}{
		{"Young Liberals of Norway supports it.", [][]string{{"young", "liberals", "of", "norway"}}, "young"},
		{"Rebuilding after the fire took nine years.", nil, "rebuilding"},
		{"The Progress Party voted against.", [][]string{{"progress", "party"}}, ""},
		{"In March 2018, the Attorney General decided.", [][]string{{"attorney", "general"}}, ""},
		{"Its exhibit is the Tallow Boat's hull.", [][]string{{"tallow", "boat"}}, ""}, // "its" is no name
	}
	for _, tt := range tests {
		runs, lead := capitalisedRuns(tt.text)
		if !slices.EqualFunc(runs, tt.runs, slices.Equal) || lead != tt.lead {
			t.Errorf("capitalisedRuns(%q) = %q, %q; want %q, %q", tt.text, runs, lead, tt.runs, tt.lead)
		}
	}
}

// nameRuns are the names of two or more capitalised words a text gives
// ("Who built the Tallow Boat?", "…the Festival of the Flame"), as the
// bot reads them for questions and sentences alike.
func nameRuns(text string) [][]string {
	runs, _ := capitalisedRuns(text)
	return severalWords(runs)
}
