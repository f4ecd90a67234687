package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/adapters/discord/discordtest"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/bot/cards"
	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine/enginetest"
	"github.com/factbot/factbot/store"
)

// modRole is the moderator role in these tests.
const modRole = "900"

// cardBot is the engine factbot ships, as serve has it.
func cardBot(t testing.TB) (*bot.Bot, corpus.Corpus) {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := enginetest.Embedded(t)
	return e.Bot, c
}

// recordingStore is a real SQLite store in a temporary directory with a
// Recorder over it, as serve wires them.
func recordingStore(t testing.TB) (*store.Store, *bot.Recorder) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "factbot.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, bot.NewRecorder(st, bot.RecorderOptions{})
}

// toolkit is the moderator toolkit over a real store: cards, feedback,
// reports, and an answerer inside the recorder (so answers carry an ID).
type toolkit struct {
	bot    *bot.Bot
	corpus corpus.Corpus
	store  *store.Store
	rec    *bot.Recorder
	ans    bot.Answerer
	qs     chan bot.Question
}

func newToolkit(t testing.TB, answer func(bot.Question) bot.Answer) *toolkit {
	t.Helper()
	b, c := cardBot(t)
	st, rec := recordingStore(t)
	k := &toolkit{bot: b, corpus: c, store: st, rec: rec, qs: make(chan bot.Question, 20)}
	k.ans = bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer {
		k.qs <- q
		return answer(q)
	})
	return k
}

// options gives the core the toolkit, as serve does.
func (k *toolkit) options(o *testSetup) {
	o.Core.Cards, o.Core.Recorder, o.Core.Events = cards.New(k.bot), k.rec, k.store
}

