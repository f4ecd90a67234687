// Package bot is factbot's domain: a question in plain words goes in, one
// platform-neutral answer comes out, either quoting the article or saying
// plainly that the article does not cover the question. It knows nothing
// about Discord, Slack, Bleve or files: adapters and the index depend on it,
// never the other way round.
package bot

import (
	"context"
	"slices"
	"strings"
)

// Intent names what kind of question the bot took a question to be. The
// values are part of the `factbot ask --json` contract.
type Intent string

const (
	IntentPenalty Intent = "penalty" // an amount, answered from the penalty schedule
	IntentLimit   Intent = "limit"   // a penalty fact without an amount (limit, maximum, repeat offenders …)
	IntentSearch  Intent = "search"  // answered (or declined) from article passages
	IntentScope   Intent = "scope"   // outside what the bot covers: another country, drug or offence
	IntentNone    Intent = "none"    // empty, gibberish, too long or off-topic
	IntentHelp    Intent = "help"    // a request for usage
)

// Question is what an adapter hands to the core.
type Question struct {
	Text     string
	Platform string // "cli", "slack", "discord"; used for metrics and logs
	User     string // platform user ID; hashed before it is logged
	Channel  string
	// Server is the Discord guild or Slack workspace (team) ID, if any.
	Server string
	// Lang forces the answer language ("en", "nb"); empty means detect.
	Lang string
	// Previous is the conversation's question before this one, as it was
	// read, if any: a follow-up ("and for dealers?") is read first as the
	// question the two make together, and a question pointing back at it
	// ("when did it open?") that does not answer alone with its names and
	// numbers.
	Previous string
}

// Source is a place in the article an answer rests on.
type Source struct {
	Section string `json:"section"`
	Text    string `json:"text"`
}

// Attribution says where the text comes from and under which license.
// Only Title is always known: an article given with --corpus and no
// profile makes no claim about its publisher or license.
type Attribution struct {
	Publisher string `json:"publisher,omitempty"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	License   string `json:"license"`
}

// Answer is the platform-neutral reply. Adapters render it; they never
// change what it says.
type Answer struct {
	Question string `json:"question"`
	// ReadAs is the question as the bot read it (spelling corrected),
	// when that differs from what was asked.
	ReadAs   string `json:"read_as,omitempty"`
	Answered bool   `json:"answered"`
	Intent   Intent `json:"intent"`
	// Text is what a user sees, one or two sentences.
	Text    string   `json:"answer"`
	Sources []Source `json:"sources"`
	// LegalNotice is set on penalty answers: renderers add "not legal advice".
	LegalNotice bool        `json:"legal_notice"`
	Attribution Attribution `json:"attribution"`
	// Examples are questions the bot can answer, offered with a decline.
	Examples []string `json:"examples,omitempty"`
	// Reason says why a question was declined ("empty", "too_long",
	// "off_topic", "other_country", "other_drug", "other_offence",
	// "opinion", "bad_amount", "by_weight", "rate_limited").
	Reason string `json:"reason,omitempty"`
	Lang   string `json:"lang"`
	// ID names this reply for feedback (👍/👎 buttons carry it). Set by
	// Recorder.Middleware when an event store is configured; empty means
	// no feedback can be recorded, so renderers show no buttons.
	ID string `json:"id,omitempty"`
}

// Section is the section the answer's first source comes from, or "".
func (a Answer) Section() string {
	if len(a.Sources) == 0 {
		return ""
	}
	return a.Sources[0].Section
}

// SourceLine is the one-line attribution every renderer shows:
// "Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)", with every
// section quoted ("Decriminalization, Medical use · …"), or only the title
// when the publisher and license are not known.
func (a Answer) SourceLine() string {
	line := a.Attribution.Title
	var about []string
	for _, s := range []string{a.Attribution.Publisher, a.Attribution.License} {
		if s != "" {
			about = append(about, s)
		}
	}
	if len(about) > 0 {
		line += " (" + strings.Join(about, ", ") + ")"
	}
	if s := a.sections(); s != "" {
		line = s + " · " + line
	}
	return line
}

// sections names every section the answer quotes, in order, once each:
// an answer to two questions may quote two.
func (a Answer) sections() string {
	var names []string
	for _, s := range a.Sources {
		if s.Section != "" && !slices.Contains(names, s.Section) {
			names = append(names, s.Section)
		}
	}
	return strings.Join(names, ", ")
}

// NotLegalAdvice is the notice renderers add to penalty answers.
const NotLegalAdvice = "Not legal advice."

// Answerer turns a question into exactly one answer. *Bot implements it;
// middleware (rate limits, metrics, logs) wraps it the way net/http wraps a
// Handler. It never returns an error: failures become declines.
type Answerer interface {
	Answer(ctx context.Context, q Question) Answer
}

// AnswererFunc adapts a function to Answerer.
type AnswererFunc func(ctx context.Context, q Question) Answer

// Answer calls f.
func (f AnswererFunc) Answer(ctx context.Context, q Question) Answer { return f(ctx, q) }
