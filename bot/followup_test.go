package bot

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFollowUp(t *testing.T) {
	tests := []struct {
		prev, msg string
		want      string // "" means the message stands alone
	}{
		// Another of a series the previous question named one of.
		{"How much does a Permit A cost per season?", "And Permit B?", "How much does a Permit B cost per season?"},
		{"How much does a Permit A cost per season?", "and permit c?", "How much does a Permit C cost per season?"},
		{"What does a Class A licence cost?", "and Zone B?", "What does a Class A licence cost for Zone B?"}, // another series: the frame
		{"What is the penalty for 20 grams?", "and for dealers?", "What is the penalty for dealers?"},
		{"What is the penalty for 20 grams?", "what about 2 kg?", "What is the penalty for 2 kg?"},
		{"What is the penalty for 20 grams?", "And in Sweden?", "What is the penalty in Sweden?"},
		{"What is the penalty for possession of 20 grams?", "how about 3 kilos", "What is the penalty for 3 kilos?"},
		{"How many parties voted for the bill?", "and against?", "How many parties voted against the bill?"},
		{"What share of members voted for the reform?", "and against?", "What share of members voted against the reform?"},
		{"What is the penalty for 20 grams?", "why?", "Why is the penalty for 20 grams?"},
		{"Is medical cannabis legal?", "why", "Why is medical cannabis legal?"},
		{"What is the penalty for 20 grams?", "2 kg?", "What is the penalty for 2 kg?"},
		{"Hva er straffen for 20 gram?", "og i 2022?", "Hva er straffen i 2022?"},
		{"Hva er straffen for 20 gram?", "hva med 2 kilo?", "Hva er straffen for 2 kilo?"},
		{"Hva er straffen for 20 gram?", "og for langere?", "Hva er straffen for langere?"},
		{"Hva er straffen for 20 gram?", "hvorfor?", "Hvorfor er straffen for 20 gram?"},
		{"Is cannabis legal", "and for medical use", "Is cannabis legal for medical use?"},
		{"When was the reform proposed", "and in 2019?", "When was the reform proposed in 2019?"},
		// "More than that" is more than the amount asked about before.
		{"What's the max for up to 1 kg?", "and what about more than that?", "What's the max for more than 1 kg?"},
		{"What is the penalty for 20 grams?", "and over that?", "What is the penalty over 20 grams?"},
		{"What is the penalty for more than 80 kg?", "and less than that?", "What is the penalty for less than 80 kg?"},
		{"Hva er straffen for 20 gram?", "og mer enn det?", "Hva er straffen for mer enn 20 gram?"},
		{"Is cannabis legal?", "and more than that?", "Is cannabis legal for more than that?"},
		// "A third one" is a third of what the question before counted.
		{"What's the maximum fine for a first unlicensed-operation offence?", "and what about a third one?", "What's the maximum fine for a third offence?"},
		{"What is the fine for a second offence?", "and for a third one?", "What is the fine for a third offence?"},
		// Lower-casing that changes a text's length moves no position.
		{"What is the penalty for 20 grams?", "and Ⱥ more than that?", "what is the penalty for ⱥ more than 20 grams?"},
		// Questions of their own.
		{"What is the penalty for 20 grams?", "and what is the maximum penalty?", ""},
		{"What is the penalty for 20 grams?", "Is cannabis legal for medical use?", ""},
		{"What is the penalty for 20 grams?", "cannabis?", ""},
		{"What is the penalty for 20 grams?", "weather in Oslo?", ""},
		{"What is the penalty for 20 grams?", "for dealers", "What is the penalty for dealers?"},
		{"Hva er straffen for 20 gram?", "i 2022?", "Hva er straffen i 2022?"},
		{"What is the penalty for 20 grams?", "Hva er straffen for 10 gram?", ""},
		{"What is the penalty for 20 grams?", "the history of the reform and the debate about decriminalisation", ""},
		{"What is the penalty for 20 grams?", "and?", ""},
		{"What is the penalty for 20 grams?", "", ""},
		{"", "and for dealers?", ""},
		{"What is the penalty for 20 grams?", "?!", ""},
	}
	for _, tt := range tests {
		got, ok := followUpAnySubject(tt.prev, tt.msg)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("FollowUp(%q, %q) = %q, %v; want %q", tt.prev, tt.msg, got, ok, tt.want)
		}
	}
}

func FuzzFollowUp(f *testing.F) {
	f.Add("What is the penalty for 20 grams?", "and for dealers?")
	f.Add("Hva er straffen for 20 gram?", "hvorfor?")
	f.Add("for", "against")
	f.Add("What is the penalty for 20 grams?", "and Ⱥ more than that?")
	f.Add("What's the fine for a first offence?", "and a third one?")
	f.Fuzz(func(t *testing.T, prev, msg string) {
		got, ok := followUpAnySubject(prev, msg)
		if !ok && got != "" {
			t.Fatalf("stands alone but read as %q", got)
		}
		if ok && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 reading %q", got)
		}
	})
}

// What a question names, for a later one that points back to it: no
// question, function or chatter words, and no verbs of what happened.
func TestContentWords(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"who proposed the drug reform", []string{"drug", "reform"}},
		{"when was the supreme court ruling", []string{"supreme", "court"}},
		{"what is it", nil},
	}
	for _, tt := range tests {
		if got := contentWords(words(tt.question)); !slices.Equal(got, tt.want) {
			t.Errorf("contentWords(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// A later "it" stands for the names and numbers the question before it
// gives, when it gives any; else for its content words.
func TestReferents(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"How many regional permit systems did the 1921 Act replace", []string{"1921", "act"}},
		{"When did the Storvald pass it", []string{"storvald"}},
		{"who proposed the drug reform", []string{"drug", "reform"}},
		{"what is it", nil},
		// The article's own names are what every sentence is about.
		{"When was Saltmere's first stone breakwater completed", []string{"first", "stone", "breakwater"}},
	}
	b := &Bot{titleWords: []string{"the", "harbour", "of", "saltmere"}}
	for _, tt := range tests {
		if got := b.referents(tt.question); !slices.Equal(got, tt.want) {
			t.Errorf("referents(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// followUpAnySubject is FollowUp for a bot that knows no subject's words.
func followUpAnySubject(previous, message string) (string, bool) {
	return followUp(previous, message, func(string) bool { return false })
}