// feedbackVotes counts the feedback events the store kept.
func (k *toolkit) feedbackVotes(t testing.TB) map[bot.Vote]int {
	t.Helper()
	votes := map[bot.Vote]int{}
	err := k.store.Scan(context.Background(), store.Query{Kind: bot.EventFeedback}, func(e bot.Event) error {
		votes[e.Vote]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return votes
}

// declined is an engine answer that the article does not cover.
func declined(q bot.Question) bot.Answer {
	return bot.Answer{Question: q.Text, Intent: bot.IntentScope, Reason: "other_country", Lang: "en",
		Text: "I only cover cannabis law in Norway, so I can't answer about Sweden."}
}

// Who invokes an interaction.
var (
	moderator    = map[string]any{"guild_id": "g1", "member": map[string]any{"user": map[string]any{"id": "42", "username": "mod"}, "roles": []string{"1", modRole}}}
	member       = map[string]any{"guild_id": "g1", "member": map[string]any{"user": map[string]any{"id": "43", "username": "bob"}, "roles": []string{"1"}}}
	otherMember  = map[string]any{"guild_id": "g1", "member": map[string]any{"user": map[string]any{"id": "44", "username": "eve"}, "roles": []string{}}}
	dmModerator  = map[string]any{"user": map[string]any{"id": "42", "username": "mod"}} // a DM has no roles
	norwegianMod = map[string]any{"guild_id": "g1", "locale": "no", "member": map[string]any{"user": map[string]any{"id": "42"}, "roles": []string{modRole}}}
)

var interactionSeq int

// interactionJSON is an interaction of type typ with data, invoked by who.
func interactionJSON(typ int, data any, who map[string]any, extra ...map[string]any) map[string]any {
	interactionSeq++
	n := strconv.Itoa(interactionSeq)
	ev := map[string]any{"id": "i" + n, "application_id": "app1", "type": typ, "token": "tok" + n, "version": 1,
		"channel_id": "c1", "data": data, "locale": "en-US"}
	for _, m := range append([]map[string]any{who}, extra...) {
		for k, v := range m {
			ev[k] = v
		}
	}
	return ev
}

func commandData(name string, opts ...any) map[string]any {
	d := map[string]any{"id": "cmd", "name": name, "type": 1}
	if len(opts) > 0 {
		d["options"] = opts
	}
	return d
}

func opt(name string, value any) map[string]any {
	typ := 3
	if _, ok := value.(bool); ok {
		typ = 5
	}
	return map[string]any{"name": name, "type": typ, "value": value}
}

func clickData(customID string) map[string]any {
	return map[string]any{"custom_id": customID, "component_type": 2}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// modFixture is an HTTP-mode adapter with the toolkit and modRole.
func modFixture(t *testing.T, k *toolkit, mods ...func(*Config)) *httpFixture {
	t.Helper()
	return newHTTPFixtureWith(t, k.ans, Options{}, k.options, append([]func(*Config){func(c *Config) { c.ModeratorRoles = []string{modRole} }}, mods...)...)
}

// do posts a signed interaction and decodes the response.
func (f *httpFixture) do(t *testing.T, ev map[string]any) (wireResponse, []byte) {
	t.Helper()
	rec := f.post(mustJSON(t, ev), f.priv, f.now)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	return decodeResponse(t, rec.Body.Bytes()), rec.Body.Bytes()
}

// buttonIDs lists the custom_ids of a response's buttons.
func buttonIDs(r wireResponse) []string {
	var ids []string
	for _, row := range r.Data.Components {
		for _, b := range row.Components {
			ids = append(ids, b.CustomID)
		}
	}
	return ids
}

// checkPenaltiesCard checks an embed is the penalties card: one field per
// tier with its range and penalty, then the source, and the legal notice.
func checkPenaltiesCard(t *testing.T, k *toolkit, r wireResponse, lang string) {
	t.Helper()
	card, err := cards.New(k.bot).Card(cards.TopicPenalties, lang)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Data.Embeds) != 1 {
		t.Fatalf("%d embeds, want the card", len(r.Data.Embeds))
	}
	e := r.Data.Embeds[0]
	tiers := k.corpus.Schedule.Tiers
	if len(tiers) < 3 || len(e.Fields) != len(tiers)+1 {
		t.Fatalf("%d fields for %d tiers, want one per tier and the source: %+v", len(e.Fields), len(tiers), e.Fields)
	}
	for n, f := range card.Fields {
		if e.Fields[n].Name != f.Name || e.Fields[n].Value != f.Value {
			t.Errorf("field %d = %q: %q, want tier %q: %q", n, e.Fields[n].Name, e.Fields[n].Value, f.Name, f.Value)
		}
	}
	src := e.Fields[len(e.Fields)-1]
	if src.Name != k.bot.Message(lang, "source") || !strings.Contains(src.Value, card.SourceLine()) ||
		!strings.Contains(src.Value, "https://en.wikipedia.org/wiki/Cannabis_in_Norway") {
		t.Errorf("source field %+v, want %q and the article link", src, card.SourceLine())
	}
	if e.Title != card.Title || !strings.Contains(e.Description, card.Text) {
		t.Errorf("title %q description %q, want %q and %q", e.Title, e.Description, card.Title, card.Text)
	}
	if e.Footer == nil || e.Footer.Text != k.bot.Message(lang, "not_legal_advice") {
		t.Errorf("footer %+v, want the legal notice", e.Footer)
	}
}

func TestHTTPFactsCard(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	facts := func(topic string) map[string]any { return commandData("facts", opt("topic", topic)) }

	// A moderator's card goes to the channel, with every tier.
	r, raw := f.do(t, interactionJSON(2, facts("penalties"), moderator))
	if r.Type != 4 || r.Data.Flags&64 != 0 {
		t.Errorf("moderator's /facts: type %d flags %d, want a public channel message", r.Type, r.Data.Flags)
	}
	checkPenaltiesCard(t, k, r, "en")
	assertNoPings(t, raw)
	if len(r.Data.Components) != 0 {
		t.Errorf("card components %+v, want none", r.Data.Components)
	}

	// A member's card, and a moderator's in a DM, are only for them.
	for name, who := range map[string]map[string]any{"member": member, "DM": dmModerator} {
		r, _ = f.do(t, interactionJSON(2, facts("penalty"), who))
		if r.Type != 4 || r.Data.Flags&64 == 0 {
			t.Errorf("%s's /facts: flags %d, want ephemeral", name, r.Data.Flags)
		}
		checkPenaltiesCard(t, k, r, "en")
	}

	// No topic, or an unknown one: the topic list, ephemeral.
	r, _ = f.do(t, interactionJSON(2, commandData("facts"), moderator))
	if r.Data.Flags&64 == 0 || r.Data.Content != cards.New(k.bot).TopicsText("en") || len(r.Data.Embeds) != 0 {
		t.Errorf("/facts without a topic: %+v", r.Data)
	}
	r, raw = f.do(t, interactionJSON(2, facts("the weather @everyone"), moderator))
	if r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "penalties") || !strings.Contains(r.Data.Content, "weather") ||
		strings.Contains(r.Data.Content, "@everyone") {
		t.Errorf("/facts with an unknown topic: %+v", r.Data)
	}
	assertNoPings(t, raw)

	// Bokmål client: the card and its labels in Bokmål.
	r, _ = f.do(t, interactionJSON(2, facts("straff"), norwegianMod))
	checkPenaltiesCard(t, k, r, "nb")
	if r.Data.Embeds[0].Title != "Straffer" {
		t.Errorf("Bokmål card title %q", r.Data.Embeds[0].Title)
	}
}

func TestHTTPFactsPublicForEveryone(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k, func(c *Config) { c.FactsPublic = true })
	r, _ := f.do(t, interactionJSON(2, commandData("facts", opt("topic", "personal use")), member))
	if r.Data.Flags&64 != 0 || len(r.Data.Embeds) != 1 {
		t.Errorf("with facts_public a member's card is %+v, want public", r.Data)
	}
	// An unknown topic stays ephemeral.
	r, _ = f.do(t, interactionJSON(2, commandData("facts", opt("topic", "zzzz")), member))
	if r.Data.Flags&64 == 0 {
		t.Errorf("unknown topic with facts_public: flags %d, want ephemeral", r.Data.Flags)
	}
}

