package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"mentordesk/data/csvio"
)

// ImportWithBackup imports like Import after taking a verified copy of the database into
// backupDir ("" for the backups folder beside it). The copy is kept, and the backups rotated,
// only when the import commits: a refused or failed import leaves the folder as it was.
func (s *Store) ImportWithBackup(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir, backupDir string, keep Retention) (ImportSummary, error) {
	if backupDir == "" {
		backupDir = DefaultBackupDir(s.path)
	}
	_, statErr := os.Stat(backupDir)
	madeDir := errors.Is(statErr, os.ErrNotExist)
	// The copy is taken just before the import's transaction begins (after any lock it
	// waits for): a file refused while it is read never costs a backup at all.
	dest, outer := "", ctx
	ctx = BeforeWrite(ctx, func() error {
		if err := beforeWrite(outer); err != nil {
			return err
		}
		if dest != "" {
			return nil
		}
		dest = s.backupName(backupDir, "before-import")
		if err := s.Backup(outer, dest); err != nil {
			dest = ""
			return fmt.Errorf("back up before importing: %w", err)
		}
		return nil
	})
	sum, err := s.Import(ctx, kind, file, r, dir)
	if err != nil {
		if dest != "" {
			os.Remove(dest)
		}
		if madeDir {
			os.Remove(backupDir) // only when empty
		}
		return sum, err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	if err := Rotate(backupDir, base, s.now(), keep); err != nil {
		return sum, fmt.Errorf("imported, but rotating the backups failed: %w", err)
	}
	return sum, nil
}

// ImportFileWithBackup is ImportWithBackup on a file.
func (s *Store) ImportFileWithBackup(ctx context.Context, kind csvio.Kind, path, backupDir string, keep Retention) (ImportSummary, error) {
	f, err := openRegular(path)
	if err != nil {
		return ImportSummary{Kind: kind}, err
	}
	defer f.Close()
	return s.ImportWithBackup(ctx, kind, filepath.Base(path), f, filepath.Dir(path), backupDir, keep)
}

// openRegular opens a file to read that must be a regular file: a FIFO, a device or a folder
// named by mistake would block or fail half-way.
func openRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a file", path, describeMode(st.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return f, nil
}

// describeMode names what a path that is not a regular file is.
func describeMode(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
