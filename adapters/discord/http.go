package discord

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/factbot/factbot/internal/server"
)

// InteractionsPath is where Discord's "Interactions Endpoint URL" points.
const InteractionsPath = "/discord/interactions"

const (
	defaultMaxBody = 64 << 10
	// maxSkew is how old (or how far in the future) X-Signature-Timestamp
	// may be. VerifyInteraction checks only the signature, so a captured
	// request could be replayed forever without this.
	maxSkew = 5 * time.Minute
)

// Handler serves POST /discord/interactions (HTTP mode). Every request is
// verified with the application's public key before it is read as an
// interaction: bad or missing signature or stale timestamp → 401, body
// over MaxBodyBytes → 413, malformed JSON → 400.
func (a *Adapter) Handler() http.Handler {
	return http.HandlerFunc(a.serveInteraction)
}

func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	if a.pubKey == nil {
		http.Error(w, "discord interactions are not enabled (mode is not http)", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodPost {
		a.reject(w, http.StatusMethodNotAllowed, "method")
		return
	}
	body, status, reason := server.ReadBody(w, r, a.maxBody)
	if status != 0 {
		a.reject(w, status, reason)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, a.pubKey) {
		a.reject(w, http.StatusUnauthorized, "bad_signature")
		return
	}
	if !server.Fresh(r.Header.Get("X-Signature-Timestamp"), a.now(), maxSkew) {
		a.reject(w, http.StatusUnauthorized, "stale_timestamp")
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		a.reject(w, http.StatusBadRequest, "malformed")
		return
	}

	wrote := false
	err := a.respond(&i, func(resp *discordgo.InteractionResponse) error {
		wrote = true
		return server.WriteJSON(w, resp)
	})
	switch {
	case wrote:
		if err != nil {
			a.log.Warn("discord: writing interaction response failed", "err", redact(err, i.Token))
		}
	case errors.Is(err, errClosing):
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
	default:
		a.reject(w, http.StatusBadRequest, "malformed")
	}
}

func (a *Adapter) reject(w http.ResponseWriter, code int, reason string) {
	a.refuser.Refuse(w, "discord interactions", reason, code)
}
