package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// The benchmarks here run over the cached large organisation of DESIGN §7 (demo.CachedLarge);
// the first run on a machine builds it, which takes about a minute.

var ctx = context.Background()

// largeCopy copies the cached large organisation (issued or not) into a fresh file of the test's.
func largeCopy(tb testing.TB, unissued bool) string {
	tb.Helper()
	n := demo.DefaultLarge
	n.SkipIssue = unissued
	dst := filepath.Join(tb.TempDir(), "large.db")
	if err := demo.CopyLarge(dst, n); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func open(tb testing.TB, path string) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// cpuTime is the processor time the process has used, so a run on a busy machine reports the
// work done beside the wall time it took.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// measure runs op once per benchmark iteration on a fresh set-up, timing op alone.
func measure(b *testing.B, setup func() func() error) {
	var wall, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		op := setup()
		b.StartTimer()
		t0, c0 := time.Now(), cpuTime()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(t0)
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(wall.Milliseconds())/float64(b.N), "wall-ms/op")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// issueTenYears issues every statement of ten years at once (DESIGN §7: < 10 s).
func issueTenYears(s *sqlite.Store) (int, error) {
	sts, err := s.IssueStatements(ctx, sqlite.IssueChoice{Through: demo.LargeToday.AddDays(-1)}, demo.LargeToday)
	return len(sts), err
}

func BenchmarkIssueTenYears(b *testing.B) {
	measure(b, func() func() error {
		s := open(b, largeCopy(b, true))
		return func() error {
			n, err := issueTenYears(s)
			if err == nil && n < 50000 {
				b.Errorf("%d statements issued; want about 56,000", n)
			}
			return err
		}
	})
}

// withoutSessions is a copy of the unissued large organisation with its sessions exported to a
// CSV file and then removed: the import's starting point.
func withoutSessions(tb testing.TB) (db, csv string) {
	tb.Helper()
	db = largeCopy(tb, true)
	s := open(tb, db)
	csv = filepath.Join(filepath.Dir(db), "sessions.csv")
	if n, err := s.ExportFile(ctx, csvio.Sessions, csv); err != nil || n != 150000 {
		tb.Fatalf("exported %d sessions: %v", n, err)
	}
	s.Close()
	raw, err := sql.Open("sqlite3", "file:"+db+"?_foreign_keys=on")
	if err != nil {
		tb.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec("DELETE FROM sessions"); err != nil {
		tb.Fatal(err)
	}
	if _, err := raw.Exec("VACUUM"); err != nil {
		tb.Fatal(err)
	}
	return db, csv
}

// DESIGN §7: importing 150,000 sessions in under 10 s.
func BenchmarkImportSessions150k(b *testing.B) {
	measure(b, func() func() error {
		db, csv := withoutSessions(b)
		s := open(b, db)
		return func() error {
			sum, err := s.ImportFile(ctx, csvio.Sessions, csv)
			if err == nil && sum.Added != 150000 {
				b.Errorf("import: %v; want 150,000 added", sum)
			}
			return err
		}
	})
}

// DESIGN §7: the compliance list of 1,000 mentors in under 1 s.
func BenchmarkComplianceLarge(b *testing.B) {
	s := open(b, largeCopy(b, false))
	measure(b, func() func() error {
		return func() error {
			rows, err := s.Compliance(ctx, demo.LargeToday)
			if err == nil && len(rows) != 1000 {
				b.Errorf("%d compliance rows; want 1,000", len(rows))
			}
			return err
		}
	})
}

// DESIGN §7: a calendar month ready in under 50 ms, here the store's part: the six weeks of the
// November grid with their conflicts and events.
func BenchmarkCalendarMonthLarge(b *testing.B) {
	s := open(b, largeCopy(b, false))
	from, through := data.MustDate("2026-10-26"), data.MustDate("2026-12-06")
	measure(b, func() func() error {
		return func() error {
			xs, err := s.CalendarSessions(ctx, from, through)
			if err != nil {
				return err
			}
			data.MarkConflicts(xs)
			_, err = s.Events(ctx, 0, from, through)
			return err
		}
	})
}

// DESIGN §7 start < 1 s: opening the large database is part of it (the file is checked first).
func BenchmarkOpenLarge(b *testing.B) {
	path := largeCopy(b, false)
	open(b, path).Close()
	measure(b, func() func() error {
		return func() error {
			s, err := sqlite.Open(path, sqlite.Options{})
			if err == nil {
				err = s.Close()
			}
			return err
		}
	})
}
