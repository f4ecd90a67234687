package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/factbot/factbot/chat"
	"github.com/factbot/factbot/internal/claim"
	"github.com/factbot/factbot/internal/config"
)

// ErrFatal is wrapped by Run's error when Discord refused the connection
// for a reason retrying cannot fix. Run then waits for its context (Health
// shows the error) and returns this error at shutdown.
var ErrFatal = errors.New("discord gateway: fatal error")

// fatalCloseCodes are gateway close codes after which reconnecting only
// repeats the failure.
var fatalCloseCodes = map[int]string{
	4004: "authentication failed: the bot token was rejected (check FACTBOT_DISCORD_TOKEN)",
	4010: "invalid shard: check shard_id and shard_count",
	4011: "sharding required: set shard_count (Discord's GET /gateway/bot recommends a count)",
	4012: "invalid gateway API version",
	4013: "invalid intents",
	4014: "disallowed intents: enable the Message Content intent for the bot in the developer portal, or set message_content_intent = false",
}

// classify says whether err from Open or a REST call is fatal and describes
// it without secrets.
func classify(err error) (fatal bool, desc string) {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		if d, ok := fatalCloseCodes[ce.Code]; ok {
			return true, fmt.Sprintf("gateway closed with %d: %s", ce.Code, d)
		}
		return false, fmt.Sprintf("gateway closed with %d", ce.Code)
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		switch re.Response.StatusCode {
		case http.StatusUnauthorized:
			return true, "Discord rejected the bot token (HTTP 401): check " + config.EnvName("discord", "token")
		case http.StatusForbidden:
			return false, "Discord refused the request (HTTP 403): invite the bot with the applications.commands scope and check application_id and guild_id"
		}
		return false, "HTTP " + re.Response.Status
	}
	if errors.Is(err, discordgo.ErrWSShardBounds) {
		return true, "shard_id must be less than shard_count"
	}
	return false, err.Error()
}

// runGateway connects, registers the commands, and keeps the connection up
// until ctx is done or Discord refuses it for good.
func (a *Adapter) runGateway(ctx context.Context) error {
	s := a.session
	removers := []func(){
		s.AddHandler(a.onInteraction),
		s.AddHandler(a.onMessage),
		s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
			select {
			case a.disconnected <- struct{}{}:
			default:
			}
		}),
	}
	defer func() {
		for _, rm := range removers {
			rm()
		}
	}()

	a.health.Set(StateConnecting, "")
	if err := a.connect(ctx); err != nil {
		return a.stayFailed(ctx, err)
	}
	// Commands belong to the application, not a shard: shard 0 registers
	// them so N processes don't overwrite the same list N times.
	if a.cfg.ShardID == 0 {
		if err := a.register(ctx); err != nil {
			a.closeSession()
			return a.stayFailed(ctx, err)
		}
	}
	for {
		select {
		case <-ctx.Done():
			a.closeSession()
			a.health.Set(StateStopped, "")
			return nil
		case <-a.disconnected:
			if ctx.Err() != nil {
				continue // our own Close; the next loop returns
			}
			// Health turns "reconnecting" only if the first attempt fails:
			// the signal may be a late one for a drop already repaired.
			if err := a.connect(ctx); err != nil {
				return a.stayFailed(ctx, err)
			}
		}
	}
}

// stayFailed keeps a fatally refused adapter in the error state until ctx
// ends, so /healthz shows why (and the other platforms keep serving)
// instead of the process exiting or reconnecting forever. It returns err
// for the shutdown log.
func (a *Adapter) stayFailed(ctx context.Context, err error) error {
	<-ctx.Done()
	return err
}

// connect opens the gateway, retrying with backoff until it succeeds, ctx
// ends (nil) or the error is fatal (returned, wrapping ErrFatal).
func (a *Adapter) connect(ctx context.Context) error {
	wait := time.Second
	for attempt := 1; ; attempt++ {
		err := a.open(ctx)
		if errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			// A Disconnect delivered after the reconnect it caused:
			// discordgo runs handlers on their own goroutines, so the
			// signal can arrive late. Nothing to repair.
			return nil
		}
		if err == nil {
			// Drop the Disconnect that a failed attempt may have queued.
			select {
			case <-a.disconnected:
			default:
			}
			a.health.Connected(StateConnected)
			a.log.Info("discord: connected to the gateway", "attempt", attempt, "shard_id", a.cfg.ShardID, "shard_count", a.cfg.ShardCount, "user", a.selfID())
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
		fatal, desc := classify(err)
		desc = redact(errors.New(desc), a.cfg.Token.Value())
		if fatal {
			a.health.Set(StateError, desc)
			a.log.Error("discord: gateway refused; not retrying", "err", desc)
			return fmt.Errorf("%w: %s", ErrFatal, desc)
		}
		a.health.Set(StateReconnecting, desc)
		a.log.Warn("discord: gateway connect failed; retrying", "attempt", attempt, "retry_in", wait, "err", desc)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		wait = min(wait*2, 2*time.Minute)
	}
}

// open runs discordgo's Open, which takes no context: if ctx ends while it
// waits for Discord, the raw connection is closed under it.
func (a *Adapter) open(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- a.session.Open() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		a.dialer.Abort()
		err := <-done
		if err == nil {
			a.closeSession()
		}
		return ctx.Err()
	}
}

