package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/factbot/factbot/internal/claim"
	"github.com/factbot/factbot/internal/server"
)

// Reasons a request is refused, as counted by Options.Reject.
const (
	RejectMethod           = "method"
	RejectMissingSignature = "missing_signature"
	RejectStaleTimestamp   = "stale_timestamp"
	RejectBadSignature     = "bad_signature"
	RejectTooLarge         = "too_large"
	RejectMalformed        = "malformed"
	RejectDuplicate        = "duplicate"
)

// verified wraps an endpoint: POST only, signature headers checked with
// slack-go's SecretsVerifier (5-minute window), body bounded, then the HMAC
// over the raw body. Only then does next see the request, with the body
// still readable.
func (a *Adapter) verified(endpoint string, next func(http.ResponseWriter, *http.Request, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			a.o.Reject(RejectMethod)
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		sv, err := slackgo.NewSecretsVerifier(r.Header, a.cfg.SigningSecret.Value())
		if err != nil {
			reason := RejectBadSignature
			switch {
			case errors.Is(err, slackgo.ErrMissingHeaders):
				reason = RejectMissingSignature
			case errors.Is(err, slackgo.ErrExpiredTimestamp):
				reason = RejectStaleTimestamp
			}
			a.reject(w, endpoint, reason, http.StatusUnauthorized)
			return
		}
		body, status, reason := server.ReadBody(w, r, a.o.MaxBodyBytes)
		if status != 0 {
			a.reject(w, endpoint, reason, status)
			return
		}
		if _, err := sv.Write(body); err != nil || sv.Ensure() != nil {
			a.reject(w, endpoint, RejectBadSignature, http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r, body)
	})
}

func (a *Adapter) reject(w http.ResponseWriter, endpoint, reason string, code int) {
	a.refuser.Refuse(w, endpoint, reason, code)
}

// serveCommand answers POST /slack/commands within the request.
func (a *Adapter) serveCommand(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slackgo.SlashCommandParse(r)
	if err != nil || cmd.UserID == "" {
		a.reject(w, "commands", RejectMalformed, http.StatusBadRequest)
		return
	}
	if rep, ok := a.commandReply(cmd); ok {
		_ = server.WriteJSON(w, rep)
		return
	}
	w.WriteHeader(http.StatusOK) // acknowledged; the reply follows through response_url
}

// outerEvent is the envelope of an Events API request: enough to tell a
// malformed body (400) from an event factbot does not handle (200).
type outerEvent struct {
	Type      string `json:"type"`
	Challenge string `json:"challenge"`
	EventID   string `json:"event_id"`
}

// serveEvents handles POST /slack/events: the url_verification challenge,
// and app_mention, answered after the 200 so Slack never waits.
func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	var outer outerEvent
	if err := json.Unmarshal(body, &outer); err != nil || outer.Type == "" {
		a.reject(w, "events", RejectMalformed, http.StatusBadRequest)
		return
	}
	if outer.Type == slackevents.URLVerification {
		_ = server.WriteJSON(w, map[string]string{"challenge": outer.Challenge})
		return
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// Valid JSON but an event slack-go does not know: acknowledge it so
		// Slack does not retry something factbot would ignore anyway.
		a.log.Debug("ignoring event", "type", outer.Type, "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
		a.log.Debug("event retried", "retry", n, "reason", r.Header.Get("X-Slack-Retry-Reason"))
	}
	a.handleEvent(ev)
	w.WriteHeader(http.StatusOK)
}

// handleEvent acts on an Events API event from either delivery mode.
func (a *Adapter) handleEvent(ev slackevents.EventsAPIEvent) {
	if ev.Type != slackevents.CallbackEvent {
		return
	}
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok {
		return
	}
	if !claim.First(context.Background(), a.claims, "slack:event:"+cb.EventID, a.log) {
		a.o.Reject(RejectDuplicate)
		a.log.Debug("duplicate event", "event_id", cb.EventID)
		return
	}
	switch m := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		a.message(&slackMessage{
			User: m.User, BotID: m.BotID, Text: m.Text, Channel: m.Channel, Team: cb.TeamID,
			TS: m.TimeStamp, ThreadTS: m.ThreadTimeStamp, Edited: m.Edited != nil,
		})
	case *slackevents.MessageEvent:
		// Direct messages only (message.im); a plain message with no
		// subtype, so edits, joins and the bot's own posts are left alone.
		if m.ChannelType != "im" || m.SubType != "" {
			return
		}
		a.message(&slackMessage{
			User: m.User, BotID: m.BotID, Text: m.Text, Channel: m.Channel, Team: cb.TeamID,
			TS: m.TimeStamp, ThreadTS: m.ThreadTimeStamp, DM: true,
		})
	}
}

// serveInteraction handles POST /slack/interactions (button clicks): 200
// at once, the repost follows through response_url.
func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request, _ []byte) {
	ic, err := slackgo.InteractionCallbackParse(r)
	if err != nil {
		a.reject(w, "interactions", RejectMalformed, http.StatusBadRequest)
		return
	}
	a.interaction(ic)
	w.WriteHeader(http.StatusOK)
}
