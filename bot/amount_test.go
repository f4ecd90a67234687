package bot_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

// rat parses an exact decimal or fraction ("56.69904625", "1/2").
func rat(t testing.TB, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("bad test rational %q", s)
	}
	return r
}

// wantAmount is one expected amount: exact grams, whether the answer shows
// a conversion, and (when set) the text the user is shown.
type wantAmount struct {
	grams     string
	converted bool
	text      string
}

func g(grams string) wantAmount                  { return wantAmount{grams: grams} }
func conv(grams string) wantAmount               { return wantAmount{grams: grams, converted: true} }
func shown(w wantAmount, text string) wantAmount { w.text = text; return w }

func TestParseAmounts(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []wantAmount
		problems []string // reasons, in order
	}{
		// A smaller unit right after a larger one adds to it.
		{"kg and g", "What's the maximum for 1 kg and 50 g?", []wantAmount{shown(conv("1050"), "1 kg and 50 g")}, nil},
		{"kg g", "1kg 50g", []wantAmount{conv("1050")}, nil},
		{"lb oz", "1 lb 4 oz", []wantAmount{conv("566.9904625")}, nil},
		{"two of one unit stay two", "2 kg and 3 kg", []wantAmount{g("2000"), g("3000")}, nil},
		{"the smaller part as large as the unit stays apart", "1 kg and 1500 g", []wantAmount{g("1000"), g("1500")}, nil},
		{"a comma lists two amounts", "10g, 20g", []wantAmount{g("10"), g("20")}, nil},
		// Digits and metric units.
		{"grams spaced", "20 g", []wantAmount{shown(g("20"), "20 g")}, nil},
		{"grams glued", "20g", []wantAmount{g("20")}, nil},
		{"grams word", "20 grams", []wantAmount{shown(g("20"), "20 grams")}, nil},
		{"gram singular", "1 gram", []wantAmount{g("1")}, nil},
		{"half gram decimal", "0.5 g", []wantAmount{g("1/2")}, nil},
		{"leading decimal point", ".5 g", []wantAmount{g("1/2")}, nil},
		{"decimal comma kg", "1,5 kg", []wantAmount{g("1500")}, nil},
		{"decimal comma glued", "12,5g", []wantAmount{g("25/2")}, nil},
		{"decimal point kg glued", "1.5kg", []wantAmount{shown(g("1500"), "1.5 kg")}, nil},
		{"milligrams", "750 mg", []wantAmount{conv("3/4")}, nil},
		{"kilos", "5 kilos", []wantAmount{g("5000")}, nil},
		{"kilograms", "90 kilograms", []wantAmount{g("90000")}, nil},
		{"kgs", "3 kgs", []wantAmount{g("3000")}, nil},
		{"thousands separator", "1,500 g", []wantAmount{g("1500")}, nil},
		{"millions separator", "1,000,000 g", []wantAmount{g("1000000")}, nil},
		{"space as thousands separator", "penalty for 1 000 g", []wantAmount{g("1000")}, nil},
		{"spaces as thousands separators", "1 000 000 g", []wantAmount{g("1000000")}, nil},
		{"space thousands and decimal comma", "2 000,5 g", []wantAmount{g("2000.5")}, nil},
		{"fraction", "1/2 kg", []wantAmount{g("500")}, nil},
		{"fraction of an ounce", "3/4 oz", []wantAmount{conv("21.26214234375")}, nil},
		{"hectogram", "4 hg", []wantAmount{conv("400")}, nil},
		{"tonnes at the limit", "100 tonnes", []wantAmount{conv("100000000")}, nil},
		{"exponent small", "5e-3 kg", []wantAmount{g("5")}, nil},
		{"exponent glued", "1e5g", []wantAmount{g("100000")}, nil},
		{"boundary 15.01", "15.01 g", []wantAmount{g("15.01")}, nil},
		{"boundary 1000.001", "1000.001 g", []wantAmount{g("1000.001")}, nil},
		{"boundary 80.01 kg", "80.01 kg", []wantAmount{g("80010")}, nil},
		{"tiny", "0,0001 g", []wantAmount{g("1/10000")}, nil},

		// Imperial units, converted exactly.
		{"ounces abbreviated", "2 oz", []wantAmount{shown(conv("56.69904625"), "2 oz")}, nil},
		{"ounces word", "2 ounces", []wantAmount{conv("56.69904625")}, nil},
		{"pounds abbreviated", "3 lbs", []wantAmount{conv("1360.77711")}, nil},
		{"pounds word", "3 pounds", []wantAmount{conv("1360.77711")}, nil},
		{"lb singular", "1 lb", []wantAmount{conv("453.59237")}, nil},

		// Spelled out.
		{"a gram", "a gram", []wantAmount{shown(conv("1"), "a gram")}, nil},
		{"an ounce", "an ounce", []wantAmount{conv("28.349523125")}, nil},
		{"a pound", "a pound", []wantAmount{conv("453.59237")}, nil},
		{"a kilo", "a kilo", []wantAmount{conv("1000")}, nil},
		{"half a kilo", "half a kilo", []wantAmount{shown(conv("500"), "half a kilo")}, nil},
		{"a quarter kilo", "a quarter kilo", []wantAmount{conv("250")}, nil},
		{"a quarter of a pound", "a quarter of a pound", []wantAmount{conv("113.3980925")}, nil},
		{"an eighth of an ounce", "an eighth of an ounce", []wantAmount{conv("3.543690390625")}, nil},
		{"half an ounce", "half an ounce", []wantAmount{conv("14.1747615625")}, nil},
		{"two ounces", "two ounces", []wantAmount{conv("56.69904625")}, nil},
		{"twenty five grams", "twenty five grams", []wantAmount{conv("25")}, nil},
		{"eleven kilos", "eleven kilos", []wantAmount{conv("11000")}, nil},
		{"a hundred grams", "a hundred grams", []wantAmount{conv("100")}, nil},

		// In a sentence.
		{"inside a sentence", "I was caught with 12 grams of hash yesterday", []wantAmount{g("12")}, nil},
		{"question with kilos", "What sentence do you get for 120 kilos of marijuana?", []wantAmount{g("120000")}, nil},
		{"spelled inside a sentence", "I was caught with an ounce of weed, what now?", []wantAmount{conv("28.349523125")}, nil},
		{"upper case unit", "Is 3G punished?", []wantAmount{g("3")}, nil},

		// Ranges: both ends.
		{"range hyphen", "15-20 g", []wantAmount{g("15"), g("20")}, nil},
		{"range en dash", "15–20 g", []wantAmount{g("15"), g("20")}, nil},
		{"range words", "10 to 20 grams", []wantAmount{g("10"), g("20")}, nil},
		{"range or", "5 or 6 kg", []wantAmount{g("5000"), g("6000")}, nil},
		{"range glued", "10g-20g", []wantAmount{g("10"), g("20")}, nil},
		{"list glued", "10g,20g", []wantAmount{g("10"), g("20")}, nil},
		{"two amounts side by side", "1 g 2 kg", []wantAmount{g("1"), g("2000")}, nil},
		{"range with units and a hyphen", "10 g-5 g", []wantAmount{g("10"), g("5")}, nil},

		// No amount.
		{"no amount", "What is the penalty?", nil, nil},
		{"how many grams", "how many grams can I carry", nil, nil},
		{"bare number", "I have 5", nil, nil},
		{"decade", "in the 1990s", nil, nil},
		{"percentage", "43.8% voted for", nil, nil},
		{"a g is not an amount", "a g", nil, nil},
		{"empty", "", nil, nil},

		// Several amounts.
		{"two different amounts", "10 g and 2 kg", []wantAmount{g("10"), g("2000")}, nil},
		{"same amount twice in two units", "1 kg (1000 g)", []wantAmount{g("1000")}, nil},
		{"same amount pounds and grams", "1 lb or 453.59237 g", []wantAmount{conv("453.59237")}, nil},
		{"same amount repeated", "20 grams, 20 g", []wantAmount{g("20")}, nil},
		{"order as written", "2 kg or 10 g", []wantAmount{g("2000"), g("10")}, nil},

		// Bad amounts: problems, never an amount.
		{"negative", "-5 g", nil, []string{"negative"}},
		{"negative minus sign", "−5 g", nil, []string{"negative"}},
		{"negative word", "minus 5 grams", nil, []string{"negative"}},
		{"zero grams", "0 g", nil, []string{"zero"}},
		{"zero kilos", "0 kg", nil, []string{"zero"}},
		{"zero decimal", "0.0 g", nil, []string{"zero"}},
		{"absurd", "1e30 kg", nil, []string{"absurd"}},
		{"absurd long digits", "99999999999999999999999999 g", nil, []string{"absurd"}},
		{"just over 100 tonnes", "100.001 tonnes", nil, []string{"absurd"}},
		{"huge exponent", "1e999 kg", nil, []string{"absurd"}},
		{"huge exponent grams", "1e100000000000 g", nil, []string{"absurd"}},
		{"nonsense commas", "1,2,3 g", nil, []string{"absurd"}},
		{"comma and point", "1,5.2 g", nil, []string{"absurd"}},
		{"division by zero", "1/0 kg", nil, []string{"absurd"}},
		{"negative lower end of range", "-5 to 10 g", []wantAmount{g("10")}, []string{"negative"}},
		{"good and bad", "20 g or 0 g", []wantAmount{g("20")}, []string{"zero"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			amounts, problems := bot.ParseAmounts(tt.in, "en")
			if len(amounts) != len(tt.want) {
				t.Fatalf("ParseAmounts(%q) = %d amounts %v, want %d", tt.in, len(amounts), describe(amounts), len(tt.want))
			}
			for i, w := range tt.want {
				a := amounts[i]
				if a.Grams == nil || a.Grams.Cmp(rat(t, w.grams)) != 0 {
					t.Errorf("ParseAmounts(%q)[%d].Grams = %v, want exactly %s", tt.in, i, a.Grams, w.grams)
				}
				if a.Converted != w.converted {
					t.Errorf("ParseAmounts(%q)[%d].Converted = %v, want %v", tt.in, i, a.Converted, w.converted)
				}
				if w.text != "" && a.Text != w.text {
					t.Errorf("ParseAmounts(%q)[%d].Text = %q, want %q", tt.in, i, a.Text, w.text)
				}
			}
			var reasons []string
			for _, p := range problems {
				reasons = append(reasons, p.Reason)
				if p.Text == "" {
					t.Errorf("ParseAmounts(%q): problem %+v has no text", tt.in, p)
				}
			}
			if strings.Join(reasons, ",") != strings.Join(tt.problems, ",") {
				t.Errorf("ParseAmounts(%q) problems = %v, want %v", tt.in, problems, tt.problems)
			}
		})
	}
}

