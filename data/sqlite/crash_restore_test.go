package sqlite

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary, started again with these, restores backups into a database until it is
// killed: at one named step (by its own hand) or wherever the parent's kill lands.
const (
	crashRestoreEnv     = "MENTORDESK_CRASH_RESTORE"
	crashRestoreFrom    = "MENTORDESK_CRASH_RESTORE_FROM" // backups to restore in turn, separated by ;
	crashRestoreStepEnv = "MENTORDESK_CRASH_RESTORE_STEP"
)

const crashRestoresPerRun = 10

// crashRestoreContents are the mentors of the two backups restored in turn and of the database
// before the first restore; every file a crash leaves must hold one of them whole.
var crashRestoreContents = [][]string{{"Ana", "Ava"}, {"Bea"}, {"Cal", "Cy"}}

func crashRestoreChild(db string) int {
	lock, err := AcquireLock(db, "command line", 5*time.Second)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer lock.Release()
	if at := os.Getenv(crashRestoreStepEnv); at != "" {
		restoreStep = func(step string) {
			if step == at {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
				time.Sleep(time.Minute)
			}
		}
	}
	fmt.Println("open")
	from := strings.Split(os.Getenv(crashRestoreFrom), ";")
	for i := 0; i < crashRestoresPerRun; i++ {
		if _, err := Restore(db, from[i%len(from)]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	fmt.Println("done")
	return 0
}

// checkAfterRestoreCrash opens the database as the next command would and checks that it holds
// one of the backups whole (or what it held before), that nothing of the restore is left to
// finish, and that every file kept aside is a whole database of one of them.
func checkAfterRestoreCrash(t *testing.T, db string, allowed ...[]string) {
	t.Helper()
	among := func(names []string, sets [][]string) bool {
		return slices.ContainsFunc(sets, func(a []string) bool { return slices.Equal(a, names) })
	}
	ok := func(names []string) bool { return among(names, allowed) }
	if got := mentorNames(t, db); !ok(got) {
		t.Errorf("after the kill the database holds mentors %v; want one of %v", got, allowed)
	}
	for _, left := range []string{restoringPath(db), journalPath(db)} {
		if fileExists(left) {
			t.Errorf("%s is left behind after the next open", filepath.Base(left))
		}
	}
	for _, kept := range keptAside(db) {
		if err := Verify(kept); err != nil {
			t.Errorf("the file kept aside %s is not whole: %v", filepath.Base(kept), err)
		} else if got := storedNames(t, kept); !among(got, crashRestoreContents) {
			t.Errorf("the file kept aside %s holds %v", filepath.Base(kept), got)
		}
	}
}

func TestCrashWhileRestoring(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped in -short")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.backup.db"), filepath.Join(dir, "b.backup.db")
	orgWith(t, a, crashRestoreContents[0]...)
	orgWith(t, b, crashRestoreContents[1]...)
	before, during := crashRestoreContents[2], crashRestoreContents[:2]
	env := func(db string, extra ...string) []string {
		return append([]string{crashRestoreEnv + "=" + db, crashRestoreFrom + "=" + a + ";" + b}, extra...)
	}

	// Killed at each step of the first restore, over a database a crash left with its log.
	for _, at := range restoreSteps {
		db := filepath.Join(t.TempDir(), "org.db")
		crashedWriter(t, db, before...)
		if runAndKill(t, env(db, crashRestoreStepEnv+"="+at), -1) {
			t.Errorf("the restore was not killed at step %s", at)
		}
		checkAfterRestoreCrash(t, db, append(during, before)...)
		if t.Failed() {
			t.Fatalf("killed after step %s: the files are in %s", at, filepath.Dir(db))
		}
	}

	runs := crashRuns(t, 20)
	seed := uint64(20261208)
	rng := rand.New(rand.NewPCG(seed, 7))
	full := filepath.Join(t.TempDir(), "full.db")
	orgWith(t, full, before...)
	began := time.Now()
	if !runAndKill(t, env(full), -1) {
		t.Fatal("a run of restores to the end did not finish")
	}
	span := time.Since(began)
	checkAfterRestoreCrash(t, full, during...)
	t.Logf("seed %d, %d runs; %d restores take %v", seed, runs, crashRestoresPerRun, span)
	for run := 0; run < runs; run++ {
		runDir := t.TempDir()
		db := filepath.Join(runDir, "org.db")
		orgWith(t, db, before...)
		for kill := 0; kill < 2; kill++ {
			delay := time.Duration(rng.Int64N(int64(span)))
			runAndKill(t, env(db), delay)
			checkAfterRestoreCrash(t, db, append(during, before)...)
			if t.Failed() {
				t.Fatalf("run %d, kill %d after %v: the files are in %s", run, kill, delay, runDir)
			}
		}
		os.RemoveAll(runDir)
	}
}

// storedNames reads the mentors of a file read-only, as it lies (a file kept aside is not opened
// as a database to work in).
func storedNames(t *testing.T, path string) []string {
	t.Helper()
	d := dsn(path, true)
	if !fileExists(path + "-wal") {
		d += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", d)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT first_name FROM mentors ORDER BY first_name")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
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
