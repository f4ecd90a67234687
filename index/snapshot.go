package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/factbot/factbot/bot"
)

// token is what the index keeps of an analysed token: its term and where
// in the text it was read.
type token struct {
	term       string
	start, end int
}

func termStrings(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.term
	}
	return out
}

func tokensOf(stream analysis.TokenStream) []token {
	out := make([]token, len(stream))
	for i, t := range stream {
		out[i] = token{term: string(t.Term), start: t.Start, end: t.End}
	}
	return out
}

// snapshotMagic starts an analysis snapshot; the digit is its format.
const snapshotMagic = "factbot-analysis-1\n"

// Analyses is the English analysis of every text an index of passages
// reads (sentences, example questions, section names), encoded: an
// article's analysis computed ahead, so that an index built with it
// (WithAnalyses) reads its texts without analysing them. Analysis is most
// of building an index; a process that answers one question from the
// embedded article loads it instead. opts configure the analyzer as they
// would the index (WithVerbForms).
func Analyses(passages []bot.Passage, opts ...Option) ([]byte, error) {
	ix := &Index{}
	for _, o := range opts {
		o(ix)
	}
	an, err := englishAnalyzer(ix.verbForms)
	if err != nil {
		return nil, err
	}
	out := []byte(snapshotMagic)
	seen := map[string]bool{}
	add := func(text string) {
		if seen[text] {
			return
		}
		seen[text] = true
		out = appendString(out, text)
		toks := tokensOf(an.Analyze([]byte(text)))
		out = binary.AppendUvarint(out, uint64(len(toks)))
		for _, t := range toks {
			out = binary.AppendUvarint(out, uint64(t.start))
			out = binary.AppendUvarint(out, uint64(t.end))
			out = appendString(out, t.term)
		}
	}
	for _, p := range passages {
		add(p.Text)
		add(p.Section)
		for _, q := range p.Questions {
			add(q)
		}
	}
	return out, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// WithAnalyses gives the index texts' analyses computed ahead (Analyses):
// a text found there is not analysed again; any other text is. The
// analyses must come from the same analyzer the index uses; a test keeps
// the embedded article's current.
func WithAnalyses(snapshot string) Option {
	return func(ix *Index) { ix.snapshot = snapshot }
}

// decodeAnalyses reads a snapshot into each text's tokens. Terms are
// substrings of the snapshot: loading copies nothing.
func decodeAnalyses(snap string) (map[string][]token, error) {
	rest, ok := strings.CutPrefix(snap, snapshotMagic)
	if !ok {
		return nil, errors.New("not an analysis snapshot of this format")
	}
	out := map[string][]token{}
	uvarint := func() (int, error) {
		var v uint64
		for i := 0; i < len(rest) && i < binary.MaxVarintLen64; i++ {
			v |= uint64(rest[i]&0x7f) << (7 * i)
			if rest[i] < 0x80 {
				if v > uint64(len(snap)) {
					break // no offset or length in a snapshot exceeds it
				}
				rest = rest[i+1:]
				return int(v), nil
			}
		}
		return 0, errors.New("truncated or corrupt")
	}
	str := func() (string, error) {
		n, err := uvarint()
		if err != nil || n > len(rest) {
			return "", errors.New("truncated")
		}
		s := rest[:n]
		rest = rest[n:]
		return s, nil
	}
	for rest != "" {
		text, err := str()
		if err != nil {
			return nil, err
		}
		n, err := uvarint()
		if err != nil {
			return nil, err
		}
		toks := make([]token, n)
		for i := range toks {
			if toks[i].start, err = uvarint(); err != nil {
				return nil, err
			}
			if toks[i].end, err = uvarint(); err != nil {
				return nil, err
			}
			if toks[i].term, err = str(); err != nil {
				return nil, err
			}
		}
		out[text] = toks
	}
	return out, nil
}

// snapshotAnalyses decodes the snapshot the index was given, if any.
func (ix *Index) snapshotAnalyses() (map[string][]token, error) {
	if ix.snapshot == "" {
		return nil, nil
	}
	snap, err := decodeAnalyses(ix.snapshot)
	if err != nil {
		return nil, fmt.Errorf("index: analysis snapshot: %w", err)
	}
	return snap, nil
}
