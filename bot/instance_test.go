package bot

import (
	"slices"
	"strings"
	"testing"
)

func TestInstances(t *testing.T) {
	tests := map[string][]instance{
		"What is the fee for a Class B licence?":    {{"class", "B", 7}},
		"What does Section 22 of the Act say?":      {{"section", "22", 3}},
		"Is Route 7 (the coastal one) still open?":  {{"route", "7", 2}},
		"What happened in 1957?":                    nil,
		"What is the penalty for 20 grams?":         nil,
		"Who won in March 2018?":                    nil,
		"A third offence can lead to a fine":        {{"offence", "3", -1}},
		"How many third-tier fines were issued?":    {{"tier", "3", -1}},
		"What is the Class B fee, and Class C fee?": {{"class", "B", 4}, {"class", "C", 8}},
		"Which is the second-largest party?":        {{"largest", "2", -1}},
		"The largest buyer is Lurenne.":             {{"largest", "1", -1}},
		"the second largest buyer":                  {{"largest", "2", -1}},
		"She was the largest buyer's rival.":        {{"largest", "1", -1}},
		"Prices are highest in winter.":             nil, // no "the": no rank
		"We went to the west.":                      nil,
	}
	for q, want := range tests {
		if got := instances(q); !slices.Equal(got, want) {
			t.Errorf("instances(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestNamesOtherInstance(t *testing.T) {
	asked := instances("What is the application fee for a Class B licence?")
	tests := map[string]bool{
		"The application fee for a Class A licence is 18,500 velars, compared with 2,400 velars for a Class C licence.": true,
		"A Class B licence applies to river and lake ferries.":                                                          false,
		"Class A and Class B licences are issued by the authority.":                                                     false,
		"Licences are issued by the authority.":                                                                         false,
	}
	for sentence, want := range tests {
		if got := namesOtherInstance(instances(sentence), asked); got != want {
			t.Errorf("namesOtherInstance(%q) = %v, want %v", sentence, got, want)
		}
	}
	second := instances("Which country is the second-largest foreign buyer of the glass?")
	if !namesOtherInstance(instances("The largest foreign buyer of the glass is Lurenne."), second) {
		t.Error("the largest buyer answers a question about the second-largest")
	}
	if namesOtherInstance(instances("The second-largest buyer is Osk."), second) {
		t.Error("the second-largest buyer does not answer a question about it")
	}
	if namesOtherInstance(instances("A Class A licence covers coastal vessels."), nil) {
		t.Error("a question that names no instance conflicts with a sentence")
	}
}

// instances reads any text without panicking, and what it reads is a
// lower-cased series with an identifier.
func FuzzInstances(f *testing.F) {
	f.Add("What is the fee for a Class B licence?")
	f.Add("How many third-tier fines were issued in 2022?")
	f.Add("Section 22 (the 1921 Act) and Route 7.")
	f.Fuzz(func(t *testing.T, text string) {
		for _, in := range instances(text) {
			if in.series == "" || in.id == "" || strings.ToLower(in.series) != in.series {
				t.Fatalf("instances(%q) read %+v", text, in)
			}
		}
		_ = namesOtherInstance(instances(text), instances(text))
	})
}
