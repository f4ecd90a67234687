// Package corpus holds the article factbot answers from and the data that
// sits beside it (the penalty schedule, the synonym list), embedded in the
// binary, and parses files of the same format given at run time.
package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/bot"
)

// ErrNoHeading, ErrEmpty: a file in the article format must have text and
// at least one heading.
var (
	ErrEmpty     = errors.New("file is empty")
	ErrNoHeading = errors.New("no '= Title =' or '==Section==' heading found")
)

// ParseArticle parses the article format: an optional "= Title =" line,
// "==Section==" headings, and paragraphs separated by blank lines. Text
// before the first section heading is the lead. Each sentence becomes a
// passage.
func ParseArticle(data []byte) (bot.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return bot.Article{}, ErrEmpty
	}
	if !utf8.Valid(data) {
		return bot.Article{}, errors.New("file is not UTF-8 text")
	}
	var art bot.Article
	section := bot.LeadSection
	var para []string
	paraNo := map[string]int{}
	headings := 0
	// Section names map to unique slugs for passage IDs: "Tax rules" and
	// "Tax-rules" would otherwise share one.
	slugs := map[string]string{}
	taken := map[string]bool{}
	sectionSlug := func(name string) string {
		if s, ok := slugs[name]; ok {
			return s
		}
		base := slug(name)
		if base == "" {
			base = "section"
		}
		s := base
		for n := 2; taken[s]; n++ {
			s = fmt.Sprintf("%s-%d", base, n)
		}
		slugs[name], taken[s] = s, true
		return s
	}

	flush := func() {
		if len(para) == 0 {
			return
		}
		// Single spaces, as in the sentences, so a sentence is always
		// found in its own paragraph.
		text := strings.Join(strings.Fields(strings.Join(para, " ")), " ")
		para = para[:0]
		paraNo[section]++
		for i, s := range SplitSentences(text) {
			art.Passages = append(art.Passages, bot.Passage{
				ID:            fmt.Sprintf("%s-p%d-s%d", sectionSlug(section), paraNo[section], i+1),
				Section:       section,
				Paragraph:     paraNo[section],
				Sentence:      i + 1,
				Text:          s,
				ParagraphText: text,
			})
		}
		if len(art.Sections) == 0 || art.Sections[len(art.Sections)-1] != section {
			art.Sections = append(art.Sections, section)
		}
	}

	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if level, name, ok := heading(line); ok {
			flush()
			headings++
			if level == 1 {
				if art.Title == "" {
					art.Title = name
				}
				continue
			}
			section = name
			continue
		}
		if line == "" {
			flush()
			continue
		}
		if line = withoutReferences(line); line == "" {
			continue // a line of reference marks only
		}
		if item, ok := listItem(line); ok {
			// A list item is a paragraph of its own: "* Hives were
			// made of straw." answers without the items around it.
			flush()
			para = append(para, item)
			flush()
			continue
		}
		para = append(para, line)
	}
	if err := sc.Err(); err != nil {
		return bot.Article{}, fmt.Errorf("reading article: %w", err)
	}
	flush()
	if headings == 0 {
		return bot.Article{}, ErrNoHeading
	}
	if len(art.Passages) == 0 {
		return bot.Article{}, errors.New("no text under the headings")
	}
	if art.Title == "" {
		art.Title = art.Sections[0]
	}
	// Where the article comes from is the profile's to say
	// (corpus.Corpus.attribute); the file itself names only its title.
	art.Attribution = bot.Attribution{Title: art.Title}
	return art, nil
}

// referenceRE matches a wiki reference mark left in exported text:
// "[12]", "[citation needed]", "[note 3]".
var referenceRE = regexp.MustCompile(`\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|clarification needed)\]`)

// withoutReferences drops reference marks, which are no part of a
// sentence a user should be quoted ("the Apiary Act of 1998.[1]").
func withoutReferences(line string) string {
	if !strings.Contains(line, "[") {
		return line
	}
	return strings.TrimSpace(referenceRE.ReplaceAllString(line, ""))
}

// listItem returns a bulleted or numbered list line's text without its
// marker ("* ", "- ", "• ", "1. ", "2) ").
func listItem(line string) (string, bool) {
	for _, m := range []string{"* ", "- ", "• ", "# "} {
		if rest, ok := strings.CutPrefix(line, m); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	num, rest, ok := strings.Cut(line, " ")
	if ok && len(num) >= 2 && len(num) <= 3 && (num[len(num)-1] == '.' || num[len(num)-1] == ')') &&
		strings.Trim(num[:len(num)-1], "0123456789") == "" && strings.TrimSpace(rest) != "" {
		return strings.TrimSpace(rest), true
	}
	return "", false
}

// heading recognises "= Title =" (level 1) and "==Section==" (level 2 and
// deeper), with or without inner spaces.
func heading(line string) (level int, name string, ok bool) {
	if len(line) < 3 || line[0] != '=' || line[len(line)-1] != '=' {
		return 0, "", false
	}
	l := len(line) - len(strings.TrimLeft(line, "="))
	r := len(line) - len(strings.TrimRight(line, "="))
	if l != r || l*2 >= len(line) {
		return 0, "", false
	}
	name = strings.TrimSpace(line[l : len(line)-r])
	if name == "" {
		return 0, "", false
	}
	return l, name, true
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g.": true, "i.e.": true, "etc.": true, "mr.": true, "mrs.": true, "dr.": true,
	"st.": true, "no.": true, "vs.": true, "approx.": true, "u.s.": true, "jan.": true,
	"feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}

// SplitSentences splits a paragraph into sentences: a sentence ends at '.',
// '!' or '?' (with any closing quote or bracket) followed by a space and a
// capital letter, a digit or an opening quote. Decimals ("43.8%") and common
// abbreviations do not end a sentence.
func SplitSentences(text string) []string {
	var out []string
	words := strings.Fields(text)
	start := 0
	for i, w := range words {
		if i == len(words)-1 {
			break
		}
		end := strings.TrimRight(w, `"')]”’`)
		if end == "" || !strings.ContainsAny(end[len(end)-1:], ".!?") {
			continue
		}
		if abbreviations[strings.ToLower(end)] {
			continue
		}
		next, _ := utf8.DecodeRuneInString(words[i+1])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“'(`, next)) {
			continue
		}
		out = append(out, strings.Join(words[start:i+1], " "))
		start = i + 1
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}
