package bot

import (
	"slices"
	"testing"
)

func TestSpellerCorrect(t *testing.T) {
	sp := newSpeller()
	for w, n := range map[string]int{"legal": 3, "police": 5, "cannabis": 9, "recommendation": 1, "working": 2,
		"group": 4, "record": 2, "reform": 3, "caught": 1, "what": functionWordFreq, "most": 1,
		"every": 1, "very": functionWordFreq} {
		sp.addTarget(w, n)
	}
	sp.addKnown("cost", "team", "leagal-ish")
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"leagal", "legal", true},     // an inserted letter
		{"polise", "police", true},    // a substitution
		{"canabis", "cannabis", true}, // a dropped letter
		{"recrod", "record", true},    // two letters swapped
		{"refrom", "reform", true},    // swapped, long enough
		{"recomendation", "recommendation", true},
		{"grup", "group", true},
		// As close to both: the word keeping the first letter, however
		// much more frequent the other.
		{"evry", "every", true},
		{"cost", "cost", false}, // a known word is never rewritten
		{"team", "team", false},
		{"legal", "legal", false},
		{"wat", "wat", false},                     // too short to guess
		{"zebra", "zebra", false},                 // nothing close
		{"recomendashun", "recomendashun", false}, // too far
		{"2021", "2021", false},
	}
	for _, tt := range tests {
		got, changed := sp.correct(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}

func TestSpellerCorrectText(t *testing.T) {
	sp := newSpeller()
	sp.addTarget("legal", 1)
	sp.addTarget("norway", 1)
	got, changed := sp.correctText("Is weed leagal in Norwey, 20 g?")
	if want := "Is weed legal in norway, 20 g?"; got != want || !changed {
		t.Errorf("correctText = %q, %v; want %q, true", got, changed, want)
	}
}

// A word made of a known word is no misspelling of its neighbour: least
// of all a negated one of the word it negates.
func TestSpellerLeavesDerivedWords(t *testing.T) {
	sp := newSpeller()
	for _, w := range []string{"licensed", "chair", "charged", "legal", "medical", "easy"} {
		sp.addTarget(w, 5)
	}
	for _, w := range []string{"unlicensed", "chaired", "illegal", "nonlegal", "medically", "legally", "easily"} {
		if got, ok := sp.correct(w); ok {
			t.Errorf("correct(%q) = %q, want it left alone", w, got)
		}
	}
	if got, ok := sp.correct("licenzed"); !ok || got != "licensed" {
		t.Errorf("correct(licenzed) = %q, %v; want licensed", got, ok)
	}
}

// Bokmål typed without æ, ø and å is read with them, where the word as
// typed is no known word.
func TestSpellerUnfoldsBokmal(t *testing.T) {
	sp := newSpeller()
	sp.letters = bokmalLetters
	for _, w := range []string{"kjøpe", "frø", "første", "for", "gå"} {
		sp.addTarget(w, 3)
	}
	tests := map[string]string{"kjope": "kjøpe", "fro": "frø", "forste": "første", "gaa": "gå"}
	for in, want := range tests {
		if got, ok := sp.correct(in); !ok || got != want {
			t.Errorf("correct(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := sp.correct("for"); ok {
		t.Errorf("correct(for) = %q: a known word was unfolded", got)
	}
	// A known word typed without the letters is read with them only
	// where that is far more common: "pa" is "på", "for" stays "for".
	ranked := newSpeller()
	ranked.letters = bokmalLetters
	ranked.addTarget("for", 3)
	ranked.ranks = func() map[string]int { return map[string]int{"på": 11, "pa": 422, "for": 20, "før": 80} }
	everyday := map[string]bool{"pa": true, "på": true, "før": true}
	ranked.also = append(ranked.also, func(w string) bool { return everyday[w] })
	if got, ok := ranked.correct("pa"); !ok || got != "på" {
		t.Errorf("correct(pa) = %q, %v; want på", got, ok)
	}
	if got, ok := ranked.correct("for"); ok {
		t.Errorf("correct(for) = %q: the more common word was unfolded", got)
	}
	en := newSpeller()
	en.addTarget("frø", 1)
	if got, ok := en.correct("fro"); ok && got == "frø" {
		t.Error("an English speller unfolds Bokmål letters")
	}
}

func TestFoldings(t *testing.T) {
	got := foldings("første", bokmalLetters)
	if !slices.Equal(got, []string{"foerste", "forste"}) {
		t.Errorf("foldings(første) = %v", got)
	}
	if got := foldings("blåbærsyltetøy", bokmalLetters); len(got) != 8 || got[0] != "blaabaersyltetoey" || got[7] != "blabarsyltetoy" {
		t.Errorf("three own letters fold %d ways, want 8 from blaabaersyltetoey to blabarsyltetoy: %v", len(got), got)
	}
	// A fourth is kept as it is; a word without any folds to itself.
	if got := foldings("æææø", bokmalLetters); len(got) != 8 || got[0] != "aeaeaeø" || got[7] != "aaaø" {
		t.Errorf("foldings(æææø) = %v", got)
	}
	if got := foldings("lov", bokmalLetters); !slices.Equal(got, []string{"lov"}) {
		t.Errorf("foldings(lov) = %v", got)
	}
}

// The plain form of an article's inflected word is a correction target
// when it is an everyday word: "relase" is "release" where the article
// says "released"; a cut stem ("releas") is none.
func TestSpellerCorrectsToPlainForms(t *testing.T) {
	article := Article{Title: "Moths", Passages: []Passage{{ID: "1", Section: "Care", Text: "Moths may not be released into the wild."}}}
	b := New(article, Schedule{}, nil, nil, WithCommonWords("en", func() map[string]bool {
		return map[string]bool{"release": true, "wild": true}
	}))
	en := b.spellers["en"]()
	for in, want := range map[string]string{"relase": "release", "relesed": "released", "wlid": "wild"} {
		if got, ok := en.correct(in); !ok || got != want {
			t.Errorf("correct(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if en.known["releas"] {
		t.Error("the cut stem releas became a word to correct to")
	}
}

// A word of the language's dictionary is a word, however close to one the
// article uses: "deported" is not a misspelt "reported".
func TestSpellerLeavesDictionaryWords(t *testing.T) {
	sp := newSpeller()
	for _, w := range []string{"reported", "help", "police"} {
		sp.addTarget(w, 5)
	}
	sp.dictionary = func(w string) bool { return w == "deported" || w == "hemp" }
	for _, w := range []string{"deported", "hemp"} {
		if got, ok := sp.correct(w); ok {
			t.Errorf("correct(%q) = %q, want it left alone", w, got)
		}
	}
	if got, ok := sp.correct("polise"); !ok || got != "police" {
		t.Errorf("correct(polise) = %q, %v; want police", got, ok)
	}
}

// Prepare builds the English speller's index of misspellings before any
// question needs it, and a later correction uses that index.
func TestPrepareBuildsSpeller(t *testing.T) {
	sp := newSpeller()
	sp.addTarget("legal", 3)
	b := &Bot{spellers: map[string]func() *speller{Languages[0]: func() *speller { return sp }}}
	if sp.deletes.heads != nil {
		t.Fatal("the index of misspellings exists before Prepare")
	}
	b.Prepare()
	var under []string
	sp.deletes.each(formHash("legl"), func(t string) { under = append(under, t) })
	if !slices.Equal(under, []string{"legal"}) {
		t.Fatalf("after Prepare, the form %q finds %q, want [legal]", "legl", under)
	}
	if got, _ := sp.correct("leagal"); got != "legal" {
		t.Fatalf("correct(leagal) = %q after Prepare, want legal", got)
	}
}

// Two typed words that make one of the article's longer words are read
// as it ("rail way", "harbour master"); function words stay words of
// their own ("start with in 1924").
func TestSpellerJoinsSplitWords(t *testing.T) {
	sp := newSpeller()
	for w, n := range map[string]int{"railway": 2, "harbourmaster": 3, "within": 1, "into": 5, "reached": 1} {
		sp.addTarget(w, n)
	}
	sp.compounds = compounds(map[string]int{"railway": 2, "harbourmaster": 3, "within": 1, "into": 5})
	tests := []struct{ in, want string }{
		{"when did the rail way reach it", "when did the railway reach it"},
		{"who is the Harbour Master now?", "who is the harbourmaster now?"},
		{"did it start with in 1924", "did it start with in 1924"},
		{"come in to see", "come in to see"},
		{"the rail  way", "the rail  way"}, // two spaces: not one word typed apart
	}
	for _, tt := range tests {
		if got, _ := sp.correctText(tt.in); got != tt.want {
			t.Errorf("correctText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// PrepareLanguages builds every other language's speller, its index of
// misspellings and its foldings, and prepares the translators that can,
// leaving English to Prepare.
func TestPrepareLanguages(t *testing.T) {
	en, nb := newSpeller(), newSpeller()
	nb.letters = bokmalLetters
	nb.addTarget("første", 2)
	built := 0
	tr := &preparedTranslator{}
	b := &Bot{
		spellers: map[string]func() *speller{
			Languages[0]: func() *speller { return en },
			"nb":         func() *speller { built++; return nb },
		},
		translators: map[string]Translator{"nb": tr},
	}
	b.PrepareLanguages()
	if built != 1 || nb.deletes.heads == nil || nb.folds["forste"] != "første" || !tr.prepared {
		t.Fatalf("after PrepareLanguages: built %d, deletes %v, folds %v, translator prepared %v", built, nb.deletes.heads != nil, nb.folds, tr.prepared)
	}
	if en.deletes.heads != nil {
		t.Error("PrepareLanguages built the English speller's index; that is Prepare's")
	}
}

type preparedTranslator struct{ prepared bool }

func (p *preparedTranslator) Translate(text string) string { return text }
func (p *preparedTranslator) Prepare()                     { p.prepared = true }
