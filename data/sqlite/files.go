package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrReadOnly means a file or folder MentorDesk must write is read-only; nothing was changed.
var ErrReadOnly = errors.New("is read-only")

// ErrDiskFull means the disk holding a file MentorDesk writes is full.
var ErrDiskFull = errors.New("is full")

// regularFile refuses anything that is not a regular file (a FIFO, a device, a folder, a
// socket) without opening it: opening a FIFO waits forever for a writer.
func regularFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%s is a folder, not a database file", path)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%s is a named pipe (FIFO), not a database file; nothing was read from it", path)
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return fmt.Errorf("%s is a device, not a database file; nothing was read from it", path)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("%s is a socket, not a database file; nothing was read from it", path)
	case !m.IsRegular():
		return fmt.Errorf("%s is not a regular file; nothing was read from it", path)
	}
	return nil
}

// CheckWritable says, for a command that changes the database, which file or folder is
// read-only: the database file itself, or the folder that holds it (SQLite writes its journal
// and MentorDesk its lock there). A file that does not exist yet needs only its folder.
// Nothing is changed, and no file mode is touched.
func CheckWritable(db string) error {
	abs, err := filepath.Abs(db)
	if err != nil {
		return err
	}
	if st, err := os.Stat(abs); err == nil {
		if err := regularFile(abs); err != nil {
			return err
		}
		if st.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("the database %s %w (mode %04o); make it writable to change it — reading commands work as it is", abs, ErrReadOnly, st.Mode().Perm())
		}
		f, err := os.OpenFile(abs, os.O_RDWR, 0)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("the database %s %w for this user; make it writable to change it — reading commands work as it is", abs, ErrReadOnly)
			}
			return fmt.Errorf("open %s: %w", abs, err)
		}
		f.Close()
	}
	dir := filepath.Dir(abs)
	for d := dir; ; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if errors.Is(err, fs.ErrNotExist) && filepath.Dir(d) != d {
			continue // created on first use; its parent must be writable
		}
		if err != nil {
			return fmt.Errorf("the folder %s: %w", d, err)
		}
		if st.Mode().Perm()&0o222 == 0 || !canCreateIn(d) {
			return fmt.Errorf("the folder %s, which holds the database, %w; MentorDesk writes its journal and lock file beside the database — reading commands work as it is", d, ErrReadOnly)
		}
		return nil
	}
}

// canCreateIn tries to create (and at once removes) a file in dir: the only portable way to
// learn whether this user may write there.
func canCreateIn(dir string) bool {
	f, err := os.CreateTemp(dir, ".mentordesk-write-test-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// writableFile reports whether an existing database file and its folder can be written.
func writableFile(path string) bool {
	return CheckWritable(path) == nil
}

// isDiskFull reports whether err says the disk ran out of space.
func isDiskFull(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrFull || se.SystemErrno == syscall.ENOSPC) {
		return true
	}
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	return err != nil && (strings.Contains(err.Error(), "database or disk is full") || strings.Contains(err.Error(), "no space left on device"))
}

// isReadOnlyErr reports whether err says SQLite could not write a read-only file.
func isReadOnlyErr(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrReadonly
}

// describeDiskError turns a full disk or a read-only file met while writing path into a
// message that says so and where; other errors pass unchanged.
func describeDiskError(err error, path string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrDiskFull) || errors.Is(err, ErrReadOnly):
		return err
	case isDiskFull(err):
		return fmt.Errorf("the disk holding %s %w (%v); free some space there and try again — nothing was changed", filepath.Dir(path), ErrDiskFull, err)
	case isReadOnlyErr(err):
		return fmt.Errorf("%s %w (%v); nothing was changed", path, ErrReadOnly, err)
	}
	return err
}

// isDamage reports whether an SQLite error means the file's contents are damaged, as opposed
// to a disk that is full, a file that cannot be opened or read, or a busy database.
func isDamage(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB
}
