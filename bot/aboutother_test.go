package bot

import "testing"

// A sentence that holds the names a question gives but nothing of what it
// asks about them, or what it asks but none of the names, tells of
// something else.
func TestTellsOfOther(t *testing.T) {
	// "When did Oswin Marrow die?": two names, one word asked about them.
	res := SearchResult{Terms: []Term{
		{Word: "oswin", Text: "oswin", DocFreq: 1},
		{Word: "marrow", Text: "marrow", DocFreq: 2},
		{Word: "die", Text: "die", DocFreq: 1},
	}}
	b := &Bot{titleWords: []string{"saltmere"}}
	q := asked{names: map[string]bool{"oswin": true, "marrow": true}}
	tests := []struct {
		name                 string
		matched, inParagraph []bool
		want                 bool
	}{
		{"the names and what is asked", []bool{true, true, true}, []bool{true, true, true}, false},
		{"the names only (founded by Oswin Marrow)", []bool{true, true, false}, []bool{true, true, false}, true},
		{"what is asked only (19 people died)", []bool{false, false, true}, []bool{false, false, true}, true},
		{"what is asked, a name in the paragraph", []bool{false, false, true}, []bool{false, true, true}, false},
	}
	// What is asked may be a word the article never uses ("born"): then
	// no sentence holds it.
	born := SearchResult{Terms: []Term{
		{Word: "marrow", Text: "marrow", DocFreq: 2},
		{Word: "born", Text: "born", DocFreq: 0},
	}}
	if !b.tellsOfOther(born, Hit{Matched: []bool{true, false}, InParagraph: []bool{true, false}}, q) {
		t.Error("a sentence with the name but not \"born\", which the article never uses, answers \"when was he born\"")
	}
	for _, tt := range tests {
		h := Hit{Matched: tt.matched, InParagraph: tt.inParagraph}
		if got := b.tellsOfOther(res, h, q); got != tt.want {
			t.Errorf("%s: tellsOfOther = %v, want %v", tt.name, got, tt.want)
		}
	}

	// The article's own names and a question with nothing but names say
	// nothing either way.
	own := SearchResult{Terms: []Term{{Word: "saltmere", Text: "saltmer", DocFreq: 9}, {Word: "founded", Text: "found", DocFreq: 2}}}
	q.names = map[string]bool{"saltmere": true}
	if b.tellsOfOther(own, Hit{Matched: []bool{false, true}, InParagraph: []bool{false, true}}, q) {
		t.Error("a sentence without the article's own name tells of something else")
	}
	// The article's own name is no part of what is asked either.
	withOwn := SearchResult{Terms: []Term{{Word: "marrow", Text: "marrow", DocFreq: 2}, {Word: "saltmere", Text: "saltmer", DocFreq: 9}}}
	q.names = map[string]bool{"marrow": true, "saltmere": true}
	if b.tellsOfOther(withOwn, Hit{Matched: []bool{true, false}, InParagraph: []bool{true, false}}, q) {
		t.Error("the article's own name, missing from a sentence, read as what the question asks")
	}
	onlyNames := SearchResult{Terms: []Term{{Word: "marrow", Text: "marrow", DocFreq: 2}}}
	q.names = map[string]bool{"marrow": true}
	if b.tellsOfOther(onlyNames, Hit{Matched: []bool{true}, InParagraph: []bool{true}}, q) {
		t.Error("a question with nothing but a name asks nothing to miss")
	}
}

// A place's adjective is the article's own name as the place is: "the
// Veldorian lanternmoth" in an article titled "Lanternmoth keeping in
// Veldoria".
func TestIsDemonym(t *testing.T) {
	tests := []struct {
		w, place string
		want     bool
	}{
		{"veldorian", "veldoria", true},
		{"korvathian", "korvathia", true},
		{"orleskian", "orlesk", true},
		{"orleskgo", "orlesk", false}, // a name made from it
		{"veldoria", "veldoria", false},
		{"norse", "norway", false},
		{"bernese", "berne", true},
		{"rome", "roma", false}, // too short a name to read endings from
	}
	for _, tt := range tests {
		if got := isDemonym(tt.w, tt.place); got != tt.want {
			t.Errorf("isDemonym(%q, %q) = %v, want %v", tt.w, tt.place, got, tt.want)
		}
	}
}
