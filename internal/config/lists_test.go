package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestModeratorListsFromFile(t *testing.T) {
	p := writeFile(t, `
[slack]
moderators = ["U0123ABCD", " W0456EFGH ", ""]
facts_public = true
facts_command = "/fakta"
report_command = "/rapport"

[discord]
moderator_roles = ["111111111111111111", "222"]
facts_public = true
`)
	cfg, err := Load(p, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"U0123ABCD", "W0456EFGH"}; !reflect.DeepEqual(cfg.Slack.Moderators, want) {
		t.Errorf("slack.moderators = %q, want %q", cfg.Slack.Moderators, want)
	}
	if !cfg.Slack.FactsPublic || cfg.Slack.FactsCommand != "/fakta" || cfg.Slack.ReportCommand != "/rapport" {
		t.Errorf("slack %+v", cfg.Slack)
	}
	if want := []string{"111111111111111111", "222"}; !reflect.DeepEqual(cfg.Discord.ModeratorRoles, want) || !cfg.Discord.FactsPublic {
		t.Errorf("discord moderator_roles %q facts_public %v", cfg.Discord.ModeratorRoles, cfg.Discord.FactsPublic)
	}
}

// Lists come from the environment comma-separated, and win over the file;
// an empty value clears the file's list.
func TestModeratorListsFromEnvironment(t *testing.T) {
	p := writeFile(t, `
[slack]
moderators = ["U0FILE"]
[discord]
moderator_roles = ["333"]
`)
	cfg, err := Load(p, env(map[string]string{
		"FACTBOT_SLACK_MODERATORS":        "U1AAA, U2BBB,,",
		"FACTBOT_SLACK_FACTS_PUBLIC":      "true",
		"FACTBOT_DISCORD_MODERATOR_ROLES": "",
		"FACTBOT_DISCORD_FACTS_PUBLIC":    "1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"U1AAA", "U2BBB"}; !reflect.DeepEqual(cfg.Slack.Moderators, want) || !cfg.Slack.FactsPublic {
		t.Errorf("slack moderators %q facts_public %v, want %q true", cfg.Slack.Moderators, cfg.Slack.FactsPublic, want)
	}
	if cfg.Discord.ModeratorRoles != nil || !cfg.Discord.FactsPublic {
		t.Errorf("discord moderator_roles %q facts_public %v, want none, true", cfg.Discord.ModeratorRoles, cfg.Discord.FactsPublic)
	}
}

func TestModeratorDefaults(t *testing.T) {
	d := Default()
	if d.Slack.Moderators != nil || d.Slack.FactsPublic || d.Slack.FactsCommand != "/facts" || d.Slack.ReportCommand != "/factbot-report" {
		t.Errorf("slack defaults %+v", d.Slack)
	}
	if d.Discord.ModeratorRoles != nil || d.Discord.FactsPublic {
		t.Errorf("discord defaults %+v", d.Discord)
	}
}

func TestModeratorValidation(t *testing.T) {
	slack := map[string]string{
		"FACTBOT_SLACK_ENABLED": "true", "FACTBOT_SLACK_SIGNING_SECRET": "s", "FACTBOT_SLACK_BOT_TOKEN": "xoxb-t",
	}
	with := func(base map[string]string, k, v string) map[string]string {
		m := map[string]string{k: v}
		for bk, bv := range base {
			m[bk] = bv
		}
		return m
	}
	tests := []struct {
		name string
		env  map[string]string
		want string // "" means valid
	}{
		{"slack ids", with(slack, "FACTBOT_SLACK_MODERATORS", "U0123ABCD,W0456"), ""},
		{"slack name not id", with(slack, "FACTBOT_SLACK_MODERATORS", "U0123ABCD,@alice"), `slack.moderators: "@alice" is not a Slack user ID`},
		{"facts command", with(slack, "FACTBOT_SLACK_FACTS_COMMAND", "facts"), `slack.facts_command "facts"`},
		{"report command", with(slack, "FACTBOT_SLACK_REPORT_COMMAND", "/"), `slack.report_command "/"`},
		{"same command", with(slack, "FACTBOT_SLACK_FACTS_COMMAND", "/ask"), `slack.facts_command "/ask" is also slack.command`},
		{"slack disabled", map[string]string{"FACTBOT_SLACK_MODERATORS": "@alice"}, ""},
		{"discord role", map[string]string{
			"FACTBOT_DISCORD_ENABLED": "true", "FACTBOT_DISCORD_TOKEN": "t", "FACTBOT_DISCORD_MODERATOR_ROLES": "123,Mods",
		}, `discord.moderator_roles: "Mods" is not a role ID`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("", env(tc.env))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
