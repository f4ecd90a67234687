package tomlfile

import (
	"strings"
	"testing"
)

// A file shaped like a penalty schedule, to decode into.
type schedule struct {
	Tier []struct {
		Name   string `toml:"name"`
		UpTo   string `toml:"up_to"`
		Quotes []struct {
			Section string `toml:"section"`
		} `toml:"quotes"`
	} `toml:"tier"`
	Ready bool `toml:"ready"`
}

func TestDecodeMessages(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown key", "[[tier]]\nname = \"x\"\ncolour = \"red\"\n", "line 3: unknown key tier.colour"},
		{"string for array", "[[tier]]\nquotes = \"x\"\n", "line 2: key tier.quotes: a TOML string where an array belongs"},
		{"integer for string", "[[tier]]\nname = 3\n", "line 2: key tier.name: a TOML integer where a string belongs"},
		{"broken string", "[[tier]]\nname = \"x\nup_to = 3\n", "line 2: basic strings cannot have new lines"},
		{"string for boolean", "ready = \"yes\"\n", "line 1: key ready: a TOML string where a boolean belongs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f schedule
			err := Decode([]byte(tt.data), &f)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "struct") {
				t.Errorf("error %q names Go types", err)
			}
		})
	}
}

// Any bytes decode without panicking, and an error names no Go type.
func FuzzDecode(f *testing.F) {
	f.Add("[[tier]]\nname = \"x\"\ncolour = \"red\"\n")
	f.Add("ready = \"yes\"\n")
	f.Add("[[tier]]\nquotes = [1, 2]\n")
	f.Fuzz(func(t *testing.T, data string) {
		var s schedule
		err := Decode([]byte(data), &s)
		if err != nil && strings.Contains(err.Error(), "struct {") {
			t.Errorf("error %q names a Go type", err)
		}
	})
}
