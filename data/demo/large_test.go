package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

func TestFillLargeSmallScale(t *testing.T) {
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "large.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := LargeCounts{Mentors: 40, Schools: 12, ClassroomsPerSchool: 5, Years: 3, SessionsPerClassroomYear: 10, Applicants: 40}
	today := data.MustDate("2026-11-22")
	start := time.Now()
	if err := FillLarge(ctx, s, today, 7, n); err != nil {
		t.Fatal(err)
	}
	t.Logf("filled in %v", time.Since(start))
	sessions, _ := s.Sessions(ctx, data.SessionFilter{})
	if want := 12 * 5 * 3 * 10; len(sessions) != want {
		t.Errorf("%d sessions; want %d", len(sessions), want)
	}
	sts, _ := s.Statements(ctx, data.StatementFilter{})
	if len(sts) < len(sessions)/4 {
		t.Errorf("%d statements for %d sessions; want about one per 2.5 sessions", len(sts), len(sessions))
	}
	cont := 0
	for _, st := range sts {
		if st.ContinuationAmount() > 0 {
			cont++
		}
	}
	if cont == 0 {
		t.Error("no continuation compensation in three years of returning mentors")
	}
	findings, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Problem {
			t.Error(f)
		}
	}
	if err := FillLarge(ctx, s, today, 7, n); err == nil {
		t.Error("FillLarge filled a database that is not empty")
	}
}
