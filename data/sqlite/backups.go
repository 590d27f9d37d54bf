package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Retention is how many automatic backups are kept: the newest of each of the last Daily days,
// Weekly weeks and Monthly months.
type Retention struct {
	Daily, Weekly, Monthly int
}

// DefaultRetention keeps a week of days, a month of weeks and a year of months.
var DefaultRetention = Retention{Daily: 7, Weekly: 4, Monthly: 12}

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path    string
	Taken   time.Time
	Reason  string // auto, before-import, before-schema-N, before-restore
	Size    int64
	Summary string // "28 mentors, 8 schools, 512 sessions, 140 statements"; empty when unreadable
}

const backupStamp = "20060102-150405"

// DefaultBackupDir is the "backups" folder beside the database.
func DefaultBackupDir(db string) string { return filepath.Join(filepath.Dir(db), "backups") }

// Backup writes a consistent copy of the database to dest (which must not exist), owner-only,
// and verifies it before returning. A backup that fails (a full disk, a failed check) leaves
// nothing behind, so the next attempt is not blocked by its remains.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("%s already exists; choose another name", abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return fmt.Errorf("create backup folder: %w", describeDiskError(err, abs))
	}
	// The copy is made under a hidden name and renamed when whole and checked.
	tmp := filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".copying")
	os.Remove(tmp)
	defer os.Remove(tmp)
	if _, err := s.w.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("back up to %s: %w", abs, describeDiskError(err, abs))
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("back up to %s: %w", abs, describeDiskError(err, abs))
	}
	if err := Verify(tmp); err != nil {
		return fmt.Errorf("backup %s failed its check: %w", abs, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("%s already exists; choose another name", abs)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	syncDir(filepath.Dir(abs))
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BackupNow writes a verified backup named for its reason and time into dir and rotates the
// automatic ones.
func (s *Store) BackupNow(ctx context.Context, dir, reason string, keep Retention) (string, error) {
	if dir == "" {
		dir = DefaultBackupDir(s.path)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	dest := s.backupName(dir, reason)
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	if err := Rotate(dir, base, s.now(), keep); err != nil {
		return dest, fmt.Errorf("rotate backups: %w", err)
	}
	return dest, nil
}

// backupName is a free file name in dir for a backup taken now for reason; a second one in the
// same second (or one left half-written by a crash) gets a counter.
func (s *Store) backupName(dir, reason string) string {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	stamp := s.now().Format(backupStamp)
	dest := filepath.Join(dir, fmt.Sprintf("%s.%s.%s.db", base, reason, stamp))
	for i := 2; fileExists(dest); i++ {
		dest = filepath.Join(dir, fmt.Sprintf("%s.%s.%s-%d.db", base, reason, stamp, i))
	}
	return dest
}

// AutoBackupDue reports whether the newest automatic backup in dir is older than every.
func (s *Store) AutoBackupDue(dir string, every time.Duration) bool {
	if dir == "" {
		dir = DefaultBackupDir(s.path)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	list, _ := ListBackups(dir, base)
	for _, b := range list {
		if b.Reason == "auto" && s.now().Sub(b.Taken) < every {
			return false
		}
	}
	return true
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// ListBackups lists the backups of the database named base in dir, newest first, with a
// summary of their contents read from each file.
func ListBackups(dir, base string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base+".") || !strings.HasSuffix(name, ".db") {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(name, base+"."), ".db"), ".")
		if len(parts) != 2 {
			continue
		}
		stamp := parts[1]
		if i := strings.LastIndex(stamp, "-"); i > 8 {
			stamp = stamp[:i]
		}
		t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Taken: t, Reason: parts[0], Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// Summarize reads a backup's row counts, read-only.
func Summarize(path string) (string, error) {
	db, err := sql.Open("sqlite3", dsn(path, true)+"&immutable=1")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var m, sc, se, st int
	err = db.QueryRow(`SELECT (SELECT count(*) FROM mentors), (SELECT count(*) FROM schools),
		(SELECT count(*) FROM sessions), (SELECT count(*) FROM statements)`).Scan(&m, &sc, &se, &st)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d mentors, %d schools, %d sessions, %d statements", m, sc, se, st), nil
}

// Rotate deletes automatic backups beyond the retention; backups taken for another reason
// (before an import, a migration or a restore) are kept until the director deletes them.
func Rotate(dir, base string, now time.Time, keep Retention) error {
	list, err := ListBackups(dir, base)
	if err != nil {
		return err
	}
	kept := map[string]bool{}
	seen := map[string]bool{}
	for _, b := range list { // newest first: the first of each period is kept
		if b.Reason != "auto" {
			continue
		}
		age := now.Sub(b.Taken)
		y, w := b.Taken.ISOWeek()
		for _, p := range []struct {
			key   string
			limit time.Duration
		}{
			{"d" + b.Taken.Format("2006-01-02"), time.Duration(keep.Daily) * 24 * time.Hour},
			{fmt.Sprintf("w%d-%02d", y, w), time.Duration(keep.Weekly) * 7 * 24 * time.Hour},
			{"m" + b.Taken.Format("2006-01"), time.Duration(keep.Monthly) * 31 * 24 * time.Hour},
		} {
			if age <= p.limit && !seen[p.key] {
				seen[p.key] = true
				kept[b.Path] = true
			}
		}
	}
	for _, b := range list {
		if b.Reason == "auto" && !kept[b.Path] {
			if err := os.Remove(b.Path); err != nil {
				return err
			}
		}
	}
	return nil
}

// NewestGoodBackup is the newest backup of db that passes its checks, for recovering a
// damaged file; "" when there is none.
func NewestGoodBackup(db string) string {
	base := strings.TrimSuffix(filepath.Base(db), filepath.Ext(db))
	list, _ := ListBackups(DefaultBackupDir(db), base)
	for _, b := range list {
		if Verify(b.Path) == nil && inspect(b.Path) == nil {
			return b.Path
		}
	}
	return ""
}
