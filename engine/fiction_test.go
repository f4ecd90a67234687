package engine_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/engine/enginetest"
)

// fictionDir holds clearly fictional articles (question writers', set in
// invented countries) and questions written from them, with no side files:
// no penalty table, synonyms or profile.
var fictionDir = filepath.Join("..", "testdata", "fiction")

// anotherSubject finds what factbot's own subject would leak into replies
// about another article.
var anotherSubject = regexp.MustCompile(`(?i)cannabis|marijuana|weed|hash|norw|norge|norsk|riksadvokat|attorney general|20 gram`)

// fictionEngine is the engine on one of the fictional articles, closed
// when the test ends.
func fictionEngine(t *testing.T, name string) *engine.Engine {
	t.Helper()
	return enginetest.Article(t, filepath.Join(fictionDir, name))
}

// fiction is the engine on one of them, keeping glowing moths in Veldoria,
// checked to have no side files; closed when the test ends.
func fiction(t *testing.T) (*engine.Engine, string) {
	t.Helper()
	path := filepath.Join(fictionDir, "lanternmoth-keeping-in-veldoria.txt")
	c, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Schedule.Tiers) > 0 || len(c.Synonyms) > 0 || c.Profile.Name != nil || len(c.Profile.Topic) > 0 {
		t.Fatalf("the fiction must load with no side files; got a schedule, synonyms or profile")
	}
	e := enginetest.Article(t, path)
	return e, path
}

