package index

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Glossary reads a question in another language as English, word by word
// and phrase by phrase, from a curated term list. Inflected forms are found
// through bleve's Norwegian stemmer, so the list needs only one form of a
// word. It is no translator: it turns a short question into the words the
// intent layer and the English index understand, and leaves everything
// else (names, numbers, unknown words) as written.
type Glossary struct {
	exact map[string]string // lower-cased word or phrase → English
	// stems maps the stem of a listed single word to its English, built
	// on the first word not listed as typed: stemming every term is most
	// of the glossary's cost, and a process may read no question in the
	// language.
	stems     func() map[string]string
	maxPhrase int
	analyzer  analysis.Analyzer
}

// glossWordRE is compiled on first use: only a question in another
// language is translated.
var glossWordRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*`)
})

// Words lists the single words the glossary reads, sorted.
func (g *Glossary) Words() []string {
	var out []string
	for k := range g.exact {
		if !strings.Contains(k, " ") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// NewGlossary builds a glossary for Norwegian Bokmål from terms.
func NewGlossary(terms map[string]string) (*Glossary, error) {
	an := mapping.NewIndexMapping().AnalyzerNamed(no.AnalyzerName)
	if an == nil {
		return nil, fmt.Errorf("glossary: analyzer %q missing", no.AnalyzerName)
	}
	g := &Glossary{exact: map[string]string{}, maxPhrase: 1, analyzer: an}
	keys := make([]string, 0, len(terms))
	for k := range terms {
		keys = append(keys, k)
	}
	// Sorted, so which entry owns a shared stem never depends on map order.
	sort.Strings(keys)
	var words []string // the single words, in that order
	for _, k := range keys {
		key := strings.Join(strings.Fields(strings.ToLower(k)), " ")
		v := strings.TrimSpace(terms[k])
		if key == "" || v == "" {
			return nil, fmt.Errorf("glossary: empty term or translation for %q", k)
		}
		g.exact[key] = v
		n := len(strings.Fields(key))
		if n > g.maxPhrase {
			g.maxPhrase = n
		}
		if n == 1 {
			words = append(words, key)
		}
	}
	g.stems = sync.OnceValue(func() map[string]string {
		stems := map[string]string{}
		for _, w := range words {
			if s := g.stem(w); s != "" {
				if _, taken := stems[s]; !taken || s == w {
					stems[s] = g.exact[w]
				}
			}
		}
		return stems
	})
	return g, nil
}

// Prepare builds the stems now rather than on the first word that needs
// them.
func (g *Glossary) Prepare() { g.stems() }

func (g *Glossary) stem(word string) string {
	tokens := g.analyzer.Analyze([]byte(word))
	if len(tokens) != 1 {
		return ""
	}
	return string(tokens[0].Term)
}

// Translate returns text with every listed word and phrase replaced by its
// English, longest phrase first; what lies between words (numbers' decimal
// commas, punctuation) is kept.
func (g *Glossary) Translate(text string) string {
	spans := glossWordRE().FindAllStringIndex(text, -1)
	var b strings.Builder
	last := 0
	for i := 0; i < len(spans); {
		n, repl := g.match(text, spans, i)
		b.WriteString(text[last:spans[i][0]])
		if n == 0 {
			n = 1
			repl = text[spans[i][0]:spans[i][1]]
		}
		b.WriteString(repl)
		last = spans[i+n-1][1]
		i += n
	}
	b.WriteString(text[last:])
	return b.String()
}

// single translates one listed word, directly or through its stem.
func (g *Glossary) single(word string) (string, bool) {
	if v, ok := g.exact[word]; ok {
		return v, true
	}
	if s := g.stem(word); s != "" {
		if v, ok := g.stems()[s]; ok {
			return v, true
		}
	}
	return "", false
}

// maxWordBytes is the longest word the glossary reads; a longer one is left
// as written. The compound splitter stems the rest of the word at every
// split point, so its work grows with the square of the length: real
// words ("førstegangsovertredere") are far shorter, while one 60,000-letter
// "word" would cost a core for seconds.
const maxWordBytes = 64

// compound reads a Norwegian compound as its two listed parts, with or
// without the linking s or e ("maksimums|straffen", "rus|reformen",
// "minste|straffen"), so the list need not hold every compound.
func (g *Glossary) compound(word string) (string, bool) {
	const minPart = 3
	for i := minPart; i <= len(word)-minPart; i++ {
		if !utf8.RuneStart(word[i]) {
			continue
		}
		right, ok := g.single(word[i:])
		if !ok {
			continue
		}
		left := word[:i]
		for _, l := range []string{left, strings.TrimSuffix(left, "s"), strings.TrimSuffix(left, "e")} {
			if v, ok := g.exact[l]; ok && len(l) >= minPart {
				return v + " " + right, true
			}
		}
	}
	return "", false
}

// match finds the longest listed phrase starting at word i, its words
// separated by white space only.
func (g *Glossary) match(text string, spans [][]int, i int) (int, string) {
	if spans[i][1]-spans[i][0] > maxWordBytes {
		return 0, ""
	}
	for n := min(g.maxPhrase, len(spans)-i); n >= 1; n-- {
		ok := true
		for j := i + 1; j < i+n; j++ {
			if strings.TrimSpace(text[spans[j-1][1]:spans[j][0]]) != "" {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		parts := make([]string, 0, n)
		for j := i; j < i+n; j++ {
			parts = append(parts, strings.ToLower(text[spans[j][0]:spans[j][1]]))
		}
		key := strings.Join(parts, " ")
		if v, found := g.exact[key]; found {
			return n, v
		}
		if n == 1 {
			if v, found := g.single(key); found {
				return 1, v
			}
			if v, found := g.compound(key); found {
				return 1, v
			}
		}
	}
	return 0, ""
}
