package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An instance is one of a numbered or lettered series a question names:
// "Class B", "Section 22", "Route 7". A sentence that names another of the
// same series ("a Class A licence costs…") and not the one asked about
// tells of another instance, as a figure for another year does.
type instance struct {
	series string // lower-cased: "class"
	id     string // as written: "B", "22"
}

// instances reads the series instances a question names: a capitalised
// word followed by a capital letter or a number of up to three digits.
func instances(text string) []instance {
	var out []instance
	prev := ""
	for field := range strings.FieldsSeq(text) {
		series := strings.Trim(prev, `"'“”‘’(`)
		prev = field
		id := strings.TrimRight(field, `.,;:!?)"'’”`)
		if !isInstanceID(id) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(series)
		if utf8.RuneCountInString(series) < 3 || !unicode.IsUpper(r) || !isLetters(series) {
			continue
		}
		out = append(out, instance{series: strings.ToLower(series), id: id})
	}
	return out
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
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// namesOtherInstance reports whether sentence names another instance of
// the series of one of asked and not the instance asked about.
func namesOtherInstance(sentence string, asked []instance) bool {
	if len(asked) == 0 {
		return false
	}
	held := instances(sentence)
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
