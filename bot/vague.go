package bot

import (
	"math/big"
	"strings"
)

// Amounts without a number: "a couple of grams", "a few kilos", "a tiny
// bit", "et par gram", "litt". These are ways of speaking in a language,
// not facts about a subject, so they live here; the units a subject counts
// without weighing ("joints", "plants") come with its penalty table.

// vagueCount is a phrase for a small, unstated number of units, and the
// numbers it can mean.
type vagueCount struct {
	phrase      string
	least, most int64
}

// vagueCounts per language, longest phrase first. English is always read;
// another language's phrases only in a question in it (as with numbers).
var vagueCounts = map[string][]vagueCount{
	"en": {
		{"a couple of", 2, 3}, {"a couple", 2, 3}, {"couple of", 2, 3},
		{"a few", 2, 5}, {"few", 2, 5}, {"several", 3, 9},
	},
	"nb": {
		{"et par", 2, 3}, {"noen få", 2, 5}, {"par", 2, 3}, {"noen", 2, 5}, {"flere", 3, 9},
	},
}

// smallQuantities are phrases for a small quantity with neither number
// nor unit, longest first.
var smallQuantities = map[string][]string{
	"en": {"a tiny little bit", "a tiny bit", "a little bit", "a tiny amount", "a wee bit", "a little", "a bit",
		"a smidge", "a pinch", "a tad", "tiny bit", "little bit"},
	"nb": {"en liten mengde", "en liten bit", "bittelitt", "litegrann", "litt"},
}

// vagueFirstWords are the words a vague count or small quantity opens
// with, in any language.
var vagueFirstWords = func() wordSet {
	first := wordSet{}
	for _, phrases := range smallQuantities {
		for _, p := range phrases {
			w, _, _ := strings.Cut(p, " ")
			first[w] = true
		}
	}
	for _, counts := range vagueCounts {
		for _, vc := range counts {
			w, _, _ := strings.Cut(vc.phrase, " ")
			first[w] = true
		}
	}
	return first
}()

// quantityLinks may stand between a small quantity and what it is of:
// "a bit of hash", "litt av".
var quantityLinks = set("of", "av")

// VagueAmount is an amount given in words without a number.
type VagueAmount struct {
	Text string // as written: "a few grams", "a tiny bit"
	// Least and Most are the grams the words can mean; both nil when no
	// unit was given ("a tiny bit"), which reads as the smallest tier.
	Least, Most *big.Rat
	least, most int64  // the count the words can mean
	unit        string // the unit as written
}

// phraseAt reports whether the words at i start with phrase, and how many
// words it takes.
// The phrase is walked in place: this runs for every word of a question.
func phraseAt(ws []string, i int, phrase string) (int, bool) {
	n := 0
	for rest := phrase; ; n++ {
		word, more, found := strings.Cut(rest, " ")
		if i+n >= len(ws) || ws[i+n] != word {
			return 0, false
		}
		if !found {
			return n + 1, true
		}
		rest = more
	}
}

// languages are the phrase tables a question in lang is read with.
// Every language's phrases are read, the question's own first: "litt" is
// no English word, so an English reading loses nothing by knowing it, and a
// short question's language is often guessed wrong.
func languages(lang string) []string {
	if order, ok := phraseOrder[lang]; ok {
		return order
	}
	return phraseOrder["en"]
}

// phraseOrder lists, per language, the phrase tables in reading order.
var phraseOrder = func() map[string][]string {
	out := map[string][]string{}
	for _, first := range Languages {
		order := []string{first}
		for _, l := range Languages {
			if l != first {
				order = append(order, l)
			}
		}
		out[first] = order
	}
	return out
}()

// vagueCountAt returns the vague count phrase starting at word i.
func vagueCountAt(ws []string, i int, lang string) (vagueCount, int, bool) {
	for _, l := range languages(lang) {
		for _, vc := range vagueCounts[l] {
			if n, ok := phraseAt(ws, i, vc.phrase); ok {
				return vc, n, true
			}
		}
	}
	return vagueCount{}, 0, false
}

