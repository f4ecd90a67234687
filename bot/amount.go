package bot

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Amount is a quantity of cannabis found in a question.
type Amount struct {
	Text  string   // as the user wrote it, tidied: "2 oz", "half a kilo"
	Grams *big.Rat // exact
	// Converted is set when the unit was not grams or kilos, or the amount
	// was spelled out, so the answer shows the grams it used.
	Converted bool
	// Above is set for "more than 80 kg": any amount over Grams, not
	// Grams itself, which matters where Grams is a tier's upper bound.
	Above bool
}

// AmountProblem is an amount the bot will not place in a tier.
type AmountProblem struct {
	Text   string
	Reason string // "negative", "zero", "absurd"
}

// Exact unit factors in grams.
var unitGrams = map[string]*big.Rat{}

func init() {
	// Static data, built once; never written after init.
	set := func(v string, names ...string) {
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			panic("bad unit factor " + v)
		}
		for _, n := range names {
			unitGrams[n] = r
		}
	}
	set("0.001", "mg", "milligram", "milligrams", "milligramme", "milligrammes")
	set("1", "g", "gr", "grs", "gram", "grams", "gramme", "grammes", "gm", "gms")
	set("100", "hg", "hekto", "hektogram", "hectogram", "hectograms")
	set("1000", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilogramm")
	set("1000000", "tonne", "tonnes", "ton", "tons", "tonn")
	set("28.349523125", "oz", "ozs", "ounce", "ounces")
	set("453.59237", "lb", "lbs", "pound", "pounds")
}

// gramAbbreviations are units no one writes after a number in words ("a
// g", "an mg"), where a letter after a word is more likely something
// else; "a kg", "an oz", "a ton" are how people write amounts.
var gramAbbreviations = set("g", "gr", "grs", "gm", "gms", "mg", "hg")

// metricUnits are shown without a conversion.
var metricUnits = map[string]bool{
	"g": true, "gr": true, "grs": true, "gram": true, "grams": true, "gramme": true, "grammes": true, "gm": true, "gms": true,
	"kg": true, "kgs": true, "kilo": true, "kilos": true, "kilogram": true, "kilograms": true, "kilogramme": true, "kilogrammes": true, "kilogramm": true,
}

// numberWords are spelled-out numbers per language. English words are
// always read; a language's own words only when the question is in it
// (Bokmål "to" is two, English "to" is not).
var numberWords = map[string]map[string]int64{
	"en": {
		"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"hundred": 100, "thousand": 1000,
	},
	"nb": {
		"en": 1, "ei": 1, "et": 1, "ett": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
		"åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "femten": 15, "tjue": 20, "tretti": 30,
		"førti": 40, "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90, "hundre": 100, "tusen": 1000,
	},
}

// fractionWords: "half a kilo", "a quarter kilo", "et halvt kilo".
var fractionWords = map[string]string{
	"half": "1/2", "quarter": "1/4", "third": "1/3", "eighth": "1/8",
	"halv": "1/2", "halvt": "1/2", "halve": "1/2", "kvart": "1/4",
}

const unitPattern = `(?:milligrammes?|milligrams?|mg|kilogrammes?|kilogramm|kilograms?|kilos?|kgs?|grammes?|grams?|grs?|gms?|g|hektogram|hectograms?|hekto|hg|tonnes?|tons?|tonn|ounces?|ozs?|pounds?|lbs?)`

