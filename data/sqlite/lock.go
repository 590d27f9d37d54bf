package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// ErrInUse means another running MentorDesk holds the database.
var ErrInUse = errors.New("is in use by another running MentorDesk")

// Lock is an OS file lock beside the database ("<file>.lock"): one running window, and writes
// from the command line only while no window is open. The OS releases it when a process dies.
type Lock struct {
	fl   *flock.Flock
	path string
}

// LockPath is the lock file of a database.
func LockPath(db string) string { return db + ".lock" }

// AcquireLock takes the database's lock, waiting up to wait (zero: try once). The holder's
// process id and role are written into the lock file so the refusal can say who has it.
func AcquireLock(db string, role string, wait time.Duration) (*Lock, error) {
	path := LockPath(db)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err == nil && !ok && wait > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		ok, err = fl.TryLockContext(ctx, 100*time.Millisecond)
		if errors.Is(err, context.DeadlineExceeded) {
			err = nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	if !ok {
		holder := "another process"
		if b, err := os.ReadFile(path); err == nil {
			if f := strings.Fields(string(b)); len(f) >= 2 {
				if _, err := strconv.Atoi(f[0]); err == nil {
					holder = fmt.Sprintf("the MentorDesk %s (process %s)", strings.Join(f[1:], " "), f[0])
				}
			}
		}
		return nil, fmt.Errorf("%s %w: it is open in %s. Close it there and try again.", db, ErrInUse, holder)
	}
	// Record the holder for the message another copy shows; the lock itself is the OS's.
	if f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o600); err == nil {
		fmt.Fprintf(f, "%d %s\n", os.Getpid(), role)
		f.Close()
	}
	heldMu.Lock()
	held[path]++
	heldMu.Unlock()
	return &Lock{fl: fl, path: path}, nil
}

// held counts the locks this process holds, so work that needs the lock (finishing an
// interrupted restore) knows when its caller already has it.
var (
	heldMu sync.Mutex
	held   = map[string]int{}
)

// lockedHere reports whether this process holds db's lock.
func lockedHere(db string) bool {
	heldMu.Lock()
	defer heldMu.Unlock()
	return held[LockPath(db)] > 0
}

// Release lets another copy open the database.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	heldMu.Lock()
	if held[l.path] > 0 {
		held[l.path]--
	}
	heldMu.Unlock()
	return l.fl.Unlock()
}
