// Package openfile hands a saved document to the program the system opens such files with (the
// PDF viewer, the spreadsheet), and says so when nothing opened it, so that the director is
// never told "opened" about a file no window shows.
package openfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Error says which file no program opened, and why, so that it can be opened by hand.
type Error struct {
	Path   string // in the platform's form
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("no program opened %s (%s); open it by hand from that folder", e.Path, e.Reason)
}

// Open opens path with the system's program for its kind of file. Paths with spaces and
// non-ASCII names work: the path is passed as one argument, never through a shell.
func Open(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &Error{Path: filepath.Clean(path), Reason: err.Error()}
	}
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &Error{Path: abs, Reason: "the file is not there"}
	case err != nil:
		return &Error{Path: abs, Reason: err.Error()}
	case !info.Mode().IsRegular():
		return &Error{Path: abs, Reason: "it is not a file"}
	}
	if reason := open(abs); reason != "" {
		return &Error{Path: abs, Reason: reason}
	}
	return nil
}
