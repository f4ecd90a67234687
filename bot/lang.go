package bot

import "strings"

// Language detection: Bokmål or English, from the question alone. A
// question is short, so this counts function words and letters that mark
// each language rather than asking a statistical model; words both
// languages share ("i", "for", "gram") count for neither. The subject's
// words come from the data: a bot also counts the words of its Bokmål
// term list (see Bot.detectLanguage).

var bokmalMarkers = set("hva", "hvor", "hvordan", "hvorfor", "hvem", "hvilke", "hvilken", "hvis", "når",
	"er", "jeg", "meg", "min", "mitt", "du", "deg", "det", "den", "de", "og", "ikke", "med", "til", "blir",
	"ble", "skjer", "kan", "kunne", "får", "få", "om", "på", "av", "fra", "eller", "som", "har", "hadde",
	"være", "vært", "noe", "noen", "mange", "mye", "tatt", "eget", "egen", "sier", "artikkelen",
	"gjelder", "etter", "også", "bare", "enn", "dette", "disse", "vil", "skal", "må", "ved", "mellom", "hos",
	"halvt", "ei", "et", "ett", "en", "sjekke", "lenge", "hei", "hallo", "takk", "å", "hjelp", "strengeste",
	"høyeste", "minste")

var englishMarkers = set("what", "where", "how", "why", "who", "which", "if", "is", "are", "was", "were",
	"i", "me", "my", "you", "your", "it", "the", "a", "an", "and", "not", "with", "to", "of", "can", "could",
	"get", "do", "does", "did", "will", "would", "happen", "happens", "caught", "much", "many", "about",
	"from", "or", "that", "this", "have", "has", "be", "there", "allowed", "use", "on", "at")

// DetectLanguage returns "nb" when a question reads as Bokmål and "en"
// otherwise (English is also the answer for too little to tell).
func DetectLanguage(text string) string { return detectLanguage(text, nil) }

// detectLanguage is DetectLanguage that also reads the words of a Bokmål
// term list (nbWords) as Bokmål.
func detectLanguage(text string, nbWords wordSet) string {
	lower := strings.ToLower(text)
	nb, en := 0, 0
	for w, rest := nextWord(lower); w != ""; w, rest = nextWord(rest) {
		w = withoutPossessive(w)
		isNB, isEN := bokmalMarkers[w] || nbWords[w], englishMarkers[w]
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
