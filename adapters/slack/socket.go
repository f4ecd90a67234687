package slack

import (
	"context"
	"errors"
	"fmt"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// runSocket holds a Socket Mode connection until ctx is done. slack-go
// reconnects by itself; its connection events drive Health. Every request
// is acked; a slash command's ack carries the reply.
func (a *Adapter) runSocket(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cli := socketmode.New(a.api)
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
			a.health.Set("failed", "")
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-cli.Events:
			a.socketEvent(ctx, cli, evt)
		}
	}
}

func (a *Adapter) socketEvent(ctx context.Context, cli *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		if a.health.State() != "connected" {
			a.health.Set("connecting", "")
		}
	case socketmode.EventTypeConnectionError:
		a.health.Set("reconnecting", "")
		if e, ok := evt.Data.(*slackgo.ConnectionErrorEvent); ok {
			a.log.Warn("socket mode connection failed", "attempt", e.Attempt, "backoff", e.Backoff, "err", e.ErrorObj)
		}
	case socketmode.EventTypeInvalidAuth:
		a.health.Set("invalid_auth", "")
		a.log.Error("socket mode: Slack refused the app token")
	case socketmode.EventTypeConnected:
		a.health.Connected("connected")
		if e, ok := evt.Data.(*socketmode.ConnectedEvent); ok && e.ConnectionCount > 0 {
			a.log.Info("socket mode reconnected", "connections", e.ConnectionCount+1)
		} else {
			a.log.Info("socket mode connected")
		}
	case socketmode.EventTypeDisconnect:
		a.health.Set("reconnecting", "")
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("socket mode error", "type", evt.Type)
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		a.ack(ctx, cli, evt.Request, a.commandReply(ctx, cmd))
	case socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		a.ack(ctx, cli, evt.Request, nil)
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			a.handleEvent(ev)
		}
	case socketmode.EventTypeInteractive:
		if evt.Request == nil {
			return
		}
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
