package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRefuseOwnFile(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "org")
	os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
	db := filepath.Join(dir, "mentors.db")
	for _, p := range []string{db, db + "-wal", db + "-shm", db + ".lock", filepath.Join(dir, "backups", "mentors.auto.20261122-120000.db")} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	custom := filepath.Join(root, "elsewhere")
	os.MkdirAll(custom, 0o700)
	os.WriteFile(filepath.Join(custom, "mentors.manual.20261122-120000.db"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(custom, "notes.txt"), []byte("x"), 0o600)
	link := func(name, target string) string {
		p := filepath.Join(root, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		return p
	}
	hard := func(name, target string) string {
		p := filepath.Join(root, name)
		if err := os.Link(target, p); err != nil {
			t.Skipf("no hard links here: %v", err)
		}
		return p
	}
	os.MkdirAll(filepath.Join(root, "via"), 0o700)
	refused := map[string]string{
		"the database":                     db,
		"the database, not clean":          filepath.Join(dir, "backups", "..", "mentors.db"),
		"its write-ahead log":              db + "-wal",
		"its shared memory":                db + "-shm",
		"its lock":                         db + ".lock",
		"a rollback journal not yet there": db + "-journal",
		"a restore under way":              db + ".restoring",
		"a file a restore kept aside":      db + ".replaced-20261122-120000",
		"the backups folder":               filepath.Join(dir, "backups"),
		"a backup":                         filepath.Join(dir, "backups", "mentors.auto.20261122-120000.db"),
		"a new file in the backups folder": filepath.Join(dir, "backups", "statements", "statement-00001.pdf"),
		"a backup in a chosen folder":      filepath.Join(custom, "mentors.manual.20261122-120000.db"),
		"the chosen backups folder":        custom,
		"a symbolic link to the database":  link("to-db.csv", db),
		"a link to a link to the database": link("to-link.csv", filepath.Join(root, "to-db.csv")),
		"a link to the folder of the db":   filepath.Join(link("folder", dir), "mentors.db-shm"),
		"a dangling link to the journal":   link("dangling.csv", db+"-journal"),
		"a hard link to the database":      hard("hard.csv", db),
		"a hard link to a backup":          hard("hard-backup.pdf", filepath.Join(dir, "backups", "mentors.auto.20261122-120000.db")),
		"a relative link to the wal":       link("rel.csv", filepath.Join("org", "mentors.db-wal")),
	}
	for what, p := range refused {
		t.Run(what, func(t *testing.T) {
			err := RefuseOwnFile(db, p, custom)
			if !errors.Is(err, ErrOwnFile) {
				t.Fatalf("%s: %v; want it refused", p, err)
			}
		})
	}
	allowed := map[string]string{
		"a file beside the database": filepath.Join(dir, "mentors.csv"),
		"a name that only begins so": filepath.Join(dir, "mentors.db.csv"),
		"another file in the chosen": filepath.Join(custom, "notes.txt"),
		"a new folder":               filepath.Join(root, "statements"),
	}
	for what, p := range allowed {
		t.Run(what, func(t *testing.T) {
			if err := RefuseOwnFile(db, p, custom); err != nil {
				t.Fatalf("%s: %v; want it allowed", p, err)
			}
		})
	}
	t.Run("case on Windows and macOS", func(t *testing.T) {
		defer func(v bool) { caseBlind = v }(caseBlind)
		caseBlind = true
		for _, p := range []string{filepath.Join(dir, "MENTORS.DB"), filepath.Join(dir, "Mentors.db-WAL"), filepath.Join(dir, "Backups", "x.pdf")} {
			if err := RefuseOwnFile(db, p); !errors.Is(err, ErrOwnFile) {
				t.Errorf("%s: %v; want it refused where case does not count", p, err)
			}
		}
	})
}
