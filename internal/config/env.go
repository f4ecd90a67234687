package config

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/factbot/factbot/internal/edits"
)

// TestEnvPrefix starts variables that tests read (FACTBOT_TEST_POSTGRES_URL):
// UnknownEnv leaves them alone.
const TestEnvPrefix = EnvPrefix + "TEST_"

// EnvNames lists every variable Load reads, sorted.
func EnvNames() []string {
	var names []string
	forEachKey(reflect.ValueOf(&Config{}).Elem(), func(section, key string, _ reflect.Value) {
		names = append(names, EnvName(section, key))
	})
	slices.Sort(names)
	return names
}

// UnknownEnv reports every FACTBOT_ variable in environ ("NAME=value"
// entries, as os.Environ gives them) that sets nothing, with the known
// variable it most likely meant: a misspelt FACTBOT_SLACK_SIGINING_SECRET
// would otherwise be ignored silently while unknown TOML keys stop
// start-up. Values are never shown.
func UnknownEnv(environ []string) error {
	known := EnvNames()
	var errs []error
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, EnvPrefix) || strings.HasPrefix(name, TestEnvPrefix) {
			continue
		}
		if _, found := slices.BinarySearch(known, name); found {
			continue
		}
		errs = append(errs, fmt.Errorf("environment %s is not a factbot setting; did you mean %s? (see config.example.toml)", name, nearest(name, known)))
	}
	return errors.Join(errs...)
}

// nearest is the name in names closest to name in edit distance; the first
// of equals.
func nearest(name string, names []string) string {
	best, bestDist := "", -1
	for _, n := range names {
		if d := edits.Within(name, n, len(name)+len(n)); bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}
