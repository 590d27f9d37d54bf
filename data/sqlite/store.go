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

	created  bool // Open made the file
	readOnly bool // opened for reading only: both pools are read-only
}

// Options adjust Open; the zero value is what the app uses.
type Options struct {
	// BackupDir receives the copy taken before a migration; default: "backups" beside the file.
	BackupDir string

	// StartNew says the director chose to start a new organisation at the path (its former
	// file moved aside): a missing file is then created even beside files a restore kept aside,
	// which Open otherwise refuses rather than start an empty organisation in their place.
	StartNew bool

	// ReadOnly says the caller only reads (export, reports, check, backup): a read-only file
	// or folder is then read as it is, writing nothing. A writable, missing or older file is
	// opened as usual (a writable one is left tidy, without a -wal beside it).
	ReadOnly bool

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
	// REPLACE then fires the delete triggers of the row it would remove (DESIGN §7).
	v.Set("_recursive_triggers", "on")
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
// backed up and migrated; a foreign, damaged or newer file is refused and left untouched. An
// interrupted restore is finished or taken back first, and a missing database beside a
// restore's files is refused rather than started anew. Only anything but a regular file is
// refused before it is opened, and the mode of an existing file is never changed.
func Open(path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := recoverRestore(abs, opt.StartNew); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(abs)
	isNew := errors.Is(statErr, fs.ErrNotExist)
	if statErr != nil && !isNew {
		return nil, fmt.Errorf("open %s: %w", abs, statErr)
	}
	if !isNew {
		if err := regularFile(abs); err != nil {
			return nil, err
		}
		if err := inspect(abs); err != nil {
			return nil, err
		}
		version, _ := schemaVersion(abs)
		if opt.ReadOnly && version == Latest() && !writableFile(abs) {
			return openReadOnly(abs)
		}
		if err := CheckWritable(abs); err != nil {
			if opt.ReadOnly {
				return nil, fmt.Errorf("%w; it holds schema %d and this version needs %d, so it must be upgraded once by a writable copy of MentorDesk", err, version, Latest())
			}
			return nil, err
		}
	} else {
		if err := CheckWritable(abs); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, fmt.Errorf("create the folder for %s: %w", abs, describeDiskError(err, abs))
		}
		// Create the file owner-only before SQLite touches it (DESIGN §7 privacy).
		f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", abs, describeDiskError(err, abs))
		}
		f.Close()
	}
	s := &Store{path: abs, now: time.Now, created: isNew}
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
		return nil, describeDiskError(err, abs)
	}
	if s.r, err = sql.Open("sqlite3", dsn(abs, true)); err != nil {
		s.w.Close()
		return nil, err
	}
	s.r.SetMaxOpenConns(4)
	if isNew {
		// SQLite gives its -wal and -shm the mode of the file; only a file made here is set.
		for _, f := range []string{abs, abs + "-wal", abs + "-shm"} {
			os.Chmod(f, 0o600)
		}
	}
	return s, nil
}

// openReadOnly opens an existing, current database for reading only: no migration, no
// journal mode change, nothing written; a read-only file or folder is read as it is.
func openReadOnly(abs string) (*Store, error) {
	d := dsn(abs, true)
	if !fileExists(abs + "-wal") {
		// A read-only folder cannot take the -shm SQLite would create; with no log to read and
		// no one able to write the file, reading it as immutable is exact.
		d += "&immutable=1"
	}
	r, err := sql.Open("sqlite3", d)
	if err != nil {
		return nil, err
	}
	r.SetMaxOpenConns(4)
	// The second pool is read-only as well (mode=ro) but not query-only, so VACUUM INTO can
	// write a backup of the read-only file elsewhere.
	w, err := sql.Open("sqlite3", strings.Replace(d, "_query_only=on", "_query_only=off", 1))
	if err != nil {
		r.Close()
		return nil, err
	}
	w.SetMaxOpenConns(1)
	return &Store{path: abs, w: w, r: r, now: time.Now, readOnly: true}, nil
}

// Created reports whether Open made a new, empty database file.
func (s *Store) Created() bool { return s.created }

// ReadOnly reports whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// schemaVersion reads a file's schema version without writing to it.
func schemaVersion(path string) (int, error) {
	d := dsn(path, true)
	if !fileExists(path + "-wal") {
		d += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", d)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	err = db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// inspect refuses a file that is not a MentorDesk database of this or an older version, or is
// damaged, reading it only: nothing is written to a refused file.
func inspect(path string) error {
	if err := regularFile(path); err != nil {
		return err
	}
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
	unreadable := func(err error) error {
		if isDamage(err) {
			return fmt.Errorf("%s %w (%v); it was left as it is", path, ErrDamaged, err)
		}
		if isDiskFull(err) {
			return fmt.Errorf("%s cannot be opened: %w", path, describeDiskError(err, path))
		}
		return fmt.Errorf("%s cannot be read (%v); it was left as it is", path, err)
	}
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return unreadable(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return unreadable(err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return unreadable(err)
	}
	if appID != ApplicationID && !(appID == 0 && version == 0 && tables == 0) {
		return fmt.Errorf("%s %w (another program's SQLite file); it was left as it is", path, ErrForeign)
	}
	if version > Latest() {
		return fmt.Errorf("%s %w (schema %d; this version reads up to %d); it was left as it is — please update MentorDesk", path, ErrNewer, version, Latest())
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil && !isDamage(err) {
		return unreadable(err)
	} else if err != nil || check != "ok" {
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

// Verify runs integrity_check and foreign_key_check on a database file, read-only.
func Verify(path string) error {
	if err := regularFile(path); err != nil {
		return err
	}
	// Without a log beside it the file is read as immutable: SQLite then leaves no -wal or
	// -shm behind it (a read-only connection could not remove them).
	d := dsn(path, true)
	if !fileExists(path + "-wal") {
		d += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", d)
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return s.describe(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.describe(err)
	}
	return s.describe(tx.Commit())
}

// describe says which file a full disk or a read-only file stopped a write to.
func (s *Store) describe(err error) error {
	if err != nil && s.readOnly && !isDiskFull(err) {
		return fmt.Errorf("%s was opened for reading only: %w", s.path, err)
	}
	return describeDiskError(err, s.path)
}

// isConstraint reports whether err is an SQLite constraint or trigger abort.
func isConstraint(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}
