package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
)

func TestEmbeddedProfile(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := c.Profile
	if p.Name["en"] == "" || p.Name["nb"] == "" {
		t.Errorf("names %v, want en and nb", p.Name)
	}
	for name, list := range map[string][]string{"topic": p.Topic, "kind": p.Kind, "home": p.Home, "places": p.OtherPlaces,
		"substances": p.OtherSubstances, "offences": p.OtherOffences} {
		if len(list) == 0 {
			t.Errorf("the embedded profile has no %s", name)
		}
	}
	if len(p.Examples["en"]) == 0 || len(p.Examples["nb"]) == 0 {
		t.Errorf("examples %v, want en and nb", p.Examples)
	}
}

func TestParseProfileErrors(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"no English name", "[name]\nnb = \"te\"\n", "no en"},
		{"unknown key", "[name]\nen = \"tea\"\n[words]\ncolour = [\"green\"]\n", "unknown key"},
		{"upper case", "[name]\nen = \"tea\"\n[words]\ntopic = [\"Tea\"]\n", `"Tea" is not one lower-case word`},
		{"two words", "[name]\nen = \"tea\"\n[out_of_scope]\nplaces = [\"new york\"]\n", `"new york"`},
		{"empty example", "[name]\nen = \"tea\"\n[examples]\nen = [\" \"]\n", "empty question"},
		{"not TOML", "[name\n", ""},
	}
	for _, tt := range tests {
		_, err := corpus.ParseProfile([]byte(tt.toml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// A profile beside an article is found by the same naming rule as the
// penalty table, and a bad one is an error naming the article.
func TestLoadProfileBesideArticle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tea.txt")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tea.txt", "= Tea in Japan =\n\nTea is a drink.\n\n==Prices==\nA cup of tea costs 400 yen in Kyoto.\n")
	c, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profile.Name != nil || c.Profile.Topic != nil {
		t.Errorf("no profile beside the article, got %+v", c.Profile)
	}
	write("tea.profile.toml", "[name]\nen = \"tea in Japan\"\n[words]\ntopic = [\"tea\", \"matcha\"]\nhome = [\"japan\"]\n[out_of_scope]\nplaces = [\"china\"]\n")
	if c, err = corpus.Load(path); err != nil {
		t.Fatal(err)
	}
	if c.Profile.Name["en"] != "tea in Japan" || len(c.Profile.Topic) != 2 || c.Profile.OtherPlaces[0] != "china" {
		t.Errorf("profile read as %+v", c.Profile)
	}
	write("tea.profile.toml", "[name]\nen = \"tea\"\n[words]\ntopic = [\"Green Tea\"]\n")
	if _, err := corpus.Load(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "profile") {
		t.Errorf("Load with a bad profile beside it = %v", err)
	}
}

func TestProfileSourceAttributesTheArticle(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "moths.txt")
	if err := os.WriteFile(article, []byte("= Moths =\n\nMoths glow.\n\n==Care==\nKeep them cool.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "[name]\nen = \"moth keeping\"\n\n[source]\npublisher = \"The Moth Wiki\"\nurl = \"https://moths.example/moths\"\nlicense = \"CC0\"\n"
	if err := os.WriteFile(filepath.Join(dir, "moths.profile.toml"), []byte(profile), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(article)
	if err != nil {
		t.Fatal(err)
	}
	want := bot.Attribution{Publisher: "The Moth Wiki", Title: "Moths", URL: "https://moths.example/moths", License: "CC0"}
	if c.Article.Attribution != want {
		t.Errorf("attribution %+v, want %+v", c.Article.Attribution, want)
	}
	if got := (bot.Answer{Attribution: want}).SourceLine(); got != "Moths (The Moth Wiki, CC0)" {
		t.Errorf("source line %q", got)
	}
}

// FuzzParseProfile: any input is a profile or an error, never a panic, and
// a profile read has an English name and only one-word, lower-case lists.
func FuzzParseProfile(f *testing.F) {
	f.Add("[name]\nen = \"tea\"\n[words]\ntopic = [\"tea\"]\n")
	f.Add("[name]\nen = \"x\"\n[examples]\nen = [\"q?\"]\nnb = [\"\"]\n")
	f.Add("[[name]]\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, data string) {
		p, err := corpus.ParseProfile([]byte(data))
		if err != nil {
			return
		}
		if strings.TrimSpace(p.Name["en"]) == "" {
			t.Errorf("profile without an English name: %+v", p)
		}
		for _, list := range [][]string{p.Topic, p.Kind, p.Home, p.OtherPlaces, p.AmbiguousPlaces, p.OtherSubstances, p.OtherOffences} {
			for _, w := range list {
				if w == "" || w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
					t.Errorf("word %q accepted", w)
				}
			}
		}
	})
}
