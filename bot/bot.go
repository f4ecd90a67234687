package bot

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionLen is the longest question, in characters, the bot reads.
const MaxQuestionLen = 1000

// maxQuestionBytes is as many bytes as MaxQuestionLen characters can take.
const maxQuestionBytes = 4 * MaxQuestionLen

// Translator reads a question in another language as the English words
// the intent layer and the article use.
type Translator interface {
	Translate(text string) string
}

// wordLister is a Translator that can list the single words it reads: a
// term list's words mark its language.
type wordLister interface {
	Words() []string
}

// Bot answers questions from one article, its penalty schedule and a
// passage searcher.
type Bot struct {
	article     Article
	schedule    Schedule
	search      Searcher
	log         *slog.Logger
	translators map[string]Translator
	gate        Gate
	// spellers correct misspelt words per question language; each is
	// built on its language's first question but the first language's,
	// built with the bot.
	spellers map[string]func() *speller
	// knownWords are the words each language's term list and the
	// synonyms know, for the spellers.
	knownWords map[string][]string
	// commonWords are each language's everyday words; wordRanks how
	// common they are; both read when needed.
	commonWords map[string]func() map[string]bool
	// dictionaries report each language's words beyond its everyday ones.
	dictionaries map[string]func(string) bool
	wordRanks    map[string]func() map[string]int
	// byPlace finds a passage's neighbours without a scan.
	byPlace map[place]Passage
	// held is what each passage holds of each answer type, by ID.
	held map[string]heldTypes
	// properNames are the words the article capitalises inside its
	// sentences: its names, however a question types them.
	properNames wordSet
	// latestYear is the latest year the article names: its now.
	latestYear string
	// titleWords are the article title's words, lower-cased.
	titleWords []string
	// nbWords are the Bokmål term list's words that are no everyday
	// English ("straff", "hasj"; not "bot" or "i"): they mark a question
	// as Bokmål.
	nbWords wordSet
	// countable are the schedule's units counted rather than weighed.
	countable wordSet
	// pw are the words the penalty intents read, from the schedule.
	pw penaltyVocab
	// subject is what the profile says about the article's subject.
	subject subject
	// examples are the example questions per language.
	examples map[string][]string
}

// WithProfile tells the bot about its article's subject: what to call it,
// its words, what lies outside it, example questions.
func WithProfile(p Profile) Option {
	return func(b *Bot) { b.subject = newSubject(p) }
}

// WithGate replaces the fitted answer-or-decline gate (for fitting and
// measuring a new one).
func WithGate(g Gate) Option {
	return func(b *Bot) { b.gate = g }
}

// WithKnownWords adds words the bot should read as correctly spelt in
// lang, and may correct misspellings to: the synonyms' everyday words, a
// term list's words.
func WithKnownWords(lang string, words []string) Option {
	return func(b *Bot) { b.knownWords[lang] = append(b.knownWords[lang], words...) }
}

// WithCommonWords gives a language's everyday words, which the bot reads
// as correctly spelt but never corrects to, read when the language's
// speller is built. The set is only read, so one set can serve every bot.
func WithCommonWords(lang string, words func() map[string]bool) Option {
	return func(b *Bot) { b.commonWords[lang] = words }
}

// WithDictionary gives a language's words, everyday or not, which its
// speller reads as words and never rewrites: "deported" is no misspelt
// "reported", nor "hemp" a misspelt "help".
func WithDictionary(lang string, has func(string) bool) Option {
	return func(b *Bot) { b.dictionaries[lang] = has }
}

// WithWordRanks gives how common lang's everyday words are, rank 1 the
// most common, read only when a speller needs it: a Bokmål word typed
// without æ, ø and å ("pa") is read as the far more common word with them
// ("på"). The ranked words are the language's everyday words too, read as
// WithCommonWords' are: a language given ranks needs no set.
func WithWordRanks(lang string, ranks func() map[string]int) Option {
	return func(b *Bot) { b.wordRanks[lang] = ranks }
}

