package corpus

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// decodeStrict decodes a side file into v and refuses a key v has no
// place for: a misspelt key would otherwise be silently ignored.
func decodeStrict(data []byte, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return fmt.Errorf("unknown key %q", und[0].String())
	}
	return nil
}
