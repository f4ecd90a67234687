package cli

import (
	"errors"
	"flag"
)

// ParseFlags parses a subcommand's flags. done says the command should stop
// with code: 0 after -h (the usage is printed), 2 on a bad flag (the flag
// package has said which).
func ParseFlags(fs *flag.FlagSet, args []string) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	default:
		return 2, true
	}
}
