package main

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

// The source line names the article, and its address only when it has
// one: an article without a [source] in its profile has none.
func TestPrintAnswerSourceLine(t *testing.T) {
	tests := []struct {
		name string
		attr bot.Attribution
		want string
	}{
		{"with address", bot.Attribution{Title: "Cannabis in Norway", License: "CC BY-SA 4.0", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway"},
			"Source: Cannabis in Norway (CC BY-SA 4.0), https://en.wikipedia.org/wiki/Cannabis_in_Norway\n"},
		{"title only", bot.Attribution{Title: "The Harbour of Saltmere"}, "Source: The Harbour of Saltmere\n"},
	}
	msg := func(lang, key string) string { return bot.Message(lang, key) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			a := bot.Answer{Text: "An answer.", Answered: true, Lang: "en", Attribution: tt.attr}
			if err := printAnswer(&b, a, msg); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(b.String(), tt.want) {
				t.Errorf("printAnswer wrote %q, want it to end %q", b.String(), tt.want)
			}
		})
	}
}
