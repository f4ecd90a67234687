package main

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZOne(t *testing.T) {
	q := os.Getenv("DBGQ")
	if q == "" {
		t.Skip()
	}
	eng, err := loadEngine(os.Getenv("DBGC"), true)
	if err != nil {
		t.Fatal(err)
	}
	g := eng.Gate()
	exs, ok := eng.GateExamples(context.Background(), q, func(s string) bool { fmt.Println("  text:", s[:min(len(s), 100)]); return false })
	fmt.Println(ok)
	for _, x := range exs {
		fmt.Printf("rank %.3f %.2v\n", g.Rank.Probability(x.Features), x.Features)
	}
}
