package bot

import "strings"

// Language detection: Bokmål or English, from the question alone. A
// question is short, so this counts function words and letters that mark
// each language rather than asking a statistical model; words both
// languages share ("i", "for", "gram", "cannabis") count for neither.

var bokmalMarkers = set("hva", "hvor", "hvordan", "hvorfor", "hvem", "hvilke", "hvilken", "hvis", "når",
	"er", "jeg", "meg", "min", "mitt", "du", "deg", "det", "den", "de", "og", "ikke", "med", "til", "blir",
	"ble", "skjer", "kan", "kunne", "får", "få", "om", "på", "av", "fra", "eller", "som", "har", "hadde",
	"være", "vært", "noe", "noen", "mange", "mye", "straff", "straffen", "straffes", "fengsel", "bøter",
	"norge", "lov", "lovlig", "ulovlig", "tatt", "eget", "egen", "bruk", "sier", "artikkelen", "stortinget",
	"regjeringen", "politiet", "riksadvokaten", "høyesterett", "narkotika", "medisinsk", "gjelder", "etter",
	"også", "bare", "enn", "dette", "disse", "vil", "skal", "må", "ved", "mellom", "hos", "hekto", "halvt",
	"ei", "et", "ett", "en", "sjekke", "lenge", "hei", "hallo", "takk", "å", "hjelp", "strengeste", "høyeste", "minste", "mengde", "mengder")

var englishMarkers = set("what", "where", "how", "why", "who", "which", "if", "is", "are", "was", "were",
	"i", "me", "my", "you", "your", "it", "the", "a", "an", "and", "not", "with", "to", "of", "can", "could",
	"get", "do", "does", "did", "will", "would", "happen", "happens", "penalty", "prison", "jail", "legal",
	"law", "caught", "much", "many", "about", "from", "or", "that", "this", "have", "has", "be", "there",
	"grams", "ounce", "ounces", "pounds", "kilos", "weed", "sentence", "fine", "allowed", "use", "on", "at")

// DetectLanguage returns "nb" when a question reads as Bokmål and "en"
// otherwise (English is also the answer for too little to tell).
func DetectLanguage(text string) string {
	lower := strings.ToLower(text)
	nb, en := 0, 0
	for w := range wordSeq(lower) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		isNB, isEN := bokmalMarkers[w], englishMarkers[w]
		switch {
		case isNB && !isEN:
			nb += 2
		case isEN && !isNB:
			en += 2
		}
		if strings.ContainsAny(w, "æøå") {
			nb++
		}
	}
	if nb > en {
		return "nb"
	}
	return "en"
}
