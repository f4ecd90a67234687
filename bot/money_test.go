package bot

import (
	"strings"
	"testing"
)

func TestCurrencyWords(t *testing.T) {
	got := currencyWords(lowerWords(
		"A standard permit costs 35 ruvets per year.",
		"Selling counterfeit glass carries a fine of up to 40,000 crels for each offence.",
		"Adult tickets cost 12 crels.",
		"Insurance was raised to 50 million crels by the act.",
		"All crews must complete 40 hours of training.",
		"The fee rose after 40 hours of debate.",
		"The strike lasted 64 days.",
		"Up to 15 g is punished with a fine.",
		"Dealers are fined and jailed for up to 2 years.",
	))
	for _, w := range []string{"ruvets", "crels"} {
		if !got[w] {
			t.Errorf("%q is no currency: %v", w, got)
		}
	}
	for _, w := range []string{"hours", "days", "per", "g", "years"} {
		if got[w] {
			t.Errorf("%q read as a currency: %v", w, got)
		}
	}
}

func TestHoldsMoney(t *testing.T) {
	currencies := wordSet{"crels": true}
	tests := map[string]bool{
		"Adult tickets cost 12 crels.":                      true,
		"The court ordered it to pay 1.2 million crels.":    true,
		"Tickets cost €5 on weekdays.":                      true,
		"Entry costs NOK 500.":                              true,
		"The fine is 300 kroner.":                           true,
		"About 85,000 visitors attended the festival.":      false,
		"About 1,400 sailings a year link the two islands.": false,
	}
	for s, want := range tests {
		if got := holdsMoney(s, words(strings.ToLower(s)), currencies); got != want {
			t.Errorf("holdsMoney(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAsksMoney(t *testing.T) {
	tests := map[string]bool{
		"how much does a ticket cost":              true,
		"how much is the fee for a permit":         true,
		"how much compensation was awarded":        true,
		"how much is a ferry ticket to the island": true,
		"by how much did the kilns cut fuel costs": false,
		"how much more does it cost than glass":    false,
		"how much weed is personal use":            false,
		"what is the fine for a first offence":     false,
	}
	for q, want := range tests {
		if got := asksMoney(words(q)); got != want {
			t.Errorf("asksMoney(%q) = %v, want %v", q, got, want)
		}
		if want && questionType(words(q)) != typeMoney {
			t.Errorf("questionType(%q) is not money", q)
		}
	}
}

// Any sentence, from any article, is read without panicking.
func FuzzMoney(f *testing.F) {
	f.Add("A standard permit costs 35 ruvets per year.")
	f.Add("The court ordered it to pay 1.2 million € to NOK 500 kr")
	f.Fuzz(func(t *testing.T, sentence string) {
		c := currencyWords(lowerWords(sentence, sentence+" fee"))
		_ = holdsMoney(sentence, words(strings.ToLower(sentence)), c)
		_ = asksMoney(words(sentence))
	})
}

func lowerWords(sentences ...string) [][]string {
	out := make([][]string, len(sentences))
	for i, s := range sentences {
		out[i] = words(strings.ToLower(s))
	}
	return out
}