func describe(amounts []bot.Amount) []string {
	var out []string
	for _, a := range amounts {
		out = append(out, a.Text+"="+a.Grams.RatString()+"g")
	}
	return out
}

func TestParseAmountsBokmalNumberWords(t *testing.T) {
	// "to" is two in Bokmål only: English questions must not read "to kilo".
	if a, _ := bot.ParseAmounts("to kilo", "nb"); len(a) != 1 || a[0].Grams.Cmp(big.NewRat(2000, 1)) != 0 {
		t.Errorf(`ParseAmounts("to kilo", "nb") = %v, want 2000 g`, describe(a))
	}
	if a, _ := bot.ParseAmounts("1 tonn hasj", "nb"); len(a) != 1 || a[0].Grams.Cmp(big.NewRat(1_000_000, 1)) != 0 {
		t.Errorf(`ParseAmounts("1 tonn hasj", "nb") = %v, want 1,000,000 g`, describe(a))
	}
	// A fraction said after the unit adds that part of it.
	for in, grams := range map[string]*big.Rat{
		"15 grams and a half":       big.NewRat(31, 2),
		"two kilos and a quarter":   big.NewRat(2250, 1),
		"2 kilo og en halv":         big.NewRat(2500, 1),
		"10 to 20 grams and a half": big.NewRat(10, 1), // a range takes no fraction
	} {
		if a, _ := bot.ParseAmounts(in, "nb"); len(a) == 0 || a[0].Grams.Cmp(grams) != 0 {
			t.Errorf("ParseAmounts(%q) = %v, want %s g first", in, describe(a), grams.FloatString(1))
		}
	}
	if a, _ := bot.ParseAmounts("up to kilos", "en"); len(a) != 0 {
		t.Errorf(`ParseAmounts("up to kilos", "en") = %v, want none`, describe(a))
	}
}

