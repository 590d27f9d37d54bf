package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func TestPartialFilesOfAWriteUnderWayAreKept(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".statement-00001.pdf.42.partial")
	os.WriteFile(p, []byte("x"), 0o600)
	// Another writer holds the folder: its partial file is young and stays.
	other := flock.New(dir, flock.SetFlag(os.O_RDONLY))
	if ok, err := other.TryLock(); err != nil || !ok {
		t.Skipf("folders cannot be locked here: %v", err)
	}
	removePartials(dir, false)
	if _, err := os.Stat(p); err != nil {
		t.Fatal("a young partial file was removed while the folder is in use")
	}
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(p, old, old)
	removePartials(dir, false)
	if _, err := os.Stat(p); err == nil {
		t.Error("an hours-old partial file was kept")
	}
	other.Unlock()

	os.WriteFile(p, []byte("x"), 0o600)
	release := holdFolders([]string{dir, dir})
	if _, err := os.Stat(p); err == nil {
		t.Error("with the folder locked, a partial file was kept")
	}
	if ok, _ := flock.New(dir, flock.SetFlag(os.O_RDONLY)).TryLock(); ok {
		t.Error("the folder is not locked while documents are written")
	}
	release()
	if ok, _ := flock.New(dir, flock.SetFlag(os.O_RDONLY)).TryLock(); !ok {
		t.Error("the folder stays locked after the write")
	}
}