// closeSession closes the websocket; discordgo's Close waits about a second
// for Discord to acknowledge the close frame.
func (a *Adapter) closeSession() {
	if err := a.session.Close(); err != nil {
		a.log.Debug("discord: closing gateway", "err", err)
	}
}

// register overwrites the application's commands: in one guild when
// guild_id is set (instant), else globally (can take an hour to show).
func (a *Adapter) register(ctx context.Context) error {
	appID := a.cfg.ApplicationID
	if appID == "" {
		a.session.State.RLock()
		if app := a.session.State.Application; app != nil {
			appID = app.ID
		}
		a.session.State.RUnlock()
	}
	if appID == "" {
		appID = a.selfID() // a bot user's ID is its application's ID
	}
	if appID == "" {
		a.log.Error("discord: no application_id; commands not registered")
		return nil
	}
	cmds, err := a.session.ApplicationCommandBulkOverwrite(appID, a.cfg.GuildID, commandsFor(a.subject, a.penalties, a.facts, a.reports), discordgo.WithContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		fatal, desc := classify(err)
		if fatal {
			a.health.Set(StateError, "registering commands: "+desc)
			a.log.Error("discord: registering commands failed", "err", desc)
			return fmt.Errorf("%w: registering commands: %s", ErrFatal, desc)
		}
		// Commands from an earlier start, mentions and DMs still work:
		// keep serving, and say why on /healthz.
		a.health.Note("commands not registered: " + desc)
		a.log.Error("discord: registering commands failed; earlier registrations stay in effect", "err", desc)
		return nil
	}
	scope := "global"
	if a.cfg.GuildID != "" {
		scope = "guild " + a.cfg.GuildID
	}
	a.log.Info("discord: commands registered", "count", len(cmds), "scope", scope)
	return nil
}

// selfID is the bot's user ID, known after READY.
func (a *Adapter) selfID() string {
	st := a.session.State
	if st == nil {
		return ""
	}
	st.RLock()
	defer st.RUnlock()
	if st.User == nil {
		return ""
	}
	return st.User.ID
}

// onInteraction answers an INTERACTION_CREATE over REST.
func (a *Adapter) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil || !a.work.Enter() {
		return
	}
	defer a.work.Done()
	i := ic.Interaction
	if !claim.First(a.bg, a.claims, "discord:interaction:"+i.ID, a.log) {
		return
	}
	err := a.respond(i, func(resp *discordgo.InteractionResponse) error {
		ctx, cancel := context.WithTimeout(a.bg, 10*time.Second)
		defer cancel()
		return s.InteractionRespond(i, resp, discordgo.WithContext(ctx))
	})
	if err != nil && !errors.Is(err, errUnsupported) && !errors.Is(err, errClosing) {
		a.log.Error("discord: responding to interaction failed", "err", redact(err, i.Token, a.cfg.Token.Value()))
	}
}

// onMessage answers an @mention in a channel or any DM with a reply to the
// message. Bots, this one included, are ignored.
func (a *Adapter) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m == nil || m.Message == nil || m.Author == nil || m.Author.Bot {
		return
	}
	self := a.selfID()
	if self == "" || m.Author.ID == self {
		return
	}
	dm := m.GuildID == ""
	if !dm && !mentions(m.Message, self) {
		return
	}
	if !a.work.Enter() {
		return
	}
	defer a.work.Done()
	if !claim.First(a.bg, a.claims, "discord:message:"+m.ID, a.log) {
		return
	}
	ctx, cancel := context.WithTimeout(a.bg, answerTimeout)
	defer cancel()

	req := chat.Request{
		Kind: chat.KindAsk, Via: chat.ViaMessage, Platform: Platform, User: m.Author.ID,
		Channel: m.ChannelID, Server: m.GuildID, Text: stripMention(m.Content, self),
		Conversation: conversation(m.GuildID, m.ChannelID, m.Author.ID),
	}
	if m.Member != nil {
		req.Roles = m.Member.Roles
	}
	reply := a.core.Handle(ctx, req)
	if !reply.Public && !dm {
		// A channel message cannot be private, and a public notice per
		// refused mention would be the flood the rate limit exists to stop.
		a.log.Debug("discord: private reply to a mention not sent", "status", reply.Status)
		return
	}
	msg := a.message(reply)
	msg.Reference = m.SoftReference()
	if _, err := s.ChannelMessageSendComplex(m.ChannelID, msg, discordgo.WithContext(ctx)); err != nil {
		a.log.Error("discord: replying to message failed", "err", redact(err, a.cfg.Token.Value()))
	}
}

// mentions reports whether m mentions the user self.
func mentions(m *discordgo.Message, self string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == self {
			return true
		}
	}
	return false
}

// stripMention removes the bot's own mention (<@id> or <@!id>) from text.
func stripMention(text, self string) string {
	text = strings.ReplaceAll(text, "<@"+self+">", " ")
	text = strings.ReplaceAll(text, "<@!"+self+">", " ")
	return strings.Join(strings.Fields(text), " ")
}
