package script

import (
	"context"
	"flag"
	"fmt"

	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

func init() { commands["demo"] = demoCmd }

func demoCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	scale := "small"
	if _, err := flags("demo", args, func(fs *flag.FlagSet) { fs.StringVar(&scale, "scale", "small", "small or large") }); err != nil {
		return err
	}
	switch scale {
	case "small":
		if err := demo.Fill(ctx, s, env.Today); err != nil {
			return err
		}
	default:
		return usagef("demo --scale: %q is not small or large", scale)
	}
	fmt.Fprintf(env.Stderr, "the sample organisation is in %s\n", s.Path())
	return nil
}
