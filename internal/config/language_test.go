package config_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/config"
)

func TestLanguageSettings(t *testing.T) {
	env := map[string]string{
		"FACTBOT_LANGUAGE_DISCORD": "nb",
		"FACTBOT_LANGUAGE_PLACES":  "C0123=nb,T9=en",
	}
	cfg, err := config.Load("", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	r := cfg.Language.Rules()
	if got := r.For(bot.Question{Platform: "discord"}); got != "nb" {
		t.Errorf("discord: %q, want nb", got)
	}
	if got := r.For(bot.Question{Platform: "slack", Channel: "C0123"}); got != "nb" {
		t.Errorf("channel C0123: %q, want nb", got)
	}
	if got := r.For(bot.Question{Platform: "slack", Server: "T9"}); got != "en" {
		t.Errorf("workspace T9: %q, want en", got)
	}
	if got := r.For(bot.Question{Platform: "slack"}); got != "" {
		t.Errorf("slack: %q, want detection", got)
	}

	for _, bad := range []map[string]string{
		{"FACTBOT_LANGUAGE_DEFAULT": "fr"},
		{"FACTBOT_LANGUAGE_PLACES": "C0123"},
	} {
		_, err := config.Load("", func(k string) (string, bool) { v, ok := bad[k]; return v, ok })
		if err == nil || !strings.Contains(err.Error(), "language") {
			t.Errorf("%v: err = %v, want a language error", bad, err)
		}
	}
}
