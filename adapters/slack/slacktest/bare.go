package slacktest

import (
	"io"
	"net/http"

	slackgo "github.com/slack-go/slack"
)

// BareHandler is the baseline factbot's Slack throughput is measured
// against: it verifies a slash command's signature as the adapter does
// (slack-go's SecretsVerifier over a size-capped body) and answers a fixed
// ephemeral reply, with no engine, middleware or Block Kit.
func BareHandler(secret string) http.Handler {
	reply := []byte(`{"response_type":"ephemeral","text":"fixed reply"}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv, err := slackgo.NewSecretsVerifier(r.Header, secret)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		_, _ = sv.Write(body)
		if sv.Ensure() != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(reply)
	})
}
