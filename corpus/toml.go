package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// decodeStrict decodes a side file into v and refuses a key v has no
// place for: a misspelt key would otherwise be silently ignored. Errors
// name the line and key, never the Go types behind them.
func decodeStrict(data []byte, v any) error {
	d := toml.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	err := d.Decode(v)
	var missing *toml.StrictMissingError
	if errors.As(err, &missing) && len(missing.Errors) > 0 {
		first := missing.Errors[0]
		row, _ := first.Position()
		return fmt.Errorf("line %d: unknown key %q", row, strings.Join(first.Key(), "."))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		if key := de.Key(); len(key) > 0 {
			return fmt.Errorf("line %d: key %s: %s", row, strings.Join(key, "."), plainMessage(de.Error()))
		}
		return fmt.Errorf("line %d: %s", row, plainMessage(de.Error()))
	}
	return err
}

// plainMessage shortens go-toml's message: a type mismatch names the Go
// struct it was decoding into, which says nothing to someone editing the
// file.
func plainMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "toml: ")
	got, ok := strings.CutPrefix(msg, "cannot decode TOML ")
	if !ok {
		return msg
	}
	kind, _, _ := strings.Cut(got, " into ")
	if i := strings.LastIndex(got, " of type "); i >= 0 {
		return fmt.Sprintf("a TOML %s where %s belongs", kind, tomlKind(got[i+len(" of type "):]))
	}
	return fmt.Sprintf("a TOML %s where it does not belong", kind)
}

// tomlKind names a Go destination type as the TOML that would fill it.
func tomlKind(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "map["), strings.HasPrefix(goType, "struct"), strings.Contains(goType, "."):
		return "a table"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "an integer"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "bool":
		return "a boolean"
	default:
		return "a " + goType
	}
}
