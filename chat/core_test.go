package chat_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/store"
)

// shipped is the engine factbot ships, loaded once for the package.
var shipped = sync.OnceValues(func() (*engine.Engine, error) { return engine.Load("", nil) })

func realEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// fixture is a core over the real engine, with a recorder over a real
// SQLite store in a temporary directory, moderators "UMOD" (Slack) and
// role "900" (Discord).
type fixture struct {
	core  *chat.Core
	store *store.Store
	obs   *observations
}

func newFixture(t testing.TB, mutate ...func(*chat.Options)) *fixture {
	t.Helper()
	e := realEngine(t)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "factbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{store: st, obs: &observations{}}
	o := chat.Options{
		Answerer: e, Cards: cards.New(e.Bot), Events: f.store, Metrics: f.obs,
		Recorder: bot.NewRecorder(f.store, bot.RecorderOptions{}),
		Logger:   slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo})),
		LogKey:   []byte("k"),
		Platforms: map[string]chat.Platform{
			"slack":   {Moderators: []string{"UMOD"}, ReportCommand: "/factbot-report"},
			"discord": {Moderators: []string{"900"}, ReportCommand: "/factbot-report"},
		},
	}
	for _, m := range mutate {
		m(&o)
	}
	c, err := chat.New(o)
	if err != nil {
		t.Fatal(err)
	}
	f.core = c
	return f
}

type observations struct {
	mu  sync.Mutex
	all []chat.Observation
}

func (o *observations) Observe(x chat.Observation) {
	o.mu.Lock()
	o.all = append(o.all, x)
	o.mu.Unlock()
}

func (f *fixture) ask(text, conversation string) chat.Reply {
	return f.core.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage,
		Platform: "slack", User: "U1", Channel: "C1", Text: text, Conversation: conversation})
}

func TestFollowUpsInAConversation(t *testing.T) {
	f := newFixture(t)
	steps := []struct {
		text, readAs string
		answered     bool
		reason       string
		contains     string
	}{
		{"What is the penalty for 20 grams?", "", true, "", "2 years"},
		{"and for dealers?", "What is the penalty for dealers?", true, "", "dealers"},
		{"and in Sweden?", "What is the penalty in Sweden?", false, "other_country", ""},
		{"what about 2 kg?", "What is the penalty for 2 kg?", true, "", "10 years"},
		{"Is medical cannabis legal?", "", true, "", "medic"},
		{"Hva er straffen for 20 gram?", "", true, "", "2 års fengsel"},
		{"hva med 2 kilo?", "Hva er straffen for 2 kilo?", true, "", "10 års"},
		{"og for langere?", "Hva er straffen for langere?", true, "", "selgere"},
	}
	for _, s := range steps {
		r := f.ask(s.text, "thread-1")
		a := r.Answer
		if a == nil || r.ReadAs != s.readAs || a.Answered != s.answered || a.Reason != s.reason || !strings.Contains(a.Text, s.contains) {
			t.Fatalf("%q: read as %q, answer %+v; want read as %q, answered %v (%s) containing %q", s.text, r.ReadAs, a, s.readAs, s.answered, s.reason, s.contains)
		}
		if a.Question != s.text {
			t.Errorf("%q: the answer's question is %q, want it as typed", s.text, a.Question)
		}
		if s.readAs != "" && !strings.Contains(r.ReadingNotice(), s.readAs) {
			t.Errorf("%q: reading notice %q", s.text, r.ReadingNotice())
		}
	}
}

func TestFollowUpNeedsAConversation(t *testing.T) {
	f := newFixture(t)
	f.ask("What is the penalty for 20 grams?", "")
	if r := f.ask("and against?", ""); r.ReadAs != "" || r.Answer.Answered {
		t.Errorf("a lone follow-up outside a conversation was read as %q, answered %v", r.ReadAs, r.Answer.Answered)
	}
	// Conversations do not mix.
	f.ask("What is the penalty for 20 grams?", "a")
	if r := f.ask("and for dealers?", "b"); r.ReadAs != "" {
		t.Errorf("conversation b read a follow-up against conversation a: %q", r.ReadAs)
	}
	// A declined question leaves the memory as it was.
	f.ask("Is cannabis legal in Sweden?", "a")
	if r := f.ask("what about 2 kg?", "a"); r.ReadAs != "What is the penalty for 2 kg?" {
		t.Errorf("after a decline, read as %q", r.ReadAs)
	}
}

