package script

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// folderState is every file of a folder with its mode and contents, to show nothing changed.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		sum := ""
		if info.Mode().IsRegular() {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			sum = string(sha256Sum(b))
		}
		out[e.Name()] = info.Mode().String() + " " + sum
	}
	return out
}

func sha256Sum(b []byte) []byte { h := sha256.Sum256(b); return h[:] }

// readingCommands are the commands that only read the database.
func readingCommands(out string) [][]string {
	return [][]string{
		{"export", "mentors", filepath.Join(out, "mentors.csv")},
		{"export", "payments", filepath.Join(out, "payments.csv")},
		{"report", "statement", "--number", "1", "--out", filepath.Join(out, "st1.pdf")},
		{"report", "roster", "--out", filepath.Join(out, "roster.pdf")},
		{"compliance"},
		{"check"},
		{"backup", filepath.Join(out, "copy.db")},
		{"calendar", "--mentor", "Kwame.Mensah@example.org", "--out", filepath.Join(out, "kwame.ics")},
		{"settings", "get", "org.name"},
	}
}

var writingCommands = [][]string{
	{"settings", "set", "org.name", "Other"},
	{"statements", "issue"},
}

func TestReadOnlyDatabaseIsReadAsItIsAndNeverWritten(t *testing.T) {
	for _, what := range []string{"file", "folder"} {
		t.Run("read-only "+what, func(t *testing.T) {
			db := demoDB(t)
			dir := filepath.Dir(db)
			if err := os.Chmod(db, 0o400); err != nil {
				t.Fatal(err)
			}
			if what == "folder" {
				if err := os.Chmod(dir, 0o500); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(dir, 0o700) })
			}
			before := folderState(t, dir)
			out := t.TempDir()
			for _, args := range readingCommands(out) {
				if code, _, stderr := run(t, db, args...); code != 0 {
					t.Errorf("%s on a read-only %s: exit %d: %s", strings.Join(args, " "), what, code, stderr)
				}
			}
			for _, args := range writingCommands {
				code, _, stderr := run(t, db, args...)
				named := db
				if what == "folder" {
					named = dir
				}
				if code != 1 || !strings.Contains(stderr, named) || !strings.Contains(stderr, "read-only") {
					t.Errorf("%s on a read-only %s: exit %d, %q; want exit 1 naming %s as read-only", strings.Join(args, " "), what, code, stderr, named)
				}
			}
			after := folderState(t, dir)
			for name, st := range before {
				if after[name] != st {
					t.Errorf("%s changed: %s → %s", name, st, after[name])
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok {
					t.Errorf("%s appeared beside the read-only database", name)
				}
			}
			if info, _ := os.Stat(db); info.Mode().Perm() != 0o400 {
				t.Errorf("the database's mode became %04o; it must stay 0400", info.Mode().Perm())
			}
		})
	}
}

// An existing file keeps the mode its owner gave it, even when a writing command uses it.
func TestWritingNeverChangesTheModeOfAnExistingFile(t *testing.T) {
	db := demoDB(t)
	if err := os.Chmod(db, 0o640); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, db, "settings", "set", "org.name", "Other"); code != 0 {
		t.Fatal(stderr)
	}
	if info, _ := os.Stat(db); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %04o after a write; want 0640 as the owner set it", info.Mode().Perm())
	}
}

// runWithin runs a command line and fails the test when it does not end within d.
func runWithin(t *testing.T, d time.Duration, db string, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := Run(append([]string{"--db", db}, args...), Env{Stdout: &out, Stderr: &errb, Today: today})
		done <- result{code, errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(d):
		t.Fatalf("%s with --db %s did not end within %v", strings.Join(args, " "), db, d)
		return 0, ""
	}
}

