package corpus

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"strings"

	"github.com/factbot/factbot/bot"
)

var (
	//go:embed cannabis-in-norway.txt
	articleText []byte
	//go:embed cannabis-in-norway.penalties.toml
	penaltiesTOML []byte
	//go:embed cannabis-in-norway.synonyms.toml
	synonymsTOML []byte
	//go:embed cannabis-in-norway.profile.toml
	profileTOML []byte
	//go:embed terms.nb.toml
	termsNB []byte
	//go:embed cannabis-in-norway.expansions.toml
	expansionsTOML []byte
)

// DefaultName is how the embedded article is named in messages.
const DefaultName = "embedded cannabis-in-norway.txt"

// Corpus is an article with the data beside it.
type Corpus struct {
	Article  bot.Article
	Schedule bot.Schedule // empty when the article has no penalty schedule
	Synonyms []bot.Synonym
	// Profile describes the article's subject; zero when the article has
	// no profile beside it.
	Profile bot.Profile
	// Terms maps a language to its term list: words of questions in that
	// language and the English the article uses for them.
	Terms map[string]map[string]string
}

// Default returns the embedded article, penalty schedule and synonyms.
func Default() (Corpus, error) {
	c, err := build(DefaultName, articleText, penaltiesTOML, synonymsTOML)
	if err != nil {
		return Corpus{}, fmt.Errorf("embedded corpus: %w", err)
	}
	if err := attachExpansions(&c.Article, expansionsTOML); err != nil {
		return Corpus{}, fmt.Errorf("embedded corpus: example questions: %w", err)
	}
	if c.Profile, err = ParseProfile(profileTOML); err != nil {
		return Corpus{}, fmt.Errorf("embedded corpus: profile: %w", err)
	}
	c.attribute()
	return c, nil
}

// Load reads an article file in the same format as the embedded one. Files
// beside it named like the article with .penalties.toml, .synonyms.toml,
// .expansions.toml and .profile.toml instead of .txt are read when they
// exist; without them the bot answers from the passages alone and names
// the subject by the article's title.
func Load(path string) (Corpus, error) {
	article, err := os.ReadFile(path)
	if err != nil {
		return Corpus{}, fmt.Errorf("corpus %s: %w", path, unwrapPathError(err))
	}
	base := strings.TrimSuffix(path, ".txt")
	penalties, err := readOptional(base + ".penalties.toml")
	if err != nil {
		return Corpus{}, err
	}
	synonyms, err := readOptional(base + ".synonyms.toml")
	if err != nil {
		return Corpus{}, err
	}
	expansions, err := readOptional(base + ".expansions.toml")
	if err != nil {
		return Corpus{}, err
	}
	profile, err := readOptional(base + ".profile.toml")
	if err != nil {
		return Corpus{}, err
	}
	c, err := build(path, article, penalties, synonyms)
	if err != nil {
		return Corpus{}, fmt.Errorf("corpus %s: %w", path, err)
	}
	if expansions != nil {
		if err := attachExpansions(&c.Article, expansions); err != nil {
			return Corpus{}, fmt.Errorf("corpus %s: example questions: %w", path, err)
		}
	}
	if profile != nil {
		if c.Profile, err = ParseProfile(profile); err != nil {
			return Corpus{}, fmt.Errorf("corpus %s: profile: %w", path, err)
		}
	}
	c.attribute()
	return c, nil
}

// attribute gives the article the source its profile names; without one
// the attribution is the title alone, with no publisher or license
// guessed.
func (c *Corpus) attribute() {
	src := c.Profile.Source
	src.Title = c.Article.Title
	c.Article.Attribution = src
}

func readOptional(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("corpus data %s: %w", path, unwrapPathError(err))
	}
	return data, nil
}

// unwrapPathError drops the path os already put in the message, since the
// caller names the file itself.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func build(name string, article, penalties, synonyms []byte) (Corpus, error) {
	var c Corpus
	var err error
	if c.Article, err = ParseArticle(article); err != nil {
		return Corpus{}, err
	}
	if penalties != nil {
		if c.Schedule, err = ParseSchedule(penalties); err != nil {
			return Corpus{}, fmt.Errorf("penalty schedule: %w", err)
		}
		if err := c.Schedule.Validate(c.Article); err != nil {
			return Corpus{}, fmt.Errorf("penalty schedule: %w", err)
		}
	}
	if synonyms != nil {
		if c.Synonyms, err = ParseSynonyms(synonyms); err != nil {
			return Corpus{}, fmt.Errorf("synonyms: %w", err)
		}
	}
	// The term lists describe languages, not one article: every corpus
	// gets the embedded ones.
	nb, err := ParseTerms(termsNB)
	if err != nil {
		return Corpus{}, fmt.Errorf("embedded terms.nb.toml: %w", err)
	}
	c.Terms = map[string]map[string]string{"nb": nb}
	return c, nil
}

