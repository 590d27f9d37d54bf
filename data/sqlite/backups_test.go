package sqlite

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mentordesk/data"
)

func TestRotateKeepsDaysWeeksAndMonths(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)
	// One automatic backup a day for 400 days, plus one taken before an import long ago.
	for d := 0; d < 400; d++ {
		ts := now.AddDate(0, 0, -d)
		os.WriteFile(filepath.Join(dir, "org.auto."+ts.Format(backupStamp)+".db"), []byte("x"), 0o600)
	}
	// Before-import copies are thinned the same way, apart from the automatic ones; a backup
	// taken by hand is kept until the director deletes it.
	for d := 0; d < 400; d += 3 {
		ts := now.AddDate(0, 0, -d).Add(time.Minute)
		os.WriteFile(filepath.Join(dir, "org.before-import."+ts.Format(backupStamp)+".db"), []byte("x"), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "org.manual."+now.AddDate(-2, 0, 0).Format(backupStamp)+".db"), []byte("x"), 0o600)
	if err := Rotate(dir, "org", now, DefaultRetention); err != nil {
		t.Fatal(err)
	}
	list, _ := ListBackups(dir, "org")
	var auto, imports int
	for _, b := range list {
		switch b.Reason {
		case "auto":
			auto++
		case "before-import":
			imports++
		}
	}
	if imports < 5 || imports > 3+4+13 {
		t.Errorf("%d before-import backups kept of 134; want them thinned like the automatic ones", imports)
	}
	// 7 days + up to 4 older weeks + up to 12 older months, with overlaps between periods.
	if auto < 12 || auto > 7+4+13 {
		t.Errorf("%d automatic backups kept; want about a week of days, a month of weeks, a year of months", auto)
	}
	if list[0].Taken.Format("2006-01-02") != "2026-11-22" {
		t.Errorf("newest kept is %s; want today's", list[0].Taken)
	}
	oldest := list[len(list)-1]
	if oldest.Reason != "manual" {
		t.Errorf("the backup taken by hand was rotated away")
	}
	for i := 1; i < 7; i++ {
		day := now.AddDate(0, 0, -i).Format("20060102")
		found := false
		for _, b := range list {
			found = found || strings.Contains(b.Path, "auto."+day)
		}
		if !found {
			t.Errorf("no backup kept for %s, within the last 7 days", day)
		}
	}
}

func TestRestoreBringsBackADeletedMentor(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "José", LastName: "Peña", Email: "jose@example.org", Status: data.Active}})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupNow(ctx, "", "auto", DefaultRetention)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMentor(ctx, id); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if sum, _ := Summarize(backup); !strings.HasPrefix(sum, "1 mentors") {
		t.Errorf("summary %q", sum)
	}
	res, err := Restore(db, backup)
	aside := res.Aside
	if err != nil {
		t.Fatal(err)
	}
	if aside == "" || !fileExists(aside) {
		t.Errorf("the replaced file was not kept aside (%q)", aside)
	}
	s, err = Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m, err := s.MentorByEmail(ctx, "jose@example.org"); err != nil || m.LastName != "Peña" {
		t.Fatalf("after restore: %+v %v", m, err)
	}
	// The file kept aside still lacks the mentor: it is the state before the restore.
	old, err := Open(aside, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.MentorByEmail(ctx, "jose@example.org"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the file kept aside has the mentor: %v", err)
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, []byte("SQLite format 3\x00"+strings.Repeat("\x01", 5000)), 0o600)
	db := filepath.Join(dir, "org.db")
	s, _ := Open(db, Options{})
	s.Close()
	before, _ := os.ReadFile(db)
	if _, err := Restore(db, bad); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	after, _ := os.ReadFile(db)
	if string(before) != string(after) {
		t.Error("a refused restore changed the database")
	}
}

func TestSecondCopyIsToldTheFileIsInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "org.db")
	first, err := AcquireLock(db, "window", 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(db, "window", 200*time.Millisecond)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "window (process") {
		t.Fatalf("second lock: %v; want in use by the window with its process", err)
	}
	first.Release()
	second, err := AcquireLock(db, "command line", 0)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	second.Release()
}

// TestLockHelperProcess holds the lock in a child process until it is killed.
func TestLockHelperProcess(t *testing.T) {
	db := os.Getenv("MENTORDESK_LOCK_DB")
	if db == "" {
		t.Skip("helper process for TestLockIsReleasedWhenTheHolderDies")
	}
	if _, err := AcquireLock(db, "window", 0); err != nil {
		os.Exit(3)
	}
	os.WriteFile(db+".ready", nil, 0o600)
	time.Sleep(time.Minute)
}

func TestLockIsReleasedWhenTheHolderDies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "org.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
	cmd.Env = append(os.Environ(), "MENTORDESK_LOCK_DB="+db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200 && !fileExists(db+".ready"); i++ {
		time.Sleep(25 * time.Millisecond)
	}
	if _, err := AcquireLock(db, "window", 0); !errors.Is(err, ErrInUse) {
		t.Fatalf("while the child holds it: %v; want in use", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := AcquireLock(db, "window", 2*time.Second)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	l.Release()
}