func TestConversationMemoryIsBounded(t *testing.T) {
	f := newFixture(t, func(o *chat.Options) { o.MaxConversations = 1 })
	f.ask("What is the penalty for 20 grams?", "a")
	f.ask("What is the penalty for 20 grams?", "b") // pushes a out
	if r := f.ask("and for dealers?", "b"); r.ReadAs == "" {
		t.Error("b was forgotten")
	}
	if r := f.ask("what about 2 kg?", "a"); r.ReadAs != "" {
		t.Errorf("a was remembered beyond the cap: %q", r.ReadAs)
	}

	f = newFixture(t, func(o *chat.Options) { o.ConversationTTL = time.Millisecond })
	f.ask("What is the penalty for 20 grams?", "a")
	time.Sleep(20 * time.Millisecond) // well past the TTL: a condition, not a timing assertion
	if r := f.ask("and for dealers?", "a"); r.ReadAs != "" {
		t.Errorf("an expired conversation was remembered: %q", r.ReadAs)
	}
}

func TestAskVisibility(t *testing.T) {
	const answerable, declined = "What is the penalty for 20 grams?", "Who won the football cup?"
	tests := []struct {
		name      string
		platform  string
		via       chat.Via
		user      string
		roles     []string
		public    bool
		text      string
		answers   bool // platform posts command answers publicly
		wantPub   bool
		wantShare bool
		notice    string
	}{
		{"a mention is answered where it was asked", "slack", chat.ViaMessage, "U1", nil, false, answerable, false, true, false, ""},
		{"a command is private with Share", "slack", chat.ViaCommand, "U1", nil, false, answerable, false, false, true, ""},
		{"a declined command offers no Share", "slack", chat.ViaCommand, "U1", nil, false, declined, false, false, false, ""},
		{"a moderator's public answer", "slack", chat.ViaCommand, "UMOD", nil, true, answerable, false, true, false, ""},
		{"a moderator's public decline stays private", "slack", chat.ViaCommand, "UMOD", nil, true, declined, false, false, false, "public_declined"},
		{"the same on Discord", "discord", chat.ViaCommand, "5", []string{"900"}, true, declined, false, false, false, "public_declined"},
		{"a Discord moderator by role", "discord", chat.ViaCommand, "5", []string{"1", "900"}, true, answerable, false, true, false, ""},
		{"anyone else is refused", "discord", chat.ViaCommand, "5", []string{"1"}, true, answerable, false, false, true, "public_refused"},
		{"a platform that posts answers", "discord", chat.ViaCommand, "5", nil, false, answerable, true, true, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, func(o *chat.Options) {
				p := o.Platforms[tt.platform]
				p.AnswersPublic = tt.answers
				o.Platforms[tt.platform] = p
			})
			r := f.core.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Via: tt.via, Platform: tt.platform,
				User: tt.user, Roles: tt.roles, Public: tt.public, Text: tt.text})
			if r.Public != tt.wantPub || (r.ShareToken != "") != tt.wantShare {
				t.Errorf("public %v, share %q; want %v, %v", r.Public, r.ShareToken, tt.wantPub, tt.wantShare)
			}
			want := ""
			if tt.notice != "" {
				want = bot.Message("en", tt.notice)
			}
			if r.Notice != want {
				t.Errorf("notice %q, want %q", r.Notice, want)
			}
			if !r.Feedback || r.Answer.ID == "" {
				t.Error("no 👍/👎 offered although answers are recorded")
			}
		})
	}
}

// deny refuses everyone.
type deny struct{}

func (deny) Allow(string, string) bool { return false }

