package bot

import "testing"

func TestRefersBack(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"This is also the case for hashish.", true},
		{"Such fines are entered in the criminal record.", true},
		{"His successor cut the fee.", true},
		{"  They voted against it.", true},
		{"Thirty people voted against it.", false},
		{"The bill did not pass.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := refersBack(tt.sentence); got != tt.want {
			t.Errorf("refersBack(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestPointsBack(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"and when did it pass", true},
		{"what about there", true},
		{"and a third one", true},
		{"who proposed their bill", true},
		{"when did the bill pass", false},
	}
	for _, tt := range tests {
		if got := pointsBack(words(tt.question)); got != tt.want {
			t.Errorf("pointsBack(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}
