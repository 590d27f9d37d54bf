package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A restore puts a backup in place of the database in steps, each of which a crash may
// interrupt; at every instant the files on disk say how to finish it or take it back:
//
//  1. the backup is copied beside the database as "<db>.restoring" and synced;
//  2. the journal "<db>.restore-journal" is written, naming where the current file goes aside;
//     from here on the restore is finished forward, never lost;
//  3. the current file's -wal/-shm are renamed to "<db>.replaced-<time>-wal/-shm", and the file
//     itself is linked (or, where the disk has no links, renamed) to "<db>.replaced-<time>";
//  4. "<db>.restoring" is renamed over the database (with links, the path is never empty);
//  5. the journal is removed.
//
// Without a journal a "<db>.restoring" is a copy cut short, and the database was not touched.

// ErrMissingBesideRestore means the database is missing while a restore's files lie beside it:
// MentorDesk will not start an empty organisation in its place.
var ErrMissingBesideRestore = errors.New("is missing, and files of a restore lie beside it")

// RestoreResult is what a restore did.
type RestoreResult struct {
	Aside   string // the file that was replaced, kept as it was; "" when there was none
	Summary string // what the restored file holds ("28 mentors, …")
}

// restoreStep lets the crash tests stop the process at each step; nil in the program.
var restoreStep func(step string)

func step(name string) {
	if restoreStep != nil {
		restoreStep(name)
	}
}

func restoringPath(db string) string { return db + ".restoring" }
func journalPath(db string) string   { return db + ".restore-journal" }

// Restore replaces the database file db with a verified copy of backup; the current file is
// kept aside, renamed and untouched. It is the one restore of MentorDesk: the window and the
// `restore` command both call it, with the database's lock held and no store open on it.
func Restore(db, backup string) (RestoreResult, error) {
	var res RestoreResult
	db, err := filepath.Abs(db)
	if err != nil {
		return res, err
	}
	if backup, err = filepath.Abs(backup); err != nil {
		return res, err
	}
	if err := regularFile(backup); err != nil {
		return res, fmt.Errorf("%s cannot be restored: %w", backup, err)
	}
	if backup == db {
		return res, fmt.Errorf("%s is the database itself; choose a backup to restore", backup)
	}
	if err := Verify(backup); err != nil {
		return res, fmt.Errorf("%s cannot be restored: %w", backup, err)
	}
	if err := inspect(backup); err != nil {
		return res, err
	}
	if _, err := finishRestore(db); err != nil && !errors.Is(err, ErrMissingBesideRestore) {
		return res, err
	}
	if fileExists(db) {
		if err := regularFile(db); err != nil {
			return res, fmt.Errorf("%s cannot be replaced: %w", db, err)
		}
	}
	tmp := restoringPath(db)
	if err := copyDatabase(backup, tmp); err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("restore %s: %w", backup, describeDiskError(err, tmp))
	}
	step("copied")
	if err := Verify(tmp); err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("restore %s: the copy failed its check: %w", backup, err)
	}
	if fileExists(db) {
		res.Aside = asideName(db)
	}
	if err := writeSynced(journalPath(db), []byte(res.Aside+"\n")); err != nil {
		os.Remove(journalPath(db))
		os.Remove(tmp)
		return res, fmt.Errorf("restore %s: %w", backup, describeDiskError(err, journalPath(db)))
	}
	syncDir(filepath.Dir(db))
	step("journal")
	if _, err := finishRestore(db); err != nil {
		return res, fmt.Errorf("restore %s: %w", backup, err)
	}
	res.Summary, _ = Summarize(db)
	return res, nil
}

func sameFile(a, b string) bool {
	x, err1 := os.Stat(a)
	y, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(x, y)
}

// asideName is a free "<db>.replaced-<time>" name.
func asideName(db string) string {
	aside := fmt.Sprintf("%s.replaced-%s", db, time.Now().Format(backupStamp))
	for i := 2; fileExists(aside) || fileExists(aside+"-wal"); i++ {
		aside = fmt.Sprintf("%s.replaced-%s-%d", db, time.Now().Format(backupStamp), i)
	}
	return aside
}