func TestHTTPFactsAutocomplete(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	complete := func(typed string) []string {
		data := commandData("facts", map[string]any{"name": "topic", "type": 3, "value": typed, "focused": true})
		r, _ := f.do(t, interactionJSON(4, data, member))
		if r.Type != 8 {
			t.Fatalf("autocomplete type %d, want 8", r.Type)
		}
		var out []string
		for _, c := range r.Data.Choices {
			v, _ := c.Value.(string)
			if c.Name != v || v == "" {
				t.Errorf("choice %+v", c)
			}
			out = append(out, v)
		}
		if len(out) > 25 {
			t.Errorf("%q: %d choices, Discord allows 25", typed, len(out))
		}
		return out
	}
	if got, want := complete(""), cards.New(k.bot).Topics(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("no prefix: %q, want every topic %q", got, want)
	}
	if got := complete("pen"); len(got) == 0 || got[0] != cards.TopicPenalties {
		t.Errorf("\"pen\": %q, want penalties", got)
	}
}

// Many topics: autocomplete offers 25, as Discord allows.
func TestFactsAutocompleteCapped(t *testing.T) {
	ans, _ := recordingAnswerer()
	f := newHTTPFixtureWith(t, ans, Options{}, func(s *testSetup) { s.Core.Cards = manyTopics(40) })
	data := commandData("facts", map[string]any{"name": "topic", "type": 3, "value": "", "focused": true})
	r, _ := f.do(t, interactionJSON(4, data, member))
	if len(r.Data.Choices) != 25 {
		t.Errorf("%d choices for 40 topics, want 25", len(r.Data.Choices))
	}
}

type manyTopics int

func (n manyTopics) MatchTopics(string) []string {
	var out []string
	for i := range int(n) {
		out = append(out, "topic "+strconv.Itoa(i)+" "+strings.Repeat("x", 120))
	}
	return out
}
func (manyTopics) Card(string, string) (cards.Card, error) {
	return cards.Card{}, cards.ErrUnknownTopic
}
func (manyTopics) TopicsText(string) string               { return "topics" }
func (manyTopics) UnknownTopicText(string, string) string { return "unknown" }

func TestHTTPAskPublic(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	ask := commandData("ask", opt("question", "What is the penalty for 20 g?"), opt("public", true))

	// A member's public:true is refused politely; the answer stays theirs.
	r, raw := f.do(t, interactionJSON(2, ask, member))
	if r.Type != 4 || r.Data.Flags&64 == 0 {
		t.Errorf("member's public /ask: flags %d, want ephemeral", r.Data.Flags)
	}
	if r.Data.Content != k.bot.Message("en", "public_refused") {
		t.Errorf("content %q, want the refusal", r.Data.Content)
	}
	if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Description != penaltyAnswer(bot.Question{}).Text {
		t.Errorf("embeds %+v, want the answer", r.Data.Embeds)
	}
	assertNoPings(t, raw)
	<-k.qs

	// A moderator's goes to the channel, with 👍/👎 and no share button.
	r, raw = f.do(t, interactionJSON(2, ask, moderator))
	if r.Type != 4 || r.Data.Flags&64 != 0 || r.Data.Content != "" {
		t.Errorf("moderator's public /ask: flags %d content %q, want public without a notice", r.Data.Flags, r.Data.Content)
	}
	ids := buttonIDs(r)
	if len(ids) != 2 || !strings.HasPrefix(ids[0], "fb:up:") || !strings.HasPrefix(ids[1], "fb:down:") {
		t.Errorf("buttons %q, want 👍/👎 only", ids)
	}
	assertNoPings(t, raw)
	<-k.qs

	// A moderator in a DM has no roles: refused.
	r, _ = f.do(t, interactionJSON(2, ask, dmModerator))
	if r.Data.Flags&64 == 0 || r.Data.Content == "" {
		t.Errorf("public /ask in a DM: %+v, want refused and ephemeral", r.Data)
	}
	<-k.qs

	// Without public, a member gets the usual ephemeral answer with Share.
	r, _ = f.do(t, interactionJSON(2, commandData("ask", opt("question", "What is the penalty for 20 grams of hash?")), member))
	ids = buttonIDs(r)
	if r.Data.Flags&64 == 0 || r.Data.Content != "" || len(ids) != 3 || !strings.HasPrefix(ids[0], shareButtonPrefix) {
		t.Errorf("plain /ask: content %q buttons %q", r.Data.Content, ids)
	}
	<-k.qs
}

