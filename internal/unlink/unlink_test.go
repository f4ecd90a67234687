package unlink

import (
	"regexp"
	"strings"
	"testing"
)

// linkRE is what a linker finds: a scheme, or a domain name.
var linkRE = regexp.MustCompile(`(?i)[a-z][a-z0-9+.-]*://|[a-z0-9-]+\.[a-z]{2,}`)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"penalty for 1.5 g?", "penalty for 1.5 g?"},
		{"see https://evil.example/x", "see https:\u200b//evil.\u200bexample/x"},
		{"go to evil.com now", "go to evil.\u200bcom now"},
		{"HTTP://A.B", "HTTP:\u200b//A.\u200bB"},
		{"end of sentence. Next", "end of sentence. Next"},
		{"", ""},
	}
	for _, tt := range tests {
		got := String(tt.in)
		if got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if String(got) != got {
			t.Errorf("String twice changes %q", tt.in)
		}
		if m := linkRE.FindString(got); m != "" {
			t.Errorf("String(%q) = %q still holds link %q", tt.in, got, m)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"https://x.example/a?b=c", "x.example", "1.5 g", "a.b.c.d", "ftp://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if strings.ReplaceAll(got, "\u200b", "") != strings.ReplaceAll(s, "\u200b", "") {
			t.Fatalf("String(%q) = %q changes more than zero-width spaces", s, got)
		}
		if m := linkRE.FindString(got); m != "" {
			t.Fatalf("String(%q) = %q still holds link %q", s, got, m)
		}
		if String(got) != got {
			t.Fatalf("String twice changes %q", s)
		}
	})
}
