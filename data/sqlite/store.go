// Package sqlite is MentorDesk's store: one SQLite file holding the whole organisation, with
// the schema, migrations, queries and transactions behind the data package's types.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ApplicationID marks a file as a MentorDesk database ("MDK1"), so a foreign SQLite file is told apart.
const ApplicationID = 0x4D444B31

// ErrForeign, ErrDamaged and ErrNewer explain why a file was refused; the file is left as it was.
var (
	ErrForeign = errors.New("is not a MentorDesk database")
	ErrDamaged = errors.New("is damaged")
	ErrNewer   = errors.New("was written by a newer version of MentorDesk")
)

// Store is an open MentorDesk database. Writes go through one connection (SQLite allows one
// writer at a time, so a pool would only queue on the lock); reads use a small pool.
type Store struct {
	path string
	w    *sql.DB
	r    *sql.DB
	now  func() time.Time
}

// Options adjust Open; the zero value is what the app uses.
type Options struct {
	// BackupDir receives the copy taken before a migration; default: "backups" beside the file.
	BackupDir string

	stopAt int // tests build an older schema by stopping after this migration
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Latest is the schema version this program writes.
func Latest() int {
	ms, _ := migrations()
	return len(ms)
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{n, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

func dsn(path string, readOnly bool) string {
	v := url.Values{}
	v.Set("_foreign_keys", "on")
	v.Set("_synchronous", "FULL")
	v.Set("_busy_timeout", "5000")
	if readOnly {
		v.Set("mode", "ro")
		v.Set("_query_only", "on")
	} else {
		v.Set("_journal_mode", "WAL")
		v.Set("_txlock", "immediate")
		// 64 MB of page cache (it grows only as used): a ten-year batch of statements or an
		// import of 150,000 sessions otherwise spills SQLite's default 2 MB over and over.
		v.Set("_cache_size", "-65536")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + v.Encode()
}

// Open opens or creates the database at path. A new file gets the whole schema; an older one is
// backed up and migrated; a foreign, damaged or newer file is refused and left untouched.
func Open(path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	st, statErr := os.Stat(abs)
	isNew := errors.Is(statErr, fs.ErrNotExist)
	if statErr != nil && !isNew {
		return nil, fmt.Errorf("open %s: %w", abs, statErr)
	}
	if !isNew {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a folder, not a database file", abs)
		}
		if err := inspect(abs); err != nil {
			return nil, err
		}
	} else {
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, fmt.Errorf("create the folder for %s: %w", abs, err)
		}
		// Create the file owner-only before SQLite touches it (DESIGN §7 privacy).
		f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", abs, err)
		}
		f.Close()
	}
	s := &Store{path: abs, now: time.Now}
	if s.w, err = sql.Open("sqlite3", dsn(abs, false)); err != nil {
		return nil, err
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetConnMaxIdleTime(0)
	if err := s.migrate(opt, isNew); err != nil {
		s.w.Close()
		if isNew {
			os.Remove(abs)
			os.Remove(abs + "-wal")
			os.Remove(abs + "-shm")
		}
		return nil, err
	}
	if s.r, err = sql.Open("sqlite3", dsn(abs, true)); err != nil {
		s.w.Close()
		return nil, err
	}
	s.r.SetMaxOpenConns(4)
	for _, f := range []string{abs, abs + "-wal", abs + "-shm"} {
		os.Chmod(f, 0o600)
	}
	return s, nil
}

// inspect refuses a file that is not a MentorDesk database of this or an older version, or is
// damaged, reading it only: nothing is written to a refused file.
func inspect(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	header := make([]byte, 100)
	n, _ := f.Read(header)
	f.Close()
	if n < 100 || string(header[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%s %w (it is not an SQLite file); it was left as it is", path, ErrForeign)
	}
	// Without a write-ahead log to read, open immutable: SQLite then creates no -shm beside the file.
	d := dsn(path, true)
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		d += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", d)
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version, tables int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%s %w (%v); it was left as it is", path, ErrDamaged, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s %w (%v); it was left as it is", path, ErrDamaged, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fmt.Errorf("%s %w (%v); it was left as it is", path, ErrDamaged, err)
	}
	if appID != ApplicationID && !(appID == 0 && version == 0 && tables == 0) {
		return fmt.Errorf("%s %w (another program's SQLite file); it was left as it is", path, ErrForeign)
	}
	if version > Latest() {
		return fmt.Errorf("%s %w (schema %d; this version reads up to %d); it was left as it is — please update MentorDesk", path, ErrNewer, version, Latest())
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		if err != nil {
			check = err.Error()
		}
		return fmt.Errorf("%s %w (%s); it was left as it is — restore a backup", path, ErrDamaged, check)
	}
	return nil
}

func (s *Store) migrate(opt Options, isNew bool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var version int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version of %s: %w", s.path, err)
	}
	if version == len(ms) || (opt.stopAt > 0 && version >= opt.stopAt) {
		return nil
	}
	if version > 0 && !isNew {
		dir := opt.BackupDir
		if dir == "" {
			dir = DefaultBackupDir(s.path)
		}
		if err := s.Backup(context.Background(), s.backupName(dir, fmt.Sprintf("before-schema-%d", len(ms)))); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
	}
	limit := len(ms)
	if opt.stopAt > 0 {
		limit = opt.stopAt
	}
	for _, m := range ms[version:limit] {
		if err := s.applyMigration(m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyMigration(m migration) error {
	tx, err := s.w.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// Close closes both pools; WAL contents are checkpointed into the file.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}

// Backup writes a consistent copy of the database to dest (which must not exist), owner-only,
// and verifies it before returning.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("%s already exists; choose another name", abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return fmt.Errorf("create backup folder: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	os.Chmod(abs, 0o600)
	if err := Verify(abs); err != nil {
		os.Remove(abs)
		return fmt.Errorf("backup %s failed its check: %w", abs, err)
	}
	return nil
}

// Verify runs integrity_check and foreign_key_check on a database file, read-only.
func Verify(path string) error {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity_check: %s", res)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign_key_check found rows pointing at missing rows")
	}
	return rows.Err()
}

// tx runs fn in one immediate write transaction: all of it happens or none.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := beforeWrite(ctx); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if isDryRun(ctx) {
		return tx.Rollback()
	}
	return tx.Commit()
}

// isConstraint reports whether err is an SQLite constraint or trigger abort.
func isConstraint(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}