// finishRestore completes or takes back a restore that was interrupted, and refuses a missing
// database beside a restore's files. It reports what it did ("" when there was nothing to do).
// The caller holds the database's lock.
func finishRestore(db string) (string, error) { return settleRestore(db, false) }

// settleRestore is finishRestore; startingAnew (the director chose to start a new organisation
// at db) lets a missing database be created although files a restore kept aside lie beside it.
func settleRestore(db string, startingAnew bool) (string, error) {
	dir := filepath.Dir(db)
	tmp, journal := restoringPath(db), journalPath(db)
	b, jerr := os.ReadFile(journal)
	switch {
	case jerr == nil:
		aside := strings.TrimSpace(string(b))
		if aside != "" && (filepath.Dir(aside) != dir || !strings.HasPrefix(filepath.Base(aside), filepath.Base(db)+".replaced-")) {
			return "", fmt.Errorf("%s names %q, which is not a file kept aside beside %s; move it away after checking the files", journal, aside, db)
		}
		if !fileExists(tmp) {
			// The restored file is in place; only the journal was left.
			if err := os.Remove(journal); err != nil {
				return "", fmt.Errorf("finish the restore of %s: %w", db, err)
			}
			syncDir(dir)
			return "an interrupted restore was already complete", nil
		}
		if err := Verify(tmp); err != nil {
			return rollBackRestore(db, aside, err)
		}
		if aside != "" {
			for _, side := range []string{"-wal", "-shm", ""} {
				if !fileExists(db+side) || sameFile(db+side, aside+side) {
					continue
				}
				if fileExists(aside + side) {
					return "", fmt.Errorf("finish the restore of %s: both %s and %s exist; move one away after checking which to keep", db, db+side, aside+side)
				}
				// The file itself is linked aside where the disk allows, so the path always
				// holds a database: the copy then replaces it in one rename.
				if side != "" || os.Link(db, aside) != nil {
					if err := os.Rename(db+side, aside+side); err != nil {
						return "", fmt.Errorf("finish the restore of %s: keep %s aside: %w", db, db+side, err)
					}
				}
				step("aside" + side)
			}
		} else {
			// There was no database to replace: stale side files would belong to nothing.
			for _, side := range []string{"-wal", "-shm"} {
				os.Remove(db + side)
			}
		}
		for _, side := range []string{"-wal", "-shm"} {
			os.Remove(tmp + side) // the copy is whole without a log; none may follow it in
		}
		syncDir(dir)
		if err := os.Rename(tmp, db); err != nil {
			return "", fmt.Errorf("finish the restore of %s: %w", db, err)
		}
		syncDir(dir)
		step("placed")
		if err := os.Remove(journal); err != nil {
			return "", fmt.Errorf("finish the restore of %s: %w", db, err)
		}
		syncDir(dir)
		step("done")
		if aside == "" {
			return "an interrupted restore was finished", nil
		}
		return "an interrupted restore was finished; the file it replaced is kept as " + aside, nil
	case !errors.Is(jerr, fs.ErrNotExist):
		return "", fmt.Errorf("read %s: %w", journal, jerr)
	}
	note := ""
	if fileExists(tmp) {
		// A copy cut short before the journal: the database was never touched.
		if err := os.Remove(tmp); err != nil {
			return "", fmt.Errorf("take back the interrupted restore of %s: %w", db, err)
		}
		note = "an interrupted restore was taken back; the database was not changed"
	}
	if !fileExists(db) && !startingAnew {
		if kept := keptAside(db); len(kept) > 0 {
			return "", fmt.Errorf("%s %w (%s); nothing was created in its place. Restore a backup (mentordesk restore FILE) or move the file kept aside back to %s",
				db, ErrMissingBesideRestore, strings.Join(kept, ", "), db)
		}
		if note != "" {
			return "", fmt.Errorf("%s %w (a restore into it was interrupted); nothing was created in its place. Restore a backup (mentordesk restore FILE)", db, ErrMissingBesideRestore)
		}
	}
	return note, nil
}