// The amount patterns are compiled on first use: most questions hold no
// unit and never run them, and compiling both is a millisecond of the
// start of a process that may answer one question.
var (
	// A number in digits (also "1 000" with spaces between thousands, and
	// "1/2"), optionally a range ("15-20 g", "10 to 20 grams"), then a
	// unit. A leading minus is captured to reject negatives. Go's regexp
	// has no look-behind, so what may stand before the number is checked
	// in code.
	digitAmountRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`((?:-|−|minus\s+)?)(\d+[ \x{00A0}]+\d+/\d+|\d{1,3}(?:[ \x{00A0}]\d{3})+(?:[.,]\d+)?|\d+/\d+|\d+(?:[.,]\d+)*(?:e[+-]?\d+)?|[.,]\d+)(?:\s*(?:-|–|to|and|or|til|og|eller)\s*(\d+(?:[.,]\d+)*))?\s*-?\s*(` + unitPattern + `)\b`)
	})
	// Spelled-out amounts: "a gram", "two ounces", "half a kilo",
	// "a quarter kilo", "quarter of a pound", "et halvt kilo".
	wordAmountRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[^\p{L}\p{N}])((?:(?:\p{L}+|\d+)\s+(?:and|og)\s+)?(?:(?:a|an|one|en|ei|et|ett)\s+)?(?:half|quarter|third|eighth|halv|halvt|halve|kvart)(?:\s+(?:of\s+)?(?:a|an|et|en)\b)?|(?:\p{L}+[\s-]+)?\p{L}+)\s+(` + unitPattern + `)(?:$|[^\p{L}\p{N}])`)
	})
)

// maxGrams is where an amount stops being a real question: 100 tonnes.
var maxGrams = big.NewRat(100_000_000, 1)

// ParseAmounts finds every amount of a substance in text, in the order
// written, without repeats of the same quantity. lang selects which
// spelled-out numbers count besides English ("nb" for Bokmål).
func ParseAmounts(text, lang string) ([]Amount, []AmountProblem) {
	lower := strings.ToLower(text)
	digits, spelled := unitCandidates(lower)
	if !digits && !spelled {
		return nil, nil // the common case, without running the patterns
	}
	var all []amountAt

	var digitMatches, wordMatches [][]int
	if digits {
		digitMatches = digitAmountRE().FindAllStringSubmatchIndex(lower, -1)
	}
	if spelled {
		wordMatches = wordAmountRE().FindAllStringSubmatchIndex(lower, -1)
	}
	for _, m := range digitMatches {
		neg := m[3] > m[2]
		before, _ := utf8.DecodeLastRuneInString(lower[:m[2]])
		if !neg && unicode.IsLetter(before) && strings.ContainsRune(".,", rune(lower[m[4]])) {
			// "10g,20g": the comma separates two amounts; it is not the
			// decimal point of ".20".
			m[2], m[3], m[4] = m[4]+1, m[4]+1, m[4]+1
			before = rune(lower[m[2]-1])
		}
		if neg && (unicode.IsLetter(before) || unicode.IsDigit(before)) {
			// "10g-20g": a hyphen after a word joins, it is no minus.
			neg = false
		} else if m[2] > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before) || partOfNumber(lower[:m[2]])) {
			continue // part of a word or a longer number ("a5 g", "v1.5g")
		}
		unit := lower[m[8]:m[9]]
		// "2 g" is grams; a single "g" after a number-like date or code
		// ("4g network") is rare enough to accept.
		nums := []string{lower[m[4]:m[5]]}
		if m[6] >= 0 {
			nums = append(nums, lower[m[6]:m[7]])
		}
		for i, num := range nums {
			shown := strings.TrimSpace(num + " " + unit)
			if neg && i == 0 {
				shown = "-" + shown
			}
			v, ok := parseDecimal(num)
			if !ok {
				all = append(all, amountAt{at: m[4], end: m[9], p: &AmountProblem{Text: shown, Reason: "absurd"}})
				continue
			}
			if neg && i == 0 {
				all = append(all, amountAt{at: m[2], end: m[9], p: &AmountProblem{Text: shown, Reason: "negative"}})
				continue
			}
			g := new(big.Rat).Mul(v, unitGrams[unit])
			a := Amount{Text: shown, Grams: g, Converted: !metricUnits[unit]}
			if i == 0 {
				if q := aboveQualifier(lower[:m[2]]); q != "" {
					a.Above, a.Text = true, q+" "+a.Text
				}
			}
			end := m[9]
			if len(nums) == 1 {
				end = withTrailingFraction(&a, lower, end, unitGrams[unit])
			}
			all = append(all, amountAt{at: m[4], end: end, a: a, p: check(a), unit: unitGrams[unit]})
		}
	}
	for _, m := range wordMatches {
		phrase := strings.Join(strings.Fields(lower[m[2]:m[3]]), " ")
		unit := lower[m[4]:m[5]]
		if gramAbbreviations[unit] {
			continue // "a g" or "an mg" is not how people write amounts
		}
		v, text, ok := wordQuantity(phrase, lang)
		if !ok {
			continue
		}
		g := new(big.Rat).Mul(v, unitGrams[unit])
		a := Amount{Text: text + " " + unit, Grams: g, Converted: true}
		// "more than a kilo" is past the kilo, as "more than 1 kg" is; the
		// pattern may have taken "than" into the phrase ("than a").
		before := strings.TrimRight(lower[:m[4]], " \t")
		if b, ok := strings.CutSuffix(before, text); ok {
			if q := aboveQualifier(b); q != "" {
				a.Above, a.Text = true, q+" "+a.Text
			}
		}
		end := withTrailingFraction(&a, lower, m[5], unitGrams[unit])
		all = append(all, amountAt{at: m[2], end: end, a: a, p: check(a), unit: unitGrams[unit]})
	}

	// "20 grams, and what about more than that?": more than the amount
	// before it.
	if len(all) > 0 {
		all = append(all, referredAmounts(lower, all)...)
	}
	// Order by position; drop repeats of the same quantity ("1 kg (1000 g)").
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].at < all[j-1].at; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	// "1 kg and 50 g", "1 lb 4 oz": a smaller unit right after a larger
	// one adds to it, as long as it is less than one of the larger.
	for i := 0; i+1 < len(all); i++ {
		x, y := all[i], all[i+1]
		if x.p != nil || y.p != nil || x.unit == nil || y.unit == nil || x.a.Above || x.end > y.at ||
			x.unit.Cmp(y.unit) <= 0 || y.a.Grams.Cmp(x.unit) >= 0 {
			continue
		}
		joiner := strings.TrimSpace(lower[x.end:y.at])
		if joiner != "" && joiner != "and" && joiner != "og" && joiner != "&" {
			continue
		}
		text := x.a.Text + " " + y.a.Text
		if joiner != "" {
			text = x.a.Text + " " + joiner + " " + y.a.Text
		}
		sum := Amount{Text: text, Grams: new(big.Rat).Add(x.a.Grams, y.a.Grams), Converted: true}
		all[i] = amountAt{at: x.at, end: y.end, a: sum, p: check(sum), unit: y.unit}
		all = append(all[:i+1], all[i+2:]...)
	}
	var amounts []Amount
	var problems []AmountProblem
	for _, f := range all {
		if f.p != nil {
			problems = append(problems, *f.p)
			continue
		}
		dup := false
		for _, a := range amounts {
			// "up to 1 kg and more than 1 kg" are two amounts.
			if a.Grams.Cmp(f.a.Grams) == 0 && a.Above == f.a.Above {
				dup = true
				break
			}
		}
		if !dup {
			amounts = append(amounts, f.a)
		}
	}
	return amounts, problems
}

// trailingFractions are the fractions said after a unit: "two grams and
// a half", "2 kilo og en halv".
var trailingFractions = []struct {
	text string
	frac *big.Rat
}{
	{"and a half", big.NewRat(1, 2)}, {"and a quarter", big.NewRat(1, 4)},
	{"og en halv", big.NewRat(1, 2)}, {"og et halvt", big.NewRat(1, 2)}, {"og ei halv", big.NewRat(1, 2)},
}

// withTrailingFraction adds to a the fraction of its unit that follows it
// in lower at end, and returns where the amount now ends.
func withTrailingFraction(a *Amount, lower string, end int, unit *big.Rat) int {
	rest := strings.TrimLeft(lower[end:], " ")
	for _, f := range trailingFractions {
		if after, ok := strings.CutPrefix(rest, f.text); ok && (after == "" || !unicode.IsLetter(rune(after[0]))) {
			a.Grams = new(big.Rat).Add(a.Grams, new(big.Rat).Mul(f.frac, unit))
			a.Text += " " + f.text
			a.Converted = true
			return len(lower) - len(after)
		}
	}
	return end
}

// amountAt is an amount, or a problem with one, where the text has it.
type amountAt struct {
	at, end int
	a       Amount
	p       *AmountProblem
	unit    *big.Rat // grams in the unit written, for "1 kg and 50 g"
}

// referredAmounts are the amounts "more than that" stands for: more than
// the amount found before it.
func referredAmounts(lower string, all []amountAt) []amountAt {
	at, q, _ := amountReference(lower, aboveWords)
	if at < 0 {
		return nil
	}
	var prev *amountAt
	for i := range all {
		if all[i].p == nil && all[i].end <= at {
			prev = &all[i]
		}
	}
	if prev == nil {
		return nil
	}
	a := Amount{Text: q + " " + amountWithoutQualifier(prev.a), Grams: prev.a.Grams, Converted: prev.a.Converted, Above: true}
	return []amountAt{{at: at, end: at + len(q), a: a}}
}

// amountReferences are the words that stand for an amount named before
// ("more than that"), in English and Bokmål.
var amountReferences = set("that", "this", "it", "det", "dette")

// amountReference finds a comparative that points back at an amount
// ("more than that"): where the comparative starts in lower, the
// comparative and the word after it; at is -1 when there is none.
func amountReference(lower string, comparatives []string) (at int, comparative, ref string) {
	for _, c := range comparatives {
		i := wordIndex(lower, c)
		if i < 0 {
			continue
		}
		if next, _ := nextWord(lower[i+len(c):]); amountReferences[next] {
			return i, c, next
		}
	}
	return -1, "", ""
}

// amountWithoutQualifier is an amount as written, without the "more than"
// its question put before it.
func amountWithoutQualifier(a Amount) string {
	if a.Above {
		for _, q := range aboveWords {
			if t, ok := strings.CutPrefix(a.Text, q+" "); ok {
				return t
			}
		}
	}
	return a.Text
}

func check(a Amount) *AmountProblem {
	switch {
	case a.Grams.Sign() == 0:
		return &AmountProblem{Text: a.Text, Reason: "zero"}
	case a.Grams.Sign() < 0:
		return &AmountProblem{Text: a.Text, Reason: "negative"}
	case a.Grams.Cmp(maxGrams) > 0:
		return &AmountProblem{Text: a.Text, Reason: "absurd"}
	}
	return nil
}

// parseDecimal reads "20", "0.5", "1,5" (decimal comma), "1,500" and
// "1,000,000" (thousands), "1e30". Exponents are capped so a huge one
// cannot cost time or memory.
func parseDecimal(s string) (*big.Rat, bool) {
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || exp > 100 || exp < -100 {
			return nil, false
		}
	}
	if f := strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")); len(f) == 2 && strings.Contains(f[1], "/") {
		// A mixed number, "15 1/2".
		whole, ok1 := new(big.Rat).SetString(f[0])
		frac, ok2 := new(big.Rat).SetString(f[1])
		if !ok1 || !ok2 {
			return nil, false
		}
		return whole.Add(whole, frac), true
	}
	if strings.ContainsAny(s, " \u00a0") {
		s = strings.NewReplacer(" ", "", "\u00a0", "").Replace(s) // "1 000"
	}
	switch {
	case strings.Contains(s, "/"):
		// "1/2": big.Rat reads fractions; "1/0" fails and is refused.
	case thousandsRE.MatchString(s):
		s = strings.ReplaceAll(s, ",", "")
	case strings.Count(s, ",") == 1 && !strings.Contains(s, "."):
		s = strings.Replace(s, ",", ".", 1)
	case strings.Contains(s, ","):
		return nil, false // "1,2,3" or "1,5.2": not a number anyone means
	}
	if strings.HasPrefix(s, ".") {
		s = "0" + s
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

var thousandsRE = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+$`)