func TestFormatGrams(t *testing.T) {
	tests := []struct {
		grams  string
		text   string
		approx bool
	}{
		{"20", "20", false},
		{"1000000", "1000000", false},
		{"1/2", "0.5", false},
		{"3/4", "0.75", false},
		{"12.5", "12.5", false},
		{"56.69904625", "56.7", true},   // 2 oz
		{"28.349523125", "28.3", true},  // 1 oz
		{"453.59237", "453.6", true},    // 1 lb
		{"1360.77711", "1360.8", true},  // 3 lb
		{"3.543690390625", "3.5", true}, // an eighth
		{"1/3", "0.333", true},
		{"15.01", "15", true},
	}
	for _, tt := range tests {
		text, approx := bot.FormatGrams(rat(t, tt.grams))
		if text != tt.text || approx != tt.approx {
			t.Errorf("FormatGrams(%s) = %q, %v; want %q, %v", tt.grams, text, approx, tt.text, tt.approx)
		}
	}
}

var maxGrams = big.NewRat(100_000_000, 1) // 100 tonnes

func FuzzParseAmounts(f *testing.F) {
	for _, s := range []string{
		"20 g", "1,5 kg", "750 mg", "2 oz", "3 lbs", "half a kilo", "a quarter kilo", "an ounce",
		"1,500 g", "15-20 g", "-5 g", "minus 5 grams", "0 g", "1e30 kg", "1e999 kg", "1,2,3 g",
		"10 g and 2 kg", "1 kg (1000 g)", "twenty five grams", ".5g", "5e-3 kg", "to kilo",
		"100 tonnes", "100.000001 tonnes", "1e-99 g", "thousand thousand grams",
	} {
		f.Add(s, "en")
	}
	f.Add("et halvt kilo", "nb")
	f.Add("femten gram", "nb")
	f.Fuzz(func(t *testing.T, text, lang string) {
		amounts, problems := bot.ParseAmounts(text, lang)
		for _, a := range amounts {
			if a.Grams == nil {
				t.Fatalf("ParseAmounts(%q): amount %q has nil grams", text, a.Text)
			}
			if a.Grams.Sign() <= 0 {
				t.Errorf("ParseAmounts(%q): amount %q = %v g is not positive", text, a.Text, a.Grams)
			}
			if a.Grams.Cmp(maxGrams) > 0 {
				t.Errorf("ParseAmounts(%q): amount %q = %v g is over 100 tonnes", text, a.Text, a.Grams)
			}
			if a.Text == "" {
				t.Errorf("ParseAmounts(%q): amount without text", text)
			}
			if s, _ := bot.FormatGrams(a.Grams); s == "" {
				t.Errorf("FormatGrams(%v) is empty", a.Grams)
			}
		}
		for _, p := range problems {
			if p.Reason == "" {
				t.Errorf("ParseAmounts(%q): problem %q without a reason", text, p.Text)
			}
		}
	})
}

