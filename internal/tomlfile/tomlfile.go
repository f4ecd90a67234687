// Package tomlfile decodes factbot's TOML files (the corpus's side files,
// the message catalogue, the server configuration) one way: unknown keys
// refused, and every error said in the file's terms (line, key, the kind
// of value expected), never in the Go types behind it.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Error is a decoding error at a place in the file.
type Error struct {
	Line    int    // 1-based; 0 when unknown
	Key     string // dotted ("slack.enabled"); "" when the error has none
	Unknown bool   // the key is none the file may set
	Message string // what is wrong, in the file's terms
}

func (e *Error) Error() string {
	switch {
	case e.Unknown:
		return fmt.Sprintf("line %d: unknown key %s", e.Line, e.Key)
	case e.Key != "":
		return fmt.Sprintf("line %d: key %s: %s", e.Line, e.Key, e.Message)
	default:
		return fmt.Sprintf("line %d: %s", e.Line, e.Message)
	}
}

// Decode decodes data into v and refuses a key v has no place for: a
// misspelt key would otherwise be silently ignored. A syntax or type
// error is returned as an *Error.
func Decode(data []byte, v any) error {
	d := toml.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	err := d.Decode(v)
	if err == nil {
		return nil
	}
	var missing *toml.StrictMissingError
	if errors.As(err, &missing) && len(missing.Errors) > 0 {
		first := missing.Errors[0]
		line, _ := first.Position()
		return &Error{Line: line, Key: strings.Join(first.Key(), "."), Unknown: true}
	}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return err
	}
	line, _ := de.Position()
	return &Error{Line: line, Key: strings.Join(de.Key(), "."), Message: plainMessage(de.Error())}
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
