package chat

import (
	"fmt"
	"slices"
	"strings"

	"github.com/factbot/factbot/bot"
)

// LanguageRules fix the answer language where a community wants one,
// instead of detecting it per question: for a channel, a server (Discord
// guild) or workspace (Slack team), a platform, or everywhere. The most
// specific rule wins; with none, the language is detected.
type LanguageRules struct {
	Default   string            // every question, unless a rule below says otherwise
	Platforms map[string]string // by Question.Platform ("slack", "discord")
	Places    map[string]string // by Question.Channel or Question.Server ID
}

// ParseLanguagePlaces reads "ID=lang" entries ("C0123=nb").
func ParseLanguagePlaces(entries []string) (map[string]string, error) {
	places := make(map[string]string, len(entries))
	for _, e := range entries {
		id, lang, ok := strings.Cut(e, "=")
		id, lang = strings.TrimSpace(id), strings.TrimSpace(lang)
		if !ok || id == "" {
			return nil, fmt.Errorf("language place %q: want ID=LANG, such as C0123=nb", e)
		}
		if err := CheckLanguage(lang); err != nil {
			return nil, fmt.Errorf("language place %q: %w", e, err)
		}
		places[id] = lang
	}
	return places, nil
}

// CheckLanguage accepts "" (detect) or a language the bot speaks.
func CheckLanguage(lang string) error {
	if lang == "" || slices.Contains(bot.Languages, lang) {
		return nil
	}
	return fmt.Errorf("language %q: want one of %s, or empty to detect", lang, strings.Join(bot.Languages, ", "))
}

// For returns the language the rules fix for q, or "" to detect it.
func (r LanguageRules) For(q bot.Question) string {
	if l := r.Places[q.Channel]; q.Channel != "" && l != "" {
		return l
	}
	if l := r.Places[q.Server]; q.Server != "" && l != "" {
		return l
	}
	if l := r.Platforms[q.Platform]; l != "" {
		return l
	}
	return r.Default
}
