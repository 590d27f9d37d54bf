package script

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that writes a file refuses a path that is, or leads to, one of the database's
// own files: exit 1, a message naming the file, and the database as it was.
func TestWritingCommandsRefuseOwnFiles(t *testing.T) {
	db := demoDB(t)
	if code, _, stderr := run(t, db, "statements", "issue", "--through", "2026-11-30"); code != 0 {
		t.Fatal(stderr)
	}
	dir := filepath.Dir(db)
	if code, _, stderr := run(t, db, "import", "checks", exportTo(t, db, "checks")); code != 0 {
		t.Fatal(stderr) // leaves a before-import backup to aim at
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "backups", "*.db"))
	if len(backups) == 0 {
		t.Fatal("no backup to aim at")
	}
	scratch := t.TempDir()
	symlink := filepath.Join(scratch, "innocent.pdf")
	if err := os.Symlink(db, symlink); err != nil {
		t.Skip(err)
	}
	hardlink := filepath.Join(scratch, "hard.csv")
	if err := os.Link(db, hardlink); err != nil {
		t.Skip(err)
	}
	// A statement file in the output folder that is a link to the database.
	trap := filepath.Join(scratch, "trap")
	os.MkdirAll(trap, 0o755)
	os.Symlink(db, filepath.Join(trap, "statement-00001.pdf"))

	targets := map[string]string{
		"the database":      db,
		"its -wal":          db + "-wal",
		"its -shm":          db + "-shm",
		"its lock":          db + ".lock",
		"a backup":          backups[0],
		"a symbolic link":   symlink,
		"a hard link":       hardlink,
		"backups folder":    filepath.Join(dir, "backups"),
		"relative database": filepath.Join(dir, "backups", "..", filepath.Base(db)),
	}
	commands := map[string]func(out string) []string{
		"export mentors":  func(out string) []string { return []string{"export", "mentors", out} },
		"export payments": func(out string) []string { return []string{"export", "payments", out} },
		"report roster":   func(out string) []string { return []string{"report", "roster", "--out", out} },
		"report statement": func(out string) []string {
			return []string{"report", "statement", "--number", "1", "--out", out}
		},
		"report contract": func(out string) []string {
			return []string{"report", "contract", "--mentor", firstMentor(t, db), "--year", "2026-27", "--out", out}
		},
		"report yearend": func(out string) []string {
			return []string{"report", "yearend", "--mentor", firstMentor(t, db), "--year", "2026", "--out", out}
		},
		"report statements": func(out string) []string { return []string{"report", "statements", "--out", out} },
		"calendar":          func(out string) []string { return []string{"calendar", "--mentor", firstMentor(t, db), "--out", out} },
		"backup":            func(out string) []string { return []string{"backup", out} },
	}
	snapshot := func() map[string][]byte {
		m := map[string][]byte{}
		for _, p := range append([]string{db}, backups...) {
			b, _ := os.ReadFile(p)
			m[p] = b
		}
		return m
	}
	before := snapshot()
	for cname, line := range commands {
		for what, target := range targets {
			t.Run(cname+" onto "+what, func(t *testing.T) {
				args := line(target)
				code, _, stderr := run(t, db, args...)
				if code != 1 {
					t.Fatalf("%v: exit %d; want 1 (%s)", args, code, stderr)
				}
				if !strings.Contains(stderr, target) || !strings.Contains(stderr, "MentorDesk's own files") {
					t.Errorf("%v: message %q does not name the file", args, stderr)
				}
			})
		}
	}
	t.Run("report statements into a folder holding a link to the database", func(t *testing.T) {
		code, _, stderr := run(t, db, "report", "statements", "--out", trap)
		if code != 1 || !strings.Contains(stderr, "statement-00001.pdf") {
			t.Errorf("exit %d %q; want 1 naming the linked statement file", code, stderr)
		}
	})
	t.Run("export mentors whose photos folder leads to the backups", func(t *testing.T) {
		out := filepath.Join(scratch, "roster.csv")
		os.Symlink(filepath.Join(dir, "backups"), filepath.Join(scratch, "roster-photos"))
		code, _, stderr := run(t, db, "export", "mentors", out)
		if code != 1 || !strings.Contains(stderr, "MentorDesk's own files") {
			t.Errorf("exit %d %q; want the photos folder refused", code, stderr)
		}
	})
	t.Run("a photo file that is a hard link to the database is replaced, not written through", func(t *testing.T) {
		out := filepath.Join(scratch, "team.csv")
		os.MkdirAll(filepath.Join(scratch, "team-photos"), 0o755)
		if code, _, stderr := run(t, db, "export", "mentors", out); code != 0 {
			t.Fatal(stderr)
		}
		photos, _ := filepath.Glob(filepath.Join(scratch, "team-photos", "*.jpg"))
		if len(photos) == 0 {
			t.Fatal("the sample exported no photo")
		}
		os.Remove(photos[0])
		if err := os.Link(db, photos[0]); err != nil {
			t.Skip(err)
		}
		if code, _, stderr := run(t, db, "export", "mentors", out); code != 0 {
			t.Fatal(stderr)
		}
	})
	after := snapshot()
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed", p)
		}
	}
	if fi, err := os.Lstat(symlink); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced")
	}
}

func exportTo(t *testing.T, db, kind string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), kind+".csv")
	if code, _, stderr := run(t, db, "export", kind, p); code != 0 {
		t.Fatal(stderr)
	}
	return p
}

func firstMentor(t *testing.T, db string) string {
	t.Helper()
	b, err := os.ReadFile(exportTo(t, db, "mentors"))
	if err != nil {
		t.Fatal(err)
	}
	row := strings.Split(strings.Split(string(b), "\n")[1], ",")
	return row[2]
}