func TestRateLimitCoversEveryRequest(t *testing.T) {
	f := newFixture(t, func(o *chat.Options) { o.Limiter = deny{} })
	for _, k := range []chat.Kind{chat.KindAsk, chat.KindPenalty, chat.KindFacts, chat.KindReport, chat.KindFeedback, chat.KindShare, chat.KindHelp} {
		r := f.core.Handle(context.Background(), chat.Request{Kind: k, Platform: "slack", User: "UMOD", Text: "penalties", Token: "x", Vote: bot.VoteUp})
		if r.Status != chat.StatusRateLimited || r.Public || r.Notice != bot.Message("en", "rate_limited") {
			t.Errorf("%s: %+v, want a private rate-limit notice", k, r)
		}
	}
	// In the user's language, from the catalogue.
	r := f.core.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Platform: "discord", User: "1",
		Text: "Hva er straffen for 20 gram?"})
	if r.Notice != bot.Message("nb", "rate_limited") || r.Lang != "nb" {
		t.Errorf("Bokmål question refused with %q (%s)", r.Notice, r.Lang)
	}
	r = f.core.Handle(context.Background(), chat.Request{Kind: chat.KindFeedback, Platform: "discord", User: "1", Lang: "nb"})
	if r.Notice != bot.Message("nb", "rate_limited") {
		t.Errorf("Bokmål client refused with %q", r.Notice)
	}
	// Autocomplete comes with every keystroke and is never refused.
	r = f.core.Handle(context.Background(), chat.Request{Kind: chat.KindSuggest, Platform: "discord", User: "1", Field: chat.FieldAmount, Text: "2"})
	if r.Status != chat.StatusOK || len(r.Choices) == 0 {
		t.Errorf("suggestions refused: %+v", r)
	}
	// Refused requests are neither answered nor recorded, but measured.
	if n, err := f.store.Count(context.Background()); err != nil || n != 0 {
		t.Errorf("%d refused requests recorded (%v)", n, err)
	}
	if n := len(f.obs.all); n != 10 {
		t.Errorf("%d observations, want one per request (10)", n)
	}
}

func TestFacts(t *testing.T) {
	f := newFixture(t, func(o *chat.Options) { o.Platforms["discord"] = chat.Platform{FactsPublic: true} })
	facts := func(platform, user, topic string) chat.Reply {
		return f.core.Handle(context.Background(), chat.Request{Kind: chat.KindFacts, Via: chat.ViaCommand, Platform: platform, User: user, Text: topic})
	}
	if r := facts("slack", "U1", "penalties"); r.Card == nil || r.Public || r.Card.Topic != cards.TopicPenalties {
		t.Errorf("a user's card: %+v", r)
	}
	if r := facts("slack", "UMOD", "penalty"); r.Card == nil || !r.Public {
		t.Errorf("a moderator's card is not public: %+v", r)
	}
	if r := facts("discord", "1", "penalties"); !r.Public {
		t.Error("facts_public did not make the card public")
	}
	if r := facts("slack", "UMOD", ""); r.Card != nil || r.Public || !strings.Contains(r.Notice, "penalties") {
		t.Errorf("no topic: %+v", r)
	}
	long := strings.Repeat("x", 300)
	if r := facts("slack", "UMOD", long); r.Status != chat.StatusInvalid || r.Public || strings.Contains(r.Notice, long[:101]) {
		t.Errorf("unknown topic: %+v", r)
	}
	if r := facts("slack", "U1", "straff"); r.Card == nil {
		t.Error("a Bokmål topic found no card")
	}
}

