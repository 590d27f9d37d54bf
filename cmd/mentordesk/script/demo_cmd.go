package script

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// demoCmd fills an empty database with the sample organisation. It is built in a new file
// beside the database and put in place only when complete, so a failure writes nothing.
func demoCmd(db string, args []string, env Env) error {
	scale := "small"
	if _, err := flags("demo", args, func(fs *flag.FlagSet) { fs.StringVar(&scale, "scale", "small", "small or large") }); err != nil {
		return err
	}
	if scale != "small" && scale != "large" {
		return usagef("demo --scale: %q is not small or large", scale)
	}
	ctx := context.Background()
	// A database missing beside the files of a restore is not replaced by the sample.
	if _, err := sqlite.RecoverRestore(db); err != nil {
		return err
	}
	if _, err := os.Stat(db); err == nil {
		s, err := sqlite.Open(db, sqlite.Options{})
		if err != nil {
			return err
		}
		empty, err := s.IsEmpty(ctx)
		s.Close()
		if err != nil {
			return err
		}
		if !empty {
			return fmt.Errorf("%s already holds an organisation: %w", db, demo.ErrNotEmpty)
		}
	}
	tmp := filepath.Join(filepath.Dir(db), "."+filepath.Base(db)+".demo-building")
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	s, err := sqlite.Open(tmp, sqlite.Options{})
	if err != nil {
		return err
	}
	var fillErr error
	if scale == "large" {
		fillErr = demo.FillLarge(ctx, s, env.Today, 1, demo.DefaultLarge)
	} else {
		fillErr = demo.Fill(ctx, s, env.Today)
	}
	fillErr = errors.Join(fillErr, s.SetMeta(ctx, "sample", "yes"))
	closeErr := s.Close()
	if err := errors.Join(fillErr, closeErr); err != nil {
		for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(p)
		}
		return err
	}
	for _, side := range []string{"-wal", "-shm"} {
		os.Remove(db + side)
	}
	if err := os.Rename(tmp, db); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("put the sample organisation in place: %w", err)
	}
	fmt.Fprintf(env.Stderr, "the sample organisation is in %s\n", db)
	return nil
}