type scheduleFile struct {
	Tier []struct {
		Name    string            `toml:"name"`
		Above   string            `toml:"above"`
		UpTo    string            `toml:"up_to"`
		Penalty map[string]string `toml:"penalty"`
		Answer  map[string]string `toml:"answer"`
		Quotes  []bot.Source      `toml:"quotes"`
	} `toml:"tier"`
	Fact map[string]struct {
		Answer map[string]string `toml:"answer"`
		Quotes []bot.Source      `toml:"quotes"`
	} `toml:"fact"`
	Units struct {
		Countable []string          `toml:"countable"`
		Named     map[string]string `toml:"named"`
	} `toml:"units"`
	Words struct {
		Penalty    []string `toml:"penalty"`
		Nouns      []string `toml:"nouns"`
		Possession []string `toml:"possession"`
		Maximum    []string `toml:"maximum"`
		Minimum    []string `toml:"minimum"`
		Sentence   []string `toml:"sentence"`
		Repeat     []string `toml:"repeat"`
		Dealer     []string `toml:"dealer"`
		Overview   []string `toml:"overview"`
		Price      []string `toml:"price"`
		Limit      []string `toml:"limit"`
		Allowed    []string `toml:"allowed"`
		Counts     []string `toml:"counts"`
		Other      []string `toml:"other"`
	} `toml:"words"`
}

// ParseSchedule reads a penalty schedule. Bounds are amounts as the article
// words them ("15 g", "1 kg") and are read with the same parser as
// questions, so they are exact.
func ParseSchedule(data []byte) (bot.Schedule, error) {
	var f scheduleFile
	if err := decodeStrict(data, &f); err != nil {
		return bot.Schedule{}, err
	}
	s := bot.Schedule{Countable: f.Units.Countable, Words: bot.PenaltyWords(f.Words)}
	for word, amount := range f.Units.Named {
		g, err := bound(amount)
		if err != nil {
			return bot.Schedule{}, fmt.Errorf("units.named %q: %w", word, err)
		}
		if s.Named == nil {
			s.Named = map[string]*big.Rat{}
		}
		s.Named[strings.ToLower(word)] = g
	}
	for i, t := range f.Tier {
		lower, err := bound(t.Above)
		if err != nil {
			return bot.Schedule{}, fmt.Errorf("tier %d: above: %w", i+1, err)
		}
		var upper *big.Rat
		if t.UpTo != "" {
			if upper, err = bound(t.UpTo); err != nil {
				return bot.Schedule{}, fmt.Errorf("tier %d: up_to: %w", i+1, err)
			}
		}
		s.Tiers = append(s.Tiers, bot.Tier{
			Name: t.Name, Lower: lower, Upper: upper,
			Penalty: t.Penalty, Answer: t.Answer, Quotes: t.Quotes,
		})
	}
	s.Facts = make(map[string]bot.Fact, len(f.Fact))
	for k, v := range f.Fact {
		s.Facts[k] = bot.Fact{Answer: v.Answer, Quotes: v.Quotes}
	}
	return s, nil
}

func bound(s string) (*big.Rat, error) {
	if strings.TrimSpace(s) == "0 g" {
		return new(big.Rat), nil
	}
	amounts, problems := bot.ParseAmounts(s, "en")
	if len(amounts) != 1 || len(problems) != 0 {
		return nil, fmt.Errorf("%q is not one amount such as \"15 g\" or \"1 kg\"", s)
	}
	return amounts[0].Grams, nil
}

// ParseSynonyms reads a synonym list: [[synonym]] tables with input and
// synonyms, as bot.Synonym describes.
func ParseSynonyms(data []byte) ([]bot.Synonym, error) {
	var f struct {
		Synonym []bot.Synonym `toml:"synonym"`
	}
	if err := decodeStrict(data, &f); err != nil {
		return nil, err
	}
	for i, s := range f.Synonym {
		if len(s.Input)+len(s.Synonyms) < 2 || len(s.Synonyms) == 0 {
			return nil, fmt.Errorf("synonym %d: needs at least two terms, with synonyms not empty", i+1)
		}
	}
	return f.Synonym, nil
}

// ParseTerms reads a bilingual term list: a [terms] table of words or
// phrases and their English.
func ParseTerms(data []byte) (map[string]string, error) {
	var f struct {
		Terms map[string]string `toml:"terms"`
	}
	if err := decodeStrict(data, &f); err != nil {
		return nil, err
	}
	if len(f.Terms) == 0 {
		return nil, errors.New("no [terms]")
	}
	return f.Terms, nil
}
