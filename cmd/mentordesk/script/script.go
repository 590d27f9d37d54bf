// Package script is MentorDesk's scripting interface (DESIGN §4): the headless commands for batch
// work, backups and automation. Exit 0 on success, 1 on a user error, 2 on a usage error.
package script

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Today          data.Date
	DefaultDB      string
}

// usageError is a mistake in the command line itself (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usage = `usage: mentordesk [--db PATH] [COMMAND …]

Without a command, the window opens. Commands:
  demo [--scale small|large]               fill an empty database with a sample organisation
  settings set KEY VALUE | settings get KEY
  import KIND FILE.csv|FILE.xlsx [--sheet NAME] [--map "File header=column;…"] [--set column=value]
                                           all rows or none; --map "column:Answer=value" maps answers
  export KIND FILE.csv|FILE.xlsx           KIND: mentors checks contracts schools calendars instructors
                                           classrooms events sessions applicants feedback surveys;
                                           export also: payments, goals
  plan --school S --classroom C --program focused|season|bridge --mentor EMAIL --events DATE[,DATE…]
       [--evaluation] [--to-school S2 --to-classroom C2 --fall-sessions 1|2] [--apply]
  statements issue [--through DATE]
  report contract --mentor EMAIL --year 2026-27 --out FILE.pdf
  report roster [--school NAME] [--instrument NAME] [--on DATE] --out FILE.pdf
  report statement --number N --out FILE.pdf
  report statements --out DIR [--from DATE] [--through DATE]
  report signoff --mentor EMAIL --school NAME --date DATE --out FILE.pdf
  report schedule --school S --classroom C --year 2026-27 --out FILE.pdf
  report yearend --mentor EMAIL --year 2026 --out FILE.pdf
  report introduction --cohort NAME --email EMAIL --out FILE.pdf
  report cohort --cohort NAME --out FILE.pdf
  calendar --mentor EMAIL --out FILE.ics
  match --cohort NAME [--apply]
  compliance [--on DATE]
  backup FILE                              a checked copy, also while the window is open
  restore FILE                             put a backup in place; the current file is kept aside
  check
`

// Command runs one headless command against an open store.
type command func(ctx context.Context, s *sqlite.Store, args []string, env Env) error

var commands = map[string]command{}

// IsCommand reports whether args (after the global flags) name a command.
func IsCommand(args []string) bool { return len(args) > 0 }

// ParseGlobal reads the global flags (--db) and returns the rest of the arguments.
func ParseGlobal(args []string, env Env) (db string, rest []string, err error) {
	fs := flag.NewFlagSet("mentordesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", env.DefaultDB, "database file")
	if err := fs.Parse(args); err != nil {
		return "", nil, usagef("%v", err)
	}
	return db, fs.Args(), nil
}

// Run runs a command line and returns the exit code; nothing is written when a command fails.
func Run(args []string, env Env) int {
	db, rest, err := ParseGlobal(args, env)
	if err == nil && len(rest) == 0 {
		err = usagef("no command given")
	}
	if err != nil {
		return report(env, err)
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		fmt.Fprint(env.Stdout, usage)
		return 0
	}
	cmd, ok := commands[name]
	if !ok && name != "restore" && name != "demo" {
		return report(env, usagef("unknown command %q", name))
	}
	writing := writes(name, rest[1:])
	if writing {
		// A read-only file or folder is named before anything is tried.
		if err := sqlite.CheckWritable(absPath(db)); err != nil {
			return report(env, err)
		}
		// Writes wait briefly for a window or another command to let go, then refuse.
		lock, err := sqlite.AcquireLock(absPath(db), "command line", 5*time.Second)
		if err != nil {
			return report(env, err)
		}
		defer lock.Release()
	}
	switch name {
	case "restore":
		// A restore replaces the file itself, so the store must not hold it open.
		return report(env, restoreCmd(absPath(db), rest[1:], env))
	case "demo":
		return report(env, demoCmd(absPath(db), rest[1:], env))
	}
	s, err := sqlite.Open(db, sqlite.Options{ReadOnly: !writing})
	if err != nil {
		return report(env, err)
	}
	defer s.Close()
	return report(env, cmd(context.Background(), s, rest[1:], env))
}

// writes reports whether a command line changes the database; reading commands (backup,
// export, reports, checks) run while the window is open.
func writes(name string, args []string) bool {
	switch name {
	case "backup", "export", "compliance", "check", "report", "calendar":
		return false
	case "settings":
		return len(args) == 0 || args[0] != "get"
	case "plan", "match":
		for _, a := range args {
			if a == "--apply" || a == "-apply" || strings.HasPrefix(a, "--apply=") {
				return true
			}
		}
		return false
	}
	return true
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func report(env Env, err error) int {
	if err == nil {
		return 0
	}
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(env.Stderr, "mentordesk: %s\n\n%s", u.msg, usage)
		return 2
	}
	fmt.Fprintf(env.Stderr, "%s\n", err)
	return 1
}

// flags parses a command's flags; a bad flag is a usage error.
func flags(name string, args []string, define func(*flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	if err := fs.Parse(args); err != nil {
		return nil, usagef("%s: %v", name, err)
	}
	return fs.Args(), nil
}

// dateFlag parses an optional date flag value.
func dateFlag(name, v string, def data.Date) (data.Date, error) {
	if v == "" {
		return def, nil
	}
	d, err := data.ParseDate(v)
	if err != nil {
		return 0, usagef("--%s: %v", name, err)
	}
	return d, nil
}

// DefaultDBPath is the database in the per-user application-data folder of the OS.
func DefaultDBPath() string {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("APPDATA")
		if dir == "" {
			dir, _ = os.UserConfigDir()
		}
		dir = filepath.Join(dir, "MentorDesk")
	case "darwin":
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, "Library", "Application Support", "MentorDesk")
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, _ := os.UserHomeDir()
			dir = filepath.Join(home, ".local", "share")
		}
		dir = filepath.Join(dir, "mentordesk")
	}
	return filepath.Join(dir, "mentordesk.db")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func oneArg(name string, rest []string, what string) (string, error) {
	if len(rest) != 1 {
		return "", usagef("%s needs %s", name, what)
	}
	return strings.TrimSpace(rest[0]), nil
}