// common returns lang's everyday words, or nil when it was given none.
func (b *Bot) common(lang string) map[string]bool {
	if words := b.commonWords[lang]; words != nil {
		return words()
	}
	return nil
}

// Option configures a Bot.
type Option func(*Bot)

// WithTranslator lets the bot understand questions in lang.
func WithTranslator(lang string, t Translator) Option {
	return func(b *Bot) { b.translators[lang] = t }
}

// New returns a bot. schedule may be empty: penalty questions then go to
// the passages like any other.
func New(article Article, schedule Schedule, search Searcher, log *slog.Logger, opts ...Option) *Bot {
	// The catalogue is parsed with the bot, which the engine builds
	// beside the index, rather than by the first answer.
	defaultCatalog()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	gates, err := DefaultGates()
	if err != nil {
		// gate.json is embedded and checked by the tests: a broken one
		// is a build defect, like a bad template.
		panic(err)
	}
	b := &Bot{article: article, schedule: schedule, search: search, log: log,
		translators: map[string]Translator{}, gate: gates.For(article), knownWords: map[string][]string{},
		commonWords: map[string]func() map[string]bool{}, dictionaries: map[string]func(string) bool{},
		wordRanks: map[string]func() map[string]int{}, countable: set(schedule.Countable...),
		pw: newPenaltyVocab(schedule.Words)}
	for _, o := range opts {
		o(b)
	}
	// The units the schedule counts and the subject's words are words to
	// read, not to correct ("spliffs" is no misspelt "spliff").
	for _, lang := range Languages {
		b.knownWords[lang] = append(b.knownWords[lang], schedule.Countable...)
		if lang == Languages[0] {
			b.knownWords[lang] = append(b.knownWords[lang], b.pw.words()...)
		}
		for _, ws := range []wordSet{b.subject.topic, b.subject.kind, b.subject.home} {
			for w := range ws {
				b.knownWords[lang] = append(b.knownWords[lang], w)
			}
		}
	}
	sentences := make([][]string, len(article.Passages))
	for i, p := range article.Passages {
		sentences[i] = words(strings.ToLower(p.Text))
	}
	b.spellers = b.buildSpellers(sentences)
	if wl, ok := b.translators["nb"].(wordLister); ok {
		b.nbWords = wordSet{}
		commonEN := b.common("en")
		for _, w := range wl.Words() {
			if !englishMarkers[w] && !commonEN[w] {
				b.nbWords[w] = true
			}
		}
	}
	b.byPlace = make(map[place]Passage, len(article.Passages))
	b.titleWords = words(strings.ToLower(article.Title))
	b.held = make(map[string]heldTypes, len(article.Passages))
	b.properNames = wordSet{}
	currencies := currencyWords(sentences)
	for i, p := range article.Passages {
		b.byPlace[place{p.Section, p.Paragraph, p.Sentence}] = p
		h := readTypes(p.Text)
		h.money = holdsMoney(p.Text, sentences[i], currencies)
		b.held[p.ID] = h
		for _, n := range h.names {
			b.properNames[n] = true
		}
		b.latestYear = max(b.latestYear, h.lastYear)
	}
	b.examples = b.subject.examples
	if len(b.examples[Languages[0]]) == 0 && search != nil {
		b.examples = b.sectionExamples(func(q, lang string) bool {
			return b.Answer(context.Background(), Question{Text: q, Lang: lang}).Answered
		})
	}
	return b
}

// Prepare builds now what the bot would otherwise build on the first
// question that needs it (the English speller's index of misspellings,
// about 3 ms), so that no user's question is the slow one. The engine
// calls it while the index is being built.
func (b *Bot) Prepare() {
	if sp, ok := b.spellers[Languages[0]]; ok {
		sp().prepare()
	}
}

// preparer is a Translator that can build ahead what its first
// translation would.
type preparer interface{ Prepare() }

