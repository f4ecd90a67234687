package chat_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine/enginetest"
)

// In a conversation, a question of its own that points back ("what was it
// called?") and answers nothing alone is read with the previous question's
// words, and remembered as read, so the next one leans on it in turn.
func TestQuestionPointingBackInAConversation(t *testing.T) {
	e := enginetest.Article(t, filepath.Join("..", "testdata", "fiction", "harbour-of-saltmere.txt"))
	core, err := chat.New(chat.Options{Answerer: e})
	if err != nil {
		t.Fatal(err)
	}
	ask := func(text, conversation string) chat.Reply {
		return core.Handle(context.Background(), chat.Request{Kind: chat.KindAsk, Via: chat.ViaMessage,
			Platform: "slack", User: "U1", Channel: "C1", Text: text, Conversation: conversation})
	}
	if r := ask("When was Saltmere's first stone breakwater completed?", "t"); r.Answer == nil || !r.Answer.Answered {
		t.Fatalf("first question: %+v", r.Answer)
	}
	r := ask("What was it called?", "t")
	if r.Answer == nil || !r.Answer.Answered || !strings.Contains(r.Answer.Text, "North Arm") {
		t.Fatalf("follow-up pointing back: answer %+v", r.Answer)
	}
	if !strings.Contains(r.ReadAs, "breakwater") {
		t.Errorf("follow-up read as %q, want the breakwater named", r.ReadAs)
	}
	// Outside a conversation the same question has nothing to lean on.
	if r := ask("What was it called?", ""); r.Answer.Answered {
		t.Errorf("alone, %q was answered: %s", "What was it called?", r.Answer.Text)
	}
}
