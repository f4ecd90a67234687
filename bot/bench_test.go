package bot_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/engine"
)

// benchQuestions is the mix BenchmarkAnswer runs: penalty amounts and
// facts, passage questions, and questions the bot declines.
var benchQuestions = map[string][]string{
	"penalty": {
		"What is the penalty for 20 grams?",
		"I was caught with 2 oz of weed, what happens?",
		"penalty for 80.01 kg",
		"half a kilo of hash",
		"What is the personal use limit?",
		"What is the longest possible sentence?",
	},
	"passage": {
		"Is medical cannabis legal in Norway?",
		"What did the Attorney General decide in 2021?",
		"Can the police search my phone?",
		"How many parties voted against the bill?",
		"Which youth league supports legalising drugs?",
		"Will a drug fine show up on my record?",
	},
	"declined": {
		"Who painted the Mona Lisa?",
		"asdf qwer zxcv",
		"Is cannabis legal in Germany?",
		"What is the fine for speeding in Norway?",
		"How do I bake bread?",
		"",
	},
}

func benchMix() []string {
	var mix []string
	for i := 0; ; i++ {
		added := false
		for _, cat := range []string{"penalty", "passage", "declined"} {
			if i < len(benchQuestions[cat]) {
				mix = append(mix, benchQuestions[cat][i])
				added = true
			}
		}
		if !added {
			return mix
		}
	}
}

// BenchmarkAnswer times one answer over a mix of questions and reports,
// besides the mean (ns/op), the median and 99th percentile of the single
// calls. Run it on one core: go test -run '^$' -bench Answer -cpu 1 ./bot
func BenchmarkAnswer(b *testing.B) {
	eng := realBot(b)
	run := func(b *testing.B, questions []string) {
		ctx := context.Background()
		qs := make([]bot.Question, len(questions))
		for i, q := range questions {
			qs[i] = bot.Question{Text: q, Platform: "bench"}
			eng.Answer(ctx, qs[i]) // warm up
		}
		durations := make([]time.Duration, 0, 1<<16)
		b.ReportAllocs()
		b.ResetTimer()
		i := 0
		for b.Loop() {
			start := time.Now()
			a := eng.Answer(ctx, qs[i%len(qs)])
			durations = append(durations, time.Since(start))
			if a.Text == "" {
				b.Fatal("empty answer")
			}
			i++
		}
		b.StopTimer()
		reportPercentiles(b, durations)
	}
	b.Run("mix", func(b *testing.B) { run(b, benchMix()) })
	for _, cat := range []string{"penalty", "passage", "declined"} {
		b.Run(cat, func(b *testing.B) { run(b, benchQuestions[cat]) })
	}
}

// reportPercentiles reports the median and 99th percentile of durations.
func reportPercentiles(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	at := func(p float64) float64 {
		i := int(p * float64(len(durations)-1))
		return float64(durations[i].Nanoseconds())
	}
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}

// BenchmarkEngineLoad is what a process pays before its first answer:
// parsing the embedded article, schedule and synonyms, and indexing.
func BenchmarkEngineLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e, err := engine.Load("", nil)
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}

func BenchmarkParseAmounts(b *testing.B) {
	inputs := []string{
		"What is the penalty for 20 grams?",
		"I was caught with an ounce of weed, what now?",
		"Is medical cannabis legal in Norway?",
		"1,5 kg or 1500 g",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		bot.ParseAmounts(inputs[i%len(inputs)], "en")
		i++
	}
}
