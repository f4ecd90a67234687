package bot

import (
	"context"
	"math"
	"slices"
	"strings"
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
	for _, p := range b.answerPassages(res, feats, best) {
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
	ws := r.words
	if without := withoutExclusion(r.lower); without != r.lower {
		ws = words(without)
	}
	query := b.contentQuery(ws)
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
	q := b.asks(r)
	feats := make([]Features, len(res.Hits))
	// One array holds every hit's signals: one allocation, not one a hit.
	signals := make([]float64, len(res.Hits)*len(FeatureNames))
	bestCoverage := 0.0
	for i, h := range res.Hits {
		n := len(FeatureNames)
		feats[i] = signals[i*n : (i+1)*n : (i+1)*n]
		b.features(feats[i], res, i, h, q)
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
	for _, t := range res.Terms {
		if t.DocFreq == 0 && q.names[t.Word] {
			unknownName = 1
		}
	}
	unknownOfKind := namesUnknownOfKnownKind(res, q.nameRuns)
	for _, f := range feats {
		f[fCoverageGap] = f[fCoverage] - bestCoverage
		f[fFocusUnknown] = focusUnknown
		f[fUnknownName] = unknownName
	}
	for i, h := range res.Hits {
		if q.nameKind != "" && !holdsTermOf(res, h, q.nameKind) ||
			b.tellsOfOther(res, h, q) || holdsOtherName(b.held[h.Passage.ID].nameRuns, q.nameRuns) || unknownOfKind {
			feats[i][fAboutOther] = 1
		}
	}
	return res, feats, nil
}

// namesUnknownOfKnownKind reports a question naming one of a kind the
// article knows by a name it never uses: "the Labour Party" where the
// article tells of parties but never of Labour.
func namesUnknownOfKnownKind(res SearchResult, runs [][]string) bool {
	for _, run := range runs {
		unknown, known := false, false
		for _, t := range res.Terms {
			if !slices.Contains(run, t.Word) || t.Topic {
				continue
			}
			if t.DocFreq == 0 && !t.Related {
				unknown = true
			} else {
				known = true
			}
		}
		if unknown && known {
			return true
		}
	}
	return false
}

// nameKind is the kind of thing a question asks the name of: "case" in
// "what was the name of the Supreme Court case…", or "".
func nameKind(ws []string) string {
	for i := 0; i+2 < len(ws); i++ {
		if (ws[i] != "name" && ws[i] != "names") || ws[i+1] != "of" {
			continue
		}
		kind := ""
		for _, w := range ws[i+2:] {
			if questionAux[w] {
				if kind != "" {
					break
				}
				continue
			}
			if stopWords[w] {
				break
			}
			kind = w
		}
		if nameNouns[kind] {
			// A kind of body or person ("the body that enforces
			// it") is named without its kind word.
			return ""
		}
		return kind
	}
	return ""
}

// holdsTermOf reports a hit whose sentence or example questions hold the
// question's word w (its term, or a synonym of it).
func holdsTermOf(res SearchResult, h Hit, w string) bool {
	for i, t := range res.Terms {
		if t.Word == w {
			return h.holdsTerm(i)
		}
	}
	return true // not searched for: nothing to rule on
}

// asked is what a question asks for, read once for all its hits.
type asked struct {
	kind answerType
	// own reports a name that answers no "who": the question's own, or
	// the article's (its title, the subject's home), which every
	// sentence is about.
	own func(string) bool
	// pinned are the years it asks about; counted what "how many" counts.
	pinned    map[string]bool
	counted   []string
	corrected bool
	// instances are the numbered or lettered things it names ("Class B").
	instances []instance
	// present says it asks about now ("the current director", "today").
	present bool
	// verb is the verb a "who" asks about ("who created…"), or "".
	verb string
	// succession says it asks who came before or after a name it gives.
	succession bool
	// names are the words it capitalises inside it; nameRuns its names
	// of more than one word.
	names    map[string]bool
	nameRuns [][]string
	// nameKind is the kind of thing it asks the name of ("case"), or "".
	nameKind string
}

func (b *Bot) asks(r reading) asked {
	runs, _ := capitalisedRuns(r.original)
	q := asked{kind: questionType(r.words), pinned: pinnedYears(r.words), corrected: r.readAs != "",
		instances: instances(r.original), names: nameWords(runs), nameRuns: severalWords(runs),
		present: presentWords.any(r.words)}
	// A question has a few words: a scan costs less than a set.
	q.own = func(w string) bool { return slices.Contains(r.words, w) || b.isArticleName(w) }
	if q.kind == typeCount {
		q.counted = countedNouns(r.words)
	}
	if q.kind == typeName {
		q.verb = whoVerb(r.words)
	}
	q.nameKind = nameKind(r.words)
	q.succession = asksSuccession(r.words, func(w string) bool { return q.names[w] || b.properNames[w] })
	return q
}

// features computes the gate's signals for one hit (see FeatureNames)
// into f.
func (b *Bot) features(f Features, res SearchResult, rank int, h Hit, q asked) {
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
			if h.holdsTerm(i) {
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
		if h.holdsTerm(i) && !t.Topic && !isNumber(t.Word) {
			matched++
		}
	}
	if total == 0 {
		total = 1
	}
	f[fCoverage] = sentence / total
	f[fParagraph] = paragraph / total
	f[fUnknown] = unknown / total
	ctx, n := b.context(res, rank, nil)
	held := b.heldTypes(ctx[:n])
	if q.kind != typeAny {
		if held.holds(q.kind, q.own) || q.kind == typeName && q.verb != "" && held.namesAgent(q.verb) {
			f[fTypeHeld] = 1
		} else {
			f[fTypeMissing] = 1
		}
	}
	if len(q.counted) > 0 && !held.countsAny(q.counted) {
		// "How many workers…" asks for a number of workers; "lasted 64
		// days" is a number of something else.
		f[fCountOther] = 1
	}
	if top := res.Hits[0].Score; top > 0 {
		f[fScoreRel] = h.Score / top
	}
	f[fTopRank] = 1 / float64(1+rank)
	for i, t := range res.Terms {
		// A year dates the event a paragraph tells of, and is said once
		// there ("As of 16 April 2021, this bill did not pass. 6 parties
		// voted for…"): its paragraph holding it is enough for a
		// sentence that names no year of its own.
		inContext := isYear(t.Word) && h.InParagraph[i] && b.held[h.Passage.ID].lastYear == ""
		// A year the question bounds ("raised after 1953") sets a time
		// frame: what came after is told without it.
		bound := isYear(t.Word) && !q.pinned[t.Word]
		if isNumber(t.Word) && !h.Matched[i] && !inContext && !bound {
			f[fNumberMissing] = 1
			if q.pinned[t.Word] && b.held[h.Passage.ID].lastYear != "" {
				// It names another year: "how many in 2019?" is not
				// answered by the figure for 2022.
				f[fConflict] = 1
			}
		}
	}
	own := b.held[h.Passage.ID]
	if q.present && !own.present && own.lastYear != "" && own.lastYear < b.latestYear {
		// "How many today?" is not answered by a figure from a year
		// the article has since moved past.
		f[fConflict] = 1
	}
	if q.present && own.origin && !own.present {
		// "Who is the current director?" is not answered by who was
		// the first, nor "how many today" by the staff it was founded
		// with.
		f[fConflict] = 1
	}
	if q.succession && !held.namesAnother(q.own) {
		// "Who was harbourmaster before Teodor Vance?" is not answered
		// by the sentence naming Teodor Vance alone.
		f[fConflict] = 1
	}
	if namesOtherInstance(own.instances, q.instances) {
		// "Class A costs…" is no answer about Class B.
		f[fConflict] = 1
	}
	if matched > 0 {
		f[fSubject] = 1
	}
	f[fMatchedTerms] = math.Log1p(float64(matched))
	f[fQuestionTerms] = math.Log1p(float64(len(res.Terms)))
	if q.corrected {
		f[fCorrected] = 1
	}
	if h.Passage.Section == LeadSection {
		f[fLead] = 1
	}
	f[fAsked] = inQuestions / total
	if known := total - unknown; known > 0 {
		f[fKnownCoverage] = (sentence + inQuestions) / known
	}
	f[fRelated] = related / total
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

// contentQuery drops the words that say nothing about the subject, so
// they neither rank passages nor count in the decision.
func (b *Bot) contentQuery(ws []string) string {
	var keep []string
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if b.neutral(w) || i > 0 && ws[i-1] == "how" && howWords[w] {
			continue
		}
		if typeWords[w] && asksFor(ws, i) {
			// "which day", "what year": the kind of answer wanted, with
			// its "of the week"; the sentence says "Mondays" or "in
			// 1974", not "day" or "year".
			if i+2 < len(ws) && ws[i+1] == "of" && ws[i+2] == "the" && i+3 < len(ws) && typeWords[ws[i+3]] {
				i += 3
			}
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// typeWords name a date or a time as what "what" or "which" asks for.
var typeWords = set("year", "years", "date", "dates", "day", "days", "week", "month", "months", "time", "times",
	"hour", "hours")

// howWords make a question phrase with "how" ("how long", "how often"):
// what kind of answer is wanted, not what it is about.
var howWords = set("long", "many", "much", "often", "old", "far", "big", "soon", "late", "early")

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

// answerPassages is what answers with the chosen hit: its context, never
// joining a next sentence the rules ruled out (one about another year,
// another of a series, something else).
func (b *Bot) answerPassages(res SearchResult, feats []Features, best int) []Passage {
	ps, n := b.context(res, best, func(i int) bool { return feats[i][fConflict] != 0 || feats[i][fAboutOther] != 0 })
	return append([]Passage(nil), ps[:n]...)
}

// context is a hit's sentence with the one it cannot stand without: the
// one before when it opens by referring back ("This is also …"), or the
// next hit when that is the very next sentence and covers the question
// too, unless ruledOut reports it. It is an array, so a caller that only
// reads it allocates nothing: the gate's signals ask it for every hit.
func (b *Bot) context(res SearchResult, best int, ruledOut func(int) bool) (ps [2]Passage, n int) {
	p := res.Hits[best].Passage
	if refersBack(p.Text) {
		if prev, ok := b.neighbour(p, -1); ok {
			return [2]Passage{prev, p}, 2
		}
	}
	if next, ok := b.neighbour(p, +1); ok {
		for i, h := range res.Hits {
			if i != best && h.Passage.ID == next.ID && sentenceCoverage(res, h) >= minCoverage && (ruledOut == nil || !ruledOut(i)) {
				return [2]Passage{p, next}, 2
			}
		}
	}
	return [2]Passage{p}, 1
}

// refersBack reports an article sentence that opens with a word standing
// for what the sentence before it named ("This is also …", "Such fines …").
func refersBack(s string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	first = strings.ToLower(first)
	return anaphora[first] || first == "such"
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
