package main

import (
	"bufio"
	"errors"
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
	return eachLine(r, "data."+pos, func(line string) error {
		body, _, _ := strings.Cut(line, "|")
		f := strings.Fields(body)
		if len(f) < 4 {
			return errors.New("too few fields")
		}
		count, err := strconv.ParseInt(f[3], 16, 0)
		if err != nil || count < 0 || count > int64(len(f)-4)/2 {
			return fmt.Errorf("bad word count %q", f[3])
		}
		words := make([]string, count)
		for i := range words {
			words[i] = strings.ToLower(adjectiveMarker.ReplaceAllString(f[4+2*i], ""))
		}
		wn.synsets[synsetKey{pos, f[0]}] = words
		return nil
	})
}

// readIndex reads an index.<pos> file: "lemma pos synset_cnt p_cnt
// [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…", the offsets last.
func (wn *wordNet) readIndex(pos string, r io.Reader) error {
	return eachLine(r, "index."+pos, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 3 {
			return errors.New("too few fields")
		}
		senses, err := strconv.Atoi(f[2])
		if err != nil || senses < 0 || senses > len(f)-3 {
			return fmt.Errorf("bad synset count %q", f[2])
		}
		lemma := f[0]
		for _, off := range f[len(f)-senses:] {
			wn.lemmas[lemma] = append(wn.lemmas[lemma], synsetKey{pos, off})
		}
		if wn.lemmaPOS[lemma] == nil {
			wn.lemmaPOS[lemma] = map[string]bool{}
		}
		wn.lemmaPOS[lemma][pos] = true
		return nil
	})
}

// readSenses reads index.sense: "lemma%ss_type:… offset sense_number
// tag_cnt", summing the tag counts per lemma.
func (wn *wordNet) readSenses(r io.Reader) error {
	return eachLine(r, "index.sense", func(line string) error {
		f := strings.Fields(line)
		lemma, _, ok := strings.Cut(f[0], "%")
		if !ok || len(f) != 4 {
			return errors.New("not a sense line")
		}
		count, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("bad tag count %q", f[3])
		}
		wn.tagged[lemma] += count
		return nil
	})
}

// eachLine calls read with each line of a WordNet file but the license
// (lines starting with two spaces) and blank ones, naming the file and
// line in read's error.
func eachLine(r io.Reader, file string, read func(line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := read(line); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n, err)
		}
	}
	return sc.Err()
}