// findVagueAmount returns the first amount the question gives without a
// number: a vague count of a weight unit ("a few grams"), or a small
// quantity ("a tiny bit") followed by what it is of (a subject word) or,
// in a question about penalties, ending it ("caught with a little?").
func findVagueAmount(ws []string, lang string, subject func(string) bool, penaltyTalk bool) (VagueAmount, bool) {
	for i := range ws {
		if !vagueFirstWords[ws[i]] {
			// Every question passes here: most words open no phrase.
			continue
		}
		if vc, n, ok := vagueCountAt(ws, i, lang); ok && i+n < len(ws) {
			if unit, ok := spelledUnit(ws[i+n]); ok {
				return VagueAmount{
					Text:  strings.Join(ws[i:i+n+1], " "),
					Least: new(big.Rat).Mul(big.NewRat(vc.least, 1), unit),
					Most:  new(big.Rat).Mul(big.NewRat(vc.most, 1), unit),
					least: vc.least, most: vc.most, unit: ws[i+n],
				}, true
			}
		}
		for _, l := range languages(lang) {
			for _, phrase := range smallQuantities[l] {
				n, ok := phraseAt(ws, i, phrase)
				if !ok {
					continue
				}
				next := i + n
				if next < len(ws) && quantityLinks[ws[next]] {
					next++
				}
				// "a tiny bit of hash", "caught with a little?", or the
				// amount alone ("a tiny bit?").
				if (next < len(ws) && subject(ws[next])) || ((penaltyTalk || i == 0) && i+n == len(ws)) {
					return VagueAmount{Text: strings.Join(ws[i:i+n], " ")}, true
				}
			}
		}
	}
	return VagueAmount{}, false
}

// countedUnit is a quantity in units the penalty table does not weigh:
// "3 joints", "a bag", "a few plants".
type countedUnit struct {
	text string
	// counted is set when a number or count phrase stands before the
	// unit ("3 joints", "a few plants"), not just an article ("a bag");
	// ofSubject when what it holds is named ("a bag of weed").
	counted, ofSubject bool
}

// findCountedUnit returns the first countable unit in the question with
// what stands before it.
func findCountedUnit(ws []string, lang string, units wordSet, subject func(string) bool) (countedUnit, bool) {
	for i, w := range ws {
		if !units[w] || i == 0 {
			continue
		}
		c, ok := countedAt(ws, i, lang)
		if (!ok || !c.counted) && i >= 2 && subject(ws[i-1]) {
			// "3 cannabis plants": the subject's word between the count
			// and the unit says what is counted.
			if n, nok := countedAt(ws[:i:i], i-1, lang); nok && n.counted {
				c, ok = countedUnit{text: n.text + " " + ws[i], counted: true, ofSubject: true}, true
			}
		}
		if !ok {
			continue
		}
		c.ofSubject = i+2 < len(ws) && quantityLinks[ws[i+1]] && subject(ws[i+2])
		return c, true
	}
	return countedUnit{}, false
}

// countedAt reads what stands before the unit at i.
func countedAt(ws []string, i int, lang string) (countedUnit, bool) {
	w, prev := ws[i], ws[i-1]
	switch {
	case isNumber(prev) || (numberWord(prev, lang) && !isArticle(prev)):
		return countedUnit{text: prev + " " + w, counted: true}, true
	case isArticle(prev) || prev == "some" || prev == "noen":
		c := countedUnit{text: prev + " " + w}
		for j := max(0, i-3); j < i; j++ {
			if _, n, ok := vagueCountAt(ws, j, lang); ok && j+n == i {
				c = countedUnit{text: strings.Join(ws[j:i+1], " "), counted: true}
				break
			}
		}
		return c, true
	default:
		if _, n, ok := vagueCountAt(ws, max(0, i-2), lang); ok && max(0, i-2)+n == i {
			return countedUnit{text: strings.Join(ws[max(0, i-2):i+1], " "), counted: true}, true
		}
		if _, n, ok := vagueCountAt(ws, i-1, lang); ok && i-1+n == i {
			return countedUnit{text: prev + " " + w, counted: true}, true
		}
	}
	return countedUnit{}, false
}

func numberWord(w, lang string) bool {
	if _, ok := numberWords["en"][w]; ok {
		return true
	}
	if lang != "" && lang != "en" {
		_, ok := numberWords[lang][w]
		return ok
	}
	return false
}

// spelledUnit returns the grams of a unit as it follows words ("a few
// grams", "a couple of kg"); a bare "g" or "mg" after words is not how
// people write amounts.
func spelledUnit(w string) (*big.Rat, bool) {
	g, ok := unitGrams[w]
	if !ok || (len(w) <= 3 && w != "lb" && w != "lbs" && w != "oz" && w != "kg") {
		return nil, false
	}
	return g, true
}

// amountWords are the words of every vague count and small quantity and
// the links: with the units, what an amount without a number is made of.
var amountWords = func() wordSet {
	all := set("of", "av")
	for _, counts := range vagueCounts {
		for _, vc := range counts {
			for _, w := range strings.Fields(vc.phrase) {
				all[w] = true
			}
		}
	}
	for _, phrases := range smallQuantities {
		for _, p := range phrases {
			for _, w := range strings.Fields(p) {
				all[w] = true
			}
		}
	}
	return all
}()

func withoutAmountWords(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if _, unit := unitGrams[w]; !amountWords[w] && !unit {
			out = append(out, w)
		}
	}
	return out
}
