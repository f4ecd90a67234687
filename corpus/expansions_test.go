package corpus

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
)

func TestEmbeddedExpansionsCoverEveryPassage(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Article.Passages {
		if len(p.Questions) == 0 {
			t.Errorf("passage %s has no example questions", p.ID)
		}
	}
}

func TestAttachExpansionsRefusesBadFiles(t *testing.T) {
	article := func() bot.Article {
		return bot.Article{Passages: []bot.Passage{{ID: "a-p1-s1"}, {ID: "a-p1-s2"}}}
	}
	tests := map[string]string{
		"unknown passage": `[[passage]]
id = "nope"
questions = ["x?"]`,
		"listed twice": `[[passage]]
id = "a-p1-s1"
questions = ["x?"]
[[passage]]
id = "a-p1-s1"
questions = ["y?"]`,
		"no questions": `[[passage]]
id = "a-p1-s1"
questions = []`,
		"no id": `[[passage]]
questions = ["x?"]`,
		"unknown key": `[[passage]]
id = "a-p1-s1"
questions = ["x?"]
answer = "y"`,
		"empty":    ``,
		"not toml": `[[passage`,
	}
	for name, data := range tests {
		a := article()
		if err := attachExpansions(&a, []byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	a := article()
	if err := attachExpansions(&a, []byte("[[passage]]\nid = \"a-p1-s2\"\nquestions = [\"is it so?\"]\n")); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(a.Passages[1].Questions, ""); got != "is it so?" || a.Passages[0].Questions != nil {
		t.Errorf("attached to the wrong passage: %+v", a.Passages)
	}
}
