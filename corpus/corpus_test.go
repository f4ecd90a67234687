package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/index"
)

func embedded(t testing.TB) corpus.Corpus {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatalf("corpus.Default: %v", err)
	}
	return c
}

func articleFile(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("cannabis-in-norway.txt")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func passage(t *testing.T, a bot.Article, prefix string) bot.Passage {
	t.Helper()
	for _, p := range a.Passages {
		if strings.HasPrefix(p.Text, prefix) {
			return p
		}
	}
	t.Fatalf("no passage starts with %q", prefix)
	return bot.Passage{}
}

func TestParseArticleEmbedded(t *testing.T) {
	a, err := corpus.ParseArticle(articleFile(t))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Cannabis in Norway" {
		t.Errorf("Title = %q", a.Title)
	}
	// The article file names only its title; the publisher and license
	// come from the profile beside it.
	if want := (bot.Attribution{Title: "Cannabis in Norway"}); a.Attribution != want {
		t.Errorf("Attribution = %+v, want %+v", a.Attribution, want)
	}
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := bot.Attribution{Publisher: "Wikipedia", Title: "Cannabis in Norway", URL: "https://en.wikipedia.org/wiki/Cannabis_in_Norway", License: "CC BY-SA 4.0"}
	if c.Article.Attribution != want {
		t.Errorf("embedded corpus attribution = %+v, want %+v", c.Article.Attribution, want)
	}
	sections := []string{bot.LeadSection, "Decriminalization", "Medical use", "Reform efforts", "Enforcement"}
	if !slices.Equal(a.Sections, sections) {
		t.Errorf("Sections = %q, want %q", a.Sections, sections)
	}

	// The lead is its own section, one sentence.
	lead := a.Passages[0]
	if lead.Section != bot.LeadSection || lead.ID != "lead-p1-s1" ||
		lead.Text != "Cannabis in Norway is strictly legalized for limited medicinal use; all other purposes are illegal." {
		t.Errorf("first passage = %+v, want the lead sentence", lead)
	}

	// Passages come in article order: sections as listed, paragraphs and
	// sentences counting up.
	seen := map[string]bool{}
	sec := 0
	for i, p := range a.Passages {
		if seen[p.ID] {
			t.Errorf("duplicate passage ID %q", p.ID)
		}
		seen[p.ID] = true
		for sec < len(sections) && sections[sec] != p.Section {
			sec++
		}
		if sec == len(sections) {
			t.Fatalf("passage %d (%s) is out of section order", i, p.ID)
		}
		if p.Text == "" || !strings.Contains(p.ParagraphText, p.Text) {
			t.Errorf("passage %s: text %q not in its paragraph", p.ID, p.Text)
		}
		if i > 0 {
			q := a.Passages[i-1]
			if q.Section == p.Section && q.Paragraph == p.Paragraph && p.Sentence != q.Sentence+1 {
				t.Errorf("passage %s follows %s: sentences not consecutive", p.ID, q.ID)
			}
		}
		if !strings.Contains(string(articleFile(t)), p.Text) {
			t.Errorf("passage %s is not verbatim article text: %q", p.ID, p.Text)
		}
	}

	// Stable IDs for sentences other code and answers may refer to.
	ids := map[string]string{
		"Up to 15 g is considered":                  "enforcement-p1-s1",
		"Amounts over 80 kg":                        "enforcement-p1-s7",
		"As of 16 April 2021":                       "decriminalization-p2-s1",
		"As of 25 November 2016":                    "medical-use-p1-s2",
		"This is also supported by the Green Party": "reform-efforts-p2-s2",
	}
	for prefix, id := range ids {
		if p := passage(t, a, prefix); p.ID != id {
			t.Errorf("passage %q has ID %q, want %q", prefix, p.ID, id)
		}
	}
	if n := len(a.Passages); n != 24 {
		t.Errorf("%d passages, want 24", n)
	}

	// Decimals do not end a sentence.
	p := passage(t, a, "6 parties")
	if p.Text != "6 parties (43.8%) voted for, while 3 parties (56.2%) voted against." {
		t.Errorf("43.8%% sentence split wrongly: %q", p.Text)
	}
	// A quotation that ends the sentence (`."`) keeps its closing quote,
	// and the next sentence starts after it.
	p = passage(t, a, "In the group's given mandate")
	if !strings.HasSuffix(p.Text, `"impose health related measures on drug addicts."`) {
		t.Errorf("quoted sentence split wrongly: %q", p.Text)
	}
	p = passage(t, a, "Not complying")
	if p.Text != `Not complying with measures imposed by police "will lead to sanctions."` {
		t.Errorf("sentence after a quotation: %q", p.Text)
	}
}

