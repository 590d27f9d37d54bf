package script

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// The scripting commands of DESIGN §4 timed on the large organisation of §7
// (demo.CachedLarge; the first run on a machine builds it, in about a minute):
//
//	go test -tags migrated_fynedo -run '^$' -bench Large -benchtime 1x ./cmd/mentordesk/script/

// largeDB copies the cached large organisation (issued, or with every visit still to pay) into
// a folder of the benchmark's.
func largeDB(b *testing.B, unissued bool) string {
	b.Helper()
	n := demo.DefaultLarge
	n.SkipIssue = unissued
	src, err := demo.CachedLargeWith("", n)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), "large.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// runLarge runs one command line against db, as `mentordesk --db db args…` would.
func runLarge(db string, args ...string) error {
	var stderr bytes.Buffer
	env := Env{Stdout: io.Discard, Stderr: &stderr, Today: demo.LargeToday}
	if code := Run(append([]string{"--db", db}, args...), env); code != 0 {
		return fmt.Errorf("%v: exit %d: %s", args, code, stderr.String())
	}
	return nil
}

func processCPU() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// timeCommand runs the command line that setup prepares once per iteration, timing it alone,
// and reports wall and processor milliseconds per run.
func timeCommand(b *testing.B, setup func() (db string, args []string)) {
	var wall, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db, args := setup()
		b.StartTimer()
		t0, c0 := time.Now(), processCPU()
		if err := runLarge(db, args...); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(t0)
		cpu += processCPU() - c0
	}
	b.ReportMetric(float64(wall.Milliseconds())/float64(b.N), "wall-ms/op")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// DESIGN §7: issuing all statements of ten years < 10 s.
func BenchmarkLargeStatementsIssue(b *testing.B) {
	timeCommand(b, func() (string, []string) {
		return largeDB(b, true), []string{"statements", "issue", "--through", demo.LargeToday.AddDays(-1).String()}
	})
}

// DESIGN §7: 1,000 payment statements as PDFs < 5 s.
func BenchmarkLargeReportStatements1000(b *testing.B) {
	db := largeDB(b, false)
	from, through := thousandStatements(b, db)
	timeCommand(b, func() (string, []string) {
		return db, []string{"report", "statements", "--out", b.TempDir(), "--from", from.String(), "--through", through.String()}
	})
}

// thousandStatements is a season's visit dates holding about 1,000 statements.
func thousandStatements(b *testing.B, db string) (from, through data.Date) {
	s, err := sqlite.Open(db, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	from = data.MustDate("2025-09-01")
	sums, err := s.StatementSummaries(context.Background(), data.StatementFilter{From: from, Through: data.MustDate("2026-06-30")})
	if err != nil || len(sums) < 1000 {
		b.Fatalf("%d statements in 2025-26: %v", len(sums), err)
	}
	through = from
	for _, x := range sums[:1000] {
		through = max(through, x.VisitDate)
	}
	return from, through
}

// DESIGN §7: a 200-mentor roster with photos < 2 s; here every mentor who may be on it (the
// generator shares forty portraits among them).
func BenchmarkLargeReportRoster(b *testing.B) {
	db := largeDB(b, false)
	timeCommand(b, func() (string, []string) {
		return db, []string{"report", "roster", "--out", filepath.Join(b.TempDir(), "roster.pdf")}
	})
}

// DESIGN §7: optimal matching of 1,000 × 1,000 < 3 s.
func BenchmarkLargeMatch(b *testing.B) {
	db := largeDB(b, false)
	timeCommand(b, func() (string, []string) { return db, []string{"match", "--cohort", "Large cohort"} })
}

// DESIGN §7: the compliance list of 1,000 mentors < 1 s.
func BenchmarkLargeCompliance(b *testing.B) {
	db := largeDB(b, false)
	timeCommand(b, func() (string, []string) { return db, []string{"compliance"} })
}

// DESIGN §7: importing 150,000 sessions < 10 s, into the large organisation without its sessions.
func BenchmarkLargeImportSessions(b *testing.B) {
	template := largeDB(b, true)
	csv := filepath.Join(filepath.Dir(template), "sessions.csv")
	if err := runLarge(template, "export", "sessions", csv); err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+template+"?_foreign_keys=on")
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"DELETE FROM sessions", "VACUUM"} {
		if _, err := raw.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	raw.Close()
	timeCommand(b, func() (string, []string) {
		db := filepath.Join(b.TempDir(), "import.db")
		content, err := os.ReadFile(template)
		if err == nil {
			err = os.WriteFile(db, content, 0o600)
		}
		if err != nil {
			b.Fatal(err)
		}
		return db, []string{"import", "sessions", csv}
	})
}
