package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command as main would, without a process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// jsonAnswer is the part of `ask --json` output other tools build on.
type jsonAnswer struct {
	Question *string `json:"question"`
	Answered *bool   `json:"answered"`
	Intent   *string `json:"intent"`
	Answer   *string `json:"answer"`
	Sources  *[]struct {
		Section string `json:"section"`
		Text    string `json:"text"`
	} `json:"sources"`
}

func decodeLines(t *testing.T, stdout string) []jsonAnswer {
	t.Helper()
	var out []jsonAnswer
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a jsonAnswer
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d is not one JSON object: %v\n%s", len(out)+1, err, sc.Text())
		}
		if dec.More() {
			t.Fatalf("line %d holds more than one JSON value", len(out)+1)
		}
		if a.Question == nil || a.Answered == nil || a.Intent == nil || a.Answer == nil || a.Sources == nil {
			t.Fatalf("line %d lacks one of question, answered, intent, answer, sources (sources must be a list, not null): %s", len(out)+1, sc.Text())
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAskJSONOneLinePerQuestion(t *testing.T) {
	long := strings.Repeat("how much weed ", 10000) // 140 kB: longer than bufio's default line
	lines := []string{
		"What is the penalty for 20 grams?",
		"",
		"   ",
		"Is medical cannabis legal in Norway?",
		long,
		"Who painted the Mona Lisa?",
		"",
		"What is the penalty for 5 g of cocaine?",
		"penalty for -5 g",
		"\t",
		"how many grams can I carry?",
		`{"question": "injected", "answered": true}`,
		"Hva er straffen for 10 gram?",
	}
	stdin := strings.Join(lines, "\n") // no newline after the last line
	code, stdout, stderr := runCLI(t, stdin, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, stderr)
	}
	got := decodeLines(t, stdout)
	if len(got) != len(lines) {
		t.Fatalf("%d input lines, %d JSON lines", len(lines), len(got))
	}
	for i, a := range got {
		if lines[i] == long {
			// The core keeps 4,004 bytes of a question, enough for the
			// engine to decline it as too long; only those are echoed.
			if !strings.HasPrefix(long, *a.Question) || len(*a.Question) != 4004 || *a.Answered {
				t.Errorf("line %d: %d bytes echoed (answered %v), want the first 4,004, declined", i+1, len(*a.Question), *a.Answered)
			}
			continue
		}
		if *a.Question != lines[i] {
			t.Errorf("line %d answers %q, want %q (out of order?)", i+1, trim(*a.Question), trim(lines[i]))
		}
		if *a.Answer == "" || *a.Intent == "" {
			t.Errorf("line %d: empty answer or intent", i+1)
		}
		if *a.Answered && len(*a.Sources) == 0 {
			t.Errorf("line %d: answered without sources", i+1)
		}
	}
	want := []struct {
		answered bool
		intent   string
	}{
		{true, "penalty"}, {false, "none"}, {false, "none"}, {true, "search"}, {false, "none"},
		{false, "none"}, {false, "none"}, {false, "scope"}, {false, "penalty"}, {false, "none"}, {true, "limit"},
	}
	for i, w := range want {
		if *got[i].Answered != w.answered || *got[i].Intent != w.intent {
			t.Errorf("line %d %q: answered=%v intent=%s, want %v %s", i+1, trim(lines[i]), *got[i].Answered, *got[i].Intent, w.answered, w.intent)
		}
	}
	if !strings.Contains(*got[4].Answer, "1000") {
		t.Errorf("the long line should be declined as too long: %s", *got[4].Answer)
	}
}

