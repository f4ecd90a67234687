package bot

import "slices"

// holdsOtherName reports a sentence (its name runs) that holds a word of
// one of the question's names only inside another name: "the River
// Tallow" for a question about "the Tallow Boat", "the Progress Party" for
// one about "the Labour Party". Such a sentence is about something else,
// however many words it shares with the question. A sentence holding the
// question's name itself, or the word alone ("Labour voted…"), is not.
func holdsOtherName(held, asked [][]string) bool {
	for _, name := range asked {
		if holdsName(held, name) {
			continue
		}
		for _, run := range held {
			inName := func(w string) bool { return !isConnector(w) && slices.Contains(name, w) }
			other := func(w string) bool { return !isConnector(w) && !slices.Contains(name, w) }
			if slices.ContainsFunc(run, inName) && slices.ContainsFunc(run, other) {
				return true
			}
		}
	}
	return false
}

// holdsName reports name runs that hold the name, whole or a part of it
// of two or more words between its connectors: "the Attorney General of
// Norway" is held by "the Norwegian Attorney General".
func holdsName(held [][]string, name []string) bool {
	parts := [][]string{name}
	part := 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) && !isConnector(name[i]) {
			continue
		}
		if i-part > 1 && i-part < len(name) {
			parts = append(parts, name[part:i])
		}
		part = i + 1
	}
	for _, run := range held {
		for _, p := range parts {
			if containsRun(run, p) {
				return true
			}
		}
	}
	return false
}
