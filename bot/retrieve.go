package bot

import (
	"context"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// searchDepth is how many hits the gate looks at.
	searchDepth = 6
	// minCoverage is the share of the question's content (weighted by
	// rarity) the next sentence must hold to join an answer.
	minCoverage = 0.5
)

// retrieve answers from the article's passages, or declines when none of
// them answers the question: the gate scores every hit, and the best one
// answers when its score clears the gate's threshold.
func (b *Bot) retrieve(ctx context.Context, question string, r reading) Answer {
	res, feats, err := b.candidates(ctx, r)
	if err != nil {
		b.log.Warn("search failed", "err", err)
		return b.decline(question, r.lang, IntentSearch, "search_failed", Message(r.lang, "search_failed"))
	}
	best, p := b.gate.Choose(feats)
	if best < 0 || p < b.gate.Threshold {
		return b.decline(question, r.lang, IntentNone, "off_topic", "")
	}
	var texts []string
	var sources []Source
	for _, p := range b.withContext(res, best) {
		texts = append(texts, p.Text)
		sources = append(sources, Source{Section: p.Section, Text: p.Text})
	}
	text := strings.Join(texts, " ")
	if lead := Message(r.lang, "passage_lead"); lead != "" {
		text = lead + " " + text
	}
	return b.answer(question, r.lang, IntentSearch, text, sources, false)
}

// candidates searches the passages for a reading and returns each hit's
// features for the gate.
func (b *Bot) candidates(ctx context.Context, r reading) (SearchResult, []Features, error) {
	query := b.contentQuery(words(withoutExclusion(r.lower)))
	if query == "" {
		return SearchResult{}, nil, nil
	}
	res, err := b.search.Search(ctx, query, searchDepth)
	if err != nil {
		return res, nil, err
	}
	for i, t := range res.Terms {
		res.Terms[i].Topic = b.subject.isTopic(t.Word)
	}
	asked := questionType(r.words)
	// Names the question gives, and the article's own (its title, the
	// subject's home), are no answer to "who" or "which": every sentence
	// is about them.
	inQuestion := make(map[string]bool, len(r.words))
	for _, w := range r.words {
		inQuestion[w] = true
	}
	for _, w := range b.titleWords {
		inQuestion[w] = true
	}
	for w := range b.subject.home {
		inQuestion[w] = true
	}
	pinned := pinnedYears(r.words)
	var counted []string
	if asked == typeCount {
		counted = countedNouns(r.words)
	}
	feats := make([]Features, len(res.Hits))
	bestCoverage := 0.0
	for i, h := range res.Hits {
		feats[i] = b.features(res, i, h, asked, inQuestion, pinned, r.readAs != "")
		if len(counted) > 0 && !b.heldTypes(b.withContext(res, i)).countsAny(counted) {
			// "How many workers…" asks for a number of workers; "lasted
			// 64 days" is a number of something else.
			feats[i][19] = 1
		}
		bestCoverage = max(bestCoverage, feats[i][0])
	}
	focusUnknown := 0.0
	if focus := focusWord(r.words); focus != "" {
		for _, t := range res.Terms {
			if t.Word == focus && t.DocFreq == 0 {
				focusUnknown = 1
			}
		}
	}
	unknownName := 0.0
	names := namedWords(r.original)
	for _, t := range res.Terms {
		if t.DocFreq == 0 && names[t.Word] {
			unknownName = 1
		}
	}
	for _, f := range feats {
		f[12] = f[0] - bestCoverage
		f[13] = focusUnknown
		f[20] = unknownName
	}
	return res, feats, nil
}

// features computes the gate's signals for one hit (see FeatureNames).
func (b *Bot) features(res SearchResult, rank int, h Hit, asked answerType, inQuestion, pinned map[string]bool, corrected bool) Features {
	var total, sentence, inQuestions, paragraph, unknown, related float64
	matched := 0
	for i, t := range res.Terms {
		w := weight(t, res.Passages)
		total += w
		switch {
		case t.Related:
			// Found only through a general-English synonym: its own
			// signal, never evidence that the sentence shares a word
			// with the question ("weather" is not "condition").
			if h.Matched[i] || len(h.InQuestions) > i && h.InQuestions[i] {
				related += w
			} else {
				unknown += w
			}
			continue
		case h.Matched[i]:
			sentence += w
		case len(h.InQuestions) > i && h.InQuestions[i]:
			inQuestions += w
		case t.DocFreq == 0:
			unknown += w
		case h.InParagraph[i]:
			paragraph += w
		}
		if (h.Matched[i] || len(h.InQuestions) > i && h.InQuestions[i]) && !t.Topic && !isNumber(t.Word) {
			matched++
		}
	}
	if total == 0 {
		total = 1
	}
	f := make(Features, len(FeatureNames))
	f[0] = sentence / total
	f[1] = paragraph / total
	f[2] = unknown / total
	if asked != typeAny {
		if b.heldTypes(b.withContext(res, rank)).holds(asked, inQuestion) {
			f[3] = 1
		} else {
			f[4] = 1
		}
	}
	if top := res.Hits[0].Score; top > 0 {
		f[5] = h.Score / top
	}
	f[6] = 1 / float64(1+rank)
	for i, t := range res.Terms {
		if isNumber(t.Word) && !h.Matched[i] {
			f[14] = 1
			if pinned[t.Word] && b.held[h.Passage.ID].year {
				// It names another year: "how many in 2019?" is not
				// answered by the figure for 2022.
				f[18] = 1
			}
		}
	}
	if matched > 0 {
		f[7] = 1
	}
	f[8] = math.Log1p(float64(matched))
	f[9] = math.Log1p(float64(len(res.Terms)))
	if corrected {
		f[10] = 1
	}
	if h.Passage.Section == LeadSection {
		f[11] = 1
	}
	f[15] = inQuestions / total
	if known := total - unknown; known > 0 {
		f[16] = (sentence + inQuestions) / known
	}
	f[17] = related / total
	return f
}