// wordQuantity reads the spelled-out part of an amount: "a", "two",
// "twenty five", "half a", "a quarter", "an eighth of an", "et halvt".
func wordQuantity(phrase, lang string) (*big.Rat, string, bool) {
	for _, and := range []string{" and ", " og "} {
		if whole, frac, ok := strings.Cut(phrase, and); ok {
			// "one and a half", "2 and a quarter".
			f, _, okF := wordQuantity(frac, lang)
			if !okF {
				return nil, "", false
			}
			w, _, okW := wordQuantity(whole, lang)
			if !okW {
				if d, okD := new(big.Rat).SetString(whole); okD && !strings.ContainsAny(whole, "/e") {
					w, okW = d, true
				}
			}
			if !okW {
				return f, frac, true // "grams and a half kilo": only the fraction is an amount
			}
			return new(big.Rat).Add(w, f), phrase, true
		}
	}
	words := strings.Fields(strings.ReplaceAll(phrase, "-", " "))
	for i, w := range words {
		if f, ok := fractionWords[w]; ok {
			r, _ := new(big.Rat).SetString(f)
			// "half", "a half", "half a", "a quarter of a": the
			// article words around the fraction do not change it.
			for j, o := range words {
				if j != i && !isArticle(o) && o != "of" {
					return nil, "", false
				}
			}
			return r, phrase, true
		}
	}
	var total, cur int64
	seen := false
	for _, w := range words {
		n, ok := numberWords["en"][w]
		if !ok && lang != "" && lang != "en" {
			n, ok = numberWords[lang][w]
		}
		if !ok {
			// Only the words right before the unit are the amount:
			// "with two grams" reads two, "with grams" reads nothing.
			total, cur, seen = 0, 0, false
			continue
		}
		seen = true
		switch {
		case n == 100 || n == 1000:
			if cur == 0 {
				cur = 1
			}
			cur *= n
			if n == 1000 {
				total += cur
				cur = 0
			}
		default:
			cur += n
		}
	}
	if !seen {
		return nil, "", false
	}
	// Keep only the trailing number words for display.
	start := len(words)
	for start > 0 {
		w := words[start-1]
		if _, ok := numberWords["en"][w]; ok {
			start--
			continue
		}
		if _, ok := numberWords[lang][w]; ok && lang != "en" {
			start--
			continue
		}
		break
	}
	return big.NewRat(total+cur, 1), strings.Join(words[start:], " "), true
}

