package bot

import "testing"

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
		if got := holdsOtherName(readTypes(tt.sentence).nameRuns, tt.runs); got != tt.want {
			t.Errorf("holdsOtherName(%q, %q) = %v, want %v", tt.sentence, tt.runs, got, tt.want)
		}
	}
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
