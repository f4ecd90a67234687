package bot

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultGatesParse(t *testing.T) {
	if _, err := DefaultGates(); err != nil {
		t.Fatalf("the embedded gate.json: %v", err)
	}
}

func TestParseGatesRefusesAMismatch(t *testing.T) {
	gs, err := DefaultGates()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]func(*Gates){
		"a feature fewer": func(g *Gates) {
			g.WithExamples.Rank.Features = g.WithExamples.Rank.Features[1:]
			g.WithExamples.Rank.Weights = g.WithExamples.Rank.Weights[1:]
		},
		"features reordered": func(g *Gates) {
			f := append([]string(nil), g.WithoutExamples.Answer.Features...)
			f[0], f[1] = f[1], f[0]
			g.WithoutExamples.Answer.Features = f
		},
		"threshold out of range": func(g *Gates) { g.WithExamples.Threshold = 1.5 },
	}
	for name, spoil := range tests {
		g := gs
		g.WithExamples.Rank.Features = append([]string(nil), gs.WithExamples.Rank.Features...)
		g.WithExamples.Rank.Weights = append([]float64(nil), gs.WithExamples.Rank.Weights...)
		spoil(&g)
		data, _ := json.Marshal(g)
		if _, err := ParseGates(data); err == nil || !strings.Contains(err.Error(), "gate") {
			t.Errorf("%s: ParseGates err = %v, want a refusal", name, err)
		}
	}
	if _, err := ParseGates([]byte("{")); err == nil {
		t.Error("broken JSON accepted")
	}
}

// synthetic builds questions whose answering passage has high coverage:
// a separable problem the fitted gate must get right.
func synthetic() []Labelled {
	var qs []Labelled
	for i := range 40 {
		good := make(Features, len(FeatureNames))
		bad := make(Features, len(FeatureNames))
		good[0], bad[0] = 0.9, 0.2
		good[7], bad[7] = 1, 1
		good[6], bad[6] = float64(i%2), float64((i+1)%2)
		should := i%4 != 0
		if !should {
			good[0] = 0.1
		}
		qs = append(qs, Labelled{ShouldAnswer: should, Examples: []Example{
			{Features: bad}, {Features: good, Answers: should}}})
	}
	return qs
}

func TestFitGateLearnsAndRepeats(t *testing.T) {
	qs := synthetic()
	g1, g2 := FitGate(qs, 1), FitGate(qs, 1)
	if !reflect.DeepEqual(g1, g2) {
		t.Fatal("fitting the same questions twice gives different gates")
	}
	for i, q := range qs {
		o := g1.Decide(q)
		if q.ShouldAnswer && !o.Correct || !q.ShouldAnswer && o.Answered {
			t.Errorf("question %d: %+v", i, o)
		}
	}
}

func TestChooseEligibility(t *testing.T) {
	g := FitGate(synthetic(), 1)
	f := func(coverage float64, set ...int) Features {
		x := make(Features, len(FeatureNames))
		x[0], x[7] = coverage, 1
		for _, i := range set {
			x[i] = 1
		}
		return x
	}
	noSubject := f(0.9)
	noSubject[7] = 0
	tests := []struct {
		name  string
		feats []Features
		want  int
	}{
		{"only topic words shared", []Features{noSubject}, -1},
		{"asked-for type missing", []Features{f(0.9, 4)}, -1},
		{"the one holding the question's number wins", []Features{f(0.9, 14), f(0.5)}, 1},
		{"best coverage", []Features{f(0.2), f(0.9)}, 1},
		// "How many people…": a number of something else loses to a
		// number of people, and stands when no sentence counts people.
		{"the one counting what is asked wins", []Features{f(0.9, fTypeHeld, fCountOther), f(0.5, fTypeHeld)}, 1},
		{"a count of something else alone", []Features{f(0.9, fTypeHeld, fCountOther)}, 0},
	}
	for _, tt := range tests {
		if got, _ := g.Choose(tt.feats); got != tt.want {
			t.Errorf("%s: Choose = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// Every position of a feature vector has a name, and no two share one: a
// constant added without its name, or a name keyed twice, fails here.
func TestFeatureNamesCoverEveryPosition(t *testing.T) {
	if len(FeatureNames) != featureCount {
		t.Fatalf("%d feature names for %d positions", len(FeatureNames), featureCount)
	}
	seen := map[string]bool{}
	for i, n := range FeatureNames {
		if n == "" || seen[n] {
			t.Errorf("feature %d: name %q empty or repeated", i, n)
		}
		seen[n] = true
	}
}
