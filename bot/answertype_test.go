package bot

import (
	"strings"
	"testing"
)

func TestQuestionType(t *testing.T) {
	tests := []struct {
		q    string
		want answerType
	}{
		{"when was the working group set up", typeDate},
		{"what year did the bill fail", typeDate},
		{"what was the deadline", typeDate},
		{"how many people were approved", typeCount},
		{"what is the police phone number", typeCount},
		{"what share voted against", typeShare},
		{"what percentage of parties voted for", typeShare},
		{"who supports legalisation", typeName},
		{"which party supports legalisation", typeName},
		{"which groups push for reform", typeName},
		{"how long can you go to prison", typeDuration},
		{"is cannabis legal", typeAny},
		// A vote asked for is its count.
		{"what was the vote on the bill", typeCount},
		// What something is called asks for a name.
		{"what was the storm called", typeName},
		{"what is the flood known as", typeName},
		{"name the minister who banned it", typeName},
		{"how is it called", typeAny},
		// "Is there a…" asks whether there is one, and so what it is.
		{"is there a minimum age for medical cannabis", typeAge},
		{"are there any age limits", typeAmount},
		{"is there a number i can call", typeCount},
		{"is there a law against it", typeAny},
		{"where is there a museum", typeAny},
		{"what happens if i get caught", typeAny},
		// Only the first question word asks; a later one opens a clause.
		{"what happens to dealers or people who keep getting caught", typeAny},
		{"what happens when the police find some", typeAny},
		{"how do they decide which party gets the seat", typeAny},
		{"hey do you know when the law changed", typeDate},
		{"can you tell me who decided that", typeName},
		{"on which day of the week is the museum closed", typeDate},
		{"on what exact day in march was the group set up", typeDate},
		{"what time does the museum open", typeTime},
		{"what hours is the museum open", typeTime},
		{"how much compensation was the company awarded", typeMoney},
		{"what is the maximum fine for a first offence", typeMoney},
		{"what's the fee for a standard permit", typeMoney},
		{"what fine did the court set", typeMoney},
		{"how much weed counts as personal use", typeAmount},
		// A limit, a quota: a quantity. An age is a person's.
		{"what's the legal limit for driving", typeAmount},
		{"what is the minimum age for a permit", typeAge},
		{"what was the pass rate in 2019", typeShare},
		{"at what age can you start", typeAge},
		{"how old do you have to be to apply", typeAge},
		{"how old must applicants be", typeAge},
		{"how old is the town", typeAny},
		// "Who is X?" asks who X is; "who is the X?" asks for a name.
		{"who was orla vennick", typeAny},
		{"who is the attorney general", typeName},
		{"which ferry company won the case", typeName},
		{"which minister introduced the reform", typeName},
		{"who is in charge of the harbour", typeName},
		{"what is the name of the attorney general", typeName},
		{"what are the names of the two locks", typeName},
		{"on what exact date was the recommendation due", typeDate},
		{"which specific year did it happen", typeDate},
		{"when'd they hand in their report", typeDate},
		{"how'd they vote on it", typeAny},
		{"who'd chaired the group", typeName},
		{"don't they publish the figures", typeAny},
	}
	for _, tt := range tests {
		if got := questionType(words(tt.q)); got != tt.want {
			t.Errorf("questionType(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestHoldsType(t *testing.T) {
	q := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range words(strings.ToLower(s)) {
			m[w] = true
		}
		return m
	}
	tests := []struct {
		sentence string
		t        answerType
		question string
		want     bool
	}{
		{"In March 2018, the government created a working group.", typeDate, "", true},
		// A date says nothing the question did not: no answer to "when".
		{"In March 2018, the government created a working group.", typeDate, "on what day in march 2018", false},
		{"In March 2018, the government created a working group.", typeDate, "what month in 2018", true},
		{"As of 16 April 2021, this bill did not pass.", typeDate, "when in 2021 was the vote", true},
		{"Norway has been one of the strictest countries.", typeDate, "", false},
		{"Only one person had been approved.", typeCount, "", true},
		{"As of 16 April 2021, this bill did not pass.", typeCount, "", false},
		{"6 parties (43.8%) voted for.", typeShare, "", true},
		{"This is also supported by the Green Party.", typeName, "green party", false},
		{"This is also supported by the Green Party.", typeName, "which party", true},
		{"Up to 1 kg is punished with up to 2 years in prison.", typeDuration, "", true},
		// Any unit of time after a number measures a stretch of it.
		{"Vessels staying longer than 14 nights must apply for a berth.", typeDuration, "", true},
		{"The agreement set a maximum working day of ten hours.", typeDuration, "", true},
		{"The crossing takes 45 minutes.", typeDuration, "", true},
		{"The dispute dragged on for three decades.", typeDuration, "", true},
		{"The museum holds 6,000 objects.", typeDuration, "", false},
		// Years before 1800, days of the week and clock times are dates.
		{"The duke granted the first charter in 1472.", typeDate, "", true},
		{"In 2023 the industry employed 1,184 people.", typeCount, "", true},
		{"The town had 1,184 inhabitants.", typeDate, "", false},
		{"The museum is closed on Mondays.", typeDate, "", true},
		{"The museum opens at 10 a.m. and closes at 6 p.m.", typeDate, "", true},
		{"The museum opens at 10 a.m. and closes at 6 p.m.", typeTime, "", true},
		{"The gates shut at 18:30 in winter.", typeTime, "", true},
		{"The museum opened in 1926.", typeTime, "", false},
		{"The locks open two hours before high water.", typeDate, "", true},
		{"The strike lasted two hours.", typeTime, "", false},
		{"It cost 2.80 crowns a night.", typeTime, "", false},
		{"The court ordered it to pay 1.2 million velars.", typeAmount, "", true},
		{"The case was decided in 2018.", typeAmount, "", false},
		{"Applicants must be at least 16 years old.", typeAge, "", true},
		{"The scheme is open to 16-year-olds.", typeAge, "", true},
		{"Permit C is for graziers under 30 years of age.", typeAge, "", true},
		{"Children under 14 enter free.", typeAge, "", true},
		{"Graziers over 70 are exempt.", typeAge, "", true},
		{"Anyone aged 18 may apply.", typeAge, "", true},
		{"Repeat offenders can be barred for up to five years.", typeAge, "", false},
		{"Amounts over 80 kg are punished harder.", typeAge, "", false},
		{"Fines over 2 million kroner are rare.", typeAge, "", false},
		{"The bridge is 40 years old.", typeAge, "", true}, // an age all the same
		// A name given in lower case: "called osseline".
		{"The town is famous for a blue-green glass called osseline.", typeName, "what is the glass called", true},
		{"Dust can cause a condition known as keeper's cough.", typeName, "what is it known as", true},
		{"A compromise bill was passed on 14 June 2022.", typeName, "what was the compromise bill called", false},
	}
	for _, tt := range tests {
		if got := holdsType(tt.sentence, tt.t, q(tt.question)); got != tt.want {
			t.Errorf("holdsType(%q, %v) = %v, want %v", tt.sentence, tt.t, got, tt.want)
		}
	}
}

func TestFocusWord(t *testing.T) {
	tests := map[string]string{
		"what is the police phone number": "number",
		"who is the green party leader":   "leader",
		"which groups push for reform":    "groups",
		"is it legal":                     "",
	}
	for q, want := range tests {
		if got := focusWord(words(q)); got != want {
			t.Errorf("focusWord(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestPinnedYears(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"how many fines were issued in 2019", []string{"2019"}},
		{"what did the 2022 guidelines say", []string{"2022"}},
		{"how much was it raised after 1953", nil},
		{"since 2015 what has changed", nil},
		{"how many boats were registered by 1690", nil},
		{"how many 1,184 fines", nil},
		{"between 2010 and 2021", []string{"2021"}},
	}
	for _, tt := range tests {
		if got := pinnedYears(words(tt.q)); !holdsExactly(got, tt.want) {
			t.Errorf("pinnedYears(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// holdsExactly reports whether set holds the words of want and no other.
func holdsExactly(set map[string]bool, want []string) bool {
	if len(set) != len(want) {
		return false
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}

// "How many X" is answered by a number of X, near the number before or
// after it, whatever its ending.
func TestCountedNouns(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"how many workers took part in the strike", "The strike lasted 64 days and was led by Tomas Quellary.", false},
		{"how many workers took part in the strike", "About 900 workers walked out.", true},
		{"how many parties voted against", "6 parties (43.8%) voted for, while 3 parties (56.2%) voted against.", true},
		{"how many ferry deaths were recorded in 2010", "Ferry deaths fell from 58 in 2010 to 11 in 2021.", true},
		{"how many fines were issued", "In 2022, inspectors issued 1,184 fines.", true},
		{"how many apprentices can a master train", "Each master may train no more than three apprentices at a time.", true},
	}
	for _, tt := range tests {
		nouns := countedNouns(words(tt.question))
		if len(nouns) == 0 {
			t.Fatalf("countedNouns(%q) is empty", tt.question)
		}
		if got := readTypes(tt.sentence).countsAny(nouns); got != tt.want {
			t.Errorf("%q counts %v in %q: %v, want %v", tt.question, nouns, tt.sentence, got, tt.want)
		}
	}
	if got := countedNouns(words("is it legal")); got != nil {
		t.Errorf("countedNouns of a question without \"how many\" = %v", got)
	}
}

func TestNamedWords(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"Did the Labour Party vote for the bill?", []string{"labour", "party"}},
		{"Where can I buy weed in Oslo?", []string{"oslo"}},
		{"What did Norway's parliament decide?", []string{"norway"}},
		{"Is weed legal?", nil},
		{"is weed legal in norway", nil},
		{"When did Oskar Pemberly-Vaun die?", []string{"oskar", "pemberly-vaun", "pemberly", "vaun"}},
	}
	for _, tt := range tests {
		if got := namedWords(tt.q); !holdsExactly(got, tt.want) {
			t.Errorf("namedWords(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// holdsType reports whether a sentence holds something of type t. The
// question's own words do not count: "Who is the Attorney General?" is not
// answered by a sentence whose only name is "Attorney General".
func holdsType(sentence string, t answerType, question map[string]bool) bool {
	return readTypes(sentence).holds(t, func(w string) bool { return question[w] })
}

func TestWhoVerb(t *testing.T) {
	tests := map[string]string{
		"who created the working group":     "created",
		"so who set up the group in 2018":   "set",
		"who is the attorney general":       "",
		"who was in charge":                 "",
		"who can apply for a permit":        "",
		"when was the working group set up": "",
	}
	for q, want := range tests {
		if got := whoVerb(words(q)); got != want {
			t.Errorf("whoVerb(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestNamesAgent(t *testing.T) {
	tests := []struct {
		sentence, verb string
		want           bool
	}{
		{"In March 2018, the government created a working group.", "created", true},
		{"In March 2018, the government created a working group.", "create", true},
		{"The group was created by the government in 2018.", "created", true},
		{"A working group was created in 2018.", "created", false},
		{"The government announced a reform.", "created", false},
	}
	for _, tt := range tests {
		if got := readTypes(tt.sentence).namesAgent(tt.verb); got != tt.want {
			t.Errorf("namesAgent(%q, %q) = %v, want %v", tt.sentence, tt.verb, got, tt.want)
		}
	}
}

func TestAsksSuccession(t *testing.T) {
	names := func(w string) bool { return w == "vance" || w == "teodor" || w == "vennick" }
	tests := map[string]bool{
		"who was harbourmaster before teodor vance":  true,
		"who took over the mpa from vennick in 1938": true,
		"who came after vennick":                     true,
		"who was harbourmaster before 2016":          false, // a year, not a name
		"when did vance take office":                 false,
	}
	for q, want := range tests {
		if got := asksSuccession(words(q), names); got != want {
			t.Errorf("asksSuccession(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestNamesAnother(t *testing.T) {
	asked := set(words("who was harbourmaster before teodor vance")...)
	tests := map[string]bool{
		"The current harbourmaster is Teodor Vance, who took office in 2016.": false,
		"Ada Quell was harbourmaster until Teodor Vance took office.":         true,
		"The harbourmaster is appointed by the board.":                        false,
	}
	for sentence, want := range tests {
		if got := readTypes(sentence).namesAnother(asked.has); got != want {
			t.Errorf("namesAnother(%q) = %v, want %v", sentence, got, want)
		}
	}
}

func TestNameKind(t *testing.T) {
	tests := []struct{ q, want string }{
		{"what was the name of the supreme court case the guidelines were based on", "case"},
		{"what's the name of the storm", "storm"},
		{"what is the name of the body that enforces the act", ""}, // a body is named without its kind word
		{"what is the name of the museum's director", "director"},
		{"when was the storm", ""},
	}
	for _, tt := range tests {
		if got := nameKind(words(tt.q)); got != tt.want {
			t.Errorf("nameKind(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
