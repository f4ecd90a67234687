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
		{"Tallow Boat: who built it?", nil}, // the first word starts the sentence
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

func TestHoldsOtherName(t *testing.T) {
	tallowBoat := [][]string{{"tallow", "boat"}}
	labourParty := [][]string{{"labour", "party"}}
	tests := []struct {
		sentence string
		runs     [][]string
		want     bool
	}{
		{"He built a quay at the mouth of the River Tallow.", tallowBoat, true},
		{"Its best-known exhibit is the Tallow Boat, found in 1974.", tallowBoat, false},
		{"The Progress Party voted against the bill.", labourParty, true},
		{"Labour voted for the bill.", labourParty, false},
		{"The party voted for the bill.", labourParty, false},
		{"The Party voted for the bill.", labourParty, false}, // "The" starts the sentence
		{"The Labour Party and the Progress Party voted against it.", labourParty, false},
		{"The River Tallow floods.", nil, false},
		{"The Norwegian Attorney General decided.", [][]string{{"attorney", "general", "of", "norway"}}, false},
		{"The Festival of the Flame draws visitors.", [][]string{{"virelle", "museum", "of", "glass"}}, false},
		{"The Glass Festival draws visitors.", [][]string{{"museum", "of", "glass"}}, true},
	}
	for _, tt := range tests {
		if got := holdsOtherName(tt.sentence, tt.runs); got != tt.want {
			t.Errorf("holdsOtherName(%q, %q) = %v, want %v", tt.sentence, tt.runs, got, tt.want)
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
		holdsOtherName(sentence, runs)
	})
}

func TestNamesUnknownOfKnownKind(t *testing.T) {
	terms := []Term{
		{Word: "labour", DocFreq: 0},
		{Word: "party", DocFreq: 3},
		{Word: "vote", DocFreq: 2},
		{Word: "oswin", DocFreq: 0},
		{Word: "marrow", DocFreq: 0},
		{Word: "green", DocFreq: 1},
	}
	res := SearchResult{Terms: terms}
	tests := []struct {
		runs [][]string
		want bool
	}{
		{[][]string{{"labour", "party"}}, true},  // parties are known, Labour is not
		{[][]string{{"green", "party"}}, false},  // the article's own party
		{[][]string{{"oswin", "marrow"}}, false}, // a name wholly unknown is a signal, not this rule
		{nil, false},
	}
	for _, tt := range tests {
		if got := namesUnknownOfKnownKind(res, tt.runs); got != tt.want {
			t.Errorf("namesUnknownOfKnownKind(%q) = %v, want %v", tt.runs, got, tt.want)
		}
	}
}
