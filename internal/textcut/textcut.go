// Package textcut shortens text to a platform's limit cleanly: valid
// UTF-8, an ellipsis, a word boundary when one is near.
package textcut

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// UTF16Len is the length in UTF-16 code units, as JavaScript (and so
// Discord) measures text. Never fewer than runes.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // range yields U+FFFD for bad bytes: never -1
	}
	return n
}

// UTF16 shortens s to at most max UTF-16 units. A cut text ends with "…" and,
// when a word boundary is near, breaks there rather than inside a word.
// Invalid UTF-8 is replaced so the result is always valid.
func UTF16(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if UTF16Len(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	const ellipsis = "…" // one UTF-16 unit
	budget := max - 1
	end, used := 0, 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if used+w > budget {
			break
		}
		used += w
		end = i + utf8.RuneLen(r)
	}
	head := s[:end]
	// Prefer a word boundary when it keeps at least half the text, unless
	// the cut already falls on one.
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(next) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 && i >= len(head)/2 {
			head = head[:i]
		}
	}
	return strings.TrimRightFunc(head, unicode.IsSpace) + ellipsis
}
