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
	"mentordesk/data/filemsg"
	"mentordesk/data/xlsxio"
)

// ExportFile writes a kind of §5 (or payments) to path: a workbook with typed cells when the
// name ends in .xlsx, else CSV; mentors' photos go to a folder beside it.
func (s *Store) ExportFile(ctx context.Context, kind csvio.Kind, path string) (int, error) {
	if err := s.RefuseOwnFile(path); err != nil {
		return 0, err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".export-*"+filepath.Ext(path))
	if err != nil {
		return 0, filemsg.Write(path, err)
	}
	defer os.Remove(tmp.Name())
	prefix := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-photos/"
	if kind == csvio.Mentors || kind == csvio.Settings {
		// The photos (or the logo) go into a folder beside the file: it must not lead to ours.
		if err := s.RefuseOwnFile(filepath.Join(dir, prefix)); err != nil {
			return 0, err
		}
	}
	var n int
	if xlsxio.IsWorkbookName(path) {
		var wb *xlsxio.Writer
		if wb, err = xlsxio.NewWriter(xlsxio.SheetName(kind)); err == nil {
			if n, err = s.Export(ctx, kind, wb, dir, prefix); err == nil {
				_, err = wb.WriteTo(tmp)
			}
		}
	} else {
		n, err = s.Export(ctx, kind, tmp, dir, prefix)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, filemsg.Write(path, err)
	}
	os.Chmod(tmp.Name(), 0o600)
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, filemsg.Write(path, err)
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
	case csvio.Settings:
		rows, err := s.settingRows(ctx)
		if err != nil {
			return 0, err
		}
		return len(rows), csvio.WriteSettings(w, rows, dir, photoPrefix)
	case csvio.Payments:
		xs, err := s.Statements(ctx, StatementFilter{})
		if err != nil {
			return 0, err
		}
		return len(xs), csvio.WritePayments(w, xs)
	case csvio.Feedback, csvio.Surveys, csvio.Goals:
		return s.exportReview(ctx, kind, w)
	case csvio.Decisions:
		return s.exportDecisions(ctx, w)
	case csvio.Enrollments:
		return s.exportEnrollments(ctx, w)
	}
	return 0, fmt.Errorf("%q cannot be exported", kind)
}

// ExportAccountantWorkbook writes the workbook an accountant takes as it is for a calendar
// year: the year-end totals per mentor against the 1099-NEC threshold, and every statement
// and adjustment issued that year, amounts typed as dollars, each sheet totalled.
func (s *Store) ExportAccountantWorkbook(ctx context.Context, path string, year int) error {
	ye, err := s.YearEnd(ctx)
	if err != nil {
		return err
	}
	var totals []data.YearTotal
	for _, t := range ye.Totals {
		if t.Year == year {
			totals = append(totals, t)
		}
	}
	sts, err := s.Statements(ctx, StatementFilter{IssuedFrom: data.DateOf(year, 1, 1), IssuedThrough: data.DateOf(year, 12, 31)})
	if err != nil {
		return err
	}
	emails := map[int64]string{}
	for _, st := range sts {
		emails[st.MentorID] = st.MentorEmail
	}
	w, err := xlsxio.NewWriter(fmt.Sprintf("Year-end %d", year))
	if err != nil {
		return err
	}
	if err := w.WriteYearEnd(totals, emails); err != nil {
		return err
	}
	if err := w.NextSheet(fmt.Sprintf("Payments %d", year)); err != nil {
		return err
	}
	if err := csvio.WritePayments(w, sts); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*.xlsx")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = w.WriteTo(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
