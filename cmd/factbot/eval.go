package main

import (
	"github.com/factbot/factbot/internal/cli"

	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
)

// evalCase is one line of a question set.
type evalCase struct {
	ID       string     `json:"id"`
	Category string     `json:"cat"`
	Question string     `json:"q"`
	Answered bool       `json:"answered"`
	Expect   [][]string `json:"expect"`
}

// passes reports whether an answer meets the case: the same answered-or-
// declined decision and, for answered cases, one alternative of every
// expected group in the lower-cased answer.
func (c evalCase) passes(a bot.Answer) (bool, string) {
	if a.Answered != c.Answered {
		return false, fmt.Sprintf("answered=%v, want %v", a.Answered, c.Answered)
	}
	if !c.Answered {
		return true, ""
	}
	if !c.holds(a.Text) {
		return false, fmt.Sprintf("answer lacks one of %q", c.missing(a.Text))
	}
	return true, ""
}

// holds reports whether text has one alternative of every expected group.
func (c evalCase) holds(text string) bool { return c.missing(text) == nil }

// missing returns the first expected group text has no alternative of.
func (c evalCase) missing(text string) []string {
	text = strings.ToLower(text)
	for _, group := range c.Expect {
		found := false
		for _, alt := range group {
			if strings.Contains(text, strings.ToLower(alt)) {
				found = true
				break
			}
		}
		if !found {
			return group
		}
	}
	return nil
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	minScore := fs.Float64("min", 0, "exit non-zero when the overall share passed is below this (0 to 1)")
	corpusPath := fs.String("corpus", "", "answer from this article file instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbot eval [--min 0.9] [--corpus FILE] FILE

Scores the bot on a question set: JSON lines with id, cat, q, answered and
expect (a list of groups of alternatives). A question passes when the bot
answers or declines as expected and, if answered, every group has one
alternative in the lower-cased answer. Prints failures and per-category
figures.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, done := cli.ParseFlags(fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if *minScore < 0 || *minScore > 1 {
		fmt.Fprintf(stderr, "factbot eval: --min must be between 0 and 1, got %v\n", *minScore)
		return 2
	}
	path := fs.Arg(0)
	cases, err := readEvalCases(path)
	if err != nil {
		fmt.Fprintf(stderr, "factbot eval: %v\n", err)
		return 1
	}
	eng, err := engine.Load(*corpusPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "factbot eval: %v\n", err)
		return 1
	}
	defer eng.Close()

	type tally struct{ passed, total int }
	byCat := map[string]*tally{}
	var all tally
	for _, c := range cases {
		a := eng.Answer(ctx, bot.Question{Text: c.Question, Platform: "eval"})
		ok, why := c.passes(a)
		t := byCat[c.Category]
		if t == nil {
			t = &tally{}
			byCat[c.Category] = t
		}
		t.total++
		all.total++
		if ok {
			t.passed++
			all.passed++
			continue
		}
		fmt.Fprintf(stdout, "FAIL %s [%s] %q: %s\n     got: %s\n", c.ID, c.Category, c.Question, why, a.Text)
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		t := byCat[c]
		fmt.Fprintf(stdout, "%-10s %3d/%-3d %6.1f%%\n", c, t.passed, t.total, 100*float64(t.passed)/float64(t.total))
	}
	score := 0.0
	if all.total > 0 {
		score = float64(all.passed) / float64(all.total)
	}
	fmt.Fprintf(stdout, "%-10s %3d/%-3d %6.1f%%\n", "overall", all.passed, all.total, 100*score)
	if score < *minScore {
		fmt.Fprintf(stderr, "factbot eval: %.1f%% is below --min %.1f%%\n", 100*score, 100**minScore)
		return 1
	}
	return 0
}

func readEvalCases(path string) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("question set: %w", err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var c evalCase
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if c.Question == "" && c.ID == "" {
			return nil, fmt.Errorf("%s:%d: a line needs at least id and q", path, line)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return cases, nil
}