// With only an article file, the bot answers from its passages and
// declines the rest, and nothing it says is about cannabis in Norway.
func TestAnotherArticleWithoutSideFiles(t *testing.T) {
	e, _ := fiction(t)
	ctx := context.Background()

	// Plain questions of our own, answered from the article's passages.
	answered := []struct{ q, want, section string }{
		{"Who described the lanternmoth first?", "Pemberly-Vaun", "History"},
		{"When did the Crown Ministry of Fields ban capture of the moth?", "1926", "History"},
		{"How much does a standard permit cost?", "35 ruvets", "Licensing"},
		{"How old must applicants be?", "16 years", "Licensing"},
		{"Which party proposed raising the permit limit?", "Greenward Party", "Parliamentary debate"},
		{"How many keeping permits were in force in 2023?", "41,000", "History"},
	}
	passages := map[string]bool{}
	for _, p := range e.Article().Passages {
		passages[p.Section+"\x00"+p.Text] = true
	}
	for _, tt := range answered {
		a := e.Answer(ctx, bot.Question{Text: tt.q})
		if !a.Answered || a.Intent != bot.IntentSearch || !strings.Contains(a.Text, tt.want) || a.Section() != tt.section {
			t.Errorf("%q: answered %v (%s) from %q: %s; want %q from %s", tt.q, a.Answered, a.Intent, a.Section(), a.Text, tt.want, tt.section)
		}
		for _, s := range a.Sources {
			if !passages[s.Section+"\x00"+s.Text] {
				t.Errorf("%q: source %q is not a passage of the article", tt.q, s.Text)
			}
		}
	}

	// Every reply: help, empty, declines of questions about factbot's own
	// subject, and every question written for the article.
	questions := []string{"help", "hjelp", "", "   ", "What is the penalty for 20 grams?", "Hva er straffen for 20 gram?",
		"Is cannabis legal in Norway?", "Is cocaine legal in Sweden?", "penalties?", "straff?", "3 joints",
		"What did the Attorney General decide in 2021?", "Who painted the Mona Lisa?"}
	f, err := os.Open(filepath.Join(fictionDir, "lanternmoth-keeping-in-veldoria.questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line struct{ Q string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		questions = append(questions, line.Q)
	}
	if len(questions) < 100 {
		t.Fatalf("only %d questions read", len(questions))
	}
	declined := 0
	for _, q := range questions {
		a := e.Answer(ctx, bot.Question{Text: q})
		if !a.Answered {
			declined++
		}
		said := a.Text + " " + strings.Join(a.Examples, " ")
		if m := anotherSubject.FindString(said); m != "" && !anotherSubject.MatchString(q) {
			t.Errorf("%q: the reply says %q: %s", q, m, said)
		}
		if m := anotherSubject.FindString(strings.Join(a.Examples, " ")); m != "" {
			t.Errorf("%q: an example question says %q: %v", q, m, a.Examples)
		}
		if (a.Intent == bot.IntentPenalty || a.Intent == bot.IntentLimit || a.Intent == bot.IntentScope) && a.Answered {
			t.Errorf("%q: answered as %s without a penalty table or profile: %s", q, a.Intent, a.Text)
		}
	}
	if declined == 0 {
		t.Error("nothing was declined")
	}

	// The bot's own words for usage and about, and its examples, in every
	// language: the article's title stands for the subject.
	for _, lang := range bot.Languages {
		for _, key := range []string{"help", "empty", "not_covered", "usage_intro", "about_text"} {
			m := e.Message(lang, key)
			if s := anotherSubject.FindString(m); s != "" || strings.Contains(m, "{") {
				t.Errorf("%s %s: %q", lang, key, m)
			}
		}
		if !strings.Contains(e.Message(lang, "help"), "Lanternmoth keeping in Veldoria") {
			t.Errorf("%s help does not name the article: %q", lang, e.Message(lang, "help"))
		}
		ex := e.Examples(lang)
		if len(ex) == 0 {
			t.Errorf("%s: no example questions", lang)
		}
		for _, q := range ex {
			if a := e.Answer(ctx, bot.Question{Text: q, Lang: lang}); !a.Answered {
				t.Errorf("%s example %q is declined: %s", lang, q, a.Text)
			}
		}
	}
}

// A profile beside the same article gives the bot the subject's name, its
// words, what lies outside it and its examples; nothing in Go changes.
func TestAnotherArticleWithProfile(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join(fictionDir, "lanternmoth-keeping-in-veldoria.txt"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "moths.txt")
	profile := `[name]
en = "keeping lanternmoths in Veldoria"
nb = "hold av lyktemøll i Veldoria"
[words]
topic = ["lanternmoth", "lanternmoths", "moth", "moths"]
home = ["veldoria", "veldorian"]
[out_of_scope]
places = ["sweden", "borduria"]
substances = ["butterflies", "bees"]
[examples]
en = ["How much does a standard permit cost?"]
`
	for name, data := range map[string][]byte{"moths.txt": article, "moths.profile.toml": []byte(profile)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := enginetest.Article(t, path)
	ctx := context.Background()
	tests := []struct {
		q      string
		reason string
		want   string
	}{
		{"Can I keep lanternmoths in Borduria?", "other_country", "I only cover keeping lanternmoths in Veldoria, so I can't answer about Borduria."},
		{"Do I need a permit to keep bees?", "other_drug", "I only cover keeping lanternmoths in Veldoria, not bees."},
		{"", "empty", "Ask me a question about keeping lanternmoths in Veldoria."},
	}
	for _, tt := range tests {
		a := e.Answer(ctx, bot.Question{Text: tt.q})
		if a.Answered || a.Reason != tt.reason || a.Text != tt.want {
			t.Errorf("%q: %v %q %q; want a %s decline %q", tt.q, a.Answered, a.Reason, a.Text, tt.reason, tt.want)
		}
	}
	if ex := e.Examples("en"); len(ex) != 1 || ex[0] != "How much does a standard permit cost?" {
		t.Errorf("examples %v, want the profile's", ex)
	}
	if a := e.Answer(ctx, bot.Question{Text: "How much does a standard permit cost in Veldoria?"}); !a.Answered || !strings.Contains(a.Text, "35 ruvets") {
		t.Errorf("the home place stops an answer: %+v", a)
	}
}

// What rules a sentence out of answering, on the fictional articles: each
// rule with a question it must decline and, where the article answers a
// close one, that question answered.
func TestRulesOutOtherSentences(t *testing.T) {
	const (
		moths   = "lanternmoth-keeping-in-veldoria.txt"
		harbour = "harbour-of-saltmere.txt"
		ferry   = "ferry-licensing-in-korvathia.txt"
		glass   = "glassworks-of-virelle.txt"
	)
	tests := []struct {
		rule, article, q string
		answered         bool
		want             string
	}{
		// The article gives 2022's fines, not 2019's.
		{"another year", moths, "How many fines did inspectors issue in 2022?", true, "1,184"},
		{"another year", moths, "How many fines did inspectors issue in 2019?", false, ""},
		// "After 1953" sets a time frame: the storm of 1953 is no answer.
		{"a bound year", harbour, "How much was the North Arm raised after 1953?", true, "2.5 metres"},
		// The founder's sentence tells nothing of his death.
		{"names without what is asked", harbour, "When did Oswin Marrow die?", false, ""},
		{"names without what is asked", harbour, "Who founded Saltmere?", true, "Oswin Marrow"},
		// A count of passengers is no price.
		{"money", ferry, "How much does a ticket on the Dunmerrow–Skelvig crossing cost?", false, ""},
		{"money", ferry, "How much compensation was Tessaly Ferries awarded?", true, "1.2 million velars"},
		// The first director-general is not the current one.
		{"now is not the beginning", ferry, "Who is the current director-general of the Maritime Passage Authority?", false, ""},
		{"now is not the beginning", ferry, "Who was the first director-general of the Maritime Passage Authority?", true, "Orla Vennick"},
		// Now is not a year the article has since moved past.
		{"now is not a past year", moths, "What is the standard permit moth limit right now?", true, "40 adult moths"},
		// "River Tallow" is another name than "Tallow Boat".
		{"another name", harbour, "Who built the Tallow Boat?", false, ""},
		// The largest is not the second-largest.
		{"another rank", glass, "Which country is the second-largest foreign buyer of Virelle glass?", false, ""},
		{"another rank", glass, "Which country is the largest foreign buyer of Virelle glass?", true, "Lurenne"},
		// "What is the fine" asks for a sum.
		{"money", ferry, "What is the maximum fine for a first offence of operating a ferry without a licence?", true, "5,000 velars"},
	}
	engines := map[string]*engine.Engine{}
	for _, tt := range tests {
		e, ok := engines[tt.article]
		if !ok {
			e = fictionEngine(t, tt.article)
			engines[tt.article] = e
		}
		a := e.Answer(context.Background(), bot.Question{Text: tt.q, Platform: "test"})
		if a.Answered != tt.answered || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: %q: answered=%v %q, want answered=%v with %q", tt.rule, tt.q, a.Answered, a.Text, tt.answered, tt.want)
		}
	}
}

// A later question of a message that points back ("its") is read with the
// words of the one before it when it answers nothing alone.
func TestLaterQuestionPointsBack(t *testing.T) {
	e := fictionEngine(t, "harbour-of-saltmere.txt")
	a := e.Answer(context.Background(), bot.Question{Text: "Who started the museum, and what's its star exhibit?", Platform: "test"})
	for _, want := range []string{"Agnes Pellow", "Tallow Boat"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("answer %q lacks %q", a.Text, want)
		}
	}
}