func TestReports(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	f := newFixture(t, func(o *chat.Options) { o.Now = func() time.Time { return now } })
	ctx := context.Background()
	for range 2 {
		f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: "discord", User: "7", Text: "Is cannabis legal in Sweden?"})
	}
	ans := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: "slack", User: "U2", Text: "What is the penalty for 20 grams?"})
	f.core.Handle(ctx, chat.Request{Kind: chat.KindFeedback, Platform: "slack", User: "U2", Token: ans.Answer.ID, Vote: bot.VoteDown})

	report := func(platform, user string, roles []string, args string) chat.Reply {
		return f.core.Handle(ctx, chat.Request{Kind: chat.KindReport, Via: chat.ViaCommand, Platform: platform, User: user, Roles: roles, Text: args})
	}
	// The same kinds and periods on both platforms.
	for _, p := range []struct {
		platform, user string
		roles          []string
	}{{"slack", "UMOD", nil}, {"discord", "5", []string{"900"}}} {
		r := report(p.platform, p.user, p.roles, "")
		if r.Report == nil || r.Public || r.Report.Unanswered == nil || r.Report.Period != "7d" ||
			len(r.Report.Unanswered.Rows) != 1 || r.Report.Unanswered.Rows[0].Count != 2 || !strings.Contains(r.Report.Title, "2026-11-23") {
			t.Errorf("%s unanswered report: %+v", p.platform, r.Report)
		}
		if rows := r.Report.Rows; len(rows) != 1 || rows[0].Title != "1. is cannabis legal in sweden" ||
			!strings.Contains(rows[0].Text, "{last}") || rows[0].Last.IsZero() {
			t.Errorf("%s unanswered rows: %+v", p.platform, rows)
		}
		r = report(p.platform, p.user, p.roles, "feedback 2w")
		if r.Report == nil || r.Report.Feedback == nil || r.Report.Period != "2w" || r.Report.Feedback.Down != 1 {
			t.Errorf("%s feedback report: %+v", p.platform, r.Report)
		}
		if rows := r.Report.Rows; len(rows) != 1 || rows[0].Title != "1 👎 0 👍 [Enforcement]" ||
			!strings.Contains(rows[0].Text, "2 years") || !strings.Contains(rows[0].Text, "“what is the penalty for 20 grams” ×1") {
			t.Errorf("%s feedback rows: %+v", p.platform, rows)
		}
		if r = report(p.platform, p.user, p.roles, "yesterday"); r.Status != chat.StatusInvalid || !strings.Contains(r.Notice, "/factbot-report") {
			t.Errorf("%s bad period: %+v", p.platform, r)
		}
	}
	if r := report("slack", "U1", nil, ""); r.Status != chat.StatusForbidden || r.Report != nil {
		t.Errorf("a user saw the report: %+v", r)
	}
	if r := report("discord", "5", nil, ""); r.Status != chat.StatusForbidden {
		t.Errorf("a member without the role saw the report: %+v", r)
	}
	nostore := newFixture(t, func(o *chat.Options) { o.Events = nil })
	r := nostore.core.Handle(ctx, chat.Request{Kind: chat.KindReport, Platform: "slack", User: "UMOD"})
	if r.Notice != bot.Message("en", "report_store_disabled") {
		t.Errorf("no store: %+v", r)
	}
}

func TestFeedback(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ans := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: "discord", User: "1", Text: "Hva er straffen for 20 gram?"})
	vote := func(user, id string) chat.Reply {
		return f.core.Handle(ctx, chat.Request{Kind: chat.KindFeedback, Platform: "discord", User: user, Token: id, Vote: bot.VoteUp, Lang: ans.Lang})
	}
	if r := vote("2", ans.Answer.ID); r.Status != chat.StatusOK || r.Notice != bot.Message("nb", "feedback_thanks") || r.Public {
		t.Errorf("first vote: %+v", r)
	}
	if r := vote("2", ans.Answer.ID); r.Notice != bot.Message("nb", "feedback_duplicate") {
		t.Errorf("second vote: %+v", r)
	}
	if r := vote("2", "not-an-id"); r.Status != chat.StatusInvalid {
		t.Errorf("forged ID: %+v", r)
	}
	none := newFixture(t, func(o *chat.Options) { o.Recorder = nil })
	if r := none.core.Handle(ctx, chat.Request{Kind: chat.KindFeedback, Platform: "slack", User: "U", Token: ans.Answer.ID, Vote: bot.VoteUp}); r.Status != chat.StatusFailed {
		t.Errorf("no recorder: %+v", r)
	}
}

func TestShareOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "discord", User: "1",
		Text: "What is the penalty for 20 grams?", Conversation: "c"})
	follow := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "discord", User: "1",
		Text: "and for dealers?", Conversation: "c"})
	share := func(token, text string) chat.Reply {
		return f.core.Handle(ctx, chat.Request{Kind: chat.KindShare, Via: chat.ViaCommand, Platform: "discord", User: "2", Token: token, Text: text})
	}
	r := share(follow.ShareToken, "")
	if !r.Public || r.SharedBy != "2" || r.Answer == nil || r.Answer.Text != follow.Answer.Text || r.Question != "What is the penalty for dealers?" {
		t.Errorf("shared follow-up: %+v", r)
	}
	if !r.Feedback || r.Answer.ID == follow.Answer.ID {
		t.Error("the shared answer has no 👍/👎 of its own")
	}
	if r := share(follow.ShareToken, ""); r.Public || r.Notice != bot.Message("en", "share_done") {
		t.Errorf("second share: %+v", r)
	}
	if r := share("unknown", ""); r.Public || r.Notice != bot.Message("en", "share_expired") {
		t.Errorf("unknown token: %+v", r)
	}
	// A token from before a restart, with the question on the button.
	if r := share("unknown", first.Question); !r.Public || r.Answer == nil || !r.Answer.Answered {
		t.Errorf("unknown token with its question: %+v", r)
	}
}