// PrepareLanguages builds now what the first question in each language
// but English would (its speller with its index of misspellings and the
// ways its words are typed without their own letters, its translator's
// stems): a few milliseconds a language that a process serving many
// questions pays once at start, rather than its first user in that
// language. A process that answers one question skips it.
func (b *Bot) PrepareLanguages() {
	for lang, sp := range b.spellers {
		if lang == Languages[0] {
			continue
		}
		s := sp()
		s.prepare()
		if s.letters != nil {
			s.foldsOnce.Do(s.buildFolds)
		}
	}
	for _, t := range b.translators {
		if p, ok := t.(preparer); ok {
			p.Prepare()
		}
	}
}

// Examples are questions the bot answers, for help and declines: the
// profile's, or questions about the article's sections.
func (b *Bot) Examples(lang string) []string {
	ex := b.examples[lang]
	if len(ex) == 0 {
		ex = b.examples[Languages[0]]
	}
	return slices.Clone(ex[:min(len(ex), maxExamples)])
}

// Article is the article the bot answers from.
func (b *Bot) Article() Article { return b.article }

// Schedule is the penalty schedule the bot answers amounts from.
func (b *Bot) Schedule() Schedule { return b.schedule }

// Translator is how the bot reads lang, if it reads lang through one.
func (b *Bot) Translator(lang string) (Translator, bool) {
	t, ok := b.translators[lang]
	return t, ok
}

// Gate is the answer-or-decline gate the bot decides with.
func (b *Bot) Gate() Gate { return b.gate }

// Message returns one of the bot's own sentences in lang ("not_legal_advice",
// "try_asking", "rate_limited", …), for renderers and middleware.
// The subject's name, the article's title and address are filled in.
func (b *Bot) Message(lang, key string) string { return b.msg(lang, key) }

// Answer answers one question. It always returns exactly one answer: a
// failure inside becomes a decline, never an error or a panic.
func (b *Bot) Answer(ctx context.Context, q Question) (ans Answer) {
	lang := q.Lang
	defer func() {
		if r := recover(); r != nil {
			// A bug must cost one answer, not the process serving a
			// whole community.
			b.log.Error("answering panicked", "panic", fmt.Sprint(r))
			ans = b.decline(q.Text, lang, IntentNone, "internal", Message(lang, "internal"))
		}
	}()
	// A follow-up ("and for dealers?") is read against the conversation's
	// question before it first, as the question the two make together. A
	// follow-up is a few words: a text declined as too long is not read
	// against anything.
	if q.Previous != "" && len(q.Text) <= 4*MaxQuestionLen {
		if whole, ok := b.FollowUp(q.Previous, q.Text); ok {
			asked := q.Text
			q.Text, q.Previous = whole, ""
			ans = b.Answer(ctx, q)
			ans.Question = asked
			if ans.ReadAs == "" {
				ans.ReadAs = whole // the bot's own reading (a spelling corrected) says more
			}
			return ans
		}
	}
	// Bound the input before any work: past maxQuestionBytes the question
	// is too long however much white space it holds, and only its first
	// MaxQuestionLen bytes are read (for the language).
	raw, tooLong := q.Text, false
	if len(raw) > maxQuestionBytes {
		raw, tooLong = strings.ToValidUTF8(raw[:MaxQuestionLen], ""), true
	}
	text := cleanText(raw)
	if lang == "" {
		lang = b.detectLanguage(text)
	}
	if _, ok := defaultCatalog()[lang]; !ok {
		lang = Languages[0]
	}
	switch {
	case tooLong || utf8.RuneCountInString(text) > MaxQuestionLen:
		return b.decline(q.Text, lang, IntentNone, "too_long",
			Message(lang, "too_long", "max", strconv.Itoa(MaxQuestionLen)))
	case text == "":
		return b.decline(q.Text, lang, IntentNone, "empty", b.msg(lang, "empty"))
	}
	return b.answerMessage(ctx, q.Text, text, lang, q.Previous)
}

