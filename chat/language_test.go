package chat_test

import (
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/chat"
)

func TestLanguageRulesFor(t *testing.T) {
	places, err := chat.ParseLanguagePlaces([]string{"C1=nb", " G1 = en ", "T1=nb"})
	if err != nil {
		t.Fatal(err)
	}
	r := chat.LanguageRules{Default: "", Platforms: map[string]string{"discord": "nb"}, Places: places}
	tests := []struct {
		q    bot.Question
		want string
	}{
		{bot.Question{Platform: "slack", Channel: "C1"}, "nb"},
		{bot.Question{Platform: "discord", Server: "G1"}, "en"},                // the server beats the platform
		{bot.Question{Platform: "discord", Channel: "C1", Server: "G1"}, "nb"}, // the channel beats the server
		{bot.Question{Platform: "discord"}, "nb"},
		{bot.Question{Platform: "slack", Server: "T1"}, "nb"},
		{bot.Question{Platform: "slack"}, ""}, // detect
	}
	for _, tt := range tests {
		if got := r.For(tt.q); got != tt.want {
			t.Errorf("For(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}

}

func TestParseLanguagePlacesErrors(t *testing.T) {
	for _, bad := range [][]string{{"C1"}, {"=nb"}, {"C1=fr"}} {
		if _, err := chat.ParseLanguagePlaces(bad); err == nil {
			t.Errorf("ParseLanguagePlaces(%q) accepted", bad)
		}
	}
}
