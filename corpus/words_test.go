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
