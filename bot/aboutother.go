package bot

import (
	"slices"
	"strings"
)

// tellsOfOther reports a sentence that holds the names a question gives
// but nothing of what it asks about them ("When did Oswin Marrow die?",
// "…founded in 1412 by Oswin Marrow"), or what it asks but none of the
// names, in the sentence or its paragraph ("19 people died").
func (b *Bot) tellsOfOther(res SearchResult, h Hit, q asked) bool {
	if len(q.names) == 0 {
		return false
	}
	var names, predicate, nameHeld, predicateHeld bool
	for i, t := range res.Terms {
		if t.Topic || isNumber(t.Word) || t.DocFreq == 0 && q.names[t.Word] {
			// A name the article never uses is a signal of its own.
			continue
		}
		held := h.holdsTerm(i)
		if q.names[t.Word] {
			if b.isArticleName(t.Word) {
				continue // every sentence is about the article's own names
			}
			names = true
			nameHeld = nameHeld || held || h.InParagraph[i]
		} else {
			predicate = true
			predicateHeld = predicateHeld || held
		}
	}
	return names && predicate && (!nameHeld || !predicateHeld)
}

// isArticleName reports one of the article's own names, its title's or
// the subject's home, which every sentence is about.
func (b *Bot) isArticleName(w string) bool {
	return slices.Contains(b.titleWords, w) || b.subject.home[w] ||
		slices.ContainsFunc(b.titleWords, func(t string) bool { return isDemonym(w, t) })
}

// isDemonym reports w as the adjective of the place name t: "veldorian" of
// "veldoria", "korvathian" of "korvathia", "orleskian" of "orlesk"; not a
// name made from it ("orleskgo").
func isDemonym(w, t string) bool {
	if len(t) < 5 {
		return false
	}
	for _, e := range demonymEndings {
		if w == t+e || strings.ContainsRune("aeiouy", rune(t[len(t)-1])) && w == t[:len(t)-1]+e {
			return true
		}
	}
	return false
}

// demonymEndings make a place's adjective or people of its name.
var demonymEndings = []string{"n", "an", "ian", "ese", "er", "ish", "ns", "ans", "ians", "ers"}
