package slacktest

import (
	"net/url"
	"testing"
)

// Each load command comes from its own user; the questions cycle.
func TestLoadCommand(t *testing.T) {
	parse := func(i int) url.Values {
		t.Helper()
		v, err := url.ParseQuery(string(LoadCommand(i)))
		if err != nil {
			t.Fatalf("LoadCommand(%d): %v", i, err)
		}
		return v
	}
	first, again, next := parse(0), parse(len(loadQuestions)), parse(1)
	if first.Get("command") != "/ask" || first.Get("text") == "" || first.Get("response_url") == "" {
		t.Fatalf("LoadCommand(0) = %v: not a slash command with a question", first)
	}
	if again.Get("text") != first.Get("text") || next.Get("text") == first.Get("text") {
		t.Errorf("questions do not cycle: %q, %q, %q", first.Get("text"), next.Get("text"), again.Get("text"))
	}
	if again.Get("user_id") == first.Get("user_id") || next.Get("user_id") == first.Get("user_id") {
		t.Errorf("users repeat: %q, %q, %q", first.Get("user_id"), next.Get("user_id"), again.Get("user_id"))
	}
}
