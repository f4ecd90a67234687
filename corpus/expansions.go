package corpus

import (
	"errors"
	"fmt"

	"github.com/factbot/factbot/bot"
)

// Document expansion (doc2query): beside each sentence, questions that the
// sentence answers, in the words people ask with. The index matches a
// question against them as well as the sentence, so "cops" meets the
// sentence that says "police" without a synonym entry per word. They are
// data beside the article, like the synonyms, written by people who never
// saw the evaluation sets; an article without them still works.

type expansionsFile struct {
	Passage []struct {
		ID        string   `toml:"id"`
		Questions []string `toml:"questions"`
	} `toml:"passage"`
}

// attachExpansions reads a .expansions.toml file and gives each passage
// it names its questions. Every id must name a passage of the article.
func attachExpansions(a *bot.Article, data []byte) error {
	var f expansionsFile
	if err := decodeStrict(data, &f); err != nil {
		return err
	}
	at := make(map[string]int, len(a.Passages))
	for i, p := range a.Passages {
		at[p.ID] = i
	}
	seen := map[string]bool{}
	for n, p := range f.Passage {
		i, ok := at[p.ID]
		switch {
		case p.ID == "":
			return fmt.Errorf("passage %d: no id", n+1)
		case !ok:
			return fmt.Errorf("passage %q: the article has no such passage", p.ID)
		case seen[p.ID]:
			return fmt.Errorf("passage %q: listed twice", p.ID)
		case len(p.Questions) == 0:
			return fmt.Errorf("passage %q: no questions", p.ID)
		}
		seen[p.ID] = true
		a.Passages[i].Questions = append([]string(nil), p.Questions...)
	}
	if len(f.Passage) == 0 {
		return errors.New("no [[passage]] tables")
	}
	return nil
}
