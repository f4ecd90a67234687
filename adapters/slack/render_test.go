package slack

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a & b < c > d", "a &amp; b &lt; c &gt; d"},
		{"<!channel> hi", "&lt;!channel&gt; hi"},
		{"<!here|here>", "&lt;!here|here&gt;"},
		{"<!everyone>", "&lt;!everyone&gt;"},
		{"<@U024BE7LH>", "&lt;@U024BE7LH&gt;"},
		{"<!subteam^SAZ94GDB8>", "&lt;!subteam^SAZ94GDB8&gt;"},
		{"<https://evil.example|click>", "&lt;https://evil.example|click&gt;"},
		{"&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"},
		{"@here and @Channel and @everyone", "@\u2060here and @\u2060Channel and @\u2060everyone"},
		{"mail@example.com", "mail@example.com"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var (
	entityRE    = regexp.MustCompile(`&(amp|lt|gt);`)
	broadcastOK = regexp.MustCompile(`(?i)@(channel|here|everyone)`)
)

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"<!channel>", "<@U1|x>", "&amp;", "@here", "<!subteam^S1>", "a<b>c&d", "\xff<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if strings.ContainsAny(out, "<>") {
			t.Fatalf("Escape(%q) = %q keeps < or >", s, out)
		}
		if broadcastOK.MatchString(out) {
			t.Fatalf("Escape(%q) = %q keeps a broadcast", s, out)
		}
		// Every & starts one of the three entities Slack decodes.
		if strings.Count(out, "&") != len(entityRE.FindAllString(out, -1)) {
			t.Fatalf("Escape(%q) = %q has a bare &", s, out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Escape broke UTF-8: %q", out)
		}
		// Undoing the escaping gives back the input, minus word joiners.
		back := strings.ReplaceAll(slackUnesc.Replace(out), "@\u2060", "@")
		if back != strings.ReplaceAll(s, "@\u2060", "@") {
			t.Fatalf("round trip %q -> %q -> %q", s, out, back)
		}
	})
}

func TestQuestionText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<@UFACTBOT> penalty for 20 g?", "penalty for 20 g?"},
		{"  <@UFACTBOT|factbot>: is it legal &amp; fine?", "is it legal & fine?"},
		{"<@U1> <@U2> hi", "hi"},
		{"what about &lt;5 grams", "what about <5 grams"},
		{"ask <@U1> later", "ask <@U1> later"},
	}
	for _, tt := range tests {
		if got := questionText(tt.in); got != tt.want {
			t.Errorf("questionText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderNeutralisesEchoedText(t *testing.T) {
	a := bot.Answer{Answered: true, Intent: bot.IntentSearch, Text: "Answer with <b> & stuff",
		Attribution: bot.Attribution{Publisher: "Wikipedia", Title: "Cannabis in Norway", License: "CC BY-SA 4.0"}}
	// The share button's value is never displayed, so only display text is checked.
	ta := newTestAdapter(t, nil)
	r := chat.Reply{Answer: &a, Question: "<!here> <@U1> <!subteam^S1> is it legal?", ReadAs: "<!channel> read as",
		Notice: "<@U2> notice", Lang: "en", Public: true}
	got := renderJSON(t, ta.Adapter, r)
	for _, bad := range []string{"<!here>", "<@U1>", "<!subteam", "<b>", "<!channel>", "<@U2>"} {
		if strings.Contains(got, bad) {
			t.Errorf("rendered %q unescaped: %s", bad, got)
		}
	}
	if !strings.Contains(got, "Cannabis in Norway (Wikipedia, CC BY-SA 4.0)") {
		t.Errorf("no source line: %s", got)
	}
	if strings.Contains(got, bot.NotLegalAdvice) {
		t.Error("legal notice on a non-penalty answer")
	}
}

func TestSharedBy(t *testing.T) {
	ta := newTestAdapter(t, nil)
	a := bot.Answer{Answered: true, Text: "x", Lang: "en"}
	if got := renderJSON(t, ta.Adapter, chat.Reply{Answer: &a, SharedBy: "U2CERLKJA", Lang: "en"}); !strings.Contains(got, "Shared by <@U2CERLKJA>") {
		t.Errorf("shared by a user ID: %s", got)
	}
	if got := renderJSON(t, ta.Adapter, chat.Reply{Answer: &a, SharedBy: "<!channel>", Lang: "en"}); strings.Contains(got, "<!channel>") || !strings.Contains(got, "Shared by a user") {
		t.Errorf("shared by a bad ID: %s", got)
	}
}
