package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func fixture(t *testing.T) *wordNet {
	t.Helper()
	wn, err := load(filepath.Join("testdata", "dict"))
	if err != nil {
		t.Fatal(err)
	}
	return wn
}

func TestThesaurusLines(t *testing.T) {
	wn := fixture(t)
	got := thesaurusLines(wn, []string{"fire", "blaze", "find", "galore", "pay", "surrender", "unknown", "fire"})
	// "surrender" shares its only sense with "give_up", which is no
	// plain word, and "pay" shares a sense with nothing: no lines.
	want := []string{
		"blaze fire",      // the synonym of one sense
		"find discover",   // verbs too
		"fire blaze",      // both ways, and a repeated key once
		"galore abundant", // data.adj's marker "(ip)" dropped
	}
	if !slices.Equal(got, want) {
		t.Errorf("thesaurus lines\n got %q\nwant %q", got, want)
	}
}

func TestVerbFormLines(t *testing.T) {
	wn := fixture(t)
	exc, err := os.Open(filepath.Join("testdata", "exc", "verb.exc"))
	if err != nil {
		t.Fatal(err)
	}
	defer exc.Close()
	common := map[string]bool{"find": true, "wind": true, "pay": true, "coordinate": true, "lie": true}
	got, err := verbFormLines(wn, exc, common)
	if err != nil {
		t.Fatal(err)
	}
	// "found" is a verb of its own, but "find" is tagged 50 times
	// against its 5; "wound" is a noun, and "wind" only 12 against 10.
	// "gave_up" and "co-ordinated" are no plain words, "eat" is not
	// common, and "lay" is a form of two verbs.
	want := []string{"found find", "paid pay"}
	if !slices.Equal(got, want) {
		t.Errorf("verb forms\n got %q\nwant %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, want string
		read       func(*wordNet) error
	}{
		{"data word count", "bad word count", func(wn *wordNet) error {
			return wn.readData("noun", strings.NewReader("00001000 04 n zz fire 0 000 | x\n"))
		}},
		{"data too short", "too few fields", func(wn *wordNet) error {
			return wn.readData("noun", strings.NewReader("00001000 04\n"))
		}},
		{"data words missing", "bad word count", func(wn *wordNet) error {
			return wn.readData("noun", strings.NewReader("00001000 04 n 03 fire 0 | x\n"))
		}},
		{"index synset count", "bad synset count", func(wn *wordNet) error {
			return wn.readIndex("noun", strings.NewReader("fire n 9 0 1 0 00001000\n"))
		}},
		{"index negative count", "bad synset count", func(wn *wordNet) error {
			return wn.readIndex("noun", strings.NewReader("fire n -1 0 1 0 00001000\n"))
		}},
		{"data negative count", "bad word count", func(wn *wordNet) error {
			return wn.readData("noun", strings.NewReader("00001000 04 n -1 fire 0 | x\n"))
		}},
		{"sense line", "not a sense line", func(wn *wordNet) error {
			return wn.readSenses(strings.NewReader("find 00004000 1 50\n"))
		}},
		{"sense count", "bad tag count", func(wn *wordNet) error {
			return wn.readSenses(strings.NewReader("find%2:39:00:: 00004000 1 many\n"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(newWordNet())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// The readers take any line without panicking: a bad one is an error.
func FuzzReadData(f *testing.F) {
	f.Add("00001000 04 n 02 fire 0 blaze 0 000 | x\n")
	f.Add("00008000 00 s 02 galore(ip) 0 abundant 0 000 | x\n")
	f.Add("0 0 n ff\n")
	f.Add("0 0 n -1\n")
	f.Add("fire n -1 0 1 0 00001000\n")
	f.Fuzz(func(t *testing.T, line string) {
		_ = newWordNet().readData("noun", strings.NewReader(line))
		_ = newWordNet().readIndex("noun", strings.NewReader(line))
		_ = newWordNet().readSenses(strings.NewReader(line))
	})
}

func TestWordList(t *testing.T) {
	wn := fixture(t)
	got, err := wordList(wn, strings.NewReader("geese goose\ngive_ups give_up\n"), strings.NewReader("found find\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Every plain lemma and irregular form once, sorted; no multi-word
	// lemma ("give_up").
	want := []string{"abundant", "blaze", "discover", "find", "fire", "found", "galore", "geese", "pay",
		"surrender", "wind", "wound", "wrap"}
	if !slices.Equal(got, want) {
		t.Errorf("word list\n got %q\nwant %q", got, want)
	}
}

// The command writes the three files from a WordNet dict and its
// exception lists.
func TestRunWritesTheFiles(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "common-words.en.txt"), []byte("find\nwind\npay\nfire\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(filepath.Join("testdata", "dict"), filepath.Join("testdata", "exc"), out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"thesaurus.en.txt": "fire blaze\n",
		"verbforms.en.txt": "found find\n",
		"words.en.txt":     "geese\n",
	} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "# ") || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks its header or %q:\n%s", name, want, data)
		}
	}
	if err := run("", "", out); err == nil {
		t.Error("run without its inputs did not fail")
	}
}
