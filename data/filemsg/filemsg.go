// Package filemsg puts into words why a file could not be written: every writer (exports,
// documents, calendars, backups, photos) passes its error through Write, so that a director
// whose spreadsheet is still open in Excel reads "close it there", not "Access is denied", and
// every message shows the path in the platform's own form.
package filemsg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Path is p as the platform writes paths: C:\Users\… on Windows even when a file dialog or the
// director typed C:/Users/…, and cleaned of ./ and doubled separators.
func Path(p string) string {
	if p == "" {
		return p
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// WriteError is a file that could not be written, with the reason in words.
type WriteError struct {
	Path   string // in the platform's form
	Reason string
	Err    error // the operating system's error
}

func (e *WriteError) Error() string { return fmt.Sprintf("cannot write %s: %s", e.Path, e.Reason) }
func (e *WriteError) Unwrap() error { return e.Err }

// Why a write failed, as the operating systems say it in their own codes (filemsg_*.go).
type cause int

const (
	otherCause cause = iota
	inUse            // another program holds the file open (Windows sharing and lock violations)
	denied           // permission denied; on Windows also what a file open in Excel gives
	diskFull
	readOnlyDisk
)

// Write explains err, met while writing path; nil stays nil, and an error already explained is
// returned as it is.
func Write(path string, err error) error {
	if err == nil {
		return nil
	}
	var done *WriteError
	if errors.As(err, &done) {
		return err
	}
	path = Path(path)
	// The operating system's own error, and whether it concerned the file itself (rather than
	// a temporary file beside it, or its folder).
	osErr, onTarget := err, true
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		osErr, onTarget = pe.Err, Path(pe.Path) == path
	case errors.As(err, &le):
		osErr, onTarget = le.Err, Path(le.New) == path
	}
	reason := osErr.Error()
	switch causeOf(osErr) {
	case inUse:
		reason = inAnotherProgram
	case denied:
		reason = deniedReason(path, onTarget)
	case diskFull:
		reason = "the disk is full; free some space on it (or choose another disk) and try again"
	case readOnlyDisk:
		reason = "the disk or folder is read-only; choose another folder"
	default:
		if errors.Is(osErr, fs.ErrNotExist) {
			reason = fmt.Sprintf("the folder %s does not exist", filepath.Dir(path))
		}
	}
	return &WriteError{Path: path, Reason: reason, Err: err}
}

const inAnotherProgram = "the file is open in another program (a spreadsheet or PDF viewer); close it there and try again"

// deniedReason tells a read-only file and a folder without write permission from a file that
// another program holds: Windows refuses to replace a file open in Excel with "Access is
// denied", the same words as for a real permission problem.
func deniedReason(path string, onTarget bool) string {
	info, err := os.Stat(path)
	switch {
	case !onTarget: // the folder refused the temporary file the write goes through
	case err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o200 == 0:
		return "the file is read-only; choose another name or make it writable"
	case err == nil && info.IsDir():
		return "it is a folder; choose a file name"
	case err == nil && deniedMeansInUse:
		return inAnotherProgram
	}
	return fmt.Sprintf("permission denied; choose a folder you can write to (not %s)", filepath.Dir(path))
}