func isArticle(w string) bool {
	switch w {
	case "a", "an", "one", "en", "ei", "et", "ett":
		return true
	}
	return false
}

// FormatGrams renders an exact gram amount for people: whole grams as
// integers, otherwise one decimal (three below a gram). approx reports
// whether the text is rounded.
func FormatGrams(g *big.Rat) (text string, approx bool) {
	if g.IsInt() {
		return g.Num().String(), false
	}
	prec := 1
	if f, _ := g.Float64(); f < 1 {
		prec = 3
	}
	return formatDecimal(g, prec)
}

// formatDecimal renders r with at most prec decimals, trailing zeros
// dropped; approx reports whether that rounds it.
func formatDecimal(r *big.Rat, prec int) (text string, approx bool) {
	if r.IsInt() {
		return r.Num().String(), false
	}
	text = strings.TrimRight(strings.TrimRight(r.FloatString(prec), "0"), ".")
	back, _ := new(big.Rat).SetString(text)
	return text, back == nil || back.Cmp(r) != 0
}

// partOfNumber reports whether text ends in a digit followed by a decimal
// point, comma or slash, so that a number right after it continues it
// ("3.5", "1/2") rather than starting a new one ("10g,20g").
func partOfNumber(text string) bool {
	sep, n := utf8.DecodeLastRuneInString(text)
	if !strings.ContainsRune(".,/", sep) {
		return false
	}
	d, _ := utf8.DecodeLastRuneInString(text[:len(text)-n])
	return unicode.IsDigit(d)
}

