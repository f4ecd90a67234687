package config

import (
	"strings"
	"testing"
	"time"
)

func TestStoreFromEnvironment(t *testing.T) {
	cfg, err := Load("", env(map[string]string{
		"FACTBOT_STORE_PATH":          "/var/lib/factbot/factbot.db",
		"FACTBOT_STORE_RETENTION":     "720h",
		"FACTBOT_STORE_ENABLED":       "false",
		"FACTBOT_STORE_DECLINED_ONLY": "true",
		"FACTBOT_STORE_URL":           "postgres://factbot:pw@db:5432/factbot",
		"FACTBOT_STORE_QUEUE_SIZE":    "500",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Store{Enabled: false, Path: "/var/lib/factbot/factbot.db", Retention: Duration(30 * 24 * time.Hour), DeclinedOnly: true,
		URL: "postgres://factbot:pw@db:5432/factbot", QueueSize: 500, FlushInterval: Duration(100 * time.Millisecond)}
	if cfg.Store != want {
		t.Errorf("store config %+v, want %+v", cfg.Store, want)
	}
}

func TestStoreDefaultsAndValidation(t *testing.T) {
	if d := Default().Store; !d.Enabled || d.Path != "" || d.Retention != Duration(90*24*time.Hour) {
		t.Errorf("default store config %+v", d)
	}
	_, err := Load("", env(map[string]string{"FACTBOT_STORE_RETENTION": "0s"}))
	if err == nil || !strings.Contains(err.Error(), "store.retention") {
		t.Errorf("zero retention: %v", err)
	}
	for _, tc := range []struct{ key, value, want string }{
		{"FACTBOT_STORE_URL", "mysql://u:hunter2@db/factbot", "store.url must be a postgres:// URL"},
		{"FACTBOT_STORE_QUEUE_SIZE", "0", "store.queue_size"},
		{"FACTBOT_STORE_FLUSH_INTERVAL", "-1s", "store.flush_interval"},
		{"FACTBOT_HTTP_ADMIN_ADDR", ":8080", "http.admin_addr must differ"},
	} {
		_, err := Load("", env(map[string]string{tc.key: tc.value}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%s: %v; want an error saying %q", tc.key, tc.value, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("the error shows the URL's password: %v", err)
		}
	}
}
