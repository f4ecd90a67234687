package discord

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

func TestCut(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"hello brave new world", 12, "hello brave…"},
		{"abcdefghijklmnop", 5, "abcd…"},
		{"æøå æøå æøå", 6, "æøå…"},
		{"😀😀😀", 4, "😀…"}, // an emoji is two UTF-16 units
		{"anything", 0, ""},
		{"bad\xffbyte", 100, "bad\uFFFDbyte"},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.max); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// validAmount is a well-formed /penalty suggestion.
var validAmount = regexp.MustCompile(`^(0|[1-9][0-9]{0,6})(\.[0-9]{1,3})? (g|kg|oz|lb|mg)$`)

// liveMention matches what Discord would parse as a mention.
var liveMention = regexp.MustCompile(`@everyone|@here|<@[!&]?[0-9]|<#[0-9]`)

func FuzzCutAndDefuse(f *testing.F) {
	for _, s := range []string{"", "@everyone hi", "<@123> <@!4> <@&5> <#6>", "a@@hereb", strings.Repeat("word ", 100), "😀\xff"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%5000 + 1
		if max <= 0 {
			max = -max + 1
		}
		got := clean(s, max)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 %q", got)
		}
		if n := utf16Len(got); n > max {
			t.Fatalf("clean(%q, %d) has %d units", s, max, n)
		}
		if liveMention.MatchString(got) {
			t.Fatalf("clean(%q) = %q still mentions", s, got)
		}
		d := defuse(s)
		if liveMention.MatchString(d) {
			t.Fatalf("defuse(%q) = %q still mentions", s, d)
		}
		if dd := defuse(d); dd != d {
			t.Fatalf("defuse is not idempotent on %q: %q then %q", s, d, dd)
		}
	})
}

func TestRenderEmbedLimits(t *testing.T) {
	long := strings.Repeat("How much is too much cannabis in Norway ", 20)
	a := penaltyAnswer(bot.Question{})
	a.Text = strings.Repeat("x ", 3000)
	e := renderEmbed(long, a)
	if n := utf16Len(e.Title); n > maxEmbedTitle || !strings.HasSuffix(e.Title, "…") || strings.HasSuffix(e.Title, " …") {
		t.Errorf("title %d units %q", n, e.Title)
	}
	if n := utf16Len(e.Description); n > maxEmbedDesc {
		t.Errorf("description %d units", n)
	}
	total := utf16Len(e.Title) + utf16Len(e.Description) + utf16Len(e.Footer.Text)
	for _, f := range e.Fields {
		total += utf16Len(f.Name) + utf16Len(f.Value)
	}
	if total > 6000 {
		t.Errorf("embed has %d characters, over Discord's 6000", total)
	}

	declined := bot.Answer{Text: "I can only answer about Norway.", Examples: []string{"Is cannabis legal in Norway?"}}
	e = renderEmbed("", declined)
	if e.Title != "factbot" || !strings.Contains(e.Description, "• Is cannabis legal in Norway?") || e.Footer != nil || e.Fields != nil {
		t.Errorf("declined embed %+v", e)
	}
}

func TestStripMention(t *testing.T) {
	if got := stripMention("<@bot1>  what is   the limit? <@!bot1>", "bot1"); got != "what is the limit?" {
		t.Errorf("got %q", got)
	}
}

func TestRenderInAnswersLanguage(t *testing.T) {
	ansNB := penaltyAnswer(bot.Question{})
	ansNB.Lang = "nb"
	e := renderEmbed("Hva er straffen for 5 gram?", ansNB)
	if e.Fields[0].Name != bot.Message("nb", "source") || e.Footer.Text != bot.Message("nb", "not_legal_advice") || e.Footer.Text == bot.NotLegalAdvice {
		t.Errorf("nb embed %+v %+v", e.Fields[0], e.Footer)
	}
	declined := bot.Answer{Lang: "nb", Text: "Nei.", Examples: []string{"Er cannabis lovlig?"}}
	if d := renderEmbed("x", declined).Description; !strings.Contains(d, bot.Message("nb", "try_asking")+"\n• Er cannabis lovlig?") {
		t.Errorf("nb decline %q", d)
	}
	// A language the catalogue lacks falls back to English.
	xx := penaltyAnswer(bot.Question{})
	xx.Lang = "xx"
	if e := renderEmbed("q", xx); e.Fields[0].Name != "Source" || e.Footer.Text != bot.NotLegalAdvice {
		t.Errorf("en fallback %+v %+v", e.Fields[0], e.Footer)
	}
}

// What a user typed never shows as a link: not in the embed title (the
// question), nor in the content lines (how a follow-up was read, a notice
// naming a topic).
func TestEchoedURLsNeverLinked(t *testing.T) {
	a := &Adapter{}
	q := "penalty for 20 grams? https://evil.example/x"
	r := chat.Reply{Lang: "en", Question: q, ReadAs: q, Notice: "No card for https://evil.example/y.", Answer: &bot.Answer{Lang: "en", Text: "Up to 2 years."}}
	shown := strings.Join(a.lines(r), "\n") + "\n" + renderEmbed(r.Question, *r.Answer).Title
	if strings.Contains(shown, "https://") || strings.Contains(shown, "evil.example") {
		t.Errorf("echoed text holds a link:\n%s", shown)
	}
	if !strings.Contains(shown, "evil.\u200bexample") {
		t.Errorf("echoed text lost:\n%s", shown)
	}
}

// /factbot-report is hidden from members without Manage Messages until a
// server says otherwise; every other command is for everyone.
func TestReportCommandForModeratorsOnly(t *testing.T) {
	for _, c := range Commands(nil) {
		perms := c.DefaultMemberPermissions
		switch {
		case c.Name == cmdReport && (perms == nil || *perms != discordgo.PermissionManageMessages):
			t.Errorf("/%s default_member_permissions = %v, want Manage Messages", c.Name, perms)
		case c.Name != cmdReport && perms != nil:
			t.Errorf("/%s is restricted (%d)", c.Name, *perms)
		}
	}
	b, _ := json.Marshal(Commands(nil))
	if !strings.Contains(string(b), `"default_member_permissions":"8192"`) {
		t.Errorf("registration JSON lacks default_member_permissions: %s", b)
	}
}
