package main

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStart runs `factbot ask "x"` and a plain Bleve program that
// indexes the same article and prints its top hit (testdata/plainbleve),
// each as a fresh process, in turn, so load from elsewhere falls on both
// alike. It reports each side's mean wall time from start to exit and
// their ratio; the bar is factbot within 1.5× the plain program. Both are
// built once, outside the timing, with the same toolchain and flags.
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	factbot := filepath.Join(dir, "factbot")
	plain := filepath.Join(dir, "plainbleve")
	for _, build := range [][]string{{"-o", factbot, "."}, {"-o", plain, "./testdata/plainbleve"}} {
		if out, err := exec.Command("go", append([]string{"build"}, build...)...).CombinedOutput(); err != nil {
			b.Fatalf("go build %v: %v\n%s", build, err, out)
		}
	}
	article, err := filepath.Abs(filepath.Join("..", "..", "corpus", "cannabis-in-norway.txt"))
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, args ...string) time.Duration {
		start := time.Now()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", name, err, out)
		}
		return time.Since(start)
	}
	var factbotTime, plainTime time.Duration
	n := 0
	for b.Loop() {
		factbotTime += run(factbot, "ask", "x")
		plainTime += run(plain, article, "x")
		n++
	}
	b.ReportMetric(float64(factbotTime.Microseconds())/1000/float64(n), "factbot-ms")
	b.ReportMetric(float64(plainTime.Microseconds())/1000/float64(n), "plain-ms")
	b.ReportMetric(float64(factbotTime)/float64(plainTime), "ratio")
}
