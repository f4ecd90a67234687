package bot

import "slices"

// opinionPhrases ask for a view, advice or a judgement, not a fact: the
// article states facts, and a sentence that touches the question's topic
// is no answer to "is it a good idea" or "is theirs better than ours". They
// are phrases of the language, not of any subject; "do you think" is not
// one, since people wrap factual questions in it ("do you think they'd
// fine me?").
var opinionPhrases = [][]string{
	{"your", "opinion"}, {"your", "view"}, {"your", "views"}, {"your", "take"}, {"your", "thoughts"},
	{"you", "personally"}, {"good", "idea"}, {"bad", "idea"}, {"better", "than"}, {"worse", "than"},
	{"worth", "it"}, {"would", "you", "recommend"}, {"do", "you", "recommend"}, {"do", "you", "agree"},
	{"din", "mening"}, {"synes", "du"}, {"god", "idé"}, {"dårlig", "idé"}, {"bedre", "enn"}, {"verre", "enn"},
}

// opinionStarts indexes opinionPhrases by their first word, so a
// question's word costs one lookup.
var opinionStarts = func() map[string][][]string {
	m := map[string][][]string{}
	for _, p := range opinionPhrases {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}()

// asksOpinion reports whether a question's words (as typed, lower-cased)
// hold a phrase that asks for an opinion or advice.
func asksOpinion(ws []string) bool {
	for i, w := range ws {
		for _, p := range opinionStarts[w] {
			if len(ws)-i >= len(p) && slices.Equal(ws[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}
