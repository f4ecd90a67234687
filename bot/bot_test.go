package bot_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/index"
)

var (
	engineOnce sync.Once
	engineBot  *bot.Bot
	engineErr  error
)

// realBot is the engine factbot ships (package engine, as the command line
// and serve build it). It is built once per test binary and is safe for
// concurrent use.
func realBot(t testing.TB) *bot.Bot {
	t.Helper()
	engineOnce.Do(func() {
		e, err := engine.Load("", nil)
		engineBot, engineErr = nil, err
		if err == nil {
			engineBot = e.Bot
		}
	})
	if engineErr != nil {
		t.Fatalf("building the engine: %v", engineErr)
	}
	return engineBot
}

func ask(t testing.TB, b *bot.Bot, q string) bot.Answer {
	t.Helper()
	return b.Answer(context.Background(), bot.Question{Text: q, Platform: "test"})
}

type answerCase struct {
	q        string
	answered bool
	intent   bot.Intent
	reason   string   // for declines, when set
	phrases  []string // each must be in the lower-cased answer text
	section  string   // the first source's section, when set
}

// Questions in our own words, not the dev set's.
var answerCases = []answerCase{
	// Penalty: an amount.
	{q: "How long can I be jailed for 300 grams of weed?", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 years"}, section: "Enforcement"},
	{q: "what happens if police find 15 g on me", answered: true, intent: bot.IntentPenalty, phrases: []string{"fine", "personal use"}},
	{q: "Is 15.01 g still personal use?", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 years"}},
	{q: "penalty for exactly 1 kg of hash", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 years"}},
	{q: "punishment for 1000.001 grams", answered: true, intent: bot.IntentPenalty, phrases: []string{"10 years"}},
	{q: "jail time for 80 kilos of cannabis?", answered: true, intent: bot.IntentPenalty, phrases: []string{"10 years"}},
	{q: "jail time for 80.01 kg of cannabis?", answered: true, intent: bot.IntentPenalty, phrases: []string{"3 to 15 years", "21 years"}},
	{q: "i got caught with 2 oz", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 oz ≈ 56.7 g", "2 years"}},
	{q: "They found 3 lbs of hashish in my car", answered: true, intent: bot.IntentPenalty, phrases: []string{"3 lbs ≈ 1.361 kg", "10 years"}},
	// The subject's slang weights, from the penalty table's side file.
	{q: "what happens if im caught with an eighth", answered: true, intent: bot.IntentPenalty, phrases: []string{"an eighth ≈ 3.5 g", "personal use"}},
	{q: "caught with a zip of weed", answered: true, intent: bot.IntentPenalty, phrases: []string{"a zip ≈ 28.3 g", "2 years"}},
	{q: "penalty for an eighth of a kilo", answered: true, intent: bot.IntentPenalty, phrases: []string{"125 g"}},
	{q: "A ton of hash — what sentence could that bring?", answered: true, intent: bot.IntentPenalty, phrases: []string{"a ton = 1000 kg", "3 to 15 years"}},
	{q: "What about half a kilo of pot?", answered: true, intent: bot.IntentPenalty, phrases: []string{"500 g", "2 years"}},
	{q: "i had 750 mg of hash", answered: true, intent: bot.IntentPenalty, phrases: []string{"0.75 g", "fine"}},
	{q: "penalty for 1,5 kg of weed", answered: true, intent: bot.IntentPenalty, phrases: []string{"10 years"}},
	{q: "What does a tiny 0.2 g get you?", answered: true, intent: bot.IntentPenalty, phrases: []string{"fine"}},
	{q: "a small bag of 4 grams, what now", answered: true, intent: bot.IntentPenalty, phrases: []string{"fine", "2022"}},
	{q: "Penalty for 2 kilos of weed and 5 grams of hash", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 amounts", "10 years", "fine"}},
	{q: "penalty for 1 000 g", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 years"}},
	{q: "penalty for 1/2 kg", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 years"}},
	{q: "penalty for 10g-20g of hash", answered: true, intent: bot.IntentPenalty, phrases: []string{"2 amounts", "fine", "2 years"}},

	// Bad amounts: a clear reply, never a tier.
	{q: "penalty for -5 g", answered: false, intent: bot.IntentPenalty, reason: "bad_amount", phrases: []string{"negative"}},
	{q: "what if I have minus 3 grams", answered: false, intent: bot.IntentPenalty, reason: "bad_amount", phrases: []string{"negative"}},
	{q: "penalty for 0 grams", answered: false, intent: bot.IntentPenalty, reason: "bad_amount", phrases: []string{"no amount"}},
	{q: "what is the punishment for 1e30 kg", answered: false, intent: bot.IntentPenalty, reason: "bad_amount", phrases: []string{"not a realistic amount"}},
	{q: "prison for 1,2,3 g?", answered: false, intent: bot.IntentPenalty, reason: "bad_amount"},

	// Penalty facts without an amount.
	{q: "how many grams can I legally carry", answered: true, intent: bot.IntentLimit, phrases: []string{"15 g"}},
	{q: "What amount counts as personal use?", answered: true, intent: bot.IntentLimit, phrases: []string{"15 g"}},
	{q: "what's the maximum prison term for cannabis", answered: true, intent: bot.IntentLimit, phrases: []string{"21 years"}},
	{q: "minimum sentence for huge amounts of cannabis", answered: true, intent: bot.IntentLimit, phrases: []string{"3 years"}},
	{q: "What's the smallest sentence?", answered: true, intent: bot.IntentLimit, phrases: []string{"3"}},
	{q: "what do dealers face", answered: true, intent: bot.IntentLimit, phrases: []string{"prison"}},
	{q: "Do dealers go to prison?", answered: true, intent: bot.IntentLimit, phrases: []string{"prison"}},
	{q: "What happens to people caught again and again?", answered: true, intent: bot.IntentLimit, phrases: []string{"repeat offenders"}},
	{q: "what are the penalties for weed possession?", answered: true, intent: bot.IntentLimit, phrases: []string{"15 g", "2 years", "10 years", "21 years"}},
	{q: "how many years in prison for dealing?", answered: true, intent: bot.IntentLimit, phrases: []string{"prison"}},
	// A date the question already gives answers no "when".
	{q: "On what exact day in March 2018 was the working group set up?", answered: false, intent: bot.IntentNone},
	{q: "When was the working group set up?", answered: true, intent: bot.IntentSearch, phrases: []string{"march 2018"}},
	// "Who did it" is answered by the one the sentence says did it.
	{q: "Who created the working group?", answered: true, intent: bot.IntentSearch, phrases: []string{"government"}},
	// A figure of 2016 is not one for now, in an article that goes on
	// to 2022: the article does not say how many are approved today.
	{q: "how many people are approved for medical use right now", answered: false, intent: bot.IntentNone},
	{q: "how many people were approved for medical use in 2016", answered: true, intent: bot.IntentSearch, phrases: []string{"one person"}},
	// A named one of a kind the article never names is not covered.
	{q: "Did the Labour Party vote for the bill?", answered: false, intent: bot.IntentNone},
	// A count of something no penalty fact counts is no penalty fact.
	{q: "How many people are in prison for drug offences?", answered: false, intent: bot.IntentNone},

	// Passages.
	{q: "Can officers search my phone if I have a little weed?", answered: true, intent: bot.IntentSearch, phrases: []string{"mobile phones"}, section: "Decriminalization"},
	{q: "How many people were approved for medical marijuana?", answered: true, intent: bot.IntentSearch, phrases: []string{"only one person"}, section: "Medical use"},
	{q: "How many parties voted against the bill?", answered: true, intent: bot.IntentSearch, phrases: []string{"56.2%"}},
	{q: "Who is Venstre's youth wing?", answered: true, intent: bot.IntentSearch, phrases: []string{"young liberals"}, section: "Reform efforts"},
	{q: "Which groups push for drug reform in Norway?", answered: true, intent: bot.IntentSearch, phrases: []string{"norml"}},
	{q: "Is it legal to smoke weed for fun?", answered: true, intent: bot.IntentSearch, phrases: []string{"illegal"}, section: bot.LeadSection},
	{q: "What did the Supreme Court judgements lead to?", answered: true, intent: bot.IntentSearch, phrases: []string{"guidelines"}},
	{q: "What happens to young first-time offenders?", answered: true, intent: bot.IntentSearch, phrases: []string{"drug testing"}},
	{q: "Will a drug fine show up on my record?", answered: true, intent: bot.IntentSearch, phrases: []string{"criminal record"}},
	{q: "Who decides doubt benefits the accused?", answered: true, intent: bot.IntentSearch, phrases: []string{"attorney general"}},
	{q: "By when did the working group give its recommendation?", answered: true, intent: bot.IntentSearch, phrases: []string{"31 december 2019"}},
	{q: "Can I get medical marijuana for cancer?", answered: true, intent: bot.IntentSearch, phrases: []string{"cancer"}},

	// Off topic, gibberish, empty.
	{q: "what is the capital of Burkina Faso", answered: false, intent: bot.IntentNone, reason: "off_topic"},
	{q: "recipe for pancakes", answered: false, intent: bot.IntentNone, reason: "off_topic"},
	{q: "asdf qwer zxcv", answered: false, intent: bot.IntentNone, reason: "off_topic"},
	{q: "What's the weather in Oslo?", answered: false, intent: bot.IntentNone, reason: "off_topic"},
	{q: "How do I bake bread?", answered: false, intent: bot.IntentNone, reason: "off_topic"},
	{q: "How much does a gram of weed cost?", answered: false, reason: "off_topic"},
	{q: "???", answered: false, intent: bot.IntentNone},
	// Chatter alone and questions about the bot get its usage, not "the
	// article does not cover that".
	{q: "lol", answered: false, intent: bot.IntentHelp},
	{q: "thanks!", answered: false, intent: bot.IntentHelp},
	{q: "what can you do?", answered: false, intent: bot.IntentHelp},
	{q: "who are you", answered: false, intent: bot.IntentHelp},
	{q: "hva kan du?", answered: false, intent: bot.IntentHelp},
	{q: "what do you know about the 2021 bill?", answered: true, intent: bot.IntentSearch},
	{q: "", answered: false, intent: bot.IntentNone, reason: "empty"},
	{q: "   \t\n  ", answered: false, intent: bot.IntentNone, reason: "empty"},
	{q: "\x00\x01\u200b", answered: false, intent: bot.IntentNone, reason: "empty"},
	{q: strings.Repeat("a", bot.MaxQuestionLen+1), answered: false, intent: bot.IntentNone, reason: "too_long", phrases: []string{"1000 characters"}},
	{q: "What is the penalty for 20 grams? " + strings.Repeat("x", 1000), answered: false, intent: bot.IntentNone, reason: "too_long"},
	{q: "help", answered: false, intent: bot.IntentHelp, reason: "help", phrases: []string{"cannabis law in norway"}},

	// Scope: another country, drug or offence, never the cannabis tiers.
	{q: "Is weed legal in Sweden?", answered: false, intent: bot.IntentScope, reason: "other_country", phrases: []string{"norway"}},
	{q: "cannabis laws in the Netherlands", answered: false, intent: bot.IntentScope, reason: "other_country"},
	{q: "What's the penalty for 10 g of weed in Denmark?", answered: false, intent: bot.IntentScope, reason: "other_country"},
	{q: "What is the penalty for 10 g of weed in the US?", answered: false, intent: bot.IntentScope, reason: "other_country"},
	// The pronoun never follows "the": lower case, "the us" is the place.
	{q: "is weed legal in the us", answered: false, intent: bot.IntentScope, reason: "other_country"},
	{q: "can you tell us the penalty for 20 g?", answered: true, intent: bot.IntentPenalty},
	// Pronouns are function words: "for myself" asks nothing more.
	{q: "Caught with a little weed for myself, what's the punishment?", answered: true, intent: bot.IntentPenalty, phrases: []string{"a little"}},
	{q: "What is the penalty for 5 g of cocaine?", answered: false, intent: bot.IntentScope, reason: "other_drug", phrases: []string{"cocaine"}},
	{q: "Is alcohol legal in Norway?", answered: false, intent: bot.IntentScope, reason: "other_drug"},
	{q: "Is CBD oil legal in Norway?", answered: false, intent: bot.IntentScope, reason: "other_drug"},
	{q: "how many years for 2 kg of heroin", answered: false, intent: bot.IntentScope, reason: "other_drug"},
	{q: "fine for drunk driving in Norway", answered: false, intent: bot.IntentScope, reason: "other_offence"},
	{q: "How long in prison for tax evasion?", answered: false, intent: bot.IntentScope, reason: "other_offence"},
	{q: "How long is the prison sentence for murder in Norway?", answered: false, intent: bot.IntentScope, reason: "other_offence"},
	{q: "What's the fine for speeding at 20 km over?", answered: false, intent: bot.IntentScope, reason: "other_offence"},

	// Opinions and advice are no facts the article states; an amount
	// question wrapped in "good idea" is still answered from the table.
	{q: "Do you personally think Norway should legalise cannabis?", answered: false, intent: bot.IntentScope, reason: "opinion", phrases: []string{"opinions"}},
	{q: "Is Norway's drug policy better than Sweden's?", answered: false, intent: bot.IntentScope},
	{q: "Synes du cannabis bør bli lovlig?", answered: false, intent: bot.IntentScope, reason: "opinion", phrases: []string{"meninger"}},
	{q: "is it a good idea to carry 20 grams?", answered: true, intent: bot.IntentPenalty},
}

func TestAnswer(t *testing.T) {
	b := realBot(t)
	for _, tt := range answerCases {
		name := tt.q
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			a := ask(t, b, tt.q)
			checkAnswer(t, tt.q, a)
			if a.Answered != tt.answered {
				t.Fatalf("Answered = %v, want %v (intent %s, reason %q): %s", a.Answered, tt.answered, a.Intent, a.Reason, a.Text)
			}
			if tt.intent != "" && a.Intent != tt.intent {
				t.Errorf("Intent = %q, want %q: %s", a.Intent, tt.intent, a.Text)
			}
			if tt.reason != "" && a.Reason != tt.reason {
				t.Errorf("Reason = %q, want %q: %s", a.Reason, tt.reason, a.Text)
			}
			text := strings.ToLower(a.Text)
			for _, p := range tt.phrases {
				if !strings.Contains(text, strings.ToLower(p)) {
					t.Errorf("answer lacks %q: %s", p, a.Text)
				}
			}
			if tt.section != "" && a.Section() != tt.section {
				t.Errorf("Section = %q, want %q", a.Section(), tt.section)
			}
			if a.Intent == bot.IntentPenalty || a.Intent == bot.IntentLimit {
				if a.Answered && !a.LegalNotice {
					t.Error("a penalty answer without the legal notice")
				}
			}
			if a.Intent == bot.IntentScope {
				for _, tier := range []string{"up to 2 years", "10 years", "personal use"} {
					if strings.Contains(text, tier) {
						t.Errorf("a scope decline quotes the cannabis tiers (%q): %s", tier, a.Text)
					}
				}
			}
		})
	}
}

// checkAnswer holds for every answer, answered or not.
func checkAnswer(t testing.TB, q string, a bot.Answer) {
	t.Helper()
	if a.Question != q {
		t.Errorf("Question = %q, want the question asked", a.Question)
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("%q: empty answer text", q)
	}
	if !utf8.ValidString(a.Text) {
		t.Errorf("%q: answer is not valid UTF-8", q)
	}
	if a.Attribution.URL != "https://en.wikipedia.org/wiki/Cannabis_in_Norway" || a.Attribution.License != "CC BY-SA 4.0" {
		t.Errorf("%q: attribution %+v", q, a.Attribution)
	}
	if a.Sources == nil {
		t.Errorf("%q: Sources is nil, want a list (JSON [] not null)", q)
	}
	if a.Answered {
		if len(a.Sources) == 0 {
			t.Errorf("%q: answered without a source", q)
		}
		for _, s := range a.Sources {
			if s.Section == "" || s.Text == "" {
				t.Errorf("%q: empty source %+v", q, s)
			}
		}
		if a.Reason != "" {
			t.Errorf("%q: answered with a decline reason %q", q, a.Reason)
		}
	} else {
		if a.Reason == "" {
			t.Errorf("%q: declined without a reason", q)
		}
		if a.LegalNotice && len(a.Sources) == 0 {
			t.Errorf("%q: legal notice on a decline", q)
		}
		if a.Reason != "help" && len(a.Examples) == 0 && a.Reason != "empty" && a.Reason != "too_long" {
			t.Errorf("%q: decline without example questions", q)
		}
	}
}

// TestAnswerSourcesAreArticleText: an answered question quotes the
// article: every source is a sentence of the section it names.
func TestAnswerSourcesAreArticleText(t *testing.T) {
	b := realBot(t)
	art := b.Article()
	for _, tt := range answerCases {
		a := ask(t, b, tt.q)
		for _, s := range a.Sources {
			if !art.HasSentence(s.Section, s.Text) {
				t.Errorf("%q: source not in section %q: %q", tt.q, s.Section, s.Text)
			}
		}
		if a.Intent == bot.IntentSearch && a.Answered {
			// A passage answer is the sentence(s) it cites, not a section.
			var joined []string
			for _, s := range a.Sources {
				joined = append(joined, s.Text)
			}
			if a.Text != strings.Join(joined, " ") {
				t.Errorf("%q: passage answer %q is not its sources", tt.q, a.Text)
			}
			if len(a.Sources) > 2 {
				t.Errorf("%q: %d sentences, want one or two", tt.q, len(a.Sources))
			}
		}
	}
}

func TestAnswerDeterministicAndConcurrent(t *testing.T) {
	b := realBot(t)
	want := make([]bot.Answer, len(answerCases))
	for i, tt := range answerCases {
		want[i] = ask(t, b, tt.q)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, tt := range answerCases {
				a := ask(t, b, tt.q)
				if a.Text != want[i].Text || a.Answered != want[i].Answered || a.Intent != want[i].Intent {
					t.Errorf("%q: answer changed between calls: %q vs %q", tt.q, a.Text, want[i].Text)
				}
			}
		}()
	}
	wg.Wait()
}

// TestAnswerFormerIssues holds questions the engine once answered wrongly
// (mixed numbers, off-topic questions matching a word, unit conversions).
func TestAnswerFormerIssues(t *testing.T) {
	b := realBot(t)
	tests := []struct {
		q        string
		answered bool
		want     string // in the answer, when answered
		issue    string
	}{
		{"penalty for 15 1/2 grams", true, "2 years", `"15 1/2 grams" is read as 1/2 g and answered with the personal-use fine`},
		{"what about one and a half kilos", true, "10 years", `"one and a half kilos" is read as half a kilo and answered with the 2-year tier`},
		{"What time is it?", false, "", `an off-topic question is answered with a passage ("time" matches "first-time")`},
		{"what is 2+2", false, "", `an off-topic question is answered with the 1 kg tier sentence (the digit 2 matches "2 years")`},
		{"what's the most you can get for trafficking cannabis", true, "21 years", `the maximum-sentence question gets the repeat-offenders/dealers fact instead of the longest sentence`},
		{"how long for a first offence", true, "fine", `a first-offence question without "penalty" words is declined instead of getting the first-time fact`},
		{"What is the police phone number?", false, "", `answered with the sentence about searching mobile phones (phone → mobile synonym, police)`},
		{"How many grams in a kilo?", false, "", `a unit question with no cannabis or penalty word gets the 2-year tier for "a kilo"`},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, b, tt.q)
			if a.Answered != tt.answered || !strings.Contains(a.Text, tt.want) {
				t.Errorf("%s. Got answered=%v intent=%s: %q", tt.issue, a.Answered, a.Intent, a.Text)
			}
		})
	}
}

// stubSearcher answers every search with a fixed result or error.
type stubSearcher struct {
	res   bot.SearchResult
	err   error
	panic bool
	calls int
}

func (s *stubSearcher) Search(ctx context.Context, query string, limit int) (bot.SearchResult, error) {
	s.calls++
	if s.panic {
		panic("index exploded")
	}
	return s.res, s.err
}

func TestAnswerSearchFailureDeclines(t *testing.T) {
	c := defaultCorpus(t)
	s := &stubSearcher{err: errors.New("index closed")}
	b := bot.New(c.Article, c.Schedule, s, nil)
	a := ask(t, b, "Is medical cannabis legal?")
	if a.Answered || a.Reason != "search_failed" || a.Text == "" {
		t.Errorf("search error: %+v, want a search_failed decline", a)
	}
	if strings.Contains(a.Text, "index closed") {
		t.Errorf("the error leaks to the user: %q", a.Text)
	}
	// Penalty questions do not need the index.
	a = ask(t, b, "penalty for 20 g")
	if !a.Answered || a.Intent != bot.IntentPenalty {
		t.Errorf("penalty with a broken index: %+v", a)
	}
}

func TestAnswerPanicBecomesDecline(t *testing.T) {
	c := defaultCorpus(t)
	b := bot.New(c.Article, c.Schedule, &stubSearcher{panic: true}, nil)
	a := ask(t, b, "Is medical cannabis legal?")
	if a.Answered || a.Reason != "internal" || a.Text == "" || strings.Contains(a.Text, "exploded") {
		t.Errorf("panicking searcher: %+v, want an internal decline without the panic text", a)
	}
}

func TestAnswerNoHitsDeclines(t *testing.T) {
	c := defaultCorpus(t)
	b := bot.New(c.Article, c.Schedule, &stubSearcher{}, nil)
	a := ask(t, b, "Is medical cannabis legal?")
	if a.Answered || a.Reason != "off_topic" {
		t.Errorf("no hits: %+v, want an off_topic decline", a)
	}
}

func TestAnswerWithoutSchedule(t *testing.T) {
	c := defaultCorpus(t)
	ix, err := index.New(c.Article.Passages, c.Synonyms)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := bot.New(c.Article, bot.Schedule{}, ix, nil)
	a := ask(t, b, "What is the penalty for 20 grams?")
	if a.Intent == bot.IntentPenalty || a.Intent == bot.IntentLimit {
		t.Errorf("no schedule, yet a penalty answer: %+v", a)
	}
	for _, e := range b.Examples("en") {
		if strings.Contains(e, "grams") {
			t.Errorf("without a schedule the examples still offer %q", e)
		}
	}
}

func TestExamplesAreAnswered(t *testing.T) {
	b := realBot(t)
	ex := b.Examples("en")
	if len(ex) < 2 || len(ex) > 3 {
		t.Errorf("%d example questions, want two or three", len(ex))
	}
	for _, q := range ex {
		if a := ask(t, b, q); !a.Answered {
			t.Errorf("example question %q is declined: %s", q, a.Text)
		}
	}
	ex[0] = "changed"
	if b.Examples("en")[0] == "changed" {
		t.Error("Examples returns the bot's own slice")
	}
	// The profile's questions in every language are answered, in it.
	for _, lang := range bot.Languages[1:] {
		ex := b.Examples(lang)
		if len(ex) == 0 || slices.Equal(ex, b.Examples("en")) {
			t.Errorf("%s examples %v, want the profile's own", lang, ex)
		}
		for _, q := range ex {
			if a := b.Answer(context.Background(), bot.Question{Text: q}); !a.Answered || a.Lang != lang {
				t.Errorf("%s example question %q: answered %v in %q: %s", lang, q, a.Answered, a.Lang, a.Text)
			}
		}
	}
}

func FuzzAnswer(f *testing.F) {
	b := realBot(f)
	for _, tt := range answerCases {
		f.Add(tt.q)
	}
	for _, s := range []string{"\xff\xfe", "penalty for \u202e5 g", "1e30 kg weed", "-0 g", "weed weed weed weed",
		"What did the Attorney General decide in 2021?", "half a quarter pound", "\"AND OR NOT\" +cannabis -prison field:text",
		"a couple of grams", "3 joints", "penalty?", "straff?", "et par gram hasj", "a few pounds", "a tiny bit of weed"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		a := b.Answer(context.Background(), bot.Question{Text: q})
		if a.Question != q {
			t.Errorf("Question = %q, want %q", a.Question, q)
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Errorf("%q: empty answer text", q)
		}
		if a.Answered && len(a.Sources) == 0 {
			t.Errorf("%q: answered without a source: %q", q, a.Text)
		}
		if !a.Answered && a.Reason == "" {
			t.Errorf("%q: declined without a reason", q)
		}
		if a.Reason == "internal" {
			t.Errorf("%q: the engine panicked inside (recovered): %q", q, a.Text)
		}
		switch a.Intent {
		case bot.IntentPenalty, bot.IntentLimit, bot.IntentSearch, bot.IntentScope, bot.IntentNone, bot.IntentHelp:
		default:
			t.Errorf("%q: unknown intent %q", q, a.Intent)
		}
	})
}

