package corpus

import (
	"errors"
	"fmt"
	"strings"

	"github.com/factbot/factbot/bot"
)

// profileFile is the format of ….profile.toml: what the bot needs to know
// about an article's subject (see corpus/cannabis-in-norway.profile.toml).
type profileFile struct {
	Name  map[string]string `toml:"name"`
	Words struct {
		Topic []string `toml:"topic"`
		Kind  []string `toml:"kind"`
		Home  []string `toml:"home"`
	} `toml:"words"`
	OutOfScope struct {
		Places          []string `toml:"places"`
		AmbiguousPlaces []string `toml:"ambiguous_places"`
		Substances      []string `toml:"substances"`
		Offences        []string `toml:"offences"`
	} `toml:"out_of_scope"`
	Examples map[string][]string `toml:"examples"`
	// Source says where the article comes from, for the attribution
	// every answer carries.
	Source struct {
		Publisher string `toml:"publisher"`
		URL       string `toml:"url"`
		License   string `toml:"license"`
	} `toml:"source"`
}

// ParseProfile reads a subject profile. It needs the subject's name in
// English; every word must be one lower-case word or hyphenated compound,
// since questions are read word by word.
func ParseProfile(data []byte) (bot.Profile, error) {
	var f profileFile
	if err := decodeStrict(data, &f); err != nil {
		return bot.Profile{}, err
	}
	if strings.TrimSpace(f.Name[bot.Languages[0]]) == "" {
		return bot.Profile{}, fmt.Errorf("[name] has no %s", bot.Languages[0])
	}
	lists := []struct {
		key   string
		words []string
	}{
		{"words.topic", f.Words.Topic}, {"words.kind", f.Words.Kind}, {"words.home", f.Words.Home},
		{"out_of_scope.places", f.OutOfScope.Places}, {"out_of_scope.ambiguous_places", f.OutOfScope.AmbiguousPlaces},
		{"out_of_scope.substances", f.OutOfScope.Substances}, {"out_of_scope.offences", f.OutOfScope.Offences},
	}
	var errs []error
	for _, l := range lists {
		for _, w := range l.words {
			if w == "" || w != strings.ToLower(w) || strings.ContainsFunc(w, func(r rune) bool { return r == ' ' || r == '\t' }) {
				errs = append(errs, fmt.Errorf("%s: %q is not one lower-case word", l.key, w))
			}
		}
	}
	for lang, qs := range f.Examples {
		for _, q := range qs {
			if strings.TrimSpace(q) == "" {
				errs = append(errs, fmt.Errorf("examples.%s: an empty question", lang))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return bot.Profile{}, err
	}
	return bot.Profile{
		Name:            f.Name,
		Topic:           f.Words.Topic,
		Kind:            f.Words.Kind,
		Home:            f.Words.Home,
		OtherPlaces:     f.OutOfScope.Places,
		AmbiguousPlaces: f.OutOfScope.AmbiguousPlaces,
		OtherSubstances: f.OutOfScope.Substances,
		OtherOffences:   f.OutOfScope.Offences,
		Examples:        f.Examples,
		Source:          bot.Attribution{Publisher: f.Source.Publisher, URL: f.Source.URL, License: f.Source.License},
	}, nil
}
