package bot_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
)

func defaultCorpus(t testing.TB) corpus.Corpus {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatalf("corpus.Default: %v", err)
	}
	return c
}

func TestTierBoundaries(t *testing.T) {
	s := defaultCorpus(t).Schedule
	if len(s.Tiers) != 4 {
		t.Fatalf("embedded schedule has %d tiers, want 4", len(s.Tiers))
	}
	const (
		fine    = "a fine for first-time offenders"
		twoY    = "up to 2 years in prison"
		tenY    = "up to 10 years in prison"
		largest = "3 to 15 years"
	)
	tests := []struct {
		grams   string
		penalty string
	}{
		{"1/1000000", fine}, // a microgram
		{"0.001", fine},
		{"1", fine},
		{"14.999", fine},
		{"15", fine}, // "Up to 15 g" is personal use
		{"15.000001", twoY},
		{"15.01", twoY},
		{"16", twoY},
		{"500", twoY},
		{"999.999", twoY},
		{"1000", twoY}, // "Up to 1 kg"
		{"1000.001", tenY},
		{"1001", tenY},
		{"50000", tenY},
		{"79999.999", tenY},
		{"80000", tenY}, // "Amounts over 80 kg" start above 80 kg
		{"80000.001", largest},
		{"80010", largest}, // 80.01 kg
		{"100000000", largest},
	}
	for _, tt := range tests {
		tier, ok := s.TierFor(rat(t, tt.grams))
		if !ok {
			t.Errorf("TierFor(%s g): no tier", tt.grams)
			continue
		}
		if !strings.Contains(tier.Penalty["en"], tt.penalty) {
			t.Errorf("TierFor(%s g) = %q (%q), want %q", tt.grams, tier.Name, tier.Penalty["en"], tt.penalty)
		}
	}
	for _, bad := range []string{"0", "-1", "-1/1000"} {
		if tier, ok := s.TierFor(rat(t, bad)); ok {
			t.Errorf("TierFor(%s g) = %q, want no tier", bad, tier.Name)
		}
	}
}

// TestTierBoundariesFromText walks the same boundaries from the words a
// user types, through ParseAmounts, to the tier.
func TestTierBoundariesFromText(t *testing.T) {
	s := defaultCorpus(t).Schedule
	tests := []struct{ in, penalty string }{
		{"15 g", "fine"},
		{"15.01 g", "up to 2 years"},
		{"15,01 g", "up to 2 years"},
		{"1 kg", "up to 2 years"},
		{"1000 g", "up to 2 years"},
		{"1000.001 g", "up to 10 years"},
		{"80 kg", "up to 10 years"},
		{"80.01 kg", "3 to 15 years"},
		{"1 mg", "fine"},
		{"an ounce", "up to 2 years"},
		{"half an ounce", "fine"},
		{"3 lbs", "up to 10 years"},
	}
	for _, tt := range tests {
		amounts, problems := bot.ParseAmounts(tt.in, "en")
		if len(amounts) != 1 || len(problems) != 0 {
			t.Errorf("ParseAmounts(%q) = %v, %v; want one amount", tt.in, describe(amounts), problems)
			continue
		}
		tier, ok := s.TierFor(amounts[0].Grams)
		if !ok || !strings.Contains(tier.Penalty["en"], tt.penalty) {
			t.Errorf("%s: tier %q (%q), want %q", tt.in, tier.Name, tier.Penalty["en"], tt.penalty)
		}
	}
}

func TestTierContains(t *testing.T) {
	tier := bot.Tier{Lower: big.NewRat(15, 1), Upper: big.NewRat(1000, 1)}
	for grams, want := range map[string]bool{"15": false, "15.0001": true, "1000": true, "1000.0001": false} {
		if got := tier.Contains(rat(t, grams)); got != want {
			t.Errorf("(15, 1000].Contains(%s) = %v, want %v", grams, got, want)
		}
	}
	open := bot.Tier{Lower: big.NewRat(80000, 1)}
	if !open.Contains(rat(t, "1e12")) || open.Contains(rat(t, "80000")) {
		t.Error("an unbounded tier must contain everything above its lower bound and not the bound")
	}
}

