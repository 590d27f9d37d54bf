package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mentordesk/data/csvio"
)

// The test binary, started again with one of these, imports a file or migrates a database
// until it is killed.
const (
	crashImportEnv  = "MENTORDESK_CRASH_IMPORT"
	crashCSVEnv     = "MENTORDESK_CRASH_CSV"
	crashMigrateEnv = "MENTORDESK_CRASH_MIGRATE"
)

func crashImportChild(path, csvPath string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("open")
	if _, err := s.ImportFile(context.Background(), csvio.Sessions, csvPath); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	s.Close()
	fmt.Println("done")
	return 0
}

func crashMigrateChild(path string) int {
	fmt.Println("open")
	s, err := Open(path, Options{BackupDir: filepath.Join(filepath.Dir(path), "bk")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	s.Close()
	fmt.Println("done")
	return 0
}

// runAndKill starts the child with env, waits until it has opened the database, kills it
// after delay (a negative delay lets it finish) and says whether it had finished.
func runAndKill(t *testing.T, env []string, delay time.Duration) (finished bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, "open") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child did not start: %q", line)
	}
	if delay >= 0 {
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
	}
	rest, _ := r.ReadString('\n')
	cmd.Wait()
	return strings.HasPrefix(rest, "done")
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	if err := Verify(path); err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCrashWhileImporting kills an import of thousands of sessions at random moments: the file
// is always whole, and holds every row of the import or none.
func TestCrashWhileImporting(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped in -short")
	}
	rng := rand.New(rand.NewPCG(20261123, 7))
	dir := t.TempDir()
	template := filepath.Join(dir, "template.mentordesk")
	crashFixture(t, template, rng)
	before := countRows(t, template, "sessions")
	// Sessions at 06:00–07:40, a time the fixture never uses, so every row is new.
	var b strings.Builder
	cols := csvio.Columns(csvio.Sessions)
	b.WriteString(strings.Join(cols, ",") + "\n")
	empty := strings.Repeat(",", len(cols)-8) // the optional columns after status
	rows := 0
	for day := 0; day < 400; day++ {
		for room := 1; room <= 18; room++ {
			for slot := 0; slot < 3; slot++ {
				fmt.Fprintf(&b, "%s,%02d:%02d,30,School %d,Room %d,m%d@example.org,season,planned%s\n",
					crashFirstDay.AddDays(day), 6+slot/2, 30*(slot%2), 1+(room-1)/3, 1+(room-1)%3, 1+rows%20, empty)
				rows++
			}
		}
	}
	csvPath := filepath.Join(dir, "sessions.csv")
	os.WriteFile(csvPath, []byte(b.String()), 0o600)

	full := copyDB(t, template, filepath.Join(dir, "full.mentordesk"))
	began := time.Now()
	if !runAndKill(t, []string{crashImportEnv + "=" + full, crashCSVEnv + "=" + csvPath}, -1) {
		t.Fatal("the import did not finish")
	}
	span := time.Since(began)
	if got := countRows(t, full, "sessions"); got != before+rows {
		t.Fatalf("a whole import holds %d sessions; want %d", got, before+rows)
	}
	t.Logf("importing %d sessions takes %v", rows, span)
	runs, midway := 12, 0
	for run := 0; run < runs; run++ {
		path := copyDB(t, template, filepath.Join(dir, fmt.Sprintf("run%02d.mentordesk", run)))
		delay := time.Duration(rng.Int64N(int64(span)))
		runAndKill(t, []string{crashImportEnv + "=" + path, crashCSVEnv + "=" + csvPath}, delay)
		switch got := countRows(t, path, "sessions"); got {
		case before:
			midway++
		case before + rows:
		default:
			t.Fatalf("run %d killed after %v: %d sessions, neither %d (none) nor %d (all)", run, delay, got, before, before+rows)
		}
		os.Remove(path)
	}
	t.Logf("%d of %d kills landed before the import was committed", midway, runs)
}

// TestCrashWhileMigrating kills the upgrade of a database from the previous schema: the file is
// always whole, at the old schema or the new one, and opens afterwards.
func TestCrashWhileMigrating(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped in -short")
	}
	rng := rand.New(rand.NewPCG(20261123, 9))
	dir := t.TempDir()
	template := filepath.Join(dir, "template.mentordesk")
	crashFixture(t, template, rng)
	// Step the template back to the previous schema by building one there and copying the rows.
	old := filepath.Join(dir, "old.mentordesk")
	s, err := Open(old, Options{stopAt: Latest() - 1})
	if err != nil {
		t.Fatal(err)
	}
	// The columns the previous schema knows; a newer one may have added some to sessions.
	var cols string
	if err := s.w.QueryRow("SELECT group_concat(name) FROM pragma_table_info('sessions')").Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`ATTACH ? AS src;
		INSERT INTO districts SELECT * FROM src.districts; INSERT INTO schools SELECT * FROM src.schools;
		INSERT INTO classrooms SELECT * FROM src.classrooms; INSERT INTO mentors SELECT * FROM src.mentors;
		INSERT INTO sessions(`+cols+`) SELECT `+cols+` FROM src.sessions; DETACH src`, template); err != nil {
		t.Fatal(err)
	}
	s.Close()
	sessions := countRows(t, old, "sessions")
	for run := 0; run < 8; run++ {
		path := copyDB(t, old, filepath.Join(dir, fmt.Sprintf("run%02d.mentordesk", run)))
		delay := time.Duration(rng.Int64N(int64(40 * time.Millisecond)))
		runAndKill(t, []string{crashMigrateEnv + "=" + path}, delay)
		if got := countRows(t, path, "sessions"); got != sessions {
			t.Fatalf("run %d: %d sessions after the kill; want %d", run, got, sessions)
		}
		reopened, err := Open(path, Options{BackupDir: filepath.Join(dir, "bk")})
		if err != nil {
			t.Fatalf("run %d: the file does not open after a killed migration: %v", run, err)
		}
		var v int
		reopened.w.QueryRow("PRAGMA user_version").Scan(&v)
		reopened.Close()
		if v != Latest() {
			t.Fatalf("run %d: schema %d after reopening; want %d", run, v, Latest())
		}
		os.Remove(path)
	}
}
