package bot

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/factbot/factbot/internal/tomlfile"
)

//go:embed messages.toml
var messagesTOML string

// Languages the bot speaks; the first is the default.
var Languages = []string{"en", "nb"}

// defaultCatalog is parsed once from the embedded messages.toml, on first
// use rather than at start (a process's start runs in series, the bot's
// build beside the index), and only read afterwards; a broken catalogue
// fails every test that answers.
var defaultCatalog = sync.OnceValue(func() catalog {
	c, err := loadCatalog()
	if err != nil {
		panic(err)
	}
	return c
})

// Message returns one of the bot's own sentences in lang, with {name}
// placeholders filled from pairs ("name", value, …), falling back to
// English. Renderers use it for their labels ("source", "try_asking",
// "not_legal_advice", "share_in_channel", …).
func Message(lang, key string, pairs ...string) string {
	return defaultCatalog().msg(lang, key, pairs...)
}

// catalog holds everything the bot says in its own words, per language.
type catalog map[string]map[string]string

func loadCatalog() (catalog, error) {
	var c catalog
	err := tomlfile.Decode([]byte(messagesTOML), &c)
	if err != nil {
		return nil, fmt.Errorf("message catalogue: %w", err)
	}
	for _, lang := range Languages {
		if c[lang] == nil {
			return nil, fmt.Errorf("message catalogue: no [%s] table", lang)
		}
	}
	for key := range c[Languages[0]] {
		for _, lang := range Languages[1:] {
			if _, ok := c[lang][key]; !ok {
				return nil, fmt.Errorf("message catalogue: key %q missing in [%s]", key, lang)
			}
		}
	}
	return c, nil
}

// msg returns a message in lang with {name} placeholders filled from
// pairs ("name", value, …). An unknown key is a bug: it shows as the key
// rather than crash.
func (c catalog) msg(lang, key string, pairs ...string) string {
	text, ok := c[lang][key]
	if !ok {
		text, ok = c["en"][key]
	}
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "{"+pairs[i]+"}", pairs[i+1])
	}
	return text
}
