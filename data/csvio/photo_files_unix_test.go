//go:build unix

package csvio

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A photo cell naming a FIFO hung the import forever. Anything that is not a regular file is
// refused before it is opened, with what it is.
func TestPhotoCellsNamingSomethingElseThanAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.jpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	os.Mkdir(filepath.Join(dir, "folder.jpg"), 0o700)
	os.Symlink(fifo, filepath.Join(dir, "link.jpg"))
	cases := map[string]string{
		"pipe.jpg":   "a named pipe (FIFO)",
		"link.jpg":   "a named pipe (FIFO)",
		"folder.jpg": "a folder",
		"/dev/null":  "a device",
	}
	for cell, want := range cases {
		t.Run(cell, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadMentors(strings.NewReader(mentorsHeader+"Ana,López,ana@example.org,,,Violin,,,,,,active,"+cell+"\n"), "mentors.csv", dir)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "mentors.csv:2: photo: ") || !strings.Contains(err.Error(), want) {
					t.Errorf("error %v; want the photo cell refused as %s", err, want)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("reading the photo cell never returned")
			}
		})
	}
}
