// Package secret holds Secret, a string that never prints itself, so a
// configuration can be logged or wrapped in an error without leaking
// tokens. The configuration of every adapter uses it.
package secret

// Secret is a token, password or key.
type Secret string

// Value returns the secret itself, for the one place that needs it.
func (s Secret) Value() string { return string(s) }

// String redacts the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString redacts the secret in %#v.
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// MarshalText redacts the secret in JSON and TOML output.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