func TestHelpAndUnknown(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	r := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "U1", Text: "hjelp"})
	if r.Help == nil || len(r.Help.Examples) == 0 || r.Lang != "nb" || r.Public {
		t.Errorf("help: %+v", r)
	}
	if h := r.Help; h.Source.Title != "Cannabis in Norway" || h.Source.URL == "" || strings.Contains(h.Intro+h.About, "{") {
		t.Errorf("help's source %+v or texts %q / %q", h.Source, h.Intro, h.About)
	}
	if r.Answer == nil || r.Answer.Intent != bot.IntentHelp {
		t.Errorf("help carries no engine answer for the command line: %+v", r.Answer)
	}
	if r := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage, Platform: "slack", User: "U1"}); r.Help == nil || !r.Public {
		t.Errorf("an empty mention: %+v", r)
	}
	if r := f.core.Handle(ctx, chat.Request{Kind: "dance", Platform: "slack", User: "U1"}); r.Status != chat.StatusInvalid || r.Notice == "" {
		t.Errorf("unknown kind: %+v", r)
	}
	if r := f.core.Handle(ctx, chat.Request{Kind: chat.KindPenalty, Platform: "discord", User: "1", Text: " "}); r.Status != chat.StatusInvalid {
		t.Errorf("empty amount: %+v", r)
	}
	if r := f.core.Handle(ctx, chat.Request{Kind: chat.KindPenalty, Platform: "discord", User: "1", Text: "2 oz"}); r.Answer == nil || r.Answer.Intent != bot.IntentPenalty {
		t.Errorf("penalty: %+v", r)
	}
}

func TestLanguageRules(t *testing.T) {
	f := newFixture(t, func(o *chat.Options) { o.Language = chat.LanguageRules{Places: map[string]string{"G1": "nb"}} })
	ctx := context.Background()
	r := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Platform: "discord", User: "1", Server: "G1", Text: "What is the penalty for 20 grams?"})
	if r.Lang != "nb" || r.Answer.Lang != "nb" {
		t.Errorf("fixed language not used for the answer: %s / %s", r.Lang, r.Answer.Lang)
	}
	r = f.core.Handle(ctx, chat.Request{Kind: chat.KindFacts, Platform: "discord", User: "1", Server: "G1", Lang: "en", Text: "penalties"})
	if r.Card == nil || r.Card.Lang != "nb" {
		t.Errorf("fixed language not used for the card: %+v", r.Card)
	}
}

func TestSuggest(t *testing.T) {
	f := newFixture(t)
	r := f.core.Handle(context.Background(), chat.Request{Kind: chat.KindSuggest, Platform: "discord", Field: chat.FieldTopic, Text: "pen"})
	if len(r.Choices) != 1 || r.Choices[0] != cards.TopicPenalties {
		t.Errorf("topics for pen: %v", r.Choices)
	}
	r = f.core.Handle(context.Background(), chat.Request{Kind: chat.KindSuggest, Platform: "discord", Field: chat.FieldAmount, Text: "2"})
	if len(r.Choices) == 0 || len(r.Choices) > 25 || r.Choices[0] != "2 g" {
		t.Errorf("amounts for 2: %v", r.Choices)
	}
}

func TestLogLine(t *testing.T) {
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		var buf bytes.Buffer
		f := newFixture(t, func(o *chat.Options) {
			o.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: level}))
		})
		f.core.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Platform: "slack", User: "U123SECRET", Text: "penalty for 20 grams"})
		out := buf.String()
		if strings.Count(out, "\n") != 1 {
			t.Errorf("want one line, got %q", out)
		}
		for _, want := range []string{"platform=slack", "kind=ask", "status=ok", "intent=penalty", "answered=true", "latency=",
			"user=" + chat.HashUser([]byte("k"), "slack", "U123SECRET")} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: %q lacks %q", level, out, want)
			}
		}
		if strings.Contains(out, "U123SECRET") {
			t.Errorf("raw user id logged: %q", out)
		}
		if got := strings.Contains(out, "20 grams"); got != (level == slog.LevelDebug) {
			t.Errorf("%v: question text logged = %v", level, got)
		}
	}
}

