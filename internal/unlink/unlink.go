// Package unlink keeps text a user wrote from rendering as a link when a
// chat platform shows it back: Slack turns bare URLs and domain names
// ("https://x.example/a", "x.example") into links, Discord URLs with a
// scheme. An echoed question in a public post must not carry an
// attacker's link, so a zero-width space goes after every "://" and after
// every dot between a letter or digit and a letter: the text reads the
// same, and no linker sees a URL or a domain name in it.
package unlink

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const zwsp = "\u200b"

// String returns s with every URL scheme and every dot before a letter
// broken by a zero-width space. Decimal numbers ("1.5") are left alone,
// bytes that are not UTF-8 too. Running it twice changes nothing more.
func String(s string) string {
	if !strings.Contains(s, ".") && !strings.Contains(s, "://") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		rest := s[i+1:]
		switch s[i] {
		case ':':
			if strings.HasPrefix(rest, "//") {
				b.WriteString(zwsp)
			}
		case '.':
			if next, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(next) {
				b.WriteString(zwsp)
			}
		}
	}
	return b.String()
}
