package bot

import "context"

// Article is a parsed source article: its title, attribution and the
// sentences it answers from.
type Article struct {
	Title       string
	Attribution Attribution
	Sections    []string // in article order; the lead is named Lead
	Passages    []Passage
}

// LeadSection names the text before the article's first heading.
const LeadSection = "Lead"

// Passage is one sentence of the article, kept with its paragraph so an
// answer can quote exactly the sentence that answers and still read in
// context.
type Passage struct {
	// ID is stable as long as the article's structure is: section slug,
	// paragraph and sentence number ("enforcement-p1-s3").
	ID        string
	Section   string
	Paragraph int // 1-based within the section
	Sentence  int // 1-based within the paragraph
	Text      string
	// ParagraphText is the whole paragraph the sentence belongs to.
	ParagraphText string
	// Questions are example questions the sentence answers, in the
	// words people ask with (document expansion), when the article has
	// them; searched beside the sentence, never shown.
	Questions []string
}

// Synonym is one entry of the vocabulary that maps the words people use to
// the words the article uses. With Input empty every term is equivalent to
// every other; otherwise each Input term also matches the Synonyms.
type Synonym struct {
	Input    []string `toml:"input"`
	Synonyms []string `toml:"synonyms"`
}

// Searcher finds the passages that best match a question. The index
// package implements it with Bleve; the bot decides from what it returns
// whether to answer at all.
type Searcher interface {
	Search(ctx context.Context, query string, limit int) (SearchResult, error)
}

// SearchResult carries, besides the ranked hits, the signals the
// answer-or-decline decision needs, which raw scores cannot give: which of
// the question's content terms each hit contains, and how rare each term
// is in the article.
type SearchResult struct {
	Terms    []Term // the question's content terms after analysis, in order, without repeats
	Hits     []Hit  // best first
	Passages int    // passages in the index, for weighting terms by rarity
}

// Term is one analyzed content word of a question.
type Term struct {
	Text string // the analyzed form, as indexed
	Word string // the word of the question it came from, lower-cased
	// DocFreq counts the passages that contain the term or one of its
	// synonyms; 0 means the article never uses it.
	DocFreq int
	// Topic is set by the bot when the word names the subject itself,
	// which every question is about.
	Topic bool
	// Related says the article never uses the word itself: it is found
	// where the article uses a word that shares a sense with it in
	// general English (a WordNet synonym), weaker evidence than the word.
	Related bool
}

// Hit is one ranked passage.
type Hit struct {
	Passage Passage
	Score   float64
	// Matched[i] says whether the sentence contains Terms[i] (or a
	// synonym); InQuestions[i] whether its example questions do;
	// InParagraph[i] whether its paragraph does.
	Matched     []bool
	InQuestions []bool
	InParagraph []bool
}

// holdsTerm reports whether the hit's sentence or its example questions hold
// the question's i-th term (or a synonym of it).
func (h Hit) holdsTerm(i int) bool {
	return h.Matched[i] || len(h.InQuestions) > i && h.InQuestions[i]
}
