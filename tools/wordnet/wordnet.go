package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The parts of speech WordNet's files are named by.
var partsOfSpeech = []string{"noun", "verb", "adj", "adv"}

// synsetKey names a synset: its part of speech's file and its offset.
type synsetKey struct{ pos, offset string }

// wordNet is what the generators read of a WordNet database: each
// synset's words, each lemma's synsets, and how often each lemma was
// tagged in WordNet's sense-tagged texts.
type wordNet struct {
	synsets map[synsetKey][]string
	lemmas  map[string][]synsetKey
	// lemmaPOS records the parts of speech each lemma has an index
	// entry for.
	lemmaPOS map[string]map[string]bool
	// tagged sums index.sense's tag counts per lemma, all its senses.
	tagged map[string]int
}

func newWordNet() *wordNet {
	return &wordNet{synsets: map[synsetKey][]string{}, lemmas: map[string][]synsetKey{},
		lemmaPOS: map[string]map[string]bool{}, tagged: map[string]int{}}
}

// adjectiveMarker is the syntactic marker data.adj puts on some words
// ("galore(ip)").
var adjectiveMarker = regexp.MustCompile(`\([a-z]+\)$`)

// readData reads a data.<pos> file: "offset lex_filenum ss_type w_cnt
// word lex_id … p_cnt … | gloss", w_cnt in hexadecimal. Lines starting
// with two spaces are the license.
func (wn *wordNet) readData(pos string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		body, _, _ := strings.Cut(line, "|")
		f := strings.Fields(body)
		if len(f) < 4 {
			return fmt.Errorf("data.%s line %d: too few fields", pos, n)
		}
		count, err := strconv.ParseInt(f[3], 16, 0)
		if err != nil || count < 0 || count > int64(len(f)-4)/2 {
			return fmt.Errorf("data.%s line %d: bad word count %q", pos, n, f[3])
		}
		words := make([]string, count)
		for i := range words {
			words[i] = strings.ToLower(adjectiveMarker.ReplaceAllString(f[4+2*i], ""))
		}
		wn.synsets[synsetKey{pos, f[0]}] = words
	}
	return sc.Err()
}

// readIndex reads an index.<pos> file: "lemma pos synset_cnt p_cnt
// [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…", the offsets last.
func (wn *wordNet) readIndex(pos string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("index.%s line %d: too few fields", pos, n)
		}
		senses, err := strconv.Atoi(f[2])
		if err != nil || senses < 0 || senses > len(f)-3 {
			return fmt.Errorf("index.%s line %d: bad synset count %q", pos, n, f[2])
		}
		lemma := f[0]
		for _, off := range f[len(f)-senses:] {
			wn.lemmas[lemma] = append(wn.lemmas[lemma], synsetKey{pos, off})
		}
		if wn.lemmaPOS[lemma] == nil {
			wn.lemmaPOS[lemma] = map[string]bool{}
		}
		wn.lemmaPOS[lemma][pos] = true
	}
	return sc.Err()
}

// readSenses reads index.sense: "lemma%ss_type:… offset sense_number
// tag_cnt", summing the tag counts per lemma.
func (wn *wordNet) readSenses(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		lemma, _, ok := strings.Cut(f[0], "%")
		if !ok || len(f) != 4 {
			return fmt.Errorf("index.sense line %d: not a sense line", n)
		}
		count, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("index.sense line %d: bad tag count %q", n, f[3])
		}
		wn.tagged[lemma] += count
	}
	return sc.Err()
}
