package config

import (
	"strings"
	"testing"
)

func TestUnknownEnv(t *testing.T) {
	tests := []struct {
		environ []string
		want    []string // "" none: no error
	}{
		{[]string{"PATH=/bin", "FACTBOT_SLACK_ENABLED=true", "FACTBOT_TEST_POSTGRES_URL=postgres://x"}, nil},
		{[]string{"FACTBOT_SLACK_SIGINING_SECRET=s3cr3t"}, []string{"FACTBOT_SLACK_SIGINING_SECRET", "did you mean FACTBOT_SLACK_SIGNING_SECRET"}},
		{[]string{"FACTBOT_DISCORD_PUBLICKEY=00"}, []string{"FACTBOT_DISCORD_PUBLICKEY", "FACTBOT_DISCORD_PUBLIC_KEY"}},
		{[]string{"FACTBOT_HTTP_ADR=:1", "FACTBOT_LOG_LEVL=debug"}, []string{"FACTBOT_HTTP_ADDR", "FACTBOT_LOG_LEVEL"}},
	}
	for _, tt := range tests {
		err := UnknownEnv(tt.environ)
		if len(tt.want) == 0 {
			if err != nil {
				t.Errorf("%q: %v", tt.environ, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: no error", tt.environ)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q lacks %q", tt.environ, err, w)
			}
		}
		if strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("error shows a value: %v", err)
		}
	}
}

// Every variable Load reads is one EnvNames lists, so UnknownEnv never
// refuses a real setting.
func TestEnvNamesAreWhatLoadReads(t *testing.T) {
	var read []string
	_, _ = Load("", func(name string) (string, bool) { read = append(read, name); return "", false })
	if err := UnknownEnv(func() []string {
		var env []string
		for _, n := range read {
			env = append(env, n+"=")
		}
		return env
	}()); err != nil {
		t.Error(err)
	}
	if len(read) != len(EnvNames()) {
		t.Errorf("Load reads %d variables, EnvNames lists %d", len(read), len(EnvNames()))
	}
}