func trim(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func TestAskJSONCRLF(t *testing.T) {
	code, stdout, _ := runCLI(t, "penalty for 20 g\r\n\r\nIs medical cannabis legal?\r\n", "ask", "--json")
	got := decodeLines(t, stdout)
	if code != 0 || len(got) != 3 {
		t.Fatalf("exit %d, %d lines, want 0 and 3", code, len(got))
	}
	if *got[0].Question != "penalty for 20 g" || !*got[0].Answered {
		t.Errorf("CRLF line: %+v", *got[0].Question)
	}
}

func TestAskJSONEmptyStdin(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "ask", "--json")
	if code != 0 || stdout != "" {
		t.Errorf("no input: exit %d, stdout %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}
}

func TestAskJSONArgument(t *testing.T) {
	code, stdout, stderr := runCLI(t, "ignored\nlines\n", "ask", "--json", "What", "is", "the", "penalty", "for", "2", "kg?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := decodeLines(t, stdout)
	if len(got) != 1 {
		t.Fatalf("%d JSON lines for one question", len(got))
	}
	if *got[0].Question != "What is the penalty for 2 kg?" || *got[0].Intent != "penalty" || !strings.Contains(*got[0].Answer, "10 years") {
		t.Errorf("got %q → %s: %s", *got[0].Question, *got[0].Intent, *got[0].Answer)
	}
	if s := (*got[0].Sources)[0]; s.Section != "Enforcement" || s.Text == "" {
		t.Errorf("source %+v", s)
	}
}

func TestAskPlain(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "ask", "What is the penalty for 20 grams of cannabis?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"2 years",
		"Enforcement · Cannabis in Norway (Wikipedia, CC BY-SA 4.0)",
		"https://en.wikipedia.org/wiki/Cannabis_in_Norway",
		"Not legal advice.",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}

	// A passage answer names its section and carries no legal notice.
	_, stdout, _ = runCLI(t, "", "ask", "How many people were approved for medical cannabis?")
	if !strings.Contains(stdout, "Medical use · Cannabis in Norway") || strings.Contains(stdout, "Not legal advice.") {
		t.Errorf("passage answer:\n%s", stdout)
	}

	// A decline says so, offers examples and still exits 0.
	code, stdout, _ = runCLI(t, "", "ask", "Who painted the Mona Lisa?")
	if code != 0 {
		t.Errorf("a decline exits %d, want 0", code)
	}
	if !strings.Contains(stdout, "doesn't cover") || !strings.Contains(stdout, "  - ") || strings.Contains(stdout, "Not legal advice.") {
		t.Errorf("decline:\n%s", stdout)
	}
}

func TestAskPlainStdin(t *testing.T) {
	code, stdout, _ := runCLI(t, "penalty for 20 g\npenalty for 90 kg\n", "ask")
	if code != 0 || strings.Count(stdout, "Not legal advice.") != 2 || !strings.Contains(stdout, "3 to 15 years") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestBadFlagsAndCommands(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"ask", "--bogus", "x"}, "bogus"},
		{[]string{"ask", "--json=maybe", "x"}, "json"},
		{[]string{"eval", "--min", "lots", "f.jsonl"}, "min"},
		{[]string{"eval", "--min", "1.5", "f.jsonl"}, "--min"},
		{[]string{"eval"}, "Usage"},
		{[]string{"eval", "a.jsonl", "b.jsonl"}, "Usage"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		// The service is factbotd: the message says where it went.
		{[]string{"serve"}, "factbotd serve"},
		{[]string{"report", "unanswered"}, "factbotd report"},
		{nil, "Usage"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code == 0 {
			t.Errorf("factbot %q exits 0, want non-zero", tt.args)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("factbot %q: stderr lacks %q:\n%s", tt.args, tt.want, stderr)
		}
	}
}

func TestCorpusFlag(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	for _, args := range [][]string{
		{"ask", "--corpus", missing, "hello"},
		{"ask", "--json", "--corpus", missing},
		{"eval", "--corpus", missing, writeEval(t, `{"id":"a","cat":"x","q":"q","answered":false,"expect":[]}`)},
	} {
		code, stdout, stderr := runCLI(t, "question\n", args...)
		if code == 0 {
			t.Errorf("factbot %q exits 0", args)
		}
		if !strings.Contains(stderr, missing) {
			t.Errorf("factbot %q: stderr does not name the file:\n%s", args, stderr)
		}
		if stdout != "" {
			t.Errorf("factbot %q: wrote answers without a corpus: %q", args, stdout)
		}
	}

	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	code, _, stderr := runCLI(t, "", "ask", "--corpus", empty, "hello")
	if code == 0 || !strings.Contains(stderr, empty) || !strings.Contains(stderr, "empty") {
		t.Errorf("empty corpus: exit %d, stderr %q", code, stderr)
	}

	// Another article answers from its own text and names itself.
	tea := filepath.Join(dir, "tea.txt")
	os.WriteFile(tea, []byte("= Tea in Norway =\n\nTea is a hot drink.\n\n==Prices==\nA cup of tea costs 40 kroner in Oslo cafés.\n"), 0o644)
	code, stdout, stderr := runCLI(t, "", "ask", "--json", "--corpus", tea, "What does a cup of tea cost in cafés?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := decodeLines(t, stdout)
	if len(got) != 1 || !strings.Contains(*got[0].Answer, "40 kroner") {
		t.Errorf("answer from --corpus: %s", stdout)
	}
	if !strings.Contains(stdout, `"title":"Tea in Norway"`) || strings.Contains(stdout, "wikipedia") || strings.Contains(stdout, "CC BY-SA") {
		t.Errorf("attribution should name the other article and claim no publisher or license: %s", stdout)
	}
}

func writeEval(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "set.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEval(t *testing.T) {
	set := writeEval(t,
		`{"id":"p1","cat":"penalty","q":"jail for 300 g of hash?","answered":true,"expect":[["2 years","two years"]]}`,
		`{"id":"p2","cat":"penalty","q":"penalty for 90 kg","answered":true,"expect":[["life imprisonment"]]}`,
		``,
		`{"id":"s1","cat":"passage","q":"How many people had approval for medical cannabis?","answered":true,"expect":[["ONE PERSON"],["2016"]]}`,
		`{"id":"d1","cat":"decline","q":"Who won the 1998 World Cup?","answered":false,"expect":[]}`,
		`{"id":"d2","cat":"decline","q":"penalty for 20 g","answered":false,"expect":[]}`,
	)
	code, stdout, stderr := runCLI(t, "", "eval", set)
	if code != 0 {
		t.Fatalf("eval without --min exits %d: %s", code, stderr)
	}
	for _, want := range []string{
		`FAIL p2 [penalty] "penalty for 90 kg": answer lacks one of ["life imprisonment"]`,
		`FAIL d2 [decline] "penalty for 20 g": answered=true, want false`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, stdout)
		}
	}
	for _, want := range []string{"decline 1/2 50.0%", "passage 1/1 100.0%", "penalty 1/2 50.0%", "overall 3/5 60.0%"} {
		if !hasFigures(stdout, want) {
			t.Errorf("eval output lacks the line %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "FAIL p1") || strings.Contains(stdout, "FAIL s1") || strings.Contains(stdout, "FAIL d1") {
		t.Errorf("passing cases reported as failures:\n%s", stdout)
	}

	code, _, stderr = runCLI(t, "", "eval", "--min", "0.9", set)
	if code == 0 || !strings.Contains(stderr, "below --min") {
		t.Errorf("60%% with --min 0.9: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ = runCLI(t, "", "eval", "--min", "0.6", set); code != 0 {
		t.Errorf("60%% with --min 0.6 exits %d, want 0", code)
	}
	if code, _, _ = runCLI(t, "", "eval", "--min=0.5", set); code != 0 {
		t.Errorf("--min=0.5 exits %d, want 0", code)
	}
}

func TestEvalBadSets(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.jsonl")
	tests := []struct {
		path, want string
	}{
		{missing, "none.jsonl"},
		{writeEval(t, `{"id":"a","cat":"x","q":"q","answered":false,"expect":[]}`, `{not json`), "set.jsonl:2"},
		{writeEval(t, `{"id":"a","cat":"x","q":"q","answered":false,"expect":[],"extra":1}`), "extra"},
		{writeEval(t, ``, ``), "no questions"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, "", "eval", tt.path)
		if code == 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("eval %s: exit %d, stderr %q; want non-zero and %q", tt.path, code, stderr, tt.want)
		}
		if stdout != "" {
			t.Errorf("eval %s: printed figures for a bad set: %q", tt.path, stdout)
		}
	}
}

func TestEvalDevSet(t *testing.T) {
	const dev = "../../../shared/eval/dev.jsonl"
	if _, err := os.Stat(dev); err != nil {
		t.Skipf("dev set not beside the repo: %v", err)
	}
	code, stdout, stderr := runCLI(t, "", "eval", dev)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, cat := range []string{"penalty", "decline", "scope"} {
		if !hasFiguresPrefix(stdout, cat, "100.0%") {
			t.Errorf("dev set: %s below 100%%:\n%s", cat, stdout)
		}
	}
}

// hasFigures reports whether out has a line whose fields are want's,
// however they are aligned.
func hasFigures(out, want string) bool {
	w := strings.Join(strings.Fields(want), " ")
	for _, l := range strings.Split(out, "\n") {
		if strings.Join(strings.Fields(l), " ") == w {
			return true
		}
	}
	return false
}

// hasFiguresPrefix reports whether a figures line for category ends in
// suffix.
func hasFiguresPrefix(out, category, suffix string) bool {
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) == 3 && f[0] == category && f[2] == suffix {
			return true
		}
	}
	return false
}

func TestVersionAndHelp(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(stdout, "factbot ") {
			t.Errorf("factbot %q: exit %d, %q", args, code, stdout)
		}
	}
	for _, args := range [][]string{
		{"help"}, {"-h"}, {"--help"},
		{"ask", "-h"}, {"ask", "--help"}, {"eval", "-h"}, {"eval", "--help"},
	} {
		code, stdout, stderr := runCLI(t, "", args...)
		if code != 0 {
			t.Errorf("factbot %q exits %d", args, code)
		}
		if !strings.Contains(stdout+stderr, "Usage") {
			t.Errorf("factbot %q prints no usage:\n%s%s", args, stdout, stderr)
		}
	}
	_, stdout, _ := runCLI(t, "", "help")
	for _, cmd := range []string{"ask", "eval", "gate", "version", "help"} {
		if !strings.Contains(stdout, "factbot "+cmd) {
			t.Errorf("help does not list %s", cmd)
		}
	}
}
