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
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Store{Enabled: false, Path: "/var/lib/factbot/factbot.db", Retention: 30 * 24 * time.Hour, DeclinedOnly: true}
	if cfg.Store != want {
		t.Errorf("store config %+v, want %+v", cfg.Store, want)
	}
}

func TestStoreDefaultsAndValidation(t *testing.T) {
	if d := Default().Store; !d.Enabled || d.Path != "" || d.Retention != 90*24*time.Hour {
		t.Errorf("default store config %+v", d)
	}
	_, err := Load("", env(map[string]string{"FACTBOT_STORE_RETENTION": "0s"}))
	if err == nil || !strings.Contains(err.Error(), "store.retention") {
		t.Errorf("zero retention: %v", err)
	}
}
