package engine_test

import (
	"context"
	"sync"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
)

// A language's speller is built on its first question: questions in it
// arriving together, as in serve, all wait for the one build and are
// read alike, misspelling corrected (run with -race).
func TestFirstQuestionsInALanguageAtOnce(t *testing.T) {
	eng, err := engine.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	const question = "hvor mye straff for 5 gram hasj i norgee"
	answers := make([]bot.Answer, 8)
	var wg sync.WaitGroup
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = eng.Answer(context.Background(), bot.Question{Text: question, Lang: "nb"})
		}()
	}
	wg.Wait()
	for i, a := range answers {
		if a.ReadAs == "" || a.ReadAs == question {
			t.Errorf("answer %d: read as %q, want the misspelling corrected", i, a.ReadAs)
		}
		if a.Text != answers[0].Text || a.ReadAs != answers[0].ReadAs {
			t.Errorf("answer %d differs from answer 0:\n%q (%q)\n%q (%q)", i, a.Text, a.ReadAs, answers[0].Text, answers[0].ReadAs)
		}
	}
}
