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