func TestParseArticleStableIDs(t *testing.T) {
	a1, err1 := corpus.ParseArticle(articleFile(t))
	a2, err2 := corpus.ParseArticle(articleFile(t))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !reflect.DeepEqual(a1.Passages, a2.Passages) {
		t.Error("parsing the same article twice gives different passages")
	}
	// Editing one section leaves the IDs of the others alone.
	edited := strings.Replace(string(articleFile(t)), "Young Liberals of Norway,", "An added sentence. Young Liberals of Norway,", 1)
	a3, err := corpus.ParseArticle([]byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a1.Passages {
		if p.Section == "Reform efforts" {
			continue
		}
		found := false
		for _, q := range a3.Passages {
			if q.ID == p.ID && q.Text == p.Text {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("passage %s changed after an edit in another section", p.ID)
		}
	}
}

func TestParseArticleFormat(t *testing.T) {
	in := "Lead text before any heading. It has two sentences.\n\n" +
		"= My Title =\n\n" +
		"== First Section ==\nLine one\ncontinues here. Dr. Smith came e.g. today! Did he?\n\nSecond paragraph.\n\n" +
		"===Sub section===\nDeeper text with 1.5 g and U.S. law.\n"
	a, err := corpus.ParseArticle([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "My Title" {
		t.Errorf("Title = %q", a.Title)
	}
	// Nothing is claimed about where another article comes from.
	if want := (bot.Attribution{Title: "My Title"}); a.Attribution != want {
		t.Errorf("Attribution of another article = %+v, want %+v", a.Attribution, want)
	}
	if want := []string{bot.LeadSection, "First Section", "Sub section"}; !slices.Equal(a.Sections, want) {
		t.Errorf("Sections = %q, want %q", a.Sections, want)
	}
	var got []string
	for _, p := range a.Passages {
		got = append(got, p.ID+": "+p.Text)
	}
	want := []string{
		"lead-p1-s1: Lead text before any heading.",
		"lead-p1-s2: It has two sentences.",
		"first-section-p1-s1: Line one continues here.",
		"first-section-p1-s2: Dr. Smith came e.g. today!",
		"first-section-p1-s3: Did he?",
		"first-section-p2-s1: Second paragraph.",
		"sub-section-p1-s1: Deeper text with 1.5 g and U.S. law.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("passages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"It was 43.8% of them. Then more.", []string{"It was 43.8% of them.", "Then more."}},
		{`He said "stop." Then left.`, []string{`He said "stop."`, "Then left."}},
		{"Really? Yes! Fine.", []string{"Really?", "Yes!", "Fine."}},
		{"As of 2016. 6 parties voted.", []string{"As of 2016.", "6 parties voted."}},
		{"Drugs e.g. cannabis. Next.", []string{"Drugs e.g. cannabis.", "Next."}},
		{"lower. case next", []string{"lower. case next"}},
		{"(In brackets.) Next one.", []string{"(In brackets.)", "Next one."}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := corpus.SplitSentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		is   error
	}{
		{"empty", nil, "empty", corpus.ErrEmpty},
		{"whitespace", []byte(" \n\t\n  "), "empty", corpus.ErrEmpty},
		{"no heading", []byte("Just some text.\n\nAnd more text.\n"), "heading", corpus.ErrNoHeading},
		{"not UTF-8", []byte("= T =\n\nLatin-1 \xe6\xf8\xe5 text.\n"), "UTF-8", nil},
		{"headings only", []byte("= Title =\n==Section==\n"), "no text", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.ParseArticle(tt.in)
			if err == nil {
				t.Fatal("ParseArticle accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-article.txt")
	_, err := corpus.Load(missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Load(missing) = %v, want an error naming %s", err, missing)
	}
	if err != nil && strings.Count(err.Error(), missing) != 1 {
		t.Errorf("the file is named more than once: %v", err)
	}

	for name, content := range map[string]string{
		"empty.txt":      "",
		"noheading.txt":  "Plain text without headings.\n",
		"binary.txt":     "= T =\n\n\xff\xfe\x00 text\n",
		"whitespace.txt": "\n\n   \n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := corpus.Load(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("Load(%s) = %v, want an error naming the file", name, err)
		}
	}

	// A directory is unreadable as an article.
	if _, err := corpus.Load(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Load(directory) = %v, want an error naming it", err)
	}
}

func TestLoadTempArticle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tea.txt")
	text := "= Tea in Norway =\n\nTea is a drink.\n\n==Prices==\nA cup of tea costs 40 kroner in Oslo. Green tea is cheaper.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Article.Title != "Tea in Norway" || len(c.Article.Passages) != 3 {
		t.Errorf("loaded %q with %d passages", c.Article.Title, len(c.Article.Passages))
	}
	if len(c.Schedule.Tiers) != 0 || len(c.Synonyms) != 0 {
		t.Errorf("no .penalties.toml or .synonyms.toml beside it, got %d tiers, %d synonyms", len(c.Schedule.Tiers), len(c.Synonyms))
	}
	if _, err := index.New(c.Article.Passages, c.Synonyms); err != nil {
		t.Errorf("index.New on the loaded article: %v", err)
	}

	// Data beside the article is read, and a bad schedule is an error
	// naming the article.
	if err := os.WriteFile(filepath.Join(dir, "tea.penalties.toml"), []byte("[[tier]]\nname = \"x\"\nabove = \"banana\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Load(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "penalty schedule") {
		t.Errorf("Load with a bad schedule beside it = %v", err)
	}
	// A schedule whose quotes are not in the article is rejected.
	bad := "[[tier]]\nname = \"all\"\nabove = \"0 g\"\nanswer.en = \"{amount}\"\nquotes = [{ section = \"Prices\", text = \"Tea is free.\" }]\n"
	if err := os.WriteFile(filepath.Join(dir, "tea.penalties.toml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Load(path); err == nil || !strings.Contains(err.Error(), "Tea is free.") {
		t.Errorf("Load with a misquoting schedule = %v", err)
	}
	good := "[[tier]]\nname = \"all\"\nabove = \"0 g\"\nanswer.en = \"{amount}\"\nquotes = [{ section = \"Prices\", text = \"Green tea is cheaper.\" }]\n"
	if err := os.WriteFile(filepath.Join(dir, "tea.penalties.toml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tea.synonyms.toml"), []byte("[[synonym]]\ninput = [\"chai\"]\nsynonyms = [\"tea\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Schedule.Tiers) != 1 || len(c.Synonyms) != 1 {
		t.Errorf("data beside the article not read: %d tiers, %d synonyms", len(c.Schedule.Tiers), len(c.Synonyms))
	}
}

// TestScheduleQuotesVerbatim checks every quote of the penalty schedule
// against the article file itself, besides Validate's own check.
func TestScheduleQuotesVerbatim(t *testing.T) {
	c := embedded(t)
	raw := string(articleFile(t))
	var quotes []bot.Source
	for _, tier := range c.Schedule.Tiers {
		if len(tier.Quotes) == 0 {
			t.Errorf("tier %q has no quote", tier.Name)
		}
		quotes = append(quotes, tier.Quotes...)
	}
	for key, f := range c.Schedule.Facts {
		if len(f.Quotes) == 0 {
			t.Errorf("fact %q has no quote", key)
		}
		quotes = append(quotes, f.Quotes...)
	}
	if len(quotes) < 10 {
		t.Fatalf("only %d quotes in the schedule", len(quotes))
	}
	for _, q := range quotes {
		if !strings.Contains(raw, q.Text) {
			t.Errorf("quote not in the article: %q", q.Text)
		}
		if !c.Article.HasSentence(q.Section, q.Text) {
			t.Errorf("quote not in section %q: %q", q.Section, q.Text)
		}
		// A quote is whole sentences, as the parser splits them.
		found := false
		for _, p := range c.Article.Passages {
			if p.Section == q.Section && p.Text == q.Text {
				found = true
			}
		}
		if !found {
			t.Errorf("quote is not one whole sentence of %q: %q", q.Section, q.Text)
		}
	}
}

func TestParseScheduleErrors(t *testing.T) {
	tests := map[string]string{
		"unknown key":     "[[tier]]\nname = \"x\"\nabove = \"0 g\"\ncolour = \"red\"\n",
		"bad bound":       "[[tier]]\nname = \"x\"\nabove = \"lots\"\n",
		"two amounts":     "[[tier]]\nname = \"x\"\nabove = \"0 g\"\nup_to = \"1 g and 2 kg\"\n",
		"not TOML":        "[[tier]\n",
		"negative bound":  "[[tier]]\nname = \"x\"\nabove = \"-5 g\"\n",
		"named no amount": "[units.named]\neighth = \"a bit\"\n",
	}
	for name, in := range tests {
		if _, err := corpus.ParseSchedule([]byte(in)); err == nil {
			t.Errorf("%s: ParseSchedule accepted %q", name, in)
		}
	}
}

func TestSynonymsLoadIntoIndex(t *testing.T) {
	c := embedded(t)
	if len(c.Synonyms) == 0 {
		t.Fatal("no synonyms in the embedded corpus")
	}
	ix, err := index.New(c.Article.Passages, c.Synonyms)
	if err != nil {
		t.Fatalf("index.New with the embedded synonyms: %v", err)
	}
	defer ix.Close()
	if ix.Len() != len(c.Article.Passages) {
		t.Errorf("index holds %d passages, want %d", ix.Len(), len(c.Article.Passages))
	}
	for _, bad := range []string{
		"[[synonym]]\nsynonyms = [\"weed\"]\n",
		"[[synonym]]\ninput = [\"weed\"]\n",
		"[[synonym]]\ninput = [\"a\"]\nsynonyms = [\"b\"]\nother = 1\n",
	} {
		if _, err := corpus.ParseSynonyms([]byte(bad)); err == nil {
			t.Errorf("ParseSynonyms accepted %q", bad)
		}
	}
	// A synonym the analyzer drops (a stop word) is refused by the index,
	// not left to break every later search.
	if _, err := index.New(c.Article.Passages, []bot.Synonym{{Input: []string{"the"}, Synonyms: []string{"cannabis"}}}); err == nil {
		t.Error("index.New accepted a stop word as a synonym")
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add(articleFile(f))
	f.Add([]byte("= T =\n\nOne. Two.\n"))
	f.Add([]byte("==A==\nx\n==A==\ny\n"))
	f.Add([]byte("=\n==\n= =\n===x==\n"))
	f.Add([]byte("==A b==\nx.\n==A-b==\ny.\n"))
	f.Add([]byte("\xff= T =\n"))
	f.Add([]byte("= T =\n\nA.[1]\n[2]\n* b\n- \n1. c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := corpus.ParseArticle(data)
		if err != nil {
			return
		}
		if len(a.Passages) == 0 || a.Title == "" || len(a.Sections) == 0 {
			t.Fatalf("ParseArticle(%q) succeeded with %d passages, title %q, sections %q", data, len(a.Passages), a.Title, a.Sections)
		}
		for _, p := range a.Passages {
			// Sentences come with their white space tidied, the
			// paragraph as written (a known difference: "a  b").
			para := strings.Join(strings.Fields(p.ParagraphText), " ")
			if strings.TrimSpace(p.Text) == "" || !strings.Contains(para, p.Text) || p.ID == "" {
				t.Fatalf("ParseArticle(%q): bad passage %+v", data, p)
			}
		}
	})
}

// TestParseArticleUniqueIDs: passage IDs must be unique, or index.New
// refuses the article, also when two headings differ only in punctuation
// or case and slug alike, or a heading repeats.
func TestParseArticleUniqueIDs(t *testing.T) {
	for _, text := range []string{
		"= T =\n\n==Tax rules==\nTea is taxed.\n\n==Tax-rules==\nCoffee is taxed too.\n",
		"= T =\n\n==Tax==\nTea is taxed.\n\n==TAX==\nCoffee is taxed too.\n\n==tax!==\nMilk is not.\n",
		"= T =\n\n==Tea==\nTea is taxed.\n\n==Coffee==\nCoffee is good.\n\n==Tea==\nTea is hot.\n",
		"= T =\n\nThe lead.\n\n==Lead==\nA section named Lead.\n",
	} {
		a, err := corpus.ParseArticle([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]string{}
		for _, p := range a.Passages {
			if other, dup := seen[p.ID]; dup {
				t.Errorf("%q and %q both give passage ID %q", other, p.Text, p.ID)
			}
			seen[p.ID] = p.Text
		}
		if _, err := index.New(a.Passages, nil); err != nil {
			t.Errorf("index.New: %v", err)
		}
	}
}

// Wiki reference marks are no part of a sentence, and a list item is a
// passage of its own without its bullet.
func TestParseArticleReferencesAndLists(t *testing.T) {
	art, err := corpus.ParseArticle([]byte("= T =\n\nThe act was passed in 1998.[1] Keepers register.[citation needed]\n\n==History==\n" +
		"Monks kept bees.\n* Hives were made of straw.\n- Honey was sold on Tuesdays\n2. Wax was exported.\nThe end came in 1620.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range art.Passages {
		got = append(got, p.Text)
	}
	want := []string{"The act was passed in 1998.", "Keepers register.", "Monks kept bees.", "Hives were made of straw.",
		"Honey was sold on Tuesdays", "Wax was exported.", "The end came in 1620."}
	if !slices.Equal(got, want) {
		t.Errorf("passages = %q\nwant %q", got, want)
	}
}
