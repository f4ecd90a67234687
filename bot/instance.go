package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/internal/inflect"
)

// An instance is one of a numbered or lettered series a question names:
// "Class B", "Section 22", "Route 7". A sentence that names another of the
// same series ("a Class A licence costs…") and not the one asked about
// tells of another instance, as a figure for another year does.
type instance struct {
	series string // lower-cased: "class"
	id     string // as written: "B", "22"
	// field is the index, among the text's space-separated fields, of
	// the field holding a written identifier; -1 for one an ordinal
	// gives.
	field int
}

// instances reads the series instances a text names: a capitalised word
// followed by a capital letter or a number of up to three digits ("Class
// B"), or an ordinal before a word ("third offence", "third-tier fines",
// "second-largest": the series is the word, the ordinal its identifier).
// A superlative after "the" with no ordinal is the first of its series.
func instances(text string) []instance {
	var out []instance
	prev, prevOrdinal, prevWord := "", "", ""
	for i, field := range strings.Fields(text) {
		series := strings.Trim(prev, `"'“”‘’(`)
		prev = field
		word := strings.ToLower(strings.Trim(field, `.,;:!?()"'“”‘’`))
		if prevOrdinal != "" && isLetters(word) && word != "" {
			out = append(out, instance{series: inflect.Singular(word), id: prevOrdinal, field: -1})
		}
		if prevWord == "the" && prevOrdinal == "" && isSuperlative(word) {
			// "the largest" is the first of what "the second-largest"
			// is the second of.
			out = append(out, instance{series: word, id: "1", field: -1})
		}
		prevOrdinal, prevWord = ordinals[word], word
		if first, rest, ok := strings.Cut(word, "-"); ok && ordinals[first] != "" && isLetters(rest) && rest != "" {
			out = append(out, instance{series: inflect.Singular(rest), id: ordinals[first], field: -1})
		}
		id := strings.TrimRight(field, `.,;:!?)"'’”`)
		if !isInstanceID(id) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(series)
		if utf8.RuneCountInString(series) < 3 || !unicode.IsUpper(r) || !isLetters(series) {
			continue
		}
		out = append(out, instance{series: strings.ToLower(series), id: id, field: i})
	}
	return out
}

// isSuperlative reports a word of the -est form ("largest", "busiest"):
// a superlative with the "the" before it.
func isSuperlative(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "est") && isLetters(w)
}

// ordinals name a place in a series, written out or in digits.
var ordinals = map[string]string{
	"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
	"eighth": "8", "ninth": "9", "tenth": "10", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4", "5th": "5",
	"6th": "6", "7th": "7", "8th": "8", "9th": "9", "10th": "10",
}

// isInstanceID reports a series' identifier: one capital letter ("B") or
// a number of one to three digits ("22"); a year is no identifier.
func isInstanceID(s string) bool {
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' {
		return true
	}
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isLetters reports a word of letters only: unlike allLetters, which
// takes the apostrophes and hyphens a spelt word may hold, a series name
// is one plain word.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// namesOtherInstance reports whether a sentence's instances (held) name
// another of the series of one of asked and not the one asked about.
func namesOtherInstance(held, asked []instance) bool {
	for _, a := range asked {
		other, same := false, false
		for _, h := range held {
			if h.series != a.series {
				continue
			}
			if h.id == a.id {
				same = true
			} else {
				other = true
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}
