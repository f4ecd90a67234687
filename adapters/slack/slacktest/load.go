package slacktest

import (
	"fmt"
	"net/url"
)

// loadQuestions mix what a community asks: penalties, passages and
// questions factbot declines.
var loadQuestions = [...]string{
	"What is the penalty for 20 grams?",
	"Is medical cannabis legal?",
	"Is cannabis legal in Sweden?",
	"What happens if I am caught with 2 kg?",
	"Who decriminalised drugs in Norway?",
	"Can I buy weed in Amsterdam?",
}

// LoadCommand is the body of the i-th slash command of a load run: user i
// asks the i-th question of the mix, cycling, so the benchmark and the
// load generator send the same traffic.
func LoadCommand(i int) []byte {
	return []byte(url.Values{"command": {"/ask"}, "text": {loadQuestions[i%len(loadQuestions)]},
		"user_id": {fmt.Sprintf("U%07d", i)}, "channel_id": {"C1"}, "team_id": {"T1"},
		"response_url": {"https://hooks.slack.com/x"}}.Encode())
}