// TestParseAmountsMixedNumbers: whole numbers with fractions, which were
// once read as the fraction alone and put in too low a tier.
func TestParseAmountsMixedNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string // exact grams
		bug  string
	}{
		{"penalty for 15 1/2 grams", []string{"15.5"}, `a mixed number "15 1/2 grams" is read as 1/2 g (personal-use tier instead of up to 2 years)`},
		{"penalty for 1 1/2 kg", []string{"1500"}, `a mixed number "1 1/2 kg" is read as 1/2 kg (2-year tier instead of 10 years)`},
		{"one and a half kilos", []string{"1500"}, `"one and a half kilos" is read as "a half kilos" = 500 g (2-year tier instead of 10 years)`},
		{"one and a half ounces", []string{"42.5242846875"}, `"one and a half ounces" is read as half an ounce, 14.2 g (personal-use tier instead of up to 2 years)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			amounts, problems := bot.ParseAmounts(tt.in, "en")
			ok := len(problems) == 0 && len(amounts) == len(tt.want)
			for i := 0; ok && i < len(amounts); i++ {
				ok = amounts[i].Grams.Cmp(rat(t, tt.want[i])) == 0
			}
			if !ok {
				t.Errorf("ParseAmounts(%q) = %v, problems %v; want grams %v: %s", tt.in, describe(amounts), problems, tt.want, tt.bug)
			}
		})
	}
}

// "More than" an amount is past it, spelled out or in digits.
func TestAmountsAbove(t *testing.T) {
	tests := []struct {
		in    string
		above bool
		text  string
	}{
		{"more than 80 kg", true, "more than 80 kg"},
		{"penalty for more than a kilo", true, "more than a kilo"},
		{"over two kilos of hash", true, "over two kilos"},
		{"larger than 1 kg", true, "larger than 1 kg"},
		// "then" for "than" is the common slip; ">" is notation for it.
		{"max sentence for more then a kilo", true, "more than a kilo"},
		{"penalty(amount > 1kg)", true, "more than 1 kg"},
		{"penalty for &gt; 1kg", true, "more than 1 kg"},
		{"and then 2 kg", false, "2 kg"},
		{"a kilo", false, "a kilo"},
		{"half a kilo", false, "half a kilo"},
	}
	for _, tt := range tests {
		a, _ := bot.ParseAmounts(tt.in, "en")
		if len(a) != 1 || a[0].Above != tt.above || a[0].Text != tt.text {
			t.Errorf("ParseAmounts(%q) = %+v, want one amount %q, above %v", tt.in, a, tt.text, tt.above)
		}
	}
	// An amount and "more than" it are two amounts; one written twice is one.
	for in, want := range map[string]int{
		"between up to 1kg and more than 1kg": 2,
		"15 grams and a half":                 1,
		"1 kg (1000 g)":                       1,
		// "More than that" is more than the amount before it.
		"20 grams, and what about more than that?": 2,
		"is that more than that":                   0,
		"more than that, 20 grams":                 1,
	} {
		if a, _ := bot.ParseAmounts(in, "en"); len(a) != want {
			t.Errorf("ParseAmounts(%q) = %+v, want %d amounts", in, a, want)
		}
	}
}
