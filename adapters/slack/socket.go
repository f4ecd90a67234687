package slack

import (
	"context"
	"errors"
	"fmt"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// AppTokenVar is the variable that sets the app-level token, named when
// Slack refuses it.
const AppTokenVar = "FACTBOT_SLACK_APP_TOKEN"

// refusedToken reports whether err is one slack-go gives up on because
// the token is wrong, which retrying cannot help.
func refusedToken(err error) bool {
	switch err.Error() {
	case "invalid_auth", "account_inactive", "not_authed", "token_revoked":
		return true
	}
	return false
}

// runSocket holds a Socket Mode connection until ctx is done. slack-go
// reconnects by itself, paced by a.pacer; its connection events drive
// Health. Every request is acked; a slash command's ack carries the reply.
// It returns an error only when Slack refuses the app for good, and that
// error names what to fix.
func (a *Adapter) runSocket(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cli := socketmode.New(a.socketAPI)
	errc := make(chan error, 1)
	go func() { errc <- cli.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-errc // RunContext returns once it sees ctx
			return nil
		case err := <-errc:
			if ctx.Err() != nil {
				return nil
			}
			var msg string
			if refusedToken(err) {
				msg = fmt.Sprintf("Slack refused the app-level token (%s): check %s", err, AppTokenVar)
			} else {
				msg = fmt.Sprintf("Socket Mode stopped: %v", err)
			}
			a.health.Set(StateFailed, msg)
			a.log.Error("socket mode: giving up", "err", msg)
			return errors.New(msg)
		case evt := <-cli.Events:
			a.socketEvent(ctx, cli, evt)
		}
	}
}

// waitingToReconnect is the pacer telling how long the next connection
// attempt waits.
func (a *Adapter) waitingToReconnect(d time.Duration) {
	a.health.Set(StateReconnecting, "next attempt in "+d.Round(time.Millisecond).String())
	a.log.Warn("socket mode: waiting before connecting again", "wait", d)
}

func (a *Adapter) socketEvent(ctx context.Context, cli *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	// A lost connection or Slack's "disconnect" (slack-go does not pass it
	// on) shows as the next attempt's Connecting with ConnectionCount > 0.
	case socketmode.EventTypeConnecting:
		if e, ok := evt.Data.(*slackgo.ConnectingEvent); ok && (e.ConnectionCount > 0 || e.Attempt > 1) {
			if a.health.State() != StateReconnecting {
				a.health.Set(StateReconnecting, "")
			}
		} else {
			a.health.Set(StateConnecting, "")
		}
	case socketmode.EventTypeConnectionError:
		detail := "connection failed"
		if e, ok := evt.Data.(*slackgo.ConnectionErrorEvent); ok {
			detail = fmt.Sprintf("connection failed: %v", e.ErrorObj)
			a.log.Warn("socket mode connection failed", "attempt", e.Attempt, "backoff", e.Backoff, "err", e.ErrorObj)
		}
		a.health.Set(StateReconnecting, detail)
	case socketmode.EventTypeInvalidAuth:
		a.log.Error("socket mode: Slack refused the app token")
	case socketmode.EventTypeConnected:
		a.health.Connected(StateConnected)
		if e, ok := evt.Data.(*socketmode.ConnectedEvent); ok && e.ConnectionCount > 0 {
			a.log.Info("socket mode reconnected", "connections", e.ConnectionCount+1)
		} else {
			a.log.Info("socket mode connected")
		}
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("socket mode error", "type", evt.Type)
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive:
		if evt.Request != nil {
			a.tasks.GoLimited(ctx, a.socketSlots, func() { a.handleSocketRequest(ctx, cli, evt) })
		}
	}
}

// maxSocketHandlers bounds the Socket Mode requests handled at once. One
// at a time, a 2-second command delayed every other acknowledgement by 2
// s; past the bound the connection's reader waits for a slot.
const maxSocketHandlers = 32

// handleSocketRequest acks a request: a slash command's ack carries the
// reply when it is ready within AckWithin (else it follows through
// response_url); events and clicks are acked at once and handled after.
func (a *Adapter) handleSocketRequest(ctx context.Context, cli *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if !ok {
			a.ack(ctx, cli, evt.Request, nil)
			return
		}
		if rep, ok := a.commandReply(cmd); ok {
			a.ack(ctx, cli, evt.Request, rep)
			return
		}
		a.ack(ctx, cli, evt.Request, nil)
	case socketmode.EventTypeEventsAPI:
		a.ack(ctx, cli, evt.Request, nil)
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			a.handleEvent(ev)
		}
	case socketmode.EventTypeInteractive:
		a.ack(ctx, cli, evt.Request, nil)
		if ic, ok := evt.Data.(slackgo.InteractionCallback); ok {
			a.interaction(ic)
		}
	}
}

func (a *Adapter) ack(ctx context.Context, cli *socketmode.Client, req *socketmode.Request, payload any) {
	err := cli.AckCtx(ctx, req.EnvelopeID, payload)
	if err != nil && !errors.Is(err, context.Canceled) {
		a.log.Error("socket mode ack", "err", err)
	}
}
