package chat

import (
	"strings"
	"unicode"
)

// units are the canonical units /penalty suggests, each with the words a
// user may type for it. Order is the order suggestions appear in.
var units = []struct {
	canon   string
	aliases []string
}{
	{"g", []string{"g", "gr", "gram", "grams", "gramm", "gramme"}},
	{"kg", []string{"kg", "kilo", "kilos", "kilogram", "kilograms"}},
	{"oz", []string{"oz", "ounce", "ounces"}},
	{"lb", []string{"lb", "lbs", "pound", "pounds"}},
	{"mg", []string{"mg", "milligram", "milligrams"}},
}

// defaultAmounts are offered before anything numeric is typed.
var defaultAmounts = []string{
	"1 g", "5 g", "10 g", "15 g", "20 g", "25 g", "50 g", "100 g", "250 g", "500 g",
	"1 kg", "2 kg", "5 kg", "10 kg", "1 oz", "2 oz", "1 lb",
}

const (
	maxIntDigits  = 6
	maxFracDigits = 3
)

// suggestAmounts turns what a user has typed into /penalty's amount option
// into well-formed amounts ("20 g", "2.5 oz"): the typed number with each
// unit that matches the typed unit prefix, then longer numbers that start
// with the typed digits. Never more than Discord's 25 choices.
func suggestAmounts(typed string) []string {
	num, unitPart, ok := splitAmount(typed)
	if !ok {
		return append([]string(nil), defaultAmounts...)
	}
	var matching []string
	for _, u := range units {
		if unitPart == "" || hasAliasPrefix(u.aliases, unitPart) {
			matching = append(matching, u.canon)
		}
	}
	if len(matching) == 0 {
		// An unknown unit: offer the number with every unit rather than nothing.
		for _, u := range units {
			matching = append(matching, u.canon)
		}
	}
	out := make([]string, 0, maxChoices)
	add := func(s string) {
		if len(out) < maxChoices {
			out = append(out, s)
		}
	}
	for _, u := range matching {
		add(num + " " + u)
	}
	// Extend integers while there is room: "2" → "20 g" … "29 g".
	if !strings.Contains(num, ".") && len(num) < maxIntDigits && num != "0" {
		for _, u := range matching {
			for d := '0'; d <= '9'; d++ {
				add(num + string(d) + " " + u)
			}
		}
	}
	return out
}

// splitAmount reads a leading number (digits, optionally "." or "," and
// more digits) and the first word after it. ok is false when no digit was
// typed or the number is longer than any sensible amount.
func splitAmount(typed string) (num, unit string, ok bool) {
	s := strings.TrimSpace(strings.ToLower(typed))
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intPart := strings.TrimLeft(s[:i], "0")
	if i == 0 {
		return "", "", false
	}
	if intPart == "" {
		intPart = "0"
	}
	frac := ""
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		frac = strings.TrimRight(s[i+1:j], "0")
		i = j
	}
	if len(intPart) > maxIntDigits || len(frac) > maxFracDigits {
		return "", "", false
	}
	num = intPart
	if frac != "" {
		num += "." + frac
	}
	rest := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	if end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		rest = rest[:end]
	}
	return num, rest, true
}

func hasAliasPrefix(aliases []string, prefix string) bool {
	for _, a := range aliases {
		if strings.HasPrefix(a, prefix) {
			return true
		}
	}
	return false
}
