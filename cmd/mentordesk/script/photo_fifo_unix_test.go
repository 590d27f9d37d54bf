//go:build unix

package script

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

// A photo cell naming a FIFO hung the import forever while it held the database's lock. The
// photo is refused before it is opened, and an import reads its file and photos before it
// takes the lock: with a window open, the bad file is still reported at once.
func TestImportWithAFIFOPhotoNeitherHangsNorHoldsTheLock(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "ana.jpg"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	csv := filepath.Join(dir, "mentors.csv")
	os.WriteFile(csv, []byte(strings.Join(csvio.Columns(csvio.Mentors), ",")+"\nAna,López,ana.lopez@example.org,,,Violin,,,,,,active,ana.jpg\n"), 0o600)
	window, err := sqlite.AcquireLock(db, "window", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Release()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := run(t, db, "import", "mentors", csv)
		done <- result{code, stderr}
	}()
	select {
	case r := <-done:
		if r.code != 1 || !strings.Contains(r.stderr, `mentors.csv:2: photo: "ana.jpg" is a named pipe (FIFO)`) {
			t.Errorf("exit %d %q; want the FIFO named", r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "in use") {
			t.Errorf("the import waited for the lock before reading its file: %q", r.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the import never returned")
	}
}