// The refusal is in the answer's language.
func TestHTTPAskPublicRefusedInBokmal(t *testing.T) {
	k := newToolkit(t, func(q bot.Question) bot.Answer {
		a := penaltyAnswer(q)
		a.Lang = "nb"
		return a
	})
	f := modFixture(t, k)
	r, _ := f.do(t, interactionJSON(2, commandData("ask", opt("question", "Hva er straffen for 20 gram?"), opt("public", true)), member))
	if want := k.bot.Message("nb", "public_refused"); r.Data.Content != want || !strings.HasPrefix(want, "Bare moderatorer") {
		t.Errorf("content %q, want %q", r.Data.Content, want)
	}
	ids := buttonIDs(r)
	if len(ids) != 3 || !strings.HasSuffix(ids[1], ":nb") {
		t.Errorf("buttons %q, want the answer's language on 👍/👎", ids)
	}
	if label := r.Data.Components[0].Components[0].Label; label != "Del i kanalen" {
		t.Errorf("share button label %q, want Bokmål", label)
	}
	// Sharing it names the sharer in Bokmål, with 👍/👎 of its own.
	<-k.qs
	shared, _ := f.do(t, interactionJSON(3, clickData(ids[0]), otherMember))
	<-k.qs
	if shared.Data.Content != "Delt av <@44>" || len(buttonIDs(shared)) != 2 {
		t.Errorf("shared: %q with %q", shared.Data.Content, buttonIDs(shared))
	}
	// The 👍 ack is in Bokmål too, whoever's Discord is in English.
	r, _ = f.do(t, interactionJSON(3, clickData(ids[1]), member))
	if r.Data.Content != k.bot.Message("nb", "feedback_thanks") {
		t.Errorf("ack %q", r.Data.Content)
	}
}

// A slow answer is acknowledged with a deferred response whose visibility
// is the core's guess: public for a moderator's public:true, private for a
// member's (who is refused). When the reply turns out otherwise (the
// article does not cover the moderator's question, so it stays private),
// the placeholder is deleted and the reply sent as an ephemeral follow-up.
func TestHTTPAskPublicDeferred(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	release := make(chan struct{})
	slow := bot.AnswererFunc(func(ctx context.Context, q bot.Question) bot.Answer {
		select {
		case <-release:
		case <-ctx.Done():
		}
		if q.Text == "sweden" {
			return declined(q)
		}
		return penaltyAnswer(q)
	})
	f := newHTTPFixture(t, slow, Options{HTTPClient: fake.Client(), DeferAfter: time.Millisecond},
		func(c *Config) { c.ModeratorRoles = []string{modRole} })
	ask := func(q string) map[string]any { return commandData("ask", opt("question", q), opt("public", true)) }
	modAsk, memberAsk, declinedAsk := interactionJSON(2, ask("slow"), moderator), interactionJSON(2, ask("slow"), member), interactionJSON(2, ask("sweden"), moderator)
	for _, tc := range []struct {
		ev      map[string]any
		private bool
	}{{modAsk, false}, {memberAsk, true}, {declinedAsk, false}} {
		if r, _ := f.do(t, tc.ev); r.Type != 5 || (r.Data.Flags&64 != 0) != tc.private {
			t.Errorf("deferred ack type %d flags %d, want private %v", r.Type, r.Data.Flags, tc.private)
		}
	}
	close(release)
	original := func(ev map[string]any) string {
		return "/api/v9/webhooks/app1/" + ev["token"].(string) + "/messages/@original"
	}
	seen := map[string]bool{}
	for range 4 {
		req := fake.Next()
		switch {
		case req.Method == http.MethodPatch && req.Path == original(modAsk):
			seen["moderator's edit"] = !strings.Contains(string(req.Body), "Only moderators")
		case req.Method == http.MethodPatch && req.Path == original(memberAsk):
			seen["member's edit"] = strings.Contains(string(req.Body), "Only moderators")
		case req.Method == http.MethodDelete && req.Path == original(declinedAsk):
			seen["delete"] = true
		case req.Method == http.MethodPost && req.Path == "/api/v9/webhooks/app1/"+declinedAsk["token"].(string):
			var m struct {
				Content string `json:"content"`
				Flags   int    `json:"flags"`
			}
			json.Unmarshal(req.Body, &m)
			seen["follow-up"] = m.Flags&64 != 0 && m.Content == bot.Message("en", "public_declined")
			assertNoPings(t, req.Body)
		default:
			t.Errorf("unexpected %s %s: %s", req.Method, req.Path, req.Body)
		}
	}
	for _, k := range []string{"moderator's edit", "member's edit", "delete", "follow-up"} {
		if !seen[k] {
			t.Errorf("%s missing or wrong (saw %v)", k, seen)
		}
	}
}

