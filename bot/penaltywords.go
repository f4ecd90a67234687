package bot

// PenaltyWords are the words the penalty intents read questions with. They
// come with the penalty table (they make sense only with one); the phrases
// the intents look for and the logic combining them stay in intent.go.
type PenaltyWords struct {
	Penalty    []string // the question is about a penalty ("prison", "caught")
	Nouns      []string // name a penalty outright; alone they ask for the table
	Possession []string // having or using the substance
	Maximum    []string // the most severe penalty
	Minimum    []string // the least severe penalty
	Sentence   []string // penalty nouns a maximum or minimum qualifies
	Repeat     []string // offending more than once
	Dealer     []string // selling and supplying
	Overview   []string // may stand in a question the whole table answers
	Price      []string // a price question, which the table does not answer
	Limit      []string // name a limit
	Allowed    []string // say something may be had or done
	Counts     []string // ask what counts as something
	Other      []string // other words the intents read or can ignore
}

// penaltyVocab is PenaltyWords prepared for reading questions.
type penaltyVocab struct {
	penalty, nouns, possession, maximum, minimum, sentence, repeat, dealer,
	overview, price, limit, allowed, counts wordSet
	// all is every word the fact intents read or can ignore, function
	// and neutral words included, besides the subject's own words.
	all wordSet
	// anchors are the words at least one of which every fact intent
	// needs: a question with none of them is none of the facts.
	anchors wordSet
}

func newPenaltyVocab(w PenaltyWords) penaltyVocab {
	v := penaltyVocab{
		penalty: set(w.Penalty...), nouns: set(w.Nouns...), possession: set(w.Possession...),
		maximum: set(w.Maximum...), minimum: set(w.Minimum...), sentence: set(w.Sentence...),
		repeat: set(w.Repeat...), dealer: set(w.Dealer...), overview: set(w.Overview...),
		price: set(w.Price...), limit: set(w.Limit...), allowed: set(w.Allowed...), counts: set(w.Counts...),
	}
	v.anchors = union(v.penalty, v.limit, v.possession, v.allowed, v.counts, v.maximum, v.minimum, v.dealer,
		factAnchors)
	v.all = set(w.Other...)
	for _, s := range []wordSet{v.penalty, v.nouns, v.possession, v.maximum, v.minimum, v.sentence, v.repeat,
		v.dealer, v.overview, v.limit, v.allowed, v.counts, neutralWords, stopWords} {
		for x := range s {
			v.all[x] = true
		}
	}
	return v
}

// words lists every word of the vocabulary, for the spellers.
func (v penaltyVocab) words() []string {
	out := make([]string, 0, len(v.all))
	for w := range v.all {
		out = append(out, w)
	}
	return out
}
