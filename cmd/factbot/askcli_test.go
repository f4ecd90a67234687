package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A conversation on standard input: follow-ups read against the question
// before them, in English and Bokmål; "and in Sweden?" still declined as
// another country.
func TestAskConversation(t *testing.T) {
	in := strings.Join([]string{
		"What is the penalty for 20 grams?",
		"and for dealers?",
		"and in Sweden?",
		"what about 2 kg?",
		"Hva er straffen for 20 gram?",
		"hva med 2 kilo?",
		"Is medical cannabis legal?",
	}, "\n")
	code, stdout, stderr := runCLI(t, in, "ask", "--json", "--conversation")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type line struct {
		Question string `json:"question"`
		Answered bool   `json:"answered"`
		Reason   string `json:"reason"`
		ReadAs   string `json:"read_as"`
	}
	want := []line{
		{"What is the penalty for 20 grams?", true, "", ""},
		{"and for dealers?", true, "", "What is the penalty for dealers?"},
		{"and in Sweden?", false, "other_country", "What is the penalty in Sweden?"},
		{"what about 2 kg?", true, "", "What is the penalty for 2 kg?"},
		{"Hva er straffen for 20 gram?", true, "", ""},
		{"hva med 2 kilo?", true, "", "Hva er straffen for 2 kilo?"},
		{"Is medical cannabis legal?", true, "", ""},
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines for %d questions:\n%s", len(lines), len(want), stdout)
	}
	for i, l := range lines {
		var got line
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Errorf("line %d: %+v, want %+v", i+1, got, want[i])
		}
		if want[i].ReadAs == "" && strings.Contains(l, "read_as") {
			t.Errorf("line %d: read_as on a question that stands alone: %s", i+1, l)
		}
	}
}

// Without --conversation every line stands alone: a lone follow-up is
// declined. Plain output shows how a follow-up was read.
func TestAskLinesIndependent(t *testing.T) {
	_, stdout, _ := runCLI(t, "What is the share of parties that voted for?\nand against?\n", "ask", "--json")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var second struct {
		Answered bool   `json:"answered"`
		ReadAs   string `json:"read_as"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if second.Answered || second.ReadAs != "" {
		t.Errorf("a lone \"and against?\" was answered or read against the line before: %s", lines[1])
	}

	_, stdout, _ = runCLI(t, "What is the penalty for 20 grams?\nwhat about 2 kg?\n", "ask", "--conversation")
	if !strings.Contains(stdout, "Reading this as: What is the penalty for 2 kg?\n2 kg is more than 1 kg") {
		t.Errorf("plain output:\n%s", stdout)
	}
}
