package main

import (
	"github.com/factbot/factbot/internal/cli"

	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/corpus"
	"github.com/factbot/factbot/engine"
)

// factbot gate fits the answer-or-decline gate on labelled questions and
// reports how well it does on questions it was not fitted on.

func runGate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the fitted gate to this file (fit only; bot/gate.json ships)")
	folds := fs.Int("folds", 5, "folds for cross-validation")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbot gate fit|cv [--out FILE] [--folds 5] QUESTIONS.jsonl...

fit  fits the answer-or-decline gate on the question sets and prints its
     cross-validated precision and recall; with --out it writes the weights.
cv   prints the cross-validated figures only.

A set named X.questions.jsonl beside an article X.txt is read against that
article; any other set against the embedded one. Never fit on
../shared/eval: those sets are for measuring only.

Flags:
`)
		fs.PrintDefaults()
	}
	if len(args) == 0 || (args[0] != "fit" && args[0] != "cv") {
		fs.Usage()
		return 2
	}
	mode := args[0]
	if code, done := cli.ParseFlags(fs, args[1:]); done {
		return code
	}
	if fs.NArg() == 0 || *folds < 2 {
		fs.Usage()
		return 2
	}
	var gates bot.Gates
	for _, withExamples := range []bool{true, false} {
		g, err := fitReport(ctx, stdout, fs.Args(), *folds, withExamples)
		if err != nil {
			fmt.Fprintf(stderr, "factbot gate: %v\n", err)
			return 1
		}
		if withExamples {
			gates.WithExamples = g
		} else {
			gates.WithoutExamples = g
		}
	}
	if mode == "cv" || *out == "" {
		return 0
	}
	b, err := json.MarshalIndent(gates, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "factbot gate: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		fmt.Fprintf(stderr, "factbot gate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

// fitReport fits a gate on the sets, read with or without the articles'
// example questions, and prints its cross-validated figures and weights.
func fitReport(ctx context.Context, stdout io.Writer, paths []string, folds int, withExamples bool) (bot.Gate, error) {
	data, err := gateData(ctx, paths, withExamples)
	if err != nil {
		return bot.Gate{}, err
	}
	mode := "with the example questions"
	if !withExamples {
		mode = "without example questions"
	}
	cost := bot.WrongAnswerCostWithExamples
	if !withExamples {
		cost = bot.WrongAnswerCostWithoutExamples
	}
	cv := crossValidate(data, folds, cost)
	fmt.Fprintf(stdout, "== gate %s: %d questions reach the passages (%d should be answered), %d labelled passages\n",
		mode, len(data.questions), data.positives(), data.examples())
	fmt.Fprintf(stdout, "%d-fold cross-validation: %s\n", folds, cv)
	for _, set := range data.sets() {
		fmt.Fprintf(stdout, "fitted without %s, scored on it: %s\n", filepath.Base(set), holdOut(data, set, cost))
	}
	g := fit(data, data.all(), cost)
	g.Fitted = fmt.Sprintf("%d questions from %s, %s; %d-fold CV %s", len(data.questions),
		strings.Join(baseNames(paths), ", "), mode, folds, cv)
	for _, m := range []bot.Model{g.Rank, g.Answer} {
		for i, name := range m.Features {
			fmt.Fprintf(stdout, "  %-16s %+.3f\n", name, m.Weights[i])
		}
		fmt.Fprintf(stdout, "  %-16s %+.3f\n", "bias", m.Bias)
	}
	fmt.Fprintf(stdout, "  threshold        %.2f\n", g.Threshold)
	return g, nil
}

// gateSet is the labelled passages of every question that reaches them.
type gateSet struct {
	questions []gateQuestion
}

type gateQuestion struct {
	key string // set and id
	set string
	bot.Labelled
}

func (d gateSet) positives() int {
	n := 0
	for _, q := range d.questions {
		if q.ShouldAnswer {
			n++
		}
	}
	return n
}

func (d gateSet) examples() int {
	n := 0
	for _, q := range d.questions {
		n += len(q.Examples)
	}
	return n
}

func (d gateSet) sets() []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range d.questions {
		if !seen[q.set] {
			seen[q.set] = true
			out = append(out, q.set)
		}
	}
	return out
}

func (d gateSet) all() []int {
	idx := make([]int, len(d.questions))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// gateData reads every question set against its article, with or
// without the article's example questions.
func gateData(ctx context.Context, paths []string, withExamples bool) (gateSet, error) {
	var d gateSet
	engines := map[string]*engine.Engine{}
	defer func() {
		for _, e := range engines {
			e.Close()
		}
	}()
	for _, path := range paths {
		cases, err := readEvalCases(path)
		if err != nil {
			return d, err
		}
		article := articleFor(path)
		eng, ok := engines[article]
		if !ok {
			eng, err = loadEngine(article, withExamples)
			if err != nil {
				return d, err
			}
			engines[article] = eng
		}
		for _, c := range cases {
			exs, ok := eng.GateExamples(ctx, c.Question, func(text string) bool {
				return c.Answered && c.holds(text)
			})
			if !ok {
				continue
			}
			d.questions = append(d.questions, gateQuestion{key: path + "#" + c.ID, set: path,
				Labelled: bot.Labelled{ShouldAnswer: c.Answered, Examples: exs}})
		}
	}
	if len(d.questions) == 0 {
		return d, fmt.Errorf("no question in %v reaches the passages", paths)
	}
	return d, nil
}

// loadEngine builds the engine for an article ("" for the embedded one),
// dropping its example questions when asked.
func loadEngine(article string, withExamples bool) (*engine.Engine, error) {
	var c corpus.Corpus
	var err error
	if article == "" {
		c, err = corpus.Default()
	} else {
		c, err = corpus.Load(article)
	}
	if err != nil {
		return nil, err
	}
	if !withExamples {
		for i := range c.Article.Passages {
			c.Article.Passages[i].Questions = nil
		}
	}
	return engine.New(c, nil)
}

// articleFor returns the article a question set belongs to: X.txt beside
// X.questions.jsonl, or "" for the embedded one.
func articleFor(path string) string {
	if base, ok := strings.CutSuffix(path, ".questions.jsonl"); ok {
		if _, err := os.Stat(base + ".txt"); err == nil {
			return base + ".txt"
		}
	}
	return ""
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// fit fits the gate on the chosen questions.
func fit(d gateSet, idx []int, cost float64) bot.Gate {
	qs := make([]bot.Labelled, len(idx))
	for k, i := range idx {
		qs[k] = d.questions[i].Labelled
	}
	return bot.FitGate(qs, cost)
}

// decide scores a gate on the chosen questions.
func decide(g bot.Gate, d gateSet, idx []int) []bot.Outcome {
	out := make([]bot.Outcome, len(idx))
	for k, i := range idx {
		out[k] = g.Decide(d.questions[i].Labelled)
	}
	return out
}

// score tallies a gate's decisions on questions it was not fitted on.
type score struct {
	answered, correct, should, declinedRight, shouldDecline int
}

func (s *score) add(outcomes []bot.Outcome) {
	for _, o := range outcomes {
		if o.Answered {
			s.answered++
		}
		if o.ShouldAnswer {
			s.should++
			if o.Correct {
				s.correct++
			}
		} else {
			s.shouldDecline++
			if !o.Answered {
				s.declinedRight++
			}
		}
	}
}

// String gives precision (answers that are right), recall (answerable
// questions answered right) and declines (unanswerable ones declined).
func (s score) String() string {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	return fmt.Sprintf("answer precision %.1f%% (%d/%d), recall %.1f%% (%d/%d), declines right %.1f%% (%d/%d)",
		pct(s.correct, s.answered), s.correct, s.answered, pct(s.correct, s.should), s.correct, s.should,
		pct(s.declinedRight, s.shouldDecline), s.declinedRight, s.shouldDecline)
}

// crossValidate fits on k-1 folds and scores the k-th, for each k; folds
// are fixed by a hash of each question's key, so runs repeat.
func crossValidate(d gateSet, k int, cost float64) score {
	var s score
	for fold := range k {
		var train, test []int
		for i, q := range d.questions {
			h := fnv.New32a()
			h.Write([]byte(q.key))
			if int(h.Sum32()%uint32(k)) == fold {
				test = append(test, i)
			} else {
				train = append(train, i)
			}
		}
		if len(test) == 0 || len(train) == 0 {
			continue
		}
		s.add(decide(fit(d, train, cost), d, test))
	}
	return s
}

// holdOut fits on every set but one and scores that one: how the gate
// does on questions of a kind, or an article, it has never seen.
func holdOut(d gateSet, set string, cost float64) score {
	var train, test []int
	for i, q := range d.questions {
		if q.set == set {
			test = append(test, i)
		} else {
			train = append(train, i)
		}
	}
	var s score
	if len(train) == 0 {
		return s
	}
	s.add(decide(fit(d, train, cost), d, test))
	return s
}
