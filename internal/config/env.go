package config

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
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
		if d := editDistance(name, n); bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (variable names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
