package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
)

// crashChildEnv tells the test binary, started again by TestCrashWhileIssuing, to issue
// statements in the database it names instead of running tests.
const crashChildEnv = "MENTORDESK_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		os.Exit(crashChild(path))
	}
	if path := os.Getenv(crashImportEnv); path != "" {
		os.Exit(crashImportChild(path, os.Getenv(crashCSVEnv)))
	}
	if path := os.Getenv(crashMigrateEnv); path != "" {
		os.Exit(crashMigrateChild(path))
	}
	if path := os.Getenv(crashRestoreEnv); path != "" {
		os.Exit(crashRestoreChild(path))
	}
	os.Exit(m.Run())
}

// crashChild issues statements the way a director does — month batches, single visits, an
// adjustment now and then — then everything left in one big batch, until it is killed.
func crashChild(path string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("open")
	ctx := context.Background()
	issuedOn := data.MustDate("2027-07-01")
	for i, d := 0, crashFirstDay; d < crashFirstDay.AddDays(crashDays/2); i, d = i+1, d.AddDays(10) {
		if _, err := s.IssueStatements(ctx, IssueChoice{Through: d}, issuedOn); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		ready, err := s.ReadyVisits(ctx, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if n := len(ready.Visits); n > 0 {
			if _, err := s.IssueStatements(ctx, IssueChoice{Visits: []VisitKey{ready.Visits[n-1].Key()}}, issuedOn); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
		if i%3 == 2 {
			if _, err := s.IssueAdjustment(ctx, 1, []data.StatementLine{{Amount: 100}}, "Correction", issuedOn); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
	}
	if _, err := s.IssueStatements(ctx, IssueChoice{}, issuedOn); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	s.Close()
	fmt.Println("done")
	return 0
}

const crashDays = 150

var crashFirstDay = data.MustDate("2026-07-01")

// crashFixture writes, in one transaction, mentors visiting schools over the school year: most
// visits confirmed (with cancellations mixed in), some waiting for confirmation, and last
// year's sessions so continuation is paid.
func crashFixture(t *testing.T, path string, rng *rand.Rand) {
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := s.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	run := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	const mentors, schools, rooms = 20, 6, 3
	run("INSERT INTO districts(name) VALUES ('North')")
	for sc := 1; sc <= schools; sc++ {
		run("INSERT INTO schools(id, name, district_id, level) VALUES (?, ?, 1, 'middle')", sc, fmt.Sprintf("School %d", sc))
		for r := 1; r <= rooms; r++ {
			run("INSERT INTO classrooms(id, school_id, name, ensemble, meeting_days, period_start, period_minutes) VALUES (?, ?, ?, 'band', 127, 540, 50)",
				(sc-1)*rooms+r, sc, fmt.Sprintf("Room %d", r))
		}
	}
	for m := 1; m <= mentors; m++ {
		run("INSERT INTO mentors(id, first_name, last_name, email, status) VALUES (?, 'Mentor', ?, ?, 'active')",
			m, fmt.Sprintf("%02d", m), fmt.Sprintf("m%d@example.org", m))
	}
	run(compliantSQL)
	session := func(m, sc, r int, d data.Date, status string) {
		confirmed := ""
		if status == "confirmed" {
			confirmed = d.String()
		}
		run(`INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on)
			VALUES (?, ?, ?, ?, 50, 'focused', ?, ?)`, (sc-1)*rooms+r, m, d.String(), 360+m*30+r, status, confirmed)
	}
	for m := 1; m <= mentors; m++ {
		session(m, 1+m%schools, 1, data.MustDate("2026-03-02").AddDays(m), "confirmed")
	}
	for day := 0; day < crashDays; day++ {
		d := crashFirstDay.AddDays(day)
		for m := 1; m <= mentors; m++ {
			if rng.IntN(10) != 0 {
				continue
			}
			sc := 1 + rng.IntN(schools)
			for r := 1; r <= 1+rng.IntN(rooms); r++ {
				status := "confirmed"
				switch x := rng.IntN(20); {
				case x < 2:
					status = "cancelled"
				case x < 3:
					status = "completed"
				}
				session(m, sc, r, d, status)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestCrashWhileIssuing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped in -short")
	}
	runs := crashRuns(t, 20)
	seed := uint64(20261122)
	if v := os.Getenv("MENTORDESK_CRASH_SEED"); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	t.Logf("seed %d (MENTORDESK_CRASH_SEED), %d runs (MENTORDESK_CRASH_RUNS)", seed, runs)
	rng := rand.New(rand.NewPCG(seed, 5))
	dir := t.TempDir()
	template := filepath.Join(dir, "template.mentordesk")
	crashFixture(t, template, rng)

	// A run to the end measures how long issuing takes and that it issues every ready visit.
	full := copyDB(t, template, filepath.Join(dir, "full.mentordesk"))
	began := time.Now()
	child := startCrashChild(t, full)
	if out, err := io.ReadAll(child.out); err != nil || !strings.Contains(string(out), "done") {
		t.Fatalf("the issuing run did not finish: %q %v", out, err)
	}
	child.cmd.Wait()
	span := time.Since(began)
	final := checkAfterCrash(t, full)
	if final.issued == 0 || final.readyLeft != 0 || final.notReady == 0 {
		t.Fatalf("a run to the end issued %d visits, left %d ready ones and %d waiting", final.issued, final.readyLeft, final.notReady)
	}
	t.Logf("issuing %d visits (%d statements) takes %v; %d visits wait for confirmation", final.issued, final.statements, span, final.notReady)

	killedMidway := 0
	for run := 0; run < runs; run++ {
		path := copyDB(t, template, filepath.Join(dir, fmt.Sprintf("run%03d.mentordesk", run)))
		// Two kills in a row: the second child recovers the first one's crash, then dies too.
		for kill := 0; kill < 2; kill++ {
			child := startCrashChild(t, path)
			delay := time.Duration(rng.Int64N(int64(span)))
			time.Sleep(delay)
			child.cmd.Process.Signal(syscall.SIGKILL)
			child.cmd.Wait()
			st := checkAfterCrash(t, path)
			if st.issued < final.issued {
				killedMidway++
			}
			if t.Failed() {
				t.Fatalf("run %d, kill %d after %v: the file is not consistent (kept in %s)", run, kill, delay, path)
			}
		}
		os.Remove(path)
	}
	t.Logf("%d of %d kills landed before issuing was complete", killedMidway, 2*runs)
}

// crashRuns is the number of runs MENTORDESK_CRASH_RUNS asks for (`make crash`), else def.
func crashRuns(t *testing.T, def int) int {
	t.Helper()
	v := os.Getenv("MENTORDESK_CRASH_RUNS")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("MENTORDESK_CRASH_RUNS=%q is not a number of runs", v)
	}
	return n
}

type crashChildProc struct {
	cmd *exec.Cmd
	out *bufio.Reader
}

// startCrashChild starts the test binary as an issuing process and waits until it has opened
// the database, so the kill lands while it issues.
func startCrashChild(t *testing.T, path string) crashChildProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(pipe)
	if line, err := out.ReadString('\n'); err != nil || strings.TrimSpace(line) != "open" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the issuing process did not open %s: %q %v", path, line, err)
	}
	return crashChildProc{cmd, out}
}

type crashState struct {
	statements, issued int
	readyLeft          int // ready to pay, not issued
	notReady           int // a session waits for confirmation
}

// checkAfterCrash opens the file as the app would and checks what a crash must never leave:
// damage, dangling references, gaps or duplicates in the numbers, or a visit half issued.
func checkAfterCrash(t *testing.T, path string) crashState {
	t.Helper()
	var st crashState
	s, err := Open(path, Options{})
	if err != nil {
		t.Errorf("reopen after the crash: %v", err)
		return st
	}
	defer s.Close()
	var check string
	if err := s.w.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q %v", check, err)
	}
	fk, err := s.w.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if fk.Next() {
		t.Error("foreign_key_check found rows")
	}
	fk.Close()

	rows, err := s.w.Query(`SELECT st.id, st.number, st.mentor_id, st.school_id, st.visit_date, st.adjusts IS NOT NULL, st.total, st.line_count,
		(SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.id),
		(SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.id AND l.kind = 'session'),
		(SELECT COALESCE(sum(amount), 0) FROM statement_lines l WHERE l.statement_id = st.id)
		FROM statements st ORDER BY st.number`)
	if err != nil {
		t.Fatal(err)
	}
	type stmt struct {
		key          VisitKey
		sessionLines int
	}
	byID := map[int64]stmt{}
	for rows.Next() {
		var id, mentor, school int64
		var number, lineCount, lines, sessionLines int
		var adjustment bool
		var visit string
		var total, sum data.Money
		if err := rows.Scan(&id, &number, &mentor, &school, &visit, &adjustment, &total, &lineCount, &lines, &sessionLines, &sum); err != nil {
			t.Fatal(err)
		}
		st.statements++
		if number != st.statements {
			t.Errorf("statement numbers jump to %d after %d: a gap or a duplicate", number, st.statements-1)
			st.statements = number
		}
		if lines != lineCount || lines == 0 || sum != total {
			t.Errorf("statement No. %d holds %d of its %d lines adding up to %s of %s", number, lines, lineCount, sum, total)
		}
		if !adjustment {
			byID[id] = stmt{VisitKey{mentor, school, data.MustDate(visit)}, sessionLines}
		}
	}
	rows.Close()

	type visitState struct {
		confirmed, locked, waiting int
		statements                 map[int64]bool
	}
	visits := map[VisitKey]*visitState{}
	lockedOn := map[int64]int{}
	srows, err := s.w.Query(`SELECT x.mentor_id, c.school_id, x.date, x.status, COALESCE(x.statement_id, 0)
		FROM sessions x JOIN classrooms c ON c.id = x.classroom_id`)
	if err != nil {
		t.Fatal(err)
	}
	for srows.Next() {
		var k VisitKey
		var day, status string
		var stmtID int64
		if err := srows.Scan(&k.MentorID, &k.SchoolID, &day, &status, &stmtID); err != nil {
			t.Fatal(err)
		}
		k.Date = data.MustDate(day)
		v := visits[k]
		if v == nil {
			v = &visitState{statements: map[int64]bool{}}
			visits[k] = v
		}
		switch {
		case status == "confirmed":
			v.confirmed++
		case status == "completed" || status == "planned":
			v.waiting++
		}
		if stmtID != 0 {
			if status != "confirmed" {
				t.Errorf("a %s session of %+v is locked on a statement", status, k)
			}
			v.locked++
			v.statements[stmtID] = true
			lockedOn[stmtID]++
		}
	}
	srows.Close()
	for id, x := range byID {
		if x.sessionLines == 0 || lockedOn[id] != x.sessionLines {
			t.Errorf("the statement for %+v pays %d sessions but %d are locked on it", x.key, x.sessionLines, lockedOn[id])
		}
	}
	for k, v := range visits {
		switch {
		case v.locked == 0 && v.waiting > 0:
			st.notReady++
		case v.locked == 0:
			if v.confirmed > 0 {
				st.readyLeft++
			}
		case v.waiting > 0:
			t.Errorf("visit %+v waits for confirmation yet is issued", k)
		case v.locked != v.confirmed || len(v.statements) != 1:
			t.Errorf("visit %+v is half issued: %d of %d confirmed sessions locked, on %d statements", k, v.locked, v.confirmed, len(v.statements))
		default:
			st.issued++
			for id := range v.statements {
				if got := byID[id]; got.key != k || got.sessionLines != v.confirmed {
					t.Errorf("visit %+v is locked on a statement for %+v with %d session lines", k, got.key, got.sessionLines)
				}
			}
		}
	}
	return st
}

func copyDB(t *testing.T, from, to string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return to
}
