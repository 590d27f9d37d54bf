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
	return s.withImportBackup(ctx, backupDir, keep, func(ctx context.Context) (ImportSummary, error) {
		return s.Import(ctx, kind, file, r, dir)
	})
}

// ImportFileWithBackup is ImportWithBackup on a file (CSV or workbook) read with opts.
func (s *Store) ImportFileWithBackup(ctx context.Context, kind csvio.Kind, path string, opts ImportOptions, backupDir string, keep Retention) (ImportSummary, error) {
	return s.withImportBackup(ctx, backupDir, keep, func(ctx context.Context) (ImportSummary, error) {
		return s.ImportFileWith(ctx, kind, path, opts)
	})
}

func (s *Store) withImportBackup(ctx context.Context, backupDir string, keep Retention, run func(context.Context) (ImportSummary, error)) (ImportSummary, error) {
	if backupDir == "" {
		backupDir = DefaultBackupDir(s.path)
	}
	_, statErr := os.Stat(backupDir)
	madeDir := errors.Is(statErr, os.ErrNotExist)
	// The copy is taken just before the import's transaction begins (after any lock it waits
	// for), so it holds exactly what the import started from.
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
	sum, err := run(ctx)
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