func TestDatabaseThatIsNotARegularFileIsRefusedBeforeOpening(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "org.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, args := range [][]string{{"check"}, {"export", "mentors", filepath.Join(dir, "m.csv")}, {"settings", "set", "org.name", "X"}} {
		code, stderr := runWithin(t, 20*time.Second, fifo, args...)
		if code != 1 || !strings.Contains(stderr, fifo) || !strings.Contains(stderr, "named pipe") {
			t.Errorf("%s on a FIFO: exit %d, %q; want exit 1 saying it is a named pipe", strings.Join(args, " "), code, stderr)
		}
	}
	db := demoDB(t)
	code, stderr := runWithin(t, 20*time.Second, db, "restore", fifo)
	if code != 1 || !strings.Contains(stderr, "named pipe") {
		t.Errorf("restore from a FIFO: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "m.csv")); err == nil {
		t.Error("an export was written from a FIFO")
	}
}

// fullDisk mounts a small tmpfs (root only) and fills it, leaving about free bytes.
func fullDisk(t *testing.T, size string) string {
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

func fill(t *testing.T, dir string) {
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

func TestFullDiskIsSaidAndBackupLeavesNothingBehind(t *testing.T) {
	db := demoDB(t)
	disk := fullDisk(t, "2m")
	fill(t, disk)
	dest := filepath.Join(disk, "copy.db")
	code, _, stderr := run(t, db, "backup", dest)
	if code != 1 || !strings.Contains(stderr, "full") || !strings.Contains(stderr, disk) || strings.Contains(stderr, "damaged") {
		t.Errorf("backup onto a full disk: exit %d, %q; want exit 1 saying the disk holding %s is full", code, stderr, disk)
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("a failed backup left files behind: %v", names)
	}
	// With room again, the same backup goes through: nothing blocks the retry.
	os.Remove(filepath.Join(disk, "filler"))
	if code, _, stderr := run(t, db, "backup", dest); code != 0 {
		t.Errorf("the retry: exit %d: %s", code, stderr)
	}
}

func TestFullDiskUnderTheDatabaseIsNotCalledDamage(t *testing.T) {
	src := demoDB(t)
	disk := fullDisk(t, "8m")
	db := filepath.Join(disk, "org.db")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Skipf("the sample does not fit the small disk: %v", err)
	}
	fill(t, disk)
	refused := 0
	for _, args := range [][]string{{"settings", "set", "org.name", "A much longer organisation name " + strings.Repeat("x", 4000)}, {"statements", "issue"}} {
		code, _, stderr := run(t, db, args...)
		if code == 0 {
			continue // it fit after all
		}
		refused++
		t.Logf("%s: %s", args[0], stderr)
		if strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "full") || !strings.Contains(stderr, disk) {
			t.Errorf("%s on a full disk: exit %d, %q; want it to say the disk holding %s is full", args[0], code, stderr, disk)
		}
	}
	if refused == 0 {
		t.Fatal("nothing met the full disk: the test proves nothing")
	}
	os.Remove(filepath.Join(disk, "filler"))
	if code, out, stderr := run(t, db, "check"); code != 0 {
		t.Errorf("check after the full disk: exit %d %s %s", code, out, stderr)
	}
}

// Neither a reading nor a writing command, nor demo, starts an organisation where the database
// went missing beside a file a restore kept aside; restore is the way back.
func TestMissingDatabaseBesideARestoreIsNotStartedAnew(t *testing.T) {
	db := demoDB(t)
	kept := db + ".replaced-20261122-101010"
	if err := os.Rename(db, kept); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check"}, {"settings", "set", "org.name", "X"}, {"demo"}} {
		code, _, stderr := run(t, db, args...)
		if code != 1 || !strings.Contains(stderr, kept) {
			t.Errorf("%s: exit %d, %q; want exit 1 naming %s", args[0], code, stderr, kept)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%s created a database in place of the missing one", args[0])
		}
	}
	if code, _, stderr := run(t, db, "restore", kept); code != 0 {
		t.Fatalf("restore of the file kept aside: exit %d: %s", code, stderr)
	}
	if code, out, stderr := run(t, db, "check"); code != 0 {
		t.Errorf("check after putting it back: exit %d %s %s", code, out, stderr)
	}
}
