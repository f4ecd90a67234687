package corpus

import "github.com/factbot/factbot/internal/tomlfile"

// decodeStrict decodes a side file into v: unknown keys refused, errors
// naming the line and key.
func decodeStrict(data []byte, v any) error { return tomlfile.Decode(data, v) }
