package bot

import (
	"context"
	"math"
	"strings"
)

const (
	// searchDepth is how many hits the decision looks at.
	searchDepth = 8
	// minCoverage is the share of the question's content (weighted by
	// rarity) the answering passage must contain.
	minCoverage = 0.5
	// paragraphCredit is how much a term found only in the passage's
	// paragraph counts, against one found in the sentence itself.
	paragraphCredit = 0.5
	// leadTieScore: on equal coverage the lead wins when its score is at
	// least this share of the other hit's.
	leadTieScore = 0.5
)

// retrieve answers from the article's passages, or declines when none of
// them covers the question.
func (b *Bot) retrieve(ctx context.Context, question string, r reading) Answer {
	query := contentQuery(r.words)
	if query == "" {
		return b.decline(question, r.lang, IntentNone, "off_topic", "")
	}
	res, err := b.search.Search(ctx, query, searchDepth)
	if err != nil {
		b.log.Warn("search failed", "err", err)
		return b.decline(question, r.lang, IntentSearch, "search_failed", Message(r.lang, "search_failed"))
	}
	best, cov := bestHit(res)
	if best < 0 || cov < minCoverage || !coversSubject(res, res.Hits[best]) {
		return b.decline(question, r.lang, IntentNone, "off_topic", "")
	}
	hit := res.Hits[best]
	passages := b.withContext(hit.Passage, res, best)
	var texts []string
	var sources []Source
	for _, p := range passages {
		texts = append(texts, p.Text)
		sources = append(sources, Source{Section: p.Section, Text: p.Text})
	}
	text := strings.Join(texts, " ")
	if lead := Message(r.lang, "passage_lead"); lead != "" {
		text = lead + " " + text
	}
	return b.answer(question, r.lang, IntentSearch, text, sources, false)
}

// contentQuery drops the words that say nothing about the subject, so
// they neither rank passages nor count in the decision.
func contentQuery(ws []string) string {
	var keep []string
	for _, w := range ws {
		if !neutralWords[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// weight is how much a term says about what the question asks: rare terms
// say more than common ones, and a term the article never uses says the
// most, since it means the question is about something else.
func weight(t Term, passages int) float64 {
	w := math.Log(1 + float64(passages)/(float64(t.DocFreq)+0.5))
	switch {
	case isTopicWord(t.Word):
		// Every question is about cannabis and drugs: the word says
		// little about which passage answers it.
		w /= 2
	case t.DocFreq == 0 && askedForWords[t.Word]:
		w *= 2
	}
	return w
}

func isTopicWord(w string) bool { return cannabisWords[w] || drugWords[w] }

// coverage is the weighted share of the question's terms a hit contains.
func coverage(res SearchResult, h Hit) float64 {
	var total, got float64
	for i, t := range res.Terms {
		w := weight(t, res.Passages)
		total += w
		switch {
		case h.Matched[i]:
			got += w
		case h.InParagraph[i]:
			got += w * paragraphCredit
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// bestHit picks, among the top hits, the one that covers most of the
// question. Ties go to the lead, which summarises the article, unless
// Bleve ranks it far below; otherwise to Bleve's rank. Raw scores are only
// compared within this one query.
func bestHit(res SearchResult) (int, float64) {
	best, bestCov := -1, -1.0
	for i, h := range res.Hits {
		c := coverage(res, h)
		switch {
		case c > bestCov+1e-9:
			best, bestCov = i, c
		case c > bestCov-1e-9 && h.Passage.Section == LeadSection && res.Hits[best].Passage.Section != LeadSection &&
			h.Score >= leadTieScore*res.Hits[best].Score:
			best = i
		}
	}
	return best, bestCov
}

// coversSubject requires the hit to contain at least one term that is not
// just the article's topic or a number: a question that shares only
// "cannabis" or "2" with a passage is not answered by it.
func coversSubject(res SearchResult, h Hit) bool {
	for i, t := range res.Terms {
		if h.Matched[i] && !isTopicWord(t.Word) && !isNumber(t.Word) && t.DocFreq > 0 {
			return true
		}
	}
	return false
}

// withContext adds the sentence an answer cannot stand without: the one
// before when the answer opens by referring back ("This is also …"), or the
// next hit when it is the very next sentence and covers the question too.
func (b *Bot) withContext(p Passage, res SearchResult, best int) []Passage {
	out := []Passage{p}
	if refersBack(p.Text) {
		if prev, ok := b.neighbour(p, -1); ok {
			out = []Passage{prev, p}
		}
	}
	if len(out) == 1 {
		if next, ok := b.neighbour(p, +1); ok {
			for i, h := range res.Hits {
				if i != best && h.Passage.ID == next.ID && coverage(res, h) >= minCoverage {
					out = append(out, next)
					break
				}
			}
		}
	}
	return out
}

func refersBack(s string) bool {
	first := strings.ToLower(strings.Fields(s)[0])
	switch first {
	case "this", "these", "that", "those", "it", "they", "he", "she", "its", "their", "such":
		return true
	}
	return false
}

// neighbour returns the sentence before (dir -1) or after (+1) p in its
// paragraph.
func (b *Bot) neighbour(p Passage, dir int) (Passage, bool) {
	for _, q := range b.article.Passages {
		if q.Section == p.Section && q.Paragraph == p.Paragraph && q.Sentence == p.Sentence+dir {
			return q, true
		}
	}
	return Passage{}, false
}
