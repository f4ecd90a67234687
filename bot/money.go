package bot

import "strings"

// Money: "how much does a permit cost?" asks for a sum of money, which a
// count ("1,400 sailings", "85,000 visitors") is not. An article's own
// currency is read from the article: the word after a number more often
// in sentences that speak of costs, fees, fines or pay ("costs 35
// ruvets", "a fine of up to 40,000 crels") than in sentences that do not
// ("40 hours"). Real currencies are known whatever the article.

// moneyNouns name a sum of money: a question whose focus is one asks for
// a sum ("what is the fee?").
var moneyNouns = set("cost", "costs", "fee", "fees", "price", "prices", "charge", "charges", "salary", "salaries",
	"wage", "wages", "fine", "fines", "levy", "levies", "compensation", "revenue", "revenues", "budget", "tax",
	"taxes", "fare", "fares", "toll", "tolls", "rent")

// moneyWords speak of a sum of money, in a sentence or a question: the
// nouns, the verbs of paying, and what is paid for.
var moneyWords = union(moneyNouns, set("costing", "priced", "pay", "pays", "paid", "charged", "earn", "earns",
	"earned", "fined", "spent", "spend", "ticket", "tickets"))

// knownCurrencies are currencies of the world, as words and symbols.
var knownCurrencies = set("€", "$", "£", "kr", "nok", "sek", "dkk", "euro", "euros", "dollar", "dollars", "kroner",
	"krone", "kronor", "usd", "eur", "gbp", "cents")

// timeUnits follow a number of them to measure a stretch of time: "64
// days", "14 nights", "ten hours", "three decades".
var timeUnits = set("year", "years", "month", "months", "week", "weeks", "day", "days", "night", "nights",
	"hour", "hours", "minute", "minutes", "decade", "decades", "century", "centuries")

// rateWords follow a number that is a rate ("22 percent", "3 per 1,000").
var rateWords = set("percent", "per")

// scaleWords stand between a number and its currency ("3.2 million crowns").
var scaleWords = set("million", "millions", "billion", "billions", "thousand", "thousands", "mill", "milliarder", "tusen")

// currencyWords reads the article's currencies from its sentences' words.
func currencyWords(sentences [][]string) wordSet {
	afterMoney, afterOther := map[string]int{}, map[string]int{}
	for _, ws := range sentences {
		money := moneyWords.any(ws)
		for i := range ws {
			w, ok := unitAfter(ws, i)
			if !ok || isYear(ws[i]) || stopWords[w] || unitGrams[w] != nil || timeUnits[w] || rateWords[w] {
				continue // "15 g", "2 years", "22 percent": never a sum
			}
			if money {
				afterMoney[w]++
			} else {
				afterOther[w]++
			}
		}
	}
	out := wordSet{}
	for w, n := range afterMoney {
		if n > afterOther[w] {
			out[w] = true
		}
	}
	return out
}

// unitAfter is the word a number at ws[i] counts in, past any scale word
// ("3.2 million crowns": "crowns"); ok is false when ws[i] is no number
// or no word follows.
func unitAfter(ws []string, i int) (string, bool) {
	if !isNumber(ws[i]) {
		return "", false
	}
	j := i + 1
	for j < len(ws) && scaleWords[ws[j]] {
		j++
	}
	if j == len(ws) || isNumber(ws[j]) {
		return "", false
	}
	return ws[j], true
}

// holdsMoney reports whether a sentence (with its lower-cased words)
// names a sum: a number followed by a currency, or a currency symbol.
func holdsMoney(sentence string, ws []string, currencies wordSet) bool {
	if strings.ContainsAny(sentence, "€$£") {
		return true
	}
	for i := range ws {
		if w, ok := unitAfter(ws, i); ok && (currencies[w] || knownCurrencies[w]) {
			return true
		}
		if i > 0 && isNumber(ws[i]) && knownCurrencies[ws[i-1]] {
			return true // "NOK 500"
		}
	}
	return false
}

// asksMoney reports a question that asks for a sum: "how much" with a
// word of money ("how much does it cost", "how much is the fee"). "What is
// the fine for…" may ask what kind of penalty, and is left as it is.
func asksMoney(ws []string) bool {
	if !moneyWords.any(ws) {
		return false
	}
	for i, w := range ws {
		if w != "how" || i+1 == len(ws) || ws[i+1] != "much" {
			continue
		}
		// "By how much did it cut costs?", "how much more does it
		// cost?": a difference, often a share, not a sum.
		if i > 0 && ws[i-1] == "by" || i+2 < len(ws) && (ws[i+2] == "more" || ws[i+2] == "less" || ws[i+2] == "cheaper") {
			return false
		}
		return true
	}
	return false
}