func TestHTTPFeedbackRecordedOnce(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	r, _ := f.do(t, interactionJSON(2, commandData("ask", opt("question", "What is the penalty for 20 g?")), member))
	<-k.qs
	ids := buttonIDs(r)
	if len(ids) != 3 || !strings.HasPrefix(ids[0], shareButtonPrefix) {
		t.Fatalf("buttons %q, want share, 👍, 👎", ids)
	}
	up, down := ids[1], ids[2]
	_, answerID, _, ok := parseFeedbackID(up)
	if !ok || len(answerID) != 24 || up != "fb:up:"+answerID || down != "fb:down:"+answerID || len(down) > 100 {
		t.Fatalf("button IDs %q %q", up, down)
	}
	labels := []string{r.Data.Components[0].Components[1].Label, r.Data.Components[0].Components[2].Label}
	if labels[0] != "👍" || labels[1] != "👎" {
		t.Errorf("labels %q", labels)
	}

	// Two clicks by one user: thanked once, then told it is already counted.
	r, raw := f.do(t, interactionJSON(3, clickData(down), member))
	if r.Type != 4 || r.Data.Flags&64 == 0 || r.Data.Content != k.bot.Message("en", "feedback_thanks") {
		t.Errorf("first click: %+v", r.Data)
	}
	assertNoPings(t, raw)
	r, _ = f.do(t, interactionJSON(3, clickData(down), member))
	if r.Data.Flags&64 == 0 || r.Data.Content != k.bot.Message("en", "feedback_duplicate") {
		t.Errorf("second click: %+v", r.Data)
	}
	// Changing one's mind is a second vote on the same answer: not counted.
	r, _ = f.do(t, interactionJSON(3, clickData(up), member))
	if r.Data.Content != k.bot.Message("en", "feedback_duplicate") {
		t.Errorf("👍 after 👎: %q", r.Data.Content)
	}
	// Another user's vote counts.
	r, _ = f.do(t, interactionJSON(3, clickData(up), otherMember))
	if r.Data.Content != k.bot.Message("en", "feedback_thanks") {
		t.Errorf("other user's click: %q", r.Data.Content)
	}
	if got := k.feedbackVotes(t); got[bot.VoteDown] != 1 || got[bot.VoteUp] != 1 {
		t.Errorf("store holds %v, want one 👎 and one 👍", got)
	}

	// A forged button is refused and records nothing.
	r, _ = f.do(t, interactionJSON(3, clickData("fb:up:not-an-answer"), member))
	if r.Data.Flags&64 == 0 || r.Data.Content != k.bot.Message("en", "feedback_failed") {
		t.Errorf("forged click: %+v", r.Data)
	}
	if got := k.feedbackVotes(t); got[bot.VoteUp] != 1 {
		t.Errorf("store holds %v after a forged click", got)
	}
}

// A shared answer has 👍/👎 of its own: votes on the post in the channel
// count apart from the asker's.
func TestHTTPShareHasFeedback(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	first, _ := f.do(t, interactionJSON(2, commandData("ask", opt("question", "20 g?")), member))
	<-k.qs
	r, raw := f.do(t, interactionJSON(3, clickData(buttonIDs(first)[0]), otherMember))
	<-k.qs
	if r.Data.Flags&64 != 0 || r.Data.Content != "Shared by <@44>" {
		t.Errorf("share: %+v", r.Data)
	}
	got := buttonIDs(r)
	if len(got) != 2 || !strings.HasPrefix(got[0], "fb:up:") || got[0] == buttonIDs(first)[1] {
		t.Errorf("shared post buttons %q, want 👍/👎 for the shared answer", got)
	}
	assertNoPings(t, raw)
}

func TestHTTPReport(t *testing.T) {
	k := newToolkit(t, declined)
	f := modFixture(t, k)
	for _, q := range []string{"Is cannabis legal in Sweden?", "is cannabis legal in sweden", "What about Denmark?"} {
		f.do(t, interactionJSON(2, commandData("ask", opt("question", q)), member))
		<-k.qs
	}

	// A member is told reports are for moderators.
	r, _ := f.do(t, interactionJSON(2, commandData("factbot-report"), member))
	if r.Type != 4 || r.Data.Flags&64 == 0 || r.Data.Content != k.bot.Message("en", "report_moderators_only") || len(r.Data.Embeds) != 0 {
		t.Errorf("member's report: %+v", r.Data)
	}

	// A moderator sees the top questions, only for them.
	r, raw := f.do(t, interactionJSON(2, commandData("factbot-report"), moderator))
	if r.Type != 4 || r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 1 {
		t.Fatalf("moderator's report: %s", raw)
	}
	e := r.Data.Embeds[0]
	if !strings.HasPrefix(e.Title, "Most-asked questions I could not answer, since ") {
		t.Errorf("title %q", e.Title)
	}
	if e.Description != "3 declined questions, 2 different." || len(e.Fields) != 2 {
		t.Fatalf("report %q with %d fields", e.Description, len(e.Fields))
	}
	for n, want := range []struct{ name, count string }{{"1. is cannabis legal in sweden", "2"}, {"2. what about denmark", "1"}} {
		f := e.Fields[n]
		row := bot.Message("en", "report_unanswered_row", "count", want.count, "users", "1", "reason", "other_country")
		head, _, _ := strings.Cut(row, "{last}")
		if f.Name != want.name || !strings.HasPrefix(f.Value, head) || !regexp.MustCompile(`<t:\d+:f>`).MatchString(f.Value) {
			t.Errorf("row %d = %q: %q, want %q: %q with a timestamp", n, f.Name, f.Value, want.name, row)
		}
	}
	assertNoPings(t, raw)

	// In a DM nobody is a moderator.
	r, _ = f.do(t, interactionJSON(2, commandData("factbot-report"), dmModerator))
	if r.Data.Content != k.bot.Message("en", "report_moderators_only") {
		t.Errorf("DM report: %+v", r.Data)
	}
}