func TestEmbeddedScheduleValidates(t *testing.T) {
	c := defaultCorpus(t)
	if err := c.Schedule.Validate(c.Article); err != nil {
		t.Fatalf("embedded schedule: %v", err)
	}
	for _, key := range []string{bot.FactLimit, bot.FactMaximum, bot.FactMinimum, bot.FactRepeat, bot.FactFirstTime, bot.FactOverview} {
		if f, ok := c.Schedule.Facts[key]; !ok || f.Answer["en"] == "" {
			t.Errorf("fact %q missing from the embedded schedule", key)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	c := defaultCorpus(t)
	art := c.Article
	quote := bot.Source{Section: "Enforcement", Text: "Up to 1 kg is punished with up to 2 years in prison."}
	tier := func(lower, upper string) bot.Tier {
		tr := bot.Tier{
			Name:   lower + "-" + upper,
			Lower:  rat(t, lower),
			Answer: map[string]string{"en": "{amount} is a test."},
			Quotes: []bot.Source{quote},
		}
		if upper != "" {
			tr.Upper = rat(t, upper)
		}
		return tr
	}
	fact := map[string]bot.Fact{bot.FactLimit: {Answer: map[string]string{"en": "15 g."}, Quotes: []bot.Source{quote}}}

	good := bot.Schedule{Tiers: []bot.Tier{tier("0", "15"), tier("15", "")}, Facts: fact}
	if err := good.Validate(art); err != nil {
		t.Fatalf("a well-formed schedule was rejected: %v", err)
	}

	withQuote := func(tr bot.Tier, q bot.Source) bot.Tier { tr.Quotes = []bot.Source{q}; return tr }
	withAnswer := func(tr bot.Tier, a string) bot.Tier { tr.Answer = map[string]string{"en": a}; return tr }
	tests := []struct {
		name  string
		s     bot.Schedule
		error string
	}{
		{"no tiers", bot.Schedule{}, "no tiers"},
		{"gap", bot.Schedule{Tiers: []bot.Tier{tier("0", "15"), tier("20", "")}}, "does not start where tier 1 ends"},
		{"overlap", bot.Schedule{Tiers: []bot.Tier{tier("0", "15"), tier("10", "")}}, "does not start where tier 1 ends"},
		{"bounded last tier", bot.Schedule{Tiers: []bot.Tier{tier("0", "15"), tier("15", "1000")}}, "last tier must have no upper bound"},
		{"unbounded tier before the last", bot.Schedule{Tiers: []bot.Tier{tier("0", ""), tier("15", "")}}, "only the last tier may be unbounded"},
		{"first tier not from zero", bot.Schedule{Tiers: []bot.Tier{tier("1", "15"), tier("15", "")}}, "must start above 0 g"},
		{"upper not above lower", bot.Schedule{Tiers: []bot.Tier{tier("0", "15"), tier("15", "15"), tier("15", "")}}, "upper bound not above lower bound"},
		{"no lower bound", bot.Schedule{Tiers: []bot.Tier{{Name: "x", Answer: map[string]string{"en": "{amount}"}, Quotes: []bot.Source{quote}}}}, "no lower bound"},
		{"answer without {amount}", bot.Schedule{Tiers: []bot.Tier{withAnswer(tier("0", ""), "a fine")}}, "must contain {amount}"},
		{"quote not in the article", bot.Schedule{Tiers: []bot.Tier{withQuote(tier("0", ""), bot.Source{Section: "Enforcement", Text: "Up to 50 g is punished with a warning."})}}, "quote is not in section"},
		{"quote in the wrong section", bot.Schedule{Tiers: []bot.Tier{withQuote(tier("0", ""), bot.Source{Section: "Medical use", Text: quote.Text})}}, "quote is not in section"},
		{"quote altered by one word", bot.Schedule{Tiers: []bot.Tier{withQuote(tier("0", ""), bot.Source{Section: "Enforcement", Text: "Up to 1 kg is punished with up to 3 years in prison."})}}, "quote is not in section"},
		{"empty quote", bot.Schedule{Tiers: []bot.Tier{withQuote(tier("0", ""), bot.Source{Section: "Enforcement"})}}, "quote is not in section"},
		{"tier without quotes", bot.Schedule{Tiers: []bot.Tier{{Name: "x", Lower: new(big.Rat), Answer: map[string]string{"en": "{amount}"}}}}, "no quote from the article"},
		{"fact quote not in the article", bot.Schedule{Tiers: good.Tiers, Facts: map[string]bot.Fact{bot.FactMaximum: {Answer: map[string]string{"en": "21 years"}, Quotes: []bot.Source{{Section: "Enforcement", Text: "Life imprisonment is possible."}}}}}, "fact maximum: quote is not in section"},
		{"fact without English answer", bot.Schedule{Tiers: good.Tiers, Facts: map[string]bot.Fact{bot.FactRepeat: {Quotes: []bot.Source{quote}}}}, "fact repeat: no answer.en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.s.Validate(art)
			if err == nil {
				t.Fatalf("Validate accepted a schedule with %s", tt.name)
			}
			if !strings.Contains(err.Error(), tt.error) {
				t.Errorf("Validate: %v\nwant an error containing %q", err, tt.error)
			}
		})
	}
}

func TestHasSentence(t *testing.T) {
	art := defaultCorpus(t).Article
	if !art.HasSentence("Enforcement", "Repeat offenders or dealers can face prison charges.") {
		t.Error("HasSentence misses an Enforcement sentence")
	}
	if art.HasSentence("Lead", "Repeat offenders or dealers can face prison charges.") {
		t.Error("HasSentence found an Enforcement sentence in the lead")
	}
	if art.HasSentence("Enforcement", "") {
		t.Error("HasSentence accepts empty text")
	}
}
