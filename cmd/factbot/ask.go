package main

import (
	"github.com/factbot/factbot/internal/cli"

	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	conversation := fs.Bool("conversation", false, "read standard input as one conversation: a follow-up (\"and for dealers?\") is read against the question before it")
	corpusPath := fs.String("corpus", "", "answer from this article file instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbot ask [--json] [--conversation] [--corpus FILE] [QUESTION]

Answers QUESTION from the embedded article "Cannabis in Norway", or from the
article file given with --corpus (and the side files beside it). Without QUESTION,
reads questions from standard input, one per line; with --json it prints
exactly one JSON object per input line, in order, empty lines included.
Each line stands alone unless --conversation is given: then the lines are
one conversation, and a follow-up is read against the question before it
(shown as "read_as" in JSON).

Flags:
`)
		fs.PrintDefaults()
	}
	if code, done := cli.ParseFlags(fs, args); done {
		return code
	}
	// The build allocates about 4.5 MB, of which 1.5 MB stay as the engine.
	// Collecting during it costs a process that may live for one question
	// a tenth of its run, and frees too little to matter: the collector
	// waits until the engine is built, and, when the process answers one
	// question and ends, for good (restored, it would collect at once, the
	// heap being past the first goal: 2 ms of a 20 ms run).
	gcPercent := debug.SetGCPercent(-1)
	eng, err := engine.Load(*corpusPath, nil)
	if fs.NArg() == 0 {
		debug.SetGCPercent(gcPercent) // questions from standard input: any number
	}
	if err != nil {
		fmt.Fprintf(stderr, "factbot ask: %v\n", err)
		return 1
	}
	defer eng.Close()

	cli, err := newCLI(eng, *conversation)
	if err != nil {
		fmt.Fprintf(stderr, "factbot ask: %v\n", err)
		return 1
	}
	write := func(w io.Writer, a bot.Answer) error { return printAnswer(w, a, eng.Message) }
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		write = func(w io.Writer, a bot.Answer) error { return enc.Encode(a) }
	}
	ask := func(text string) error { return write(stdout, cli.ask(ctx, text)) }

	if fs.NArg() > 0 {
		if err := ask(strings.Join(fs.Args(), " ")); err != nil {
			fmt.Fprintf(stderr, "factbot ask: %v\n", err)
			return 1
		}
		return 0
	}
	sc := bufio.NewScanner(stdin)
	// A line longer than this is still one question: it gets the
	// too-long decline rather than breaking the one-line-one-answer rule.
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		if ctx.Err() != nil {
			break
		}
		if err := ask(sc.Text()); err != nil {
			fmt.Fprintf(stderr, "factbot ask: %v\n", err)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "factbot ask: reading questions: %v\n", err)
		return 1
	}
	return 0
}

// printAnswer renders an answer for a person at a terminal, with the
// bot's own words (msg) in the answer's language; how the question was
// read first, when that differs from what was typed.
func printAnswer(w io.Writer, a bot.Answer, msg func(lang, key string) string) error {
	var b strings.Builder
	if a.ReadAs != "" {
		b.WriteString(bot.Message(a.Lang, "reading_as", "question", a.ReadAs) + "\n")
	}
	b.WriteString(a.Text)
	b.WriteString("\n")
	if !a.Answered && len(a.Examples) > 0 {
		b.WriteString(msg(a.Lang, "try_asking") + "\n")
		for _, e := range a.Examples {
			fmt.Fprintf(&b, "  - %s\n", e)
		}
	}
	source := a.SourceLine()
	if a.Attribution.URL != "" {
		// An article without a [source] in its profile has no address.
		source += ", " + a.Attribution.URL
	}
	fmt.Fprintf(&b, "%s: %s\n", msg(a.Lang, "source"), source)
	if a.LegalNotice {
		b.WriteString(msg(a.Lang, "not_legal_advice") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