// heldTypes is what an answer of one or more sentences holds, from what
// each was read to hold when the bot was built.
func (b *Bot) heldTypes(ps []Passage) heldTypes {
	h := b.held[ps[0].ID]
	for _, p := range ps[1:] {
		h = h.then(b.held[p.ID])
	}
	return h
}

func passageTexts(ps []Passage) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

// exclusionMarkers open a phrase naming what a question leaves out:
// "apart from the Young Liberals, which party…" asks about the others, so
// the phrase is not searched for.
var exclusionMarkers = []string{"apart from ", "aside from ", "besides ", "other than ", "except for ", "except ", "excluding ", "bortsett fra ", "utenom "}

// withoutExclusion removes from lower-cased text each phrase a marker
// opens, up to the next comma, question mark or the text's end; text that
// would be left with nothing stays whole.
func withoutExclusion(lower string) string {
	out := lower
	for _, m := range exclusionMarkers {
		for {
			i := strings.Index(out, m)
			if i < 0 || i > 0 && out[i-1] != ' ' && out[i-1] != ',' {
				break
			}
			end := strings.IndexAny(out[i:], ",?;")
			if end < 0 {
				end = len(out) - i
			}
			out = out[:i] + out[i+end:]
		}
	}
	if strings.TrimFunc(out, func(r rune) bool { return !unicode.IsLetter(r) }) == "" {
		return lower
	}
	return out
}

// contentQuery drops the words that say nothing about the subject, so
// they neither rank passages nor count in the decision.
func (b *Bot) contentQuery(ws []string) string {
	var keep []string
	for _, w := range ws {
		if !b.neutral(w) {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// namedWords are the words a question capitalises inside a sentence,
// lower-cased: names ("the Labour Party", "Oslo", "Sativex"). A name the
// article never uses is something it does not cover.
func namedWords(text string) map[string]bool {
	var out map[string]bool
	start := true
	for _, w := range wordSpans(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if !start && unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 {
			if out == nil {
				out = map[string]bool{}
			}
			out[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))] = true
		}
		start = false
	}
	return out
}

// pinnedYears are the years a question asks about ("in 2019", "2019's"),
// not the ones that bound it ("after 1953", "since 2015", "by 1690").
func pinnedYears(ws []string) map[string]bool {
	var out map[string]bool
	for i, w := range ws {
		if !isYear(w) || i > 0 && yearBounds[ws[i-1]] {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[w] = true
	}
	return out
}

// yearBounds make the year after them a bound rather than the time asked
// about.
var yearBounds = set("after", "before", "since", "until", "till", "by", "from", "between", "etter", "før", "siden", "fra", "innen")

// weight is how much a term says about what the question asks: rare terms
// say more than common ones, and a term the article never uses says the
// most, since it may mean the question is about something else.
func weight(t Term, passages int) float64 {
	w := math.Log(1 + float64(passages)/(float64(t.DocFreq)+0.5))
	if t.Topic {
		// Every question is about the article's topic: the word says
		// little about which passage answers it.
		w /= 2
	}
	return w
}

// withContext adds the sentence an answer cannot stand without: the one
// before when the answer opens by referring back ("This is also …"), or the
// next hit when it is the very next sentence and covers the question too.
func (b *Bot) withContext(res SearchResult, best int) []Passage {
	p := res.Hits[best].Passage
	out := []Passage{p}
	if refersBack(p.Text) {
		if prev, ok := b.neighbour(p, -1); ok {
			out = []Passage{prev, p}
		}
	}
	if len(out) == 1 {
		if next, ok := b.neighbour(p, +1); ok {
			for i, h := range res.Hits {
				if i != best && h.Passage.ID == next.ID && sentenceCoverage(res, h) >= minCoverage {
					out = append(out, next)
					break
				}
			}
		}
	}
	return out
}

func refersBack(s string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	switch strings.ToLower(first) {
	case "this", "these", "that", "those", "it", "they", "he", "she", "its", "their", "such":
		return true
	}
	return false
}

// neighbour returns the sentence before (dir -1) or after (+1) p in its
// paragraph.
func (b *Bot) neighbour(p Passage, dir int) (Passage, bool) {
	q, ok := b.byPlace[place{p.Section, p.Paragraph, p.Sentence + dir}]
	return q, ok
}

// place locates a sentence in the article.
type place struct {
	section             string
	paragraph, sentence int
}

// sentenceCoverage is the weighted share of the question's terms a hit's
// sentence contains.
func sentenceCoverage(res SearchResult, h Hit) float64 {
	var total, got float64
	for i, t := range res.Terms {
		w := weight(t, res.Passages)
		total += w
		if h.Matched[i] {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}
