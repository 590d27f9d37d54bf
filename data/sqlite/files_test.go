package sqlite

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
)

func TestAnythingButARegularFileIsRefusedBeforeOpening(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "org.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		s, err := Open(fifo, Options{})
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("open of a FIFO: %v; want it refused as a named pipe", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("open of a FIFO did not return")
	}
	if _, err := Restore(filepath.Join(dir, "other.db"), fifo); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("restore from a FIFO: %v", err)
	}
	if err := Verify(fifo); err == nil {
		t.Error("a FIFO passed as a backup")
	}
}

func TestReadOnlyOpenWritesNothingAndWritingSaysWhichFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	orgWith(t, db, "Ana")
	os.Chmod(db, 0o400)
	s, err := Open(db, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() {
		t.Error("a read-only file was opened for writing")
	}
	if m, err := s.MentorByEmail(ctx, "ana@example.org"); err != nil || m.FirstName != "Ana" {
		t.Errorf("reading a read-only file: %+v %v", m, err)
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")); err != nil {
		t.Errorf("backing up a read-only file: %v", err)
	}
	s.Close()
	_, err = Open(db, Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), db) {
		t.Errorf("open for writing of a read-only file: %v; want ErrReadOnly naming it", err)
	}
	if st, _ := os.Stat(db); st.Mode().Perm() != 0o400 {
		t.Errorf("the file's mode became %04o", st.Mode().Perm())
	}
}

// smallDisk mounts a tmpfs of the given size (root only).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			return
		}
	}
}

func TestAFullDiskIsSaidAndWhere(t *testing.T) {
	disk := smallDisk(t, "4m")
	s, err := Open(filepath.Join(disk, "org.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillDisk(t, disk)
	var saveErr error
	for i := 0; i < 50 && saveErr == nil; i++ {
		_, saveErr = ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "Ana", LastName: "Mentor", Email: "ana" + strings.Repeat("x", i) + "@example.org",
			Status: data.Active, Bio: strings.Repeat("A long biography. ", 200)}})
	}
	if !errors.Is(saveErr, ErrDiskFull) || !strings.Contains(saveErr.Error(), disk) || errors.Is(saveErr, ErrDamaged) {
		t.Errorf("saving on a full disk: %v; want it to say the disk holding %s is full", saveErr, disk)
	}
	dest := filepath.Join(disk, "copy.db")
	if err := s.Backup(ctx, dest); !errors.Is(err, ErrDiskFull) {
		t.Errorf("backup onto a full disk: %v; want ErrDiskFull", err)
	}
	entries, _ := os.ReadDir(disk)
	for _, e := range entries {
		if strings.Contains(e.Name(), "copy") {
			t.Errorf("a failed backup left %s behind", e.Name())
		}
	}
	os.Remove(filepath.Join(disk, "filler"))
	if err := s.Backup(ctx, dest); err != nil {
		t.Errorf("the backup once there is room: %v", err)
	}
}
