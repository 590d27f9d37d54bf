package demo

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// TestCachedLarge builds (or finds) the cached large organisations the benchmarks open, and
// checks they hold the counts of DESIGN §7. It runs with MENTORDESK_BENCH=1 (make bench).
func TestCachedLarge(t *testing.T) {
	if os.Getenv("MENTORDESK_BENCH") == "" {
		t.Skip("set MENTORDESK_BENCH=1 to build the large organisation (about a minute)")
	}
	for _, v := range []struct {
		name string
		n    LargeCounts
	}{{"issued", DefaultLarge}, {"unissued", unissued()}} {
		t.Run(v.name, func(t *testing.T) {
			start, cpu := time.Now(), cpuTime()
			path, err := CachedLargeWith("", v.n)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s ready in %v (%v CPU)", path, time.Since(start).Round(time.Millisecond), (cpuTime() - cpu).Round(time.Millisecond))
			counts := tableCounts(t, path)
			t.Logf("%v", counts)
			if counts["mentors"] != 1000 || counts["schools"] != 300 || counts["classrooms"] != 1500 || counts["sessions"] != 150000 || counts["applicants"] != 2000 {
				t.Errorf("counts %v are not DESIGN §7's", counts)
			}
			if v.n.SkipIssue != (counts["statements"] == 0) {
				t.Errorf("%d statements with SkipIssue %v", counts["statements"], v.n.SkipIssue)
			}
		})
	}
}

// BenchmarkFillLarge times the generator itself (DESIGN §7 scale in under a minute).
func BenchmarkFillLarge(b *testing.B) {
	for b.Loop() {
		s, err := sqlite.Open(filepath.Join(b.TempDir(), "large.db"), sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := FillLarge(context.Background(), s, LargeToday, LargeSeed, DefaultLarge); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func unissued() LargeCounts {
	n := DefaultLarge
	n.SkipIssue = true
	return n
}

func tableCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	dir := t.TempDir()
	cp := filepath.Join(dir, "copy.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(cp, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	out := map[string]int{}
	mentors, _ := s.Mentors(ctx, data.MentorFilter{})
	out["mentors"] = len(mentors)
	schools, _ := s.Schools(ctx)
	out["schools"] = len(schools)
	rooms, _ := s.Classrooms(ctx, 0)
	out["classrooms"] = len(rooms)
	sessions, _ := s.Sessions(ctx, data.SessionFilter{})
	out["sessions"] = len(sessions)
	sts, _ := s.StatementSummaries(ctx, data.StatementFilter{})
	out["statements"] = len(sts)
	cohorts, _ := s.Cohorts(ctx)
	for _, c := range cohorts {
		as, _ := s.Applicants(ctx, c.ID)
		out["applicants"] += len(as)
	}
	return out
}

func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