func TestHashUser(t *testing.T) {
	first, again := chat.HashUser([]byte("k"), "slack", "U1"), chat.HashUser([]byte("k"), "slack", "U1")
	if first != again {
		t.Error("not stable")
	}
	if first == chat.HashUser([]byte("k"), "discord", "U1") || first == chat.HashUser([]byte("other"), "slack", "U1") {
		t.Error("collisions across platform or key")
	}
}

// panicky is an engine with a bug.
type panicky struct{}

func (panicky) Answer(context.Context, bot.Question) bot.Answer { panic("boom") }

func TestPanicCostsOneReply(t *testing.T) {
	c, err := chat.New(chat.Options{Answerer: panicky{}})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Text: "x"}); r.Status != chat.StatusFailed || r.Notice == "" {
		t.Errorf("reply %+v", r)
	}
}

// The share memory is bounded: past maxShares (10,000) the oldest button
// is forgotten and says so, while the newest still shares.
func TestShareMemoryIsBounded(t *testing.T) {
	answer := bot.Answer{Answered: true, Intent: bot.IntentSearch, Text: "x", Lang: "en"}
	c, err := chat.New(chat.Options{Answerer: bot.AnswererFunc(func(context.Context, bot.Question) bot.Answer { return answer })})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ask := chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "discord", User: "1", Text: "q"}
	first := c.Handle(ctx, ask).ShareToken
	var last string
	for range 10_000 {
		last = c.Handle(ctx, ask).ShareToken
	}
	share := func(token string) chat.Reply {
		return c.Handle(ctx, chat.Request{Kind: chat.KindShare, Platform: "discord", User: "2", Token: token})
	}
	if r := share(first); r.Public || r.Notice != bot.Message("en", "share_expired") {
		t.Errorf("the oldest of 10,001 buttons still shares: %+v", r)
	}
	if r := share(last); !r.Public {
		t.Errorf("the newest button does not share: %+v", r)
	}
}

func TestLikelyPublic(t *testing.T) {
	f := newFixture(t, func(o *chat.Options) {
		o.Platforms["discord"] = chat.Platform{Moderators: []string{"900"}, FactsPublic: true}
	})
	for _, tc := range []struct {
		r    chat.Request
		want bool
	}{
		{chat.Request{Kind: chat.KindShare, Platform: "slack"}, true},
		{chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage, Platform: "slack"}, true},
		{chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "UMOD", Public: true}, true},
		{chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "U1", Public: true}, false},
		{chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "U1"}, false},
		{chat.Request{Kind: chat.KindFacts, Platform: "discord", User: "1"}, true},
		{chat.Request{Kind: chat.KindFacts, Platform: "slack", User: "U1"}, false},
		{chat.Request{Kind: chat.KindReport, Platform: "slack", User: "UMOD"}, false},
	} {
		if got := f.core.LikelyPublic(tc.r); got != tc.want {
			t.Errorf("LikelyPublic(%s via %s, user %s, public %v) = %v", tc.r.Kind, tc.r.Via, tc.r.User, tc.r.Public, got)
		}
	}
}

// Text commands read the same on every platform: "facts <topic>" in a
// mention or DM, a leading --public (or an autocorrected —public) in a
// command.
func TestTextCommands(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, platform := range []string{"slack", "discord"} {
		r := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage, Platform: platform, User: "1", Text: "facts penalties"})
		if r.Card == nil || r.Card.Topic != cards.TopicPenalties {
			t.Errorf("%s mention \"facts penalties\": %+v", platform, r)
		}
	}
	r := f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "UMOD", Text: "—public What is the penalty for 20 grams?"})
	if !r.Public || r.Answer == nil || r.Answer.Question != "What is the penalty for 20 grams?" {
		t.Errorf("—public: %+v", r)
	}
	r = f.core.Handle(ctx, chat.Request{Kind: chat.KindAsk, Via: chat.ViaCommand, Platform: "slack", User: "U1", Text: "facts about the reform"})
	if r.Card != nil || r.Answer == nil {
		t.Errorf("a command's \"facts …\" is a question: %+v", r)
	}
}
