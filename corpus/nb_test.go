package corpus_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/corpus"
)

// TestScheduleBokmal: the Bokmål wording of every tier and fact lives in
// the schedule beside the English, with the same {amount} placeholder.
func TestScheduleBokmal(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tier := range c.Schedule.Tiers {
		if !strings.Contains(tier.Answer["nb"], "{amount}") {
			t.Errorf("tier %q: answer.nb missing or without {amount}: %q", tier.Name, tier.Answer["nb"])
		}
		if tier.Penalty["nb"] == "" {
			t.Errorf("tier %q: no penalty.nb", tier.Name)
		}
	}
	for key, f := range c.Schedule.Facts {
		if f.Answer["nb"] == "" {
			t.Errorf("fact %q: no answer.nb", key)
		}
	}
}

func TestTermsBokmal(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	terms := c.Terms["nb"]
	for nb, en := range map[string]string{"straff": "penalty", "fengsel": "prison", "eget bruk": "personal use", "riksadvokaten": "attorney general"} {
		if terms[nb] != en {
			t.Errorf("terms[%q] = %q, want %q", nb, terms[nb], en)
		}
	}
	if _, err := corpus.ParseTerms([]byte("[terms]\n\"a\" = 1\n")); err == nil {
		t.Error("ParseTerms accepted a number as a translation")
	}
	if _, err := corpus.ParseTerms([]byte("[other]\n")); err == nil {
		t.Error("ParseTerms accepted a file without [terms]")
	}
}