func TestReportEmptyAndLong(t *testing.T) {
	e := renderReport(chat.Report{Title: "Title", Summary: "s", Empty: "Nothing recorded in that period."})
	if e.Description != "Nothing recorded in that period." || e.Title != "Title" {
		t.Errorf("empty report %q / %q", e.Title, e.Description)
	}
	var rows []chat.ReportRow
	for i := range 30 {
		rows = append(rows, chat.ReportRow{Title: strings.Repeat("word ", 200) + strconv.Itoa(i),
			Text: strings.Repeat("@everyone ", 200) + " · last {last}", Last: time.Now()})
	}
	e = renderReport(chat.Report{Rows: rows, Summary: "s"})
	if n := embedLen(e); n > maxEmbedTotal || len(e.Fields) > maxFields {
		t.Errorf("long report: %d characters, %d fields", n, len(e.Fields))
	}
	for _, f := range e.Fields {
		if utf16Len(f.Name) > maxFieldName || utf16Len(f.Value) > maxFieldValue || strings.Contains(f.Value, "@everyone") {
			t.Errorf("field %d/%d characters: %.40q", utf16Len(f.Name), utf16Len(f.Value), f.Value)
		}
	}
	if !strings.Contains(e.Fields[0].Value, "<t:") && len(e.Fields[0].Value) < maxFieldValue-10 {
		t.Errorf("no Discord timestamp in %q", e.Fields[0].Value)
	}
}