// A later question that points back ("what happened to it?") and does
// not answer alone is read with the earlier question's words beside its
// own.
func TestMessagePointsBack(t *testing.T) {
	b := realBot(t)
	a := ask(t, b, "Who proposed the drug reform? What happened to it?")
	if want := "What happened to it (drug reform)?"; !a.Answered || a.ReadAs != want {
		t.Errorf("answered %v, read as %q; want answered, read as %q", a.Answered, a.ReadAs, want)
	}
}

// A later question of a message that only makes sense against the one
// before it ("and against?") is read as a follow-up of it when it does
// not answer alone; two questions one sentence answers get it once.
func TestMessageFollowUpAndOneSentenceOnce(t *testing.T) {
	b := realBot(t)
	a := ask(t, b, "How many parties voted for the reform bill? and against?")
	if !a.Answered || !strings.Contains(a.Text, "56.2%") {
		t.Fatalf("answer %q, want the vote", a.Text)
	}
	if !strings.Contains(a.ReadAs, "voted against the reform bill") {
		t.Errorf("read as %q, want the second question read against the first", a.ReadAs)
	}
	if n := strings.Count(a.Text, "43.8%"); n != 1 {
		t.Errorf("the vote's sentence is said %d times in %q, want once", n, a.Text)
	}
	if strings.Contains(a.Text, bot.Message("en", "part_not_covered")) {
		t.Errorf("%q says part of the message is not covered", a.Text)
	}
}

// What a question leaves out ("apart from X") is not searched for: the
// answer must reach past X.
func TestExcludedPhraseIsNotSearched(t *testing.T) {
	a := ask(t, realBot(t), "Apart from the Young Liberals, which party supports legalisation?")
	if !a.Answered || !strings.Contains(a.Text, "Green Party") {
		t.Errorf("answer %q, want the Green Party", a.Text)
	}
}

// A year the question names may be said once in the paragraph, for the
// sentences after it: "As of 16 April 2021, this bill did not pass
// parliament. 6 parties (43.8%) voted for, …".
func TestYearInTheParagraph(t *testing.T) {
	a := ask(t, realBot(t), "How many parties voted for the 2021 bill?")
	if !a.Answered || !strings.Contains(a.Text, "43.8%") {
		t.Errorf("answer %q, want the vote", a.Text)
	}
}
