package sqlite

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// ExportFile writes a kind of §5 (or payments) to path; mentors' photos go to a folder beside it.
func (s *Store) ExportFile(ctx context.Context, kind csvio.Kind, path string) (int, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".export-*.csv")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	prefix := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-photos/"
	n, err := s.Export(ctx, kind, tmp, dir, prefix)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	os.Chmod(tmp.Name(), 0o600)
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}

// Export writes every row of a kind to w and returns how many.
func (s *Store) Export(ctx context.Context, kind csvio.Kind, w io.Writer, dir, photoPrefix string) (int, error) {
	switch kind {
	case csvio.Mentors:
		ms, err := s.Mentors(ctx, MentorFilter{WithPhotos: true})
		if err != nil {
			return 0, err
		}
		return len(ms), csvio.WriteMentors(w, ms, dir, photoPrefix)
	case csvio.Checks:
		cs, err := s.Checks(ctx, 0)
		if err != nil {
			return 0, err
		}
		return len(cs), csvio.WriteChecks(w, cs)
	case csvio.Contracts:
		cs, err := s.Contracts(ctx, 0)
		if err != nil {
			return 0, err
		}
		return len(cs), csvio.WriteContracts(w, cs)
	case csvio.Schools:
		xs, err := s.Schools(ctx)
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteSchools(w, xs)
	case csvio.Calendars:
		cals, err := s.Calendars(ctx)
		if err != nil {
			return 0, err
		}
		var days []data.CalendarDay
		for _, c := range cals {
			days = append(days, c.Days...)
		}
		return len(days), csvio.WriteCalendarDays(w, days)
	case csvio.Instructors:
		xs, err := s.Instructors(ctx, 0)
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteInstructors(w, xs)
	case csvio.Classrooms:
		xs, err := s.Classrooms(ctx, 0)
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteClassrooms(w, xs)
	case csvio.Events:
		xs, err := s.Events(ctx, 0, 0, 0)
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteEvents(w, xs)
	case csvio.Sessions:
		xs, err := s.Sessions(ctx, SessionFilter{})
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteSessions(w, xs)
	case csvio.Applicants:
		xs, err := s.Applicants(ctx, 0)
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WriteApplicants(w, xs)
	case csvio.Payments:
		xs, err := s.Statements(ctx, StatementFilter{})
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WritePayments(w, xs)
	case csvio.Feedback, csvio.Surveys, csvio.Goals:
		return s.exportReview(ctx, kind, w)
	}
	return 0, fmt.Errorf("%q cannot be exported", kind)
}
