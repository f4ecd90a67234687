package bot_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

// TestAnswerBokmal: Bokmål questions per intent, answered in Bokmål with
// the English source sentence, or declined in Bokmål.
func TestAnswerBokmal(t *testing.T) {
	b := realBot(t)
	tests := []struct {
		q        string
		answered bool
		intent   bot.Intent
		want     string
	}{
		// Amounts.
		{"Hva er straffen for 20 gram hasj?", true, bot.IntentPenalty, "inntil 2 års fengsel"},
		{"Får jeg bot for to gram?", true, bot.IntentPenalty, "bot for førstegangsovertredere"},
		{"straff for et halvt kilo", true, bot.IntentPenalty, "500 g"},
		{"straff for en hekto", true, bot.IntentPenalty, "100 g"},
		{"Hvor mange år fengsel for 1,5 kg?", true, bot.IntentPenalty, "1,5 kg"},
		{"Hva skjer om jeg blir tatt med 5 kilo?", true, bot.IntentPenalty, "inntil 10 års fengsel"},
		{"straff for 100 kilo", true, bot.IntentPenalty, "inntil 21 år"},
		// Facts without an amount.
		{"Hvor mye kan jeg ha til eget bruk?", true, bot.IntentLimit, "15 g"},
		{"Hva er den høyeste straffen?", true, bot.IntentLimit, "21 år"},
		{"Hva er minstestraffen?", true, bot.IntentLimit, "minst 3 år"},
		{"Hva skjer med selgere?", true, bot.IntentLimit, "fengsel"},
		// Passages: a Bokmål lead over the English sentence.
		{"Er medisinsk cannabis lovlig?", true, bot.IntentSearch, "medic"},
		{"Hva bestemte riksadvokaten i 2021?", true, bot.IntentSearch, "search mobile phones"},
		{"Ble rusreformen vedtatt?", true, bot.IntentSearch, "did not pass"},
		{"Hvem støtter legalisering?", true, bot.IntentSearch, "Young Liberals"},
		// Months and dates read as English's: "which month" wants a month.
		{"Hvilken måned i 2018 ble arbeidsgruppen opprettet?", true, bot.IntentSearch, "March 2018"},
		{"Innen hvilken dato kom utvalget med anbefaling?", true, bot.IntentSearch, "31 December 2019"},
		// Declines in Bokmål.
		{"Hva er hovedstaden i Norge?", false, bot.IntentNone, "dekker ikke"},
		{"Er cannabis lovlig i Sverige?", false, bot.IntentScope, "Sverige"},
		{"Hva er straffen for kokain?", false, bot.IntentScope, "kokain"},
		{"Hva er straffen for fyllekjøring?", false, bot.IntentScope, "fyllekjøring"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, b, tt.q)
			if a.Lang != "nb" {
				t.Errorf("lang = %q, want nb", a.Lang)
			}
			if a.Answered != tt.answered || a.Intent != tt.intent || !strings.Contains(a.Text, tt.want) {
				t.Errorf("answered=%v intent=%s %q; want answered=%v intent=%s containing %q",
					a.Answered, a.Intent, a.Text, tt.answered, tt.intent, tt.want)
			}
			if a.Answered && a.Intent == bot.IntentSearch && !strings.HasPrefix(a.Text, "Ifølge artikkelen") {
				t.Errorf("passage answer without the Bokmål lead: %q", a.Text)
			}
			if a.Answered && a.Intent != bot.IntentSearch && !strings.Contains(a.Text, "Fra artikkelen") {
				t.Errorf("penalty answer without the English source sentence: %q", a.Text)
			}
		})
	}
}

// TestAnswerForcedLanguage: a platform setting can fix the language.
func TestAnswerForcedLanguage(t *testing.T) {
	b := realBot(t)
	a := b.Answer(t.Context(), bot.Question{Text: "What is the penalty for 20 grams?", Lang: "nb"})
	if a.Lang != "nb" || !strings.Contains(a.Text, "inntil 2 års fengsel") {
		t.Errorf("forced nb: lang=%q %q", a.Lang, a.Text)
	}
	a = b.Answer(t.Context(), bot.Question{Text: "Hva er straffen for 20 gram?", Lang: "xx"})
	if a.Lang != "en" {
		t.Errorf("unknown language: lang=%q, want the default en", a.Lang)
	}
}
