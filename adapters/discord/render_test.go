package discord

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
)

var validAmount = regexp.MustCompile(`^(0|[1-9][0-9]{0,6})(\.[0-9]{1,3})? (g|kg|oz|lb|mg)$`)

func TestSuggestAmounts(t *testing.T) {
	tests := []struct {
		typed string
		want  []string // must be among the choices, first ones in order
	}{
		{"", []string{"1 g", "5 g"}},
		{"abc", []string{"1 g"}},
		{"2", []string{"2 g", "2 kg", "2 oz", "2 lb", "2 mg", "20 g"}},
		{"20g", []string{"20 g", "200 g"}},
		{"20 k", []string{"20 kg", "200 kg"}},
		{"2 ounces", []string{"2 oz"}},
		{"2,5 oz", []string{"2.5 oz"}},
		{"007 g", []string{"7 g"}},
		{"1.50 kilo", []string{"1.5 kg"}},
		{"3 furlongs", []string{"3 g"}},
		{"99999999999999999999", []string{"1 g"}},
	}
	for _, tt := range tests {
		got := suggestAmounts(tt.typed)
		if len(got) == 0 || len(got) > 25 {
			t.Errorf("%q: %d choices", tt.typed, len(got))
		}
		for i, w := range tt.want {
			if i >= len(got) || got[i] != w {
				t.Errorf("%q: got %v, want it to start with %v", tt.typed, got, tt.want)
				break
			}
		}
		for _, c := range got {
			if !validAmount.MatchString(c) {
				t.Errorf("%q: choice %q is not a well-formed amount", tt.typed, c)
			}
		}
	}
}

func FuzzSuggestAmounts(f *testing.F) {
	for _, s := range []string{"", "2", "20 g", "1,5kg", "0.001 mg", "١٢ g", "9999999 lb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		got := suggestAmounts(typed)
		if len(got) == 0 || len(got) > maxChoices {
			t.Fatalf("%q: %d choices", typed, len(got))
		}
		for _, c := range got {
			if !validAmount.MatchString(c) {
				t.Fatalf("%q: choice %q", typed, c)
			}
		}
	})
}

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
	e := renderEmbed(long, a, english)
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
	e = renderEmbed("", declined, english)
	if e.Title != "factbot" || !strings.Contains(e.Description, "• Is cannabis legal in Norway?") || e.Footer != nil || e.Fields != nil {
		t.Errorf("declined embed %+v", e)
	}
}

func TestStripMention(t *testing.T) {
	if got := stripMention("<@bot1>  what is   the limit? <@!bot1>", "bot1"); got != "what is the limit?" {
		t.Errorf("got %q", got)
	}
}

// english is the bot's catalogue in English, whatever the language asked.
func english(_, key string) string { return bot.Message("en", key) }

func TestRenderInAnswersLanguage(t *testing.T) {
	nb := map[string]string{"source": "Kilde", "try_asking": "Prøv å spørre:", "not_legal_advice": "Ikke juridisk rådgivning."}
	ans, _ := recordingAnswerer()
	a, err := New(Config{Mode: ModeHTTP, PublicKey: strings.Repeat("00", 32)}, ans, Options{Messages: func(lang, key string) string {
		if lang == "nb" {
			return nb[key]
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	ansNB := penaltyAnswer(bot.Question{})
	ansNB.Lang = "nb"
	e := renderEmbed("Hva er straffen for 5 gram?", ansNB, a.msg)
	if e.Fields[0].Name != "Kilde" || e.Footer.Text != "Ikke juridisk rådgivning." {
		t.Errorf("nb embed %+v %+v", e.Fields[0], e.Footer)
	}
	declined := bot.Answer{Lang: "nb", Text: "Nei.", Examples: []string{"Er cannabis lovlig?"}}
	if d := renderEmbed("x", declined, a.msg).Description; !strings.Contains(d, "Prøv å spørre:\n• Er cannabis lovlig?") {
		t.Errorf("nb decline %q", d)
	}
	// A language the catalogue lacks falls back to English.
	if e := renderEmbed("q", penaltyAnswer(bot.Question{}), a.msg); e.Fields[0].Name != "Source" || e.Footer.Text != bot.NotLegalAdvice {
		t.Errorf("en fallback %+v %+v", e.Fields[0], e.Footer)
	}
}
