package bot

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Schedule is the penalty table: tiers by amount, and facts that answer
// penalty questions without an amount. Its words come from data beside the
// article, keyed by language; every quote is a sentence of the article.
type Schedule struct {
	Tiers []Tier
	Facts map[string]Fact // keyed by FactLimit, FactMaximum, …
	// Countable are units people count the substance in that the table
	// does not weigh ("joint", "plant", "bag"): a question about "3
	// joints" is told the article counts by weight, never given a tier.
	Countable []string
	// Named are amounts the subject's slang names, in grams: "eighth"
	// (of an ounce), "zip" (an ounce). "an eighth" is read as that
	// amount.
	Named map[string]*big.Rat
	// Words are the words the penalty intents read questions with.
	Words PenaltyWords
}

// Keys of Schedule.Facts the intent layer knows how to ask for.
const (
	FactLimit     = "limit"      // the personal-use amount
	FactMaximum   = "maximum"    // the longest sentence
	FactMinimum   = "minimum"    // the shortest sentence for the largest amounts
	FactRepeat    = "repeat"     // repeat offenders and dealers
	FactFirstTime = "first_time" // first-time offenders, small amounts
	FactOverview  = "overview"   // the whole table
)

// Tier is one row of the schedule. Lower is exclusive and Upper inclusive,
// as the article words its bounds ("Up to 15 g", "Amounts over 80 kg");
// a nil Upper is unbounded.
type Tier struct {
	Name    string
	Lower   *big.Rat // grams, exclusive
	Upper   *big.Rat // grams, inclusive; nil = no upper bound
	Penalty map[string]string
	// Answer maps a language to a template where {amount} stands for the
	// amount asked about.
	Answer map[string]string
	Quotes []Source
}

// Contains reports whether grams falls in the tier.
func (t Tier) Contains(grams *big.Rat) bool {
	if grams.Cmp(t.Lower) <= 0 {
		return false
	}
	return t.Upper == nil || grams.Cmp(t.Upper) <= 0
}

// Fact is a penalty answer that needs no amount.
type Fact struct {
	Answer map[string]string
	Quotes []Source
}

// TierAbove returns the tier that amounts just over grams fall in ("more
// than 80 kg"): the one whose range starts at or below grams and goes past
// it.
func (s Schedule) TierAbove(grams *big.Rat) (Tier, bool) {
	for _, t := range s.Tiers {
		if t.Lower.Cmp(grams) <= 0 && (t.Upper == nil || grams.Cmp(t.Upper) < 0) {
			return t, true
		}
	}
	return Tier{}, false
}

// TierFor returns the tier an amount falls in.
func (s Schedule) TierFor(grams *big.Rat) (Tier, bool) {
	for _, t := range s.Tiers {
		if t.Contains(grams) {
			return t, true
		}
	}
	return Tier{}, false
}

// Validate checks that the tiers start above 0 g and follow each other
// without gaps or overlaps, that the last is unbounded, that every text has
// an English version, and that every quote is a sentence of the article.
func (s Schedule) Validate(a Article) error {
	var errs []error
	if len(s.Tiers) == 0 {
		errs = append(errs, errors.New("no tiers"))
	}
	for i, t := range s.Tiers {
		name := fmt.Sprintf("tier %d (%s)", i+1, t.Name)
		switch {
		case t.Lower == nil:
			errs = append(errs, fmt.Errorf("%s: no lower bound", name))
		case i == 0 && t.Lower.Sign() != 0:
			errs = append(errs, fmt.Errorf("%s: the first tier must start above 0 g", name))
		case i > 0 && (s.Tiers[i-1].Upper == nil || s.Tiers[i-1].Upper.Cmp(t.Lower) != 0):
			errs = append(errs, fmt.Errorf("%s: does not start where tier %d ends", name, i))
		}
		if t.Upper == nil && i != len(s.Tiers)-1 {
			errs = append(errs, fmt.Errorf("%s: only the last tier may be unbounded", name))
		}
		if t.Upper != nil && t.Lower != nil && t.Upper.Cmp(t.Lower) <= 0 {
			errs = append(errs, fmt.Errorf("%s: upper bound not above lower bound", name))
		}
		if t.Upper != nil && i == len(s.Tiers)-1 {
			errs = append(errs, fmt.Errorf("%s: the last tier must have no upper bound", name))
		}
		if !strings.Contains(t.Answer["en"], "{amount}") {
			errs = append(errs, fmt.Errorf("%s: answer.en must contain {amount}", name))
		}
		errs = append(errs, checkQuotes(name, t.Quotes, a)...)
	}
	for key, f := range s.Facts {
		name := "fact " + key
		if f.Answer["en"] == "" {
			errs = append(errs, fmt.Errorf("%s: no answer.en", name))
		}
		errs = append(errs, checkQuotes(name, f.Quotes, a)...)
	}
	return errors.Join(errs...)
}

func checkQuotes(name string, quotes []Source, a Article) []error {
	var errs []error
	if len(quotes) == 0 {
		errs = append(errs, fmt.Errorf("%s: no quote from the article", name))
	}
	for _, q := range quotes {
		if !a.HasSentence(q.Section, q.Text) {
			errs = append(errs, fmt.Errorf("%s: quote is not in section %q of the article: %q", name, q.Section, q.Text))
		}
	}
	return errs
}

// HasSentence reports whether text appears verbatim in the named section.
func (a Article) HasSentence(section, text string) bool {
	if text == "" {
		return false
	}
	for _, p := range a.Passages {
		if p.Section == section && strings.Contains(p.ParagraphText, text) {
			return true
		}
	}
	return false
}
