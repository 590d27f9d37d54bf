package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
)

// restoreSteps are the points at which a restore may be cut short, in order.
var restoreSteps = []string{"copied", "journal", "aside-wal", "aside-shm", "aside", "placed", "done"}

type stopRestore struct{ step string }

// orgWith writes a database holding the named mentors, closed.
func orgWith(t *testing.T, path string, mentors ...string) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mentors {
		if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: m, LastName: "Mentor", Email: strings.ToLower(m) + "@example.org", Status: data.Active}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// crashedWriter leaves at path the files of a MentorDesk killed while open: the database and
// a write-ahead log holding its last mentor, not yet checkpointed.
func crashedWriter(t *testing.T, path string, mentors ...string) {
	t.Helper()
	live := filepath.Join(t.TempDir(), "live.db")
	orgWith(t, live, mentors[:len(mentors)-1]...)
	s, err := Open(live, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	last := mentors[len(mentors)-1]
	if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: last, LastName: "Mentor", Email: strings.ToLower(last) + "@example.org", Status: data.Active}}); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(live + side)
		if err != nil {
			t.Fatalf("the open database has no %q file: %v", side, err)
		}
		if err := os.WriteFile(path+side, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func mentorNames(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	rows, err := s.r.Query("SELECT first_name FROM mentors ORDER BY first_name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

// A restore cut short at any step is finished (from the journal on) or taken back (before it)
// by the next open, with every file it had kept intact; the database is never missing.
func TestRestoreCutShortAtEveryStepIsFinishedOrTakenBack(t *testing.T) {
	for _, at := range restoreSteps {
		t.Run("cut after "+at, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "org.db")
			backup := filepath.Join(dir, "org.auto.20261101-120000.db")
			orgWith(t, backup, "Bea")
			crashedWriter(t, db, "Ana", "Cal") // Cal is only in the write-ahead log
			restoreStep = func(step string) {
				if step == at {
					panic(stopRestore{step})
				}
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						if _, ok := r.(stopRestore); !ok {
							panic(r)
						}
					}
				}()
				Restore(db, backup)
			}()
			restoreStep = nil
			if !fileExists(db) {
				t.Errorf("cut after %s: no database at the path (it links the file aside, then renames the copy over it)", at)
			}

			got := mentorNames(t, db)
			want := []string{"Bea"}
			if at == "copied" {
				want = []string{"Ana", "Cal"}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("after the open that follows the cut: mentors %v; want %v", got, want)
			}
			for _, left := range []string{restoringPath(db), journalPath(db)} {
				if fileExists(left) {
					t.Errorf("%s is left behind", filepath.Base(left))
				}
			}
			kept := keptAside(db)
			if at == "copied" {
				if len(kept) != 0 {
					t.Errorf("a restore taken back kept %v aside", kept)
				}
				return
			}
			if len(kept) != 1 {
				t.Fatalf("files kept aside: %v; want the replaced one", kept)
			}
			if got := mentorNames(t, kept[0]); !slices.Equal(got, []string{"Ana", "Cal"}) {
				t.Errorf("the file kept aside holds %v; want Ana and Cal (Cal from its write-ahead log)", got)
			}
		})
	}
}

func TestMissingDatabaseBesideARestoreIsNeverStartedAnew(t *testing.T) {
	for _, left := range []string{".replaced-20261122-101010", ".restoring"} {
		t.Run(left, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "org.db")
			orgWith(t, db+left, "Ana")
			_, err := Open(db, Options{})
			if !errors.Is(err, ErrMissingBesideRestore) {
				t.Fatalf("open of a missing database beside %s: %v; want it refused", left, err)
			}
			if fileExists(db) {
				t.Error("a new, empty database was created in place of the missing one")
			}
			if !strings.Contains(err.Error(), db) || !strings.Contains(err.Error(), "restore") {
				t.Errorf("the refusal does not say what to do: %v", err)
			}
			// Starting a new organisation there on purpose is allowed (the welcome's "Start my
			// organisation"); the refusal is for opens that only meant to find the old one.
			if left == ".replaced-20261122-101010" {
				s, err := Open(db, Options{StartNew: true})
				if err != nil {
					t.Fatalf("starting a new organisation beside a file kept aside: %v", err)
				}
				s.Close()
				for _, side := range []string{"", "-wal", "-shm"} {
					os.Remove(db + side)
				}
			}
			// Restoring a backup is the way out.
			backup := filepath.Join(dir, "backup.db")
			orgWith(t, backup, "Bea")
			if _, err := Restore(db, backup); err != nil {
				t.Fatal(err)
			}
			if got := mentorNames(t, db); !slices.Equal(got, []string{"Bea"}) {
				t.Errorf("after restoring: %v", got)
			}
		})
	}
}

func TestRestoreKeepsTheReplacedFileAndItsModeUntouched(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	orgWith(t, db, "Ana")
	backup := filepath.Join(dir, "b.db")
	orgWith(t, backup, "Bea")
	before, _ := os.ReadFile(db)
	res, err := Restore(db, backup)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(res.Aside)
	if string(before) != string(after) {
		t.Error("the file kept aside differs from the database it replaced")
	}
	if !strings.HasPrefix(res.Summary, "1 mentors") {
		t.Errorf("summary %q", res.Summary)
	}
	if st, _ := os.Stat(db); st.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %v; want owner-only", st.Mode().Perm())
	}
	// Nothing of the restore is left about: no copy, journal or stray -wal/-shm.
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"b.db", "org.db", filepath.Base(res.Aside)}; !slices.Equal(names, want) {
		t.Errorf("files after the restore: %v; want %v", names, want)
	}
	// A backup leaves only itself.
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bdir := t.TempDir()
	if err := s.Backup(ctx, filepath.Join(bdir, "copy.db")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(bdir); len(entries) != 1 {
		t.Errorf("a backup left %d files in its folder; want 1", len(entries))
	}
}

// A journalled restore whose copy became unreadable is taken back: the database, with its
// write-ahead log, is where it was.
func TestRestoreWithAnUnreadableCopyIsTakenBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	backup := filepath.Join(dir, "b.db")
	orgWith(t, backup, "Bea")
	crashedWriter(t, db, "Ana", "Cal")
	restoreStep = func(step string) {
		if step == "aside" {
			panic(stopRestore{step})
		}
	}
	func() {
		defer func() { recover() }()
		Restore(db, backup)
	}()
	restoreStep = nil
	os.WriteFile(restoringPath(db), []byte("SQLite format 3\x00"+strings.Repeat("\x07", 4000)), 0o600)
	if got := mentorNames(t, db); !slices.Equal(got, []string{"Ana", "Cal"}) {
		t.Errorf("after taking back the restore: %v; want Ana and Cal as before", got)
	}
	if kept := keptAside(db); len(kept) != 0 {
		t.Errorf("files kept aside after the restore was taken back: %v", kept)
	}
}

// Putting back a file kept aside with its write-ahead log brings the log's transactions along.
func TestRestoreOfAFileWithItsLogKeepsTheLoggedChanges(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "org.db.replaced-20261122-101010")
	crashedWriter(t, kept, "Ana", "Cal") // Cal is only in the log
	db := filepath.Join(dir, "org.db")
	if _, err := Restore(db, kept); err != nil {
		t.Fatal(err)
	}
	if got := mentorNames(t, db); !slices.Equal(got, []string{"Ana", "Cal"}) {
		t.Errorf("after putting the kept file back: %v; want Ana and Cal", got)
	}
}
