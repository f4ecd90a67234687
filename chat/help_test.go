package chat_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/engine"
	"github.com/factbot/factbot/engine/enginetest"
)

// Help comes from the engine: its subject, article, address and example
// questions, for the shipped article and for another one alike.
func TestHelpComesFromTheEngine(t *testing.T) {
	fiction := enginetest.Article(t, filepath.Join("..", "testdata", "fiction", "lanternmoth-keeping-in-veldoria.txt"))
	for _, tt := range []struct {
		e    *engine.Engine
		want []string
		not  string
	}{
		{realEngine(t), []string{"cannabis law in Norway", "Cannabis in Norway", "Wikipedia", "https://en.wikipedia.org/wiki/Cannabis_in_Norway"}, "{"},
		{fiction, []string{"Lanternmoth keeping in Veldoria"}, "annabis"},
	} {
		core, err := chat.New(chat.Options{Answerer: tt.e})
		if err != nil {
			t.Fatal(err)
		}
		r := core.Handle(context.Background(), chat.Request{Kind: chat.KindHelp, Platform: "slack", User: "U1"})
		if r.Help == nil || len(r.Help.Examples) == 0 {
			t.Fatalf("help %+v, want examples", r)
		}
		all := strings.Join(append([]string{r.Help.Intro, r.Help.About, r.Help.Source.Title, r.Help.Source.Publisher, r.Help.Source.URL}, r.Help.Examples...), "\n")
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("help lacks %q:\n%s", w, all)
			}
		}
		if strings.Contains(all, tt.not) {
			t.Errorf("help has %q:\n%s", tt.not, all)
		}
	}
}