// unitCandidates says which patterns can match, from the words alone:
// digits when a unit follows digits ("20 g", "20g", "1e30kg"), spelled
// when a unit follows a word ("a gram", "half a kilo"). Neither is the
// common case, and then no pattern runs.
func unitCandidates(lower string) (digits, spelled bool) {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	prev := ""
	for w := range strings.FieldsFuncSeq(lower, notWord) {
		if _, ok := unitGrams[w]; ok {
			if prev != "" && unicode.IsDigit(rune(prev[len(prev)-1])) {
				digits = true
			} else {
				spelled = true
			}
		} else if i := strings.LastIndexFunc(w, unicode.IsDigit); i >= 0 {
			if _, ok := unitGrams[w[i+1:]]; ok {
				digits = true
			}
		}
		prev = w
	}
	return digits, spelled
}

// aboveWords say that an amount is exceeded: "more than 80 kg".
var aboveWords = []string{"more than", "over", "above", "greater than", "larger than", "bigger than", "heavier than",
	"exceeding", "in excess of", "beyond", "mer enn", "flere enn", "større enn", "utover"}

// aboveSymbols say it in notation: "> 1kg".
var aboveSymbols = []string{">", "&gt;"}

// aboveQualifier returns the words before an amount that make it "more
// than" the amount, or "". "more then", the common misspelling, is read as
// "more than", and a ">" as "more than".
func aboveQualifier(before string) string {
	before = strings.TrimRight(before, " \t")
	for _, s := range aboveSymbols {
		if strings.HasSuffix(before, s) {
			return "more than"
		}
	}
	if b, ok := strings.CutSuffix(before, " then"); ok {
		before = b + " than"
	}
	for _, q := range aboveWords {
		if strings.HasSuffix(before, q) && (len(before) == len(q) || !unicode.IsLetter(rune(before[len(before)-len(q)-1]))) {
			return q
		}
	}
	return ""
}
