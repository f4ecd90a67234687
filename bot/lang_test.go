package bot

import (
	"regexp"
	"slices"
	"sort"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	// The words of a Bokmål term list, as a bot has them.
	terms := set("straff", "straffen", "medisinsk", "lov", "norge", "narkotika", "hasj")
	tests := []struct {
		in, want string
		terms    wordSet
	}{
		{"Hva skjer hvis jeg blir tatt med 10 gram cannabis?", "nb", nil},
		{"Hvor mye kan jeg ha?", "nb", nil},
		{"hei", "nb", nil},
		{"What is the penalty for 20 grams?", "en", nil},
		{"Is medical cannabis legal in Norway?", "en", nil},
		{"penalty for 3 lbs", "en", nil},
		// The subject's words come from the term list.
		{"Er medisinsk cannabis lov i Norge?", "nb", terms},
		{"Hva er strengeste straff for narkotika?", "nb", terms},
		{"straff for 20 gram", "nb", terms},
		{"straff for 20 gram", "en", nil},
		// Too little to tell: English, the article's language.
		{"20 g", "en", nil},
		{"cannabis", "en", terms},
		{"", "en", nil},
		{"???", "en", nil},
		// Mixed: the language with more of its own words wins; a tie
		// reads as English.
		{"Hva er straffen for 20 gram of weed?", "nb", terms},
		{"Hva is straffen?", "nb", terms},
		{"hva is it", "en", nil},
		{"What is straff for 20 grams in Norway?", "en", terms},
		// Letters only Norwegian uses tip a short question.
		{"Høyesterett?", "nb", nil},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.in, tt.terms); got != tt.want {
			t.Errorf("detectLanguage(%q, %v) = %q, want %q", tt.in, tt.terms, got, tt.want)
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