// rollBackRestore takes back a journalled restore whose copy is unreadable: the files kept aside
// return to their place.
func rollBackRestore(db, aside string, cause error) (string, error) {
	if aside != "" {
		if sameFile(db, aside) {
			os.Remove(aside) // only the link made by this restore
		}
		for _, side := range []string{"-wal", "-shm", ""} {
			if fileExists(aside+side) && !fileExists(db+side) {
				if err := os.Rename(aside+side, db+side); err != nil {
					return "", fmt.Errorf("take back the restore of %s: %w", db, err)
				}
			}
		}
	}
	os.Remove(restoringPath(db))
	os.Remove(journalPath(db))
	syncDir(filepath.Dir(db))
	if !fileExists(db) {
		return "", fmt.Errorf("%s %w: the copy being restored is unreadable (%v)", db, ErrMissingBesideRestore, cause)
	}
	return fmt.Sprintf("an interrupted restore was taken back: its copy was unreadable (%v)", cause), nil
}

// NewestKeptAside is the newest file a restore set aside beside db that passes its checks,
// for putting back a database that went missing; "" when there is none.
func NewestKeptAside(db string) string {
	kept := keptAside(db)
	sort.Sort(sort.Reverse(sort.StringSlice(kept))) // the names end in their time
	for _, k := range kept {
		if Verify(k) == nil && inspect(k) == nil {
			return k
		}
	}
	return ""
}

// keptAside lists the files a restore set aside beside db.
func keptAside(db string) []string {
	matches, _ := filepath.Glob(globEscape(db) + ".replaced-*")
	var out []string
	for _, m := range matches {
		if !strings.HasSuffix(m, "-wal") && !strings.HasSuffix(m, "-shm") {
			out = append(out, m)
		}
	}
	return out
}

func globEscape(p string) string {
	r := strings.NewReplacer("*", `\*`, "?", `\?`, "[", `\[`, `\`, `\\`)
	return filepath.Join(r.Replace(filepath.Dir(p)), r.Replace(filepath.Base(p)))
}

// RestorePending reports whether a restore left something at db for the next open to finish,
// take back or refuse.
func RestorePending(db string) bool {
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	return restorePending(db)
}

func restorePending(db string) bool {
	if fileExists(journalPath(db)) || fileExists(restoringPath(db)) {
		return true
	}
	return !fileExists(db) && len(keptAside(db)) > 0
}

// RecoverRestore finishes or takes back an interrupted restore of db and reports what it did
// ("" when nothing was pending). A missing database beside a restore's files is refused with
// ErrMissingBesideRestore. Open calls it; the window calls it to know what it opens.
func RecoverRestore(db string) (string, error) { return recoverRestore(db, false) }

func recoverRestore(db string, startingAnew bool) (string, error) {
	db, err := filepath.Abs(db)
	if err != nil {
		return "", err
	}
	if !restorePending(db) || (startingAnew && !fileExists(journalPath(db)) && !fileExists(restoringPath(db))) {
		return "", nil
	}
	if !lockedHere(db) {
		lock, err := AcquireLock(db, "restore recovery", 5*time.Second)
		if err != nil {
			return "", fmt.Errorf("an interrupted restore of %s waits to be finished: %w", db, err)
		}
		defer lock.Release()
	}
	return settleRestore(db, startingAnew)
}

// copyDatabase copies a database file whole: one with a write-ahead log beside it (a file a
// restore kept aside from a crashed window) is copied through SQLite so the log's transactions
// come along; a closed one, byte for byte.
func copyDatabase(from, to string) error {
	if !fileExists(from + "-wal") {
		return copyFile(from, to)
	}
	os.Remove(to)
	db, err := sql.Open("sqlite3", strings.Replace(dsn(from, true), "_query_only=on", "_query_only=off", 1))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec("VACUUM INTO ?", to); err != nil {
		return err
	}
	if err := os.Chmod(to, 0o600); err != nil {
		return err
	}
	return syncFile(to)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func writeSynced(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes renames in dir durable; where a folder cannot be synced (Windows) the rename
// is as durable as the OS makes it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