// Discord's embed limits hold for a card with too many, too long rows.
func TestRenderCardLimits(t *testing.T) {
	c := cards.Card{Title: strings.Repeat("T", 300), Text: strings.Repeat("text ", 1200), LegalNotice: true, Lang: "en",
		Section: "Law", Attribution: bot.Attribution{Publisher: "Wikipedia", Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"}}
	for i := range 40 {
		c.Fields = append(c.Fields, cards.CardField{Name: strings.Repeat("n", 300), Value: strings.Repeat("v", 2000) + strconv.Itoa(i)})
	}
	c.Fields = append(c.Fields, cards.CardField{})
	e := renderCard(c)
	if n := embedLen(e); n > maxEmbedTotal {
		t.Errorf("embed has %d characters, Discord allows %d", n, maxEmbedTotal)
	}
	if len(e.Fields) > maxFields || utf16Len(e.Title) > maxEmbedTitle || utf16Len(e.Description) > maxEmbedDesc {
		t.Errorf("%d fields, title %d, description %d", len(e.Fields), utf16Len(e.Title), utf16Len(e.Description))
	}
	for _, f := range e.Fields {
		if utf16Len(f.Name) > maxFieldName || utf16Len(f.Value) > maxFieldValue || f.Name == "" || f.Value == "" {
			t.Errorf("field %d/%d characters", utf16Len(f.Name), utf16Len(f.Value))
		}
	}
	if last := e.Fields[len(e.Fields)-1]; last.Name != "Source" {
		t.Errorf("last field %q, want the source kept", last.Name)
	}
}

func TestFeedbackCustomID(t *testing.T) {
	id := bot.NewAnswerID(time.Now())
	for _, tc := range []struct {
		v    bot.Vote
		lang string
	}{{bot.VoteUp, "en"}, {bot.VoteDown, "nb"}, {bot.VoteUp, ""}} {
		s := feedbackCustomID(tc.v, id, tc.lang)
		v, got, lang, ok := parseFeedbackID(s)
		wantLang := tc.lang
		if wantLang == "en" {
			wantLang = ""
		}
		if !ok || v != tc.v || got != id || lang != wantLang || len(s) > 100 {
			t.Errorf("%q → %v %q %q %v", s, v, got, lang, ok)
		}
	}
	for _, bad := range []string{"fb:", "fb:sideways:" + id, "fb:up:", "fb:up:a:b:c", shareButtonPrefix + "x"} {
		if _, _, _, ok := parseFeedbackID(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

// Without cards and a store, /facts and /factbot-report are not
// registered.
func TestCommandsWithoutToolkit(t *testing.T) {
	ans, _ := recordingAnswerer()
	f := newHTTPFixture(t, ans, Options{})
	if names := commandNames(commandsFor(f.a.subject, f.a.penalties, f.a.facts, f.a.reports)); names != "ask,penalty,about" {
		t.Errorf("commands %s, want no /facts or /factbot-report without cards and store", names)
	}
}

// An article without a penalty table gets no /penalty, and /about does
// not offer it.
func TestCommandsWithoutPenaltyTable(t *testing.T) {
	if names := commandNames(commandsFor(nil, false, true, true)); names != "ask,about,facts,factbot-report" {
		t.Errorf("commands %s, want no /penalty without a penalty table", names)
	}
	a := &Adapter{}
	if e := a.aboutEmbed("en", &chat.Help{About: "About."}); strings.Contains(e.Description, "/penalty") {
		t.Errorf("/about offers /penalty without a penalty table: %q", e.Description)
	}
}

func commandNames(cmds []*discordgo.ApplicationCommand) string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

func TestModeratorRolesValidated(t *testing.T) {
	cfg := Config{Mode: ModeGateway, Token: "t", ModeratorRoles: []string{"123", "@Moderators"}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "moderator_roles") {
		t.Errorf("Validate: %v, want the bad role named", err)
	}
	cfg.ModeratorRoles = []string{"123", " 456 "}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// Over the gateway: registration of the new commands, a moderator's card,
// a member's refused public:true, a feedback click counted once, the
// report, and 👍/👎 on a mention reply.
func TestGatewayModeratorToolkit(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	g := newGatewayFixture(t, Config{ApplicationID: "app1", GuildID: "g1", Ephemeral: true, ModeratorRoles: []string{modRole}},
		k.ans, discordtest.Options{}, k.options)
	g.identify(t)
	reg := g.fake.Next()
	var cmds []struct {
		Name    string `json:"name"`
		Options []struct {
			Name         string `json:"name"`
			Type         int    `json:"type"`
			Autocomplete bool   `json:"autocomplete"`
			Required     bool   `json:"required"`
		} `json:"options"`
	}
	if err := json.Unmarshal(reg.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
		switch c.Name {
		case "facts":
			if len(c.Options) != 1 || c.Options[0].Name != "topic" || !c.Options[0].Autocomplete || c.Options[0].Required {
				t.Errorf("/facts options %+v", c.Options)
			}
		case "ask":
			if len(c.Options) != 2 || c.Options[1].Name != "public" || c.Options[1].Type != 5 || c.Options[1].Required {
				t.Errorf("/ask options %+v", c.Options)
			}
		}
	}
	if strings.Join(names, ",") != "ask,penalty,about,facts,factbot-report" {
		t.Errorf("registered %v", names)
	}
	waitFor(t, "connected", func() bool { return g.a.Health().Ready })

	callback := func(ev map[string]any) (wireResponse, []byte) {
		t.Helper()
		g.fake.Dispatch("INTERACTION_CREATE", ev)
		cb := g.fake.Next()
		if cb.Method != http.MethodPost || cb.Path != "/api/v9/interactions/"+ev["id"].(string)+"/"+ev["token"].(string)+"/callback" {
			t.Fatalf("callback %s %s", cb.Method, cb.Path)
		}
		assertNoPings(t, cb.Body)
		return decodeResponse(t, cb.Body), cb.Body
	}

	r, _ := callback(interactionJSON(2, commandData("facts", opt("topic", "penalties")), moderator))
	if r.Type != 4 || r.Data.Flags&64 != 0 {
		t.Errorf("moderator's card: type %d flags %d, want public", r.Type, r.Data.Flags)
	}
	checkPenaltiesCard(t, k, r, "en")

	r, _ = callback(interactionJSON(2, commandData("ask", opt("question", "20 g?"), opt("public", true)), member))
	if r.Data.Flags&64 == 0 || r.Data.Content != k.bot.Message("en", "public_refused") || len(r.Data.Embeds) != 1 {
		t.Errorf("member's public /ask: %+v", r.Data)
	}
	<-k.qs
	ids := buttonIDs(r)
	if len(ids) != 3 {
		t.Fatalf("buttons %q", ids)
	}
	for range 2 {
		callback(interactionJSON(3, clickData(ids[1]), member))
	}
	if got := k.feedbackVotes(t); got[bot.VoteUp] != 1 {
		t.Errorf("two clicks stored as %v, want one 👍", got)
	}

	r, _ = callback(interactionJSON(2, commandData("factbot-report"), member))
	if r.Data.Content != k.bot.Message("en", "report_moderators_only") {
		t.Errorf("member's report %+v", r.Data)
	}
	r, _ = callback(interactionJSON(2, commandData("factbot-report"), moderator))
	if r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 1 || r.Data.Embeds[0].Description != k.bot.Message("en", "report_empty") {
		t.Errorf("moderator's report %+v (every question was answered)", r.Data)
	}

	self := map[string]any{"id": "bot1", "username": "factbot"}
	g.fake.Dispatch("MESSAGE_CREATE", messageEvent("h9", "<@bot1> penalty for 20 g?", alice, "g1", self))
	reply := g.fake.Next()
	<-k.qs
	var msg struct {
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	json.Unmarshal(reply.Body, &msg)
	if len(msg.Components) != 1 || len(msg.Components[0].Components) != 2 || !strings.HasPrefix(msg.Components[0].Components[0].CustomID, "fb:up:") {
		t.Errorf("mention reply components %s", reply.Body)
	}
	assertNoPings(t, reply.Body)
}

// A language fixed for the guild wins over the invoker's Discord language
// for cards and notices; questions carry the guild as their Server.
func TestLanguageFixedForGuild(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	rules := chat.LanguageRules{Places: map[string]string{"g1": "nb"}}
	f := newHTTPFixtureWith(t, k.ans, Options{}, func(s *testSetup) { k.options(s); s.Core.Language = rules },
		func(c *Config) { c.ModeratorRoles = []string{modRole} })
	r, _ := f.do(t, interactionJSON(2, commandData("facts", opt("topic", "penalties")), moderator))
	checkPenaltiesCard(t, k, r, "nb")
	r, _ = f.do(t, interactionJSON(2, commandData("factbot-report"), member))
	if r.Data.Content != k.bot.Message("nb", "report_moderators_only") {
		t.Errorf("notice %q, want Bokmål", r.Data.Content)
	}
	// In a DM (no guild) the invoker's English client decides.
	r, _ = f.do(t, interactionJSON(2, commandData("facts", opt("topic", "penalties")), dmModerator))
	checkPenaltiesCard(t, k, r, "en")

	f.do(t, interactionJSON(2, commandData("ask", opt("question", "20 g?")), member))
	if q := <-k.qs; q.Server != "g1" || q.Channel != "c1" || q.User != "43" {
		t.Errorf("question %+v, want server g1", q)
	}
}

// recordingStoreAnswerer is the toolkit with a quiet engine, for fuzzing.
func recordingStoreAnswerer(t testing.TB) *toolkit {
	b, c := cardBot(t)
	st, rec := recordingStore(t)
	return &toolkit{bot: b, corpus: c, store: st, rec: rec,
		ans: bot.AnswererFunc(func(_ context.Context, q bot.Question) bot.Answer { return penaltyAnswer(q) })}
}

// A moderator's public:true on a question the article does not cover
// stays private, with the note saying why: the same rule as on Slack.
func TestHTTPModeratorsDeclineStaysPrivate(t *testing.T) {
	k := newToolkit(t, declined)
	f := modFixture(t, k)
	r, raw := f.do(t, interactionJSON(2, commandData("ask", opt("question", "Is cannabis legal in Sweden?"), opt("public", true)), moderator))
	<-k.qs
	if r.Data.Flags&64 == 0 || r.Data.Content != bot.Message("en", "public_declined") || len(r.Data.Embeds) != 1 {
		t.Errorf("moderator's declined public /ask: %s", raw)
	}
}

// /factbot-report takes the report's kind and period, as on Slack.
func TestHTTPReportKindAndPeriod(t *testing.T) {
	k := newToolkit(t, penaltyAnswer)
	f := modFixture(t, k)
	r, _ := f.do(t, interactionJSON(2, commandData("ask", opt("question", "What is the penalty for 20 g?")), member))
	<-k.qs
	f.do(t, interactionJSON(3, clickData(buttonIDs(r)[2]), member)) // 👎
	rep, raw := f.do(t, interactionJSON(2, commandData("factbot-report", opt("kind", "feedback"), opt("since", "2w")), moderator))
	if len(rep.Data.Embeds) != 1 || !strings.Contains(rep.Data.Embeds[0].Title, "(2w)") || len(rep.Data.Embeds[0].Fields) != 1 ||
		!strings.HasPrefix(rep.Data.Embeds[0].Fields[0].Name, "1 👎 0 👍") || rep.Data.Flags&64 == 0 {
		t.Errorf("feedback report: %s", raw)
	}
	bad, _ := f.do(t, interactionJSON(2, commandData("factbot-report", opt("since", "soon")), moderator))
	if !strings.Contains(bad.Data.Content, "/factbot-report") {
		t.Errorf("bad period: %+v", bad.Data)
	}
}
