package slack

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/factbot/factbot/engine/enginetest"
)

// threadEvent is an app_mention (or, with channelType "im", a direct
// message) in a thread of channel.
func threadEvent(eventID, kind, channel, channelType, text, ts, threadTS string) string {
	inner := map[string]any{"type": kind, "user": "U2CERLKJA", "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		inner["thread_ts"] = threadTS
	}
	if channelType != "" {
		inner["channel_type"] = channelType
	}
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
		"event": inner, "event_id": eventID, "event_time": 1700000000})
	return string(b)
}

// A follow-up in a Slack thread is read against the thread's last
// question; "and in Sweden?" is still declined as another country; a
// mention in another thread stands alone.
func TestThreadFollowUps(t *testing.T) {
	eng := enginetest.Embedded(t)
	ta := newTestAdapter(t, func(o *testSetup) { o.Core.Answerer = eng })
	steps := []struct{ text, want, reading string }{
		{"<@UFACTBOT> What is the penalty for 20 grams?", "2 years", ""},
		{"<@UFACTBOT> and for dealers?", "dealers", "Reading this as: What is the penalty for dealers?"},
		{"<@UFACTBOT> and in Sweden?", "only cover cannabis law in Norway", "Reading this as: What is the penalty in Sweden?"},
		{"<@UFACTBOT> Hva er straffen for 20 gram?", "2 års", ""},
		{"<@UFACTBOT> hva med 2 kilo?", "10 års", "Jeg leser dette som: Hva er straffen for 2 kilo?"},
	}
	for i, s := range steps {
		ts := "1700000000.00020" + string(rune('0'+i))
		ta.do(signed("/slack/events", "application/json", threadEvent("EvT"+ts, "app_mention", "C1", "", s.text, ts, "1700000000.000100")))
		p := ta.slack.next(t)
		text := blockText(t, decodeBlocks(t, p.Form.Get("blocks")))
		if p.Path != "/api/chat.postMessage" || p.Form.Get("thread_ts") != "1700000000.000100" || !strings.Contains(text, s.want) {
			t.Fatalf("%q: %s thread %q:\n%s", s.text, p.Path, p.Form.Get("thread_ts"), text)
		}
		if got := strings.Contains(text, "Reading this as") || strings.Contains(text, "Jeg leser dette som"); got != (s.reading != "") ||
			(s.reading != "" && !strings.Contains(text, s.reading)) {
			t.Errorf("%q: reading shown %v, want %q:\n%s", s.text, got, s.reading, text)
		}
	}
	// Another thread does not share the conversation.
	ta.do(signed("/slack/events", "application/json", threadEvent("EvT9", "app_mention", "C1", "", "<@UFACTBOT> and for dealers?", "1700000001.000100", "1700000001.000000")))
	if text := blockText(t, decodeBlocks(t, ta.slack.next(t).Form.Get("blocks"))); strings.Contains(text, "Reading this as") {
		t.Errorf("a follow-up in another thread was read against this one:\n%s", text)
	}
}

// Direct messages (message.im) are answered in the DM and are one
// conversation; the bot's own messages and edits are ignored.
func TestDirectMessageFollowUps(t *testing.T) {
	eng := enginetest.Embedded(t)
	ta := newTestAdapter(t, func(o *testSetup) { o.Core.Answerer = eng })
	ta.do(signed("/slack/events", "application/json", threadEvent("EvD1", "message", "D1", "im", "What is the penalty for 20 grams?", "1700000000.000100", "")))
	p := ta.slack.next(t)
	if p.Path != "/api/chat.postMessage" || p.Form.Get("channel") != "D1" || p.Form.Get("thread_ts") != "" {
		t.Fatalf("DM reply %s %v", p.Path, p.Form)
	}
	ta.do(signed("/slack/events", "application/json", threadEvent("EvD2", "message", "D1", "im", "what about 2 kg?", "1700000000.000200", "")))
	text := blockText(t, decodeBlocks(t, ta.slack.next(t).Form.Get("blocks")))
	if !strings.Contains(text, "Reading this as: What is the penalty for 2 kg?") || !strings.Contains(text, "10 years") {
		t.Errorf("DM follow-up:\n%s", text)
	}
	// A message in a channel (not a DM) is not for factbot unless it
	// mentions it.
	ta.do(signed("/slack/events", "application/json", threadEvent("EvD3", "message", "C1", "channel", "what about 3 kg?", "1700000000.000300", "")))
	ta.tasks.Wait()
	ta.slack.none(t)
}

func decodeBlocks(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("blocks %q: %v", s, err)
	}
	return v
}

// A follow-up's Share button carries the question as it was read, so a
// share after a restart asks the whole question, not "and for dealers?".
func TestFollowUpShareCarriesTheReading(t *testing.T) {
	eng := enginetest.Embedded(t)
	ta := newTestAdapter(t, func(o *testSetup) { o.Core.Answerer = eng })
	ta.do(signed("/slack/commands", formType, commandForm("What is the penalty for 20 grams?")))
	rec := ta.do(signed("/slack/commands", formType, commandForm("and for dealers?")))
	var msg map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &msg); err != nil {
		t.Fatal(err)
	}
	_, value, ok := button(t, msg, ShareActionID)
	if _, q, _ := strings.Cut(value, ":"); !ok || q != "What is the penalty for dealers?" {
		t.Errorf("share button value %q", value)
	}
}
