package corpus

import "testing"

// The verb forms read an irregular form as its verb, never a word as
// itself, and leave a form that is mostly a word of its own alone.
func TestEnglishVerbForms(t *testing.T) {
	forms := EnglishVerbForms()
	if len(forms) < 500 {
		t.Fatalf("%d verb forms, want the WordNet list", len(forms))
	}
	for form, verb := range forms {
		if form == verb || form == "" || verb == "" {
			t.Errorf("%q → %q", form, verb)
		}
	}
	for form, want := range map[string]string{"paid": "pay", "found": "find", "built": "build", "chose": "choose"} {
		if got := forms[form]; got != want {
			t.Errorf("%q → %q, want %q", form, got, want)
		}
	}
	for _, own := range []string{"wound", "ground", "bound", "founded"} {
		if verb, ok := forms[own]; ok {
			t.Errorf("%q → %q, want it left as it is", own, verb)
		}
	}
}

// A common word's rank is its place in the list, the most common first.
func TestCommonRanks(t *testing.T) {
	nb := CommonRanks("nb")
	if nb["på"] == 0 || nb["pa"] == 0 || nb["på"] >= nb["pa"] {
		t.Errorf("ranks på %d, pa %d: want both, på the more common", nb["på"], nb["pa"])
	}
	for w, r := range nb {
		if !CommonWords("nb")[w] || r < 1 {
			t.Fatalf("%q has rank %d but is no common word", w, r)
		}
	}
	if CommonRanks("xx") != nil {
		t.Error("ranks for a language without a list")
	}
}
