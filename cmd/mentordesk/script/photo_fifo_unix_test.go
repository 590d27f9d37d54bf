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
)

// A photo cell naming a FIFO hung the import forever while it held the database's lock: the
// photo is refused before it is opened.
func TestImportWithAFIFOPhotoDoesNotHang(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "ana.jpg"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	csv := filepath.Join(dir, "mentors.csv")
	os.WriteFile(csv, []byte(strings.Join(csvio.Columns(csvio.Mentors), ",")+"\nAna,López,ana.lopez@example.org,,,Violin,,,,,,active,ana.jpg\n"), 0o600)
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
	case <-time.After(30 * time.Second):
		t.Fatal("the import never returned")
	}
}
