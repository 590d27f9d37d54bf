package script

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashReportEnv tells the test binary, started again, to write every statement's PDF from the
// database it names into the folder in crashReportOutEnv, until it is killed.
const (
	crashReportEnv    = "MENTORDESK_CRASH_REPORT"
	crashReportOutEnv = "MENTORDESK_CRASH_REPORT_OUT"
)

func TestMain(m *testing.M) {
	if db := os.Getenv(crashReportEnv); db != "" {
		fmt.Println("open")
		code := Run([]string{"--db", db, "report", "statements", "--out", os.Getenv(crashReportOutEnv)},
			Env{Stdout: os.Stdout, Stderr: os.Stderr, Today: today})
		if code == 0 {
			fmt.Println("done")
		}
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// reportAndKill writes the statements of db into out in a child process, killed after delay (a
// negative delay lets it finish); it says whether the child finished.
func reportAndKill(t *testing.T, db, out string, delay time.Duration) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashReportEnv+"="+db, crashReportOutEnv+"="+out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(pipe)
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, "open") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the report did not start: %q", line)
	}
	if delay >= 0 {
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
	}
	rest, _ := r.ReadString('\n')
	cmd.Wait()
	if delay < 0 && !strings.HasPrefix(rest, "done") {
		t.Logf("the report run to the end failed: %s", stderr.String())
	}
	return strings.HasPrefix(rest, "done")
}

// A report killed at any moment leaves the database as it was and only whole statements
// under their names (a hidden .partial may wait to be cleaned); the next run writes them all.
func TestCrashWhileReportingStatements(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped in -short")
	}
	runs := 20
	if v := os.Getenv("MENTORDESK_CRASH_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MENTORDESK_CRASH_RUNS=%q is not a number of runs", v)
		}
		runs = n
	}
	db := demoDB(t)
	dbBefore, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(t.TempDir(), "whole")
	began := time.Now()
	if !reportAndKill(t, db, want, -1) {
		t.Fatal("a report run to the end did not finish")
	}
	span := time.Since(began)
	whole := map[string][]byte{}
	entries, _ := os.ReadDir(want)
	for _, e := range entries {
		whole[e.Name()], _ = os.ReadFile(filepath.Join(want, e.Name()))
	}
	if len(whole) == 0 {
		t.Fatal("the sample organisation printed no statements")
	}
	seed := uint64(20261208)
	rng := rand.New(rand.NewPCG(seed, 11))
	t.Logf("seed %d, %d runs; %d statements take %v", seed, runs, len(whole), span)
	partial, landed := 0, 0
	for run := 0; run < runs; run++ {
		out := filepath.Join(t.TempDir(), "statements")
		delay := time.Duration(rng.Int64N(int64(span)))
		if reportAndKill(t, db, out, delay) {
			continue
		}
		entries, _ := os.ReadDir(out)
		written := 0
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".partial") {
				partial++
				continue
			}
			written++
			got, _ := os.ReadFile(filepath.Join(out, e.Name()))
			if w, ok := whole[e.Name()]; !ok || !bytes.Equal(got, w) {
				t.Errorf("run %d, killed after %v: %s is not the whole statement (%d of %d bytes)", run, delay, e.Name(), len(got), len(w))
			}
		}
		if written < len(whole) {
			landed++
		}
		if now, _ := os.ReadFile(db); !bytes.Equal(now, dbBefore) {
			t.Fatalf("run %d: a killed report changed the database", run)
		}
		// The next run finishes the folder.
		if run%10 == 0 {
			if !reportAndKill(t, db, out, -1) {
				t.Fatalf("run %d: the report after a kill did not finish", run)
			}
			for name, w := range whole {
				if got, err := os.ReadFile(filepath.Join(out, name)); err != nil || !bytes.Equal(got, w) {
					t.Errorf("run %d: after the rerun %s is not whole (%v)", run, name, err)
				}
			}
		}
		os.RemoveAll(filepath.Dir(out))
	}
	if code, out, stderr := run(t, db, "check"); code != 0 {
		t.Errorf("check after the killed reports: exit %d %s %s", code, out, stderr)
	}
	t.Logf("%d of %d kills landed while statements were being written; %d hidden partial files seen", landed, runs, partial)
}
