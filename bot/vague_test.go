package bot_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

// Amounts without a number, and things counted rather than weighed, in our
// own words.
func TestAmountsWithoutNumbers(t *testing.T) {
	b := realBot(t)
	tests := []struct {
		q        string
		answered bool
		intent   bot.Intent
		want     []string // each in the lower-cased answer
		not      []string // none in the lower-cased answer
	}{
		// Vague small amounts: the smallest tier, and it says how it read them.
		{"a tiny bit?", true, bot.IntentPenalty, []string{"“a tiny bit” as a small amount", "personal use"}, nil},
		{"litt", true, bot.IntentPenalty, []string{"“litt” as a small amount"}, nil},
		{"what do I risk for a couple of grams?", true, bot.IntentPenalty, []string{"“a couple of grams” as a small amount", "2 to 3 grams", "up to 15 g"}, []string{"2 years"}},
		{"got caught with a few grams of skunk", true, bot.IntentPenalty, []string{"as a small amount", "2 to 5 grams", "fine"}, nil},
		{"several grams of hash, what happens", true, bot.IntentPenalty, []string{"as a small amount", "3 to 9 grams", "fine"}, nil},
		{"a tiny bit of ganja", true, bot.IntentPenalty, []string{"“a tiny bit” as a small amount", "personal use"}, nil},
		{"is it a crime to carry a little bit of pot", true, bot.IntentPenalty, []string{"“a little bit” as a small amount", "fine"}, nil},
		{"what happens if I'm caught with a little?", true, bot.IntentPenalty, []string{"“a little” as a small amount"}, nil},
		{"straffen for et par gram hasj?", true, bot.IntentPenalty, []string{"«et par gram» som en liten mengde", "bot"}, nil},
		{"hva skjer om jeg har litt cannabis?", true, bot.IntentPenalty, []string{"«litt» som en liten mengde"}, nil},
		// A vague count of a larger unit reads as that many units.
		{"a couple of kilos of hash", true, bot.IntentPenalty, []string{"about 2 to 3 kilos", "10 years"}, []string{"small amount"}},
		// ...whatever else the question says, as a number with a unit is.
		{"how long would they lock me up for shifting a few kilos", true, bot.IntentPenalty, []string{"about 2 to 5 kilos", "10 years"}, nil},
		// Words that could fall in two tiers get none.
		{"a few ounces of weed", true, bot.IntentPenalty, []string{"about 2 to 5 ounces", "2 years"}, []string{"small amount"}},
		{"penalty for a few pounds", false, bot.IntentPenalty, []string{"more than one penalty tier"}, []string{"years in prison"}},
		// Counted, not weighed: declined, with the tiers by weight and never one of them,
		// never a number read from elsewhere.
		{"What's the penalty for 4 joints?", false, bot.IntentPenalty, []string{"by weight", "“4 joints”", "up to 15 g", "over 80 kg"}, []string{"are punished with sentences of"}},
		{"3 joints, is that 3 to 15 years?", false, bot.IntentPenalty, []string{"by weight", "“3 joints”"}, nil},
		{"growing five plants at home", false, bot.IntentPenalty, []string{"“five plants”", "by weight"}, nil},
		{"What's the penalty for having 3 cannabis plants?", false, bot.IntentPenalty, []string{"“3 cannabis plants”", "by weight"}, []string{"are punished with sentences of"}},
		{"what's the fine for a baggie of weed", false, bot.IntentPenalty, []string{"“a baggie”", "by weight"}, nil},
		{"a bag of skunk", false, bot.IntentPenalty, []string{"“a bag”", "by weight"}, nil},
		{"a few spliffs in my pocket", false, bot.IntentPenalty, []string{"“a few spliffs”", "by weight"}, nil},
		{"hva er straffen for tre jointer?", false, bot.IntentPenalty, []string{"«tre jointer»", "etter vekt"}, nil},
		// A weight wins over a count.
		{"2 joints, about 1.5 g in all", true, bot.IntentPenalty, []string{"1.5 g", "personal use"}, []string{"by weight"}},
		// The penalty alone asks for the whole table.
		{"penalty?", true, bot.IntentLimit, []string{"up to 15 g", "over 80 kg"}, nil},
		{"Penalties??", true, bot.IntentLimit, []string{"up to 1 kg", "21 years"}, nil},
		{"what are the punishments", true, bot.IntentLimit, []string{"up to 80 kg"}, nil},
		{"straff?", true, bot.IntentLimit, []string{"inntil 15 g"}, nil},
		// Asides and other meanings are not amounts.
		{"Can officers search my phone if I have a little weed?", true, bot.IntentSearch, []string{"mobile phones"}, []string{"as a small amount"}},
		{"is smoking a joint legal?", true, bot.IntentSearch, nil, []string{"by weight"}},
		{"can you say a little about medical cannabis", true, bot.IntentSearch, nil, []string{"as a small amount"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, b, tt.q)
			text := strings.ToLower(a.Text)
			if a.Answered != tt.answered || a.Intent != tt.intent {
				t.Errorf("answered %v, intent %q; want %v, %q: %s", a.Answered, a.Intent, tt.answered, tt.intent, a.Text)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, strings.ToLower(w)) {
					t.Errorf("answer lacks %q: %s", w, a.Text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, strings.ToLower(w)) {
					t.Errorf("answer has %q: %s", w, a.Text)
				}
			}
			if a.Answered && len(a.Sources) == 0 {
				t.Errorf("answered without a source: %s", a.Text)
			}
		})
	}
}
