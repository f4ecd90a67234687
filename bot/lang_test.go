package bot

import (
	"regexp"
	"slices"
	"sort"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hva skjer hvis jeg blir tatt med 10 gram cannabis?", "nb"},
		{"Er medisinsk cannabis lov i Norge?", "nb"},
		{"Hva er strengeste straff for narkotika?", "nb"},
		{"straff for 20 gram", "nb"},
		{"Hvor mye kan jeg ha?", "nb"},
		{"hei", "nb"},
		{"What is the penalty for 20 grams?", "en"},
		{"Is medical cannabis legal in Norway?", "en"},
		{"penalty for 3 lbs", "en"},
		// Too little to tell: English, the article's language.
		{"20 g", "en"},
		{"cannabis", "en"},
		{"", "en"},
		{"???", "en"},
		// Mixed: the language with more of its own words wins.
		{"Hva er straffen for 20 gram of weed?", "nb"},
		{"Hva er the penalty?", "en"}, // a tie reads as English
		{"What is straff for 20 grams in Norway?", "en"},
		// Letters only Norwegian uses tip a short question.
		{"Høyesterett?", "nb"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCatalogComplete: every message exists in every language, with the
// same placeholders, so a language is added by translation alone.
func TestCatalogComplete(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	placeholder := regexp.MustCompile(`\{[a-z_]+\}`)
	keys := map[string]bool{}
	for _, lang := range Languages {
		for k := range c[lang] {
			keys[k] = true
		}
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		var want []string
		wantLang := ""
		for _, lang := range Languages {
			text, ok := c[lang][k]
			if !ok {
				t.Errorf("key %q missing in [%s]", k, lang)
				continue
			}
			if text == "" {
				// English quotes the article in the answer itself, so
				// "quote" and "passage_lead" are empty there.
				continue
			}
			got := placeholder.FindAllString(text, -1)
			sort.Strings(got)
			if wantLang == "" {
				want, wantLang = got, lang
			} else if !slices.Equal(got, want) {
				t.Errorf("key %q: [%s] has placeholders %v, [%s] has %v", k, lang, got, wantLang, want)
			}
		}
	}
}
