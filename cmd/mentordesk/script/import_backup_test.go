package script

import (
	"os"
	"path/filepath"
	"testing"
)

// Six refused imports left six full copies of the database in backups/: a failed import
// writes nothing, and the copy taken before an import that commits is kept.
func TestFailedImportsLeaveNoBackup(t *testing.T) {
	db := demoDB(t)
	backups := filepath.Join(filepath.Dir(db), "backups")
	count := func() int {
		es, _ := os.ReadDir(backups)
		return len(es)
	}
	start := count()
	dir := t.TempDir()
	bad := filepath.Join(dir, "mentors.csv")
	os.WriteFile(bad, []byte("first_name,last_name,email\nAna,Reyes,not-an-address\n"), 0o600)
	for i := range 6 {
		if code, _, stderr := run(t, db, "import", "mentors", bad); code != 1 {
			t.Fatalf("bad import %d: exit %d: %s", i, code, stderr)
		}
	}
	if code, _, _ := run(t, db, "import", "mentors", filepath.Join(dir, "missing.csv")); code != 1 {
		t.Fatal("import of a missing file succeeded")
	}
	if got := count(); got != start {
		t.Fatalf("failed imports left %d file(s) in backups/", got-start)
	}
	good := filepath.Join(dir, "checks.csv")
	if code, _, stderr := run(t, db, "export", "checks", good); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, db, "import", "checks", good); code != 0 {
		t.Fatalf("good import: %s", stderr)
	}
	if got := count(); got != start+1 {
		t.Errorf("an import that committed left %d new backup(s); want its one copy", got-start)
	}
}
