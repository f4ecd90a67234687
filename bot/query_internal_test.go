package bot

import "testing"

func TestWithoutExclusion(t *testing.T) {
	tests := map[string]string{
		"apart from the young liberals, which party supports it?": ", which party supports it?",
		"which party supports it besides the young liberals?":     "which party supports it ?",
		"is it legal for anything other than medical use?":        "is it legal for anything ?",
		"besides, is it legal?":                                   "besides, is it legal?",
		"apart from that?":                                        "apart from that?",
		"what happens except for fines, and who decides?":         "what happens , and who decides?",
		"is it legal?":                       "is it legal?",
		"bortsett fra bot, hva er straffen?": ", hva er straffen?",
	}
	for in, want := range tests {
		if got := withoutExclusion(in); got != want {
			t.Errorf("withoutExclusion(%q) = %q, want %q", in, got, want)
		}
	}
}

// "How long", "how often" say what kind of answer is wanted: not searched
// for, while "long" elsewhere is.
func TestContentQueryDropsQuestionPhrases(t *testing.T) {
	b := &Bot{}
	tests := map[string]string{
		"how long is a virelle apprenticeship": "how is a virelle apprenticeship",
		"how often are locks opened":           "how are locks opened",
		"is the long boat in the museum":       "is the long boat in the museum",
		// "Which day", "what year" say what kind of answer is wanted.
		"which day of the week is the museum closed": "which is the museum closed",
		"in what year did the strike end":            "in what did the strike end",
		"what exact date was the bill passed":        "what exact was the bill passed",
		"how many days did the strike last":          "how days did the strike last",
	}
	for q, want := range tests {
		if got := b.contentQuery(words(q)); got != want {
			t.Errorf("contentQuery(%q) = %q, want %q", q, got, want)
		}
	}
}