// cleanText makes arbitrary input safe to read: valid UTF-8, no control
// characters but line breaks, single spaces within a line, no empty lines.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			return ' '
		}
		return r
	}, s)
	// Lines stay lines: a heading or a role line above a question is read
	// as one (normalizeChat); spacing inside them is evened out.
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// isClean reports text cleanText would return unchanged: printable ASCII
// words separated by single spaces, the common case, checked without
// allocating.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// detectLanguage reads a question's language from its function words and
// the words of the bot's Bokmål term list.
func (b *Bot) detectLanguage(text string) string { return detectLanguage(text, b.nbWords) }

// Language is the language the bot reads text in ("en", "nb"): what it
// answers a question in, for replies that are no answer (a fact card, a
// refusal) to match.
func (b *Bot) Language(text string) string { return b.detectLanguage(cleanText(text)) }

// isHelp reports a message asking how to use the bot rather than a
// question for it: "help", a greeting or thanks alone ("hi!", "thanks"),
// or a question about the bot itself ("what can you do?", "who are you?",
// "hva kan du?").
func isHelp(ws []string) bool {
	if len(ws) <= 2 && (ws[0] == "help" || ws[0] == "usage" || ws[0] == "hjelp" || (len(ws) == 2 && ws[1] == "help")) {
		return true
	}
	if allChatter(ws) {
		return true
	}
	aboutBot := false
	for _, w := range ws {
		switch {
		case botWords[w]:
			aboutBot = true
		case !chatterWords[w] && !questionWords[w] && !auxiliaries[w] && !aboutBotWords[w]:
			return false
		}
	}
	return aboutBot
}

// botWords name the bot; aboutBotWords are the rest of the words a
// question about it is made of ("what do you know", "hvordan virker du").
var (
	botWords      = set("you", "u", "your", "yourself", "bot", "factbot", "du", "deg", "din")
	aboutBotWords = set("do", "work", "works", "know", "answer", "answers", "cover", "covers", "about", "able",
		"me", "this", "what's", "whats", "who's", "whos", "hva", "hvem", "hvordan", "kan", "gjør", "gjøre",
		"virker", "funker", "vet", "svarer", "er")
)

// outOfScope declines questions about another place, substance or
// offence than the subject's: the bot must never answer them with the
// subject's penalty tiers.
func (b *Bot) outOfScope(question string, r reading) (Answer, bool) {
	s := b.subject
	mentionsTopic := s.topic.any(r.words)
	if c := s.otherPlace(r.original); c != "" {
		return b.decline(question, r.lang, IntentScope, "other_country", b.msg(r.lang, "other_country", "what", c)), true
	}
	if d := s.otherSubstance(r.words); d != "" && (!mentionsTopic || b.looksLikePenalty(r)) {
		return b.decline(question, r.lang, IntentScope, "other_drug", b.msg(r.lang, "other_drug", "what", d)), true
	}
	if o := s.otherOffence(r.words); o != "" && !mentionsTopic && !s.kind.any(r.words) {
		return b.decline(question, r.lang, IntentScope, "other_offence", b.msg(r.lang, "other_offence", "what", o)), true
	}
	return Answer{}, false
}

func (b *Bot) looksLikePenalty(r reading) bool {
	if b.pw.penalty.any(r.words) {
		return true
	}
	amounts, problems := ParseAmounts(r.original, r.lang)
	return len(amounts)+len(problems) > 0
}

// decline builds a "the article does not cover this" answer with example
// questions.
func (b *Bot) decline(question, lang string, intent Intent, reason, text string) Answer {
	if text == "" {
		text = b.msg(lang, "not_covered")
	}
	return Answer{
		Question:    question,
		Answered:    false,
		Intent:      intent,
		Text:        text,
		Sources:     []Source{},
		Attribution: b.article.Attribution,
		Examples:    b.Examples(lang),
		Reason:      reason,
		Lang:        lang,
	}
}

func (b *Bot) answer(question, lang string, intent Intent, text string, sources []Source, legal bool) Answer {
	return Answer{
		Question:    question,
		Answered:    true,
		Intent:      intent,
		Text:        text,
		Sources:     sources,
		LegalNotice: legal,
		Attribution: b.article.Attribution,
		Lang:        lang,
	}
}
