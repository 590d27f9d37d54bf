package script

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"mentordesk/data"
	"mentordesk/data/filemsg"
	"mentordesk/data/icsio"
	"mentordesk/data/sqlite"
)

func init() { commands["calendar"] = calendarCmd }

// calendarCmd writes every session of a mentor as an iCalendar file in the organisation's time
// zone. DTSTAMP is the newest change to those sessions (else today), so an unchanged schedule
// exports byte for byte the same.
func calendarCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var email, out string
	rest, err := flags("calendar", args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "mentor", "", "mentor e-mail")
		fs.StringVar(&out, "out", "", "the .ics file to write")
	})
	switch {
	case err != nil:
		return err
	case len(rest) > 0:
		return usagef("calendar: unexpected argument %q", rest[0])
	case email == "" || out == "":
		return usagef("calendar needs --mentor EMAIL and --out FILE.ics")
	}
	m, err := s.MentorByEmail(ctx, email)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("calendar --mentor: no mentor has the e-mail %q", email)
	} else if err != nil {
		return err
	}
	today := env.Today
	if today.IsZero() {
		today = data.Today()
	}
	feed, err := s.MentorCalendar(ctx, m.ID, today)
	if err != nil {
		return err
	}
	if err := writeCalendarFile(out, func(f *os.File) error { return icsio.WriteMentorCalendar(f, feed) }); err != nil {
		return fmt.Errorf("calendar --out: %w", err)
	}
	fmt.Fprintf(env.Stderr, "%d session(s) of %s written to %s\n", len(feed.Events), m.Name(), filemsg.Path(out))
	return nil
}

// writeCalendarFile writes path through a temporary file beside it, so a failure leaves no
// half-written file behind.
func writeCalendarFile(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".calendar-*.ics")
	if err != nil {
		return filemsg.Write(path, err)
	}
	defer os.Remove(tmp.Name())
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return filemsg.Write(path, err)
	}
	os.Chmod(tmp.Name(), 0o600)
	return filemsg.Write(path, os.Rename(tmp.Name(), path))
}
