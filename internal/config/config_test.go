package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "factbot.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFileAndEnv(t *testing.T) {
	p := writeFile(t, `
[http]
addr = "127.0.0.1:9000"

[slack]
enabled = true
mode = "http"
signing_secret = "from-file"
bot_token = "xoxb-file"
command = "/fact"

[limits]
questions = 3
per = "10s"

[log]
level = "debug"
format = "json"
`)
	cfg, err := Load(p, env(map[string]string{
		"FACTBOT_SLACK_SIGNING_SECRET": "from-env",
		"FACTBOT_HTTP_ADDR":            ":7000",
		"FACTBOT_LIMITS_PER":           "1m",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.SigningSecret.Value() != "from-env" || cfg.HTTP.Addr != ":7000" || cfg.Limits.Per != Duration(time.Minute) {
		t.Errorf("environment did not win: %+v", cfg)
	}
	if cfg.Slack.Command != "/fact" || cfg.Limits.Questions != 3 || cfg.Log.Format != "json" {
		t.Errorf("file values lost: %+v", cfg)
	}
	if cfg.Slack.APIURL != DefaultSlackAPIURL {
		t.Errorf("api_url default = %q", cfg.Slack.APIURL)
	}
}

func TestLoadNoFile(t *testing.T) {
	cfg, err := Load("", env(map[string]string{
		"FACTBOT_SLACK_ENABLED":   "true",
		"FACTBOT_SLACK_MODE":      "socket",
		"FACTBOT_SLACK_APP_TOKEN": "xapp-1",
		"FACTBOT_SLACK_BOT_TOKEN": "xoxb-1",
		"FACTBOT_SLACK_API_URL":   "http://127.0.0.1:1/api",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.SlackAPIURL() != "http://127.0.0.1:1/api/" {
		t.Errorf("SlackAPIURL = %q", cfg.Slack.SlackAPIURL())
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		want       []string
	}{
		{"unknown key", "[http]\naddr = \":1\"\n\n[slack]\nenabeld = true\n", nil,
			[]string{"factbot.toml:5", "unknown key slack.enabeld"}},
		{"unknown table", "[slak]\nenabled = true\n", nil,
			[]string{"factbot.toml:1", "unknown key slak"}},
		{"wrong type", "[slack]\nenabled = \"yes\"\n", nil,
			[]string{"factbot.toml:2", "slack.enabled", "a TOML string where a boolean belongs"}},
		{"bad duration", "[limits]\nper = \"soon\"\n", nil,
			[]string{"factbot.toml:2", "limits.per"}},
		{"duration as a bare number", "[http]\nshutdown_timeout = 5\n", nil,
			[]string{"http.shutdown_timeout is 5ns, too short", `"30s"`}},
		{"missing secret http", "[slack]\nenabled = true\nbot_token = \"xoxb-x\"\n", nil,
			[]string{"FACTBOT_SLACK_SIGNING_SECRET"}},
		{"missing secrets socket", "[slack]\nenabled = true\nmode = \"socket\"\n", nil,
			[]string{"FACTBOT_SLACK_APP_TOKEN", "FACTBOT_SLACK_BOT_TOKEN"}},
		{"bad mode", "[slack]\nenabled = true\nmode = \"carrier-pigeon\"\n",
			map[string]string{"FACTBOT_SLACK_BOT_TOKEN": "xoxb-1"}, []string{"slack.mode"}},
		{"bad env bool", "", map[string]string{"FACTBOT_SLACK_ENABLED": "perhaps"},
			[]string{"FACTBOT_SLACK_ENABLED", "true or false"}},
		{"bad level", "[log]\nlevel = \"loud\"\n", nil, []string{"log.level"}},
		{"body cap", "[http]\nmax_body_bytes = 1073741824\n", nil,
			[]string{"http.max_body_bytes 1073741824", "1048576", "FACTBOT_HTTP_MAX_BODY_BYTES"}},
		{"no connections", "", map[string]string{"FACTBOT_HTTP_MAX_CONNECTIONS": "0"},
			[]string{"http.max_connections", "FACTBOT_HTTP_MAX_CONNECTIONS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, tt.file)
			_, err := Load(p, env(tt.env))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestSecretsNeverInErrors(t *testing.T) {
	const secret = "SUPERSECRET123"
	files := []string{
		"[slack]\nbot_token = " + secret + "\n",        // unquoted: a syntax error near the value
		"[slack]\nsigning_secret = \"" + secret + "\n", // unterminated string
		"[slack]\nenabled = true\nmode = \"http\"\nsigning_secret = \"" + secret + "\"\ncommand = \"bad cmd\"\nbot_token = \"xoxb-1\"\n",
	}
	for _, f := range files {
		_, err := Load(writeFile(t, f), env(nil))
		if err == nil {
			t.Fatalf("no error for %q", f)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error leaks secret: %v", err)
		}
	}
	_, err := Load("", env(map[string]string{"FACTBOT_SLACK_ENABLED": "true", "FACTBOT_SLACK_SIGNING_SECRET": secret, "FACTBOT_SLACK_MODE": "x"}))
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("env error = %v", err)
	}
}

func TestSecretRedacts(t *testing.T) {
	s := Secret("xoxb-123")
	for _, out := range []string{s.String(), s.GoString()} {
		if strings.Contains(out, "xoxb") {
			t.Errorf("leak: %s", out)
		}
	}
	cfg := Default()
	cfg.Slack.BotToken = s
	if strings.Contains(fmtAll(cfg), "xoxb-123") {
		t.Error("config formatting leaks the token")
	}
}

func fmtAll(c Config) string {
	return strings.Join([]string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c)}, "\n")
}

// The example file loads as it is and documents every key.
func TestExampleDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Load("../../config.example.toml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("example differs from the defaults:\n%+v\n%+v", cfg, Default())
	}
	forEachKey(reflect.ValueOf(&cfg).Elem(), func(section, key string, _ reflect.Value) {
		if lineOf(data, section+"."+key) == 0 {
			t.Errorf("config.example.toml does not document %s.%s", section, key)
		}
	})
}

// lineOf finds the line where the dotted key is set. It understands
// [table] headers, dotted keys and a table's own header; 0 when not found.
func lineOf(data []byte, key string) int {
	table := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "[") {
			name := strings.Trim(line, "[] \t")
			if j := strings.Index(name, "#"); j >= 0 {
				name = strings.TrimSpace(strings.Trim(name[:j], "[] \t"))
			}
			table = name
			if table == key {
				return i + 1
			}
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		full := strings.Trim(strings.TrimSpace(k), `"'`)
		if table != "" {
			full = table + "." + full
		}
		if full == key || strings.HasPrefix(key, full+".") {
			return i + 1
		}
	}
	return 0
}
