package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// ImportSummary tells what an import added and updated.
type ImportSummary struct {
	Kind           csvio.Kind
	Rows           int
	Added, Updated int
}

func (s ImportSummary) String() string {
	return fmt.Sprintf("%s: %d row(s): %d added, %d updated", s.Kind, s.Rows, s.Added, s.Updated)
}

// ImportFile imports one CSV file of a kind of §5: all rows or none.
func (s *Store) ImportFile(ctx context.Context, kind csvio.Kind, path string) (ImportSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportSummary{Kind: kind}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	return s.Import(ctx, kind, filepath.Base(path), f, filepath.Dir(path))
}

// Import reads a CSV stream of a kind; every problem is reported as a csvio.Errors naming file,
// line and column, and nothing is written unless every row is good.
func (s *Store) Import(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir string) (ImportSummary, error) {
	return s.importCSV(ctx, kind, file, r, dir, true)
}

// CheckImport runs an import to the end and rolls it back: the summary says what it would add
// and update, and the errors are every problem, references to missing rows included.
func (s *Store) CheckImport(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir string) (ImportSummary, error) {
	return s.importCSV(ctx, kind, file, r, dir, false)
}

var errDryRun = errors.New("dry run")

func (s *Store) importCSV(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir string, commit bool) (ImportSummary, error) {
	sum := ImportSummary{Kind: kind}
	var rows int
	var apply func(im *importer) error
	switch kind {
	case csvio.Mentors:
		recs, err := csvio.ReadMentors(r, file, dir)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.mentors(recs) }
	case csvio.Checks:
		recs, err := csvio.ReadChecks(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.checks(recs) }
	case csvio.Contracts:
		recs, err := csvio.ReadContracts(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.contracts(recs) }
	case csvio.Schools:
		recs, err := csvio.ReadSchools(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.schools(recs) }
	case csvio.Calendars:
		recs, err := csvio.ReadCalendarDays(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.calendarDays(recs) }
	case csvio.Instructors:
		recs, err := csvio.ReadInstructors(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.instructors(recs) }
	case csvio.Classrooms:
		recs, err := csvio.ReadClassrooms(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.classrooms(recs) }
	case csvio.Events:
		recs, err := csvio.ReadEvents(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.events(recs) }
	case csvio.Sessions:
		recs, err := csvio.ReadSessions(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.sessions(recs) }
	case csvio.Applicants:
		recs, err := csvio.ReadApplicants(r, file)
		if err != nil {
			return sum, err
		}
		rows, apply = len(recs), func(im *importer) error { return im.applicants(recs) }
	case csvio.Feedback, csvio.Surveys:
		var err error
		if rows, apply, err = readReflection(kind, r, file); err != nil {
			return sum, err
		}
	default:
		return sum, fmt.Errorf("%s cannot be imported", kind)
	}
	sum.Rows = rows
	err := s.tx(ctx, func(tx *sql.Tx) error {
		im := &importer{ctx: ctx, tx: tx, file: file, sum: &sum}
		if err := apply(im); err != nil {
			return err
		}
		if len(im.errs) > 0 {
			return im.errs
		}
		if !commit {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return sum, nil
	}
	if err != nil {
		sum.Added, sum.Updated = 0, 0
		return sum, err
	}
	return sum, nil
}

// importer resolves natural keys to rows inside the import's transaction.
type importer struct {
	ctx  context.Context
	tx   *sql.Tx
	file string
	sum  *ImportSummary
	errs csvio.Errors
}

func (im *importer) fail(line int, column, format string, args ...any) {
	im.errs = append(im.errs, &csvio.Error{File: im.file, Line: line, Column: column, Problem: fmt.Sprintf(format, args...)})
}

func (im *importer) count(existed bool) {
	if existed {
		im.sum.Updated++
	} else {
		im.sum.Added++
	}
}

// lookup loads a key → id map with one query.
func (im *importer) lookup(q string) (map[string]int64, error) {
	rows, err := im.tx.QueryContext(im.ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		out[k] = id
	}
	return out, rows.Err()
}

func (im *importer) mentorIDs() (map[string]int64, error) {
	return im.lookup("SELECT lower(email), id FROM mentors")
}

func (im *importer) mentors(recs []csvio.Record[data.Mentor]) error {
	ids, err := im.mentorIDs()
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := r.Value
		m.ID = ids[data.NormalizeEmail(m.Email)]
		keepPhoto := m.Photo == nil && m.ID != 0
		id, err := saveMentorTx(im.tx, m, !keepPhoto)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(m.ID != 0)
		ids[data.NormalizeEmail(m.Email)] = id
	}
	return nil
}

func (im *importer) mentorRef(ids map[string]int64, line int, email string) int64 {
	id, ok := ids[data.NormalizeEmail(email)]
	if !ok {
		im.fail(line, "mentor_email", "no mentor with e-mail %q (import mentors first)", email)
	}
	return id
}

func (im *importer) checks(recs []csvio.Record[data.Check]) error {
	ids, err := im.mentorIDs()
	if err != nil {
		return err
	}
	existing, err := im.lookup("SELECT mentor_id || '|' || kind || '|' || completed_on, id FROM checks")
	if err != nil {
		return err
	}
	for _, r := range recs {
		c := r.Value
		if c.MentorID = im.mentorRef(ids, r.Line, c.MentorEmail); c.MentorID == 0 {
			continue
		}
		_, existed := existing[fmt.Sprintf("%d|%s|%s", c.MentorID, c.Kind, c.CompletedOn)]
		if err := saveCheckTx(im.tx, c); err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(existed)
	}
	return nil
}

func (im *importer) contracts(recs []csvio.Record[data.Contract]) error {
	ids, err := im.mentorIDs()
	if err != nil {
		return err
	}
	existing, err := im.lookup("SELECT mentor_id || '|' || school_year, id FROM contracts")
	if err != nil {
		return err
	}
	for _, r := range recs {
		c := r.Value
		if c.MentorID = im.mentorRef(ids, r.Line, c.MentorEmail); c.MentorID == 0 {
			continue
		}
		_, existed := existing[fmt.Sprintf("%d|%d", c.MentorID, c.SchoolYear)]
		if err := saveContractTx(im.tx, c); err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(existed)
	}
	return nil
}

func (im *importer) schoolIDs() (map[string]int64, error) {
	return im.lookup("SELECT name, id FROM schools")
}

func (im *importer) schools(recs []csvio.Record[data.School]) error {
	ids, err := im.schoolIDs()
	if err != nil {
		return err
	}
	for _, r := range recs {
		x := r.Value
		_, existed := ids[x.Name]
		x.ID = 0 // the upsert keys on the name
		id, err := saveSchoolTx(im.tx, x)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		ids[x.Name] = id
		im.count(existed)
	}
	return nil
}

func (im *importer) calendarDays(recs []csvio.Record[data.CalendarDay]) error {
	cals, err := im.lookup("SELECT name, id FROM calendars")
	if err != nil {
		return err
	}
	existing, err := im.lookup("SELECT calendar_id || '|' || date || '|' || kind, id FROM calendar_days")
	if err != nil {
		return err
	}
	for _, r := range recs {
		d := r.Value
		id, ok := cals[d.Calendar]
		if !ok {
			if id, err = nameID(im.tx, "calendars", d.Calendar); err != nil {
				return err
			}
			cals[d.Calendar] = id
		}
		d.CalendarID = id
		_, existed := existing[fmt.Sprintf("%d|%s|%s", id, d.Date, d.Kind)]
		if err := saveCalendarDayTx(im.tx, d); err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(existed)
	}
	return nil
}

func (im *importer) schoolRef(ids map[string]int64, line int, name string) int64 {
	id, ok := ids[name]
	if !ok {
		im.fail(line, "school", "no school named %q (import schools first)", name)
	}
	return id
}

func (im *importer) instructors(recs []csvio.Record[data.Instructor]) error {
	schools, err := im.schoolIDs()
	if err != nil {
		return err
	}
	ids, err := im.lookup("SELECT lower(email), id FROM instructors")
	if err != nil {
		return err
	}
	for _, r := range recs {
		x := r.Value
		if x.SchoolID = im.schoolRef(schools, r.Line, x.School); x.SchoolID == 0 {
			continue
		}
		x.ID = ids[data.NormalizeEmail(x.Email)]
		id, err := saveInstructorTx(im.tx, x)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(x.ID != 0)
		ids[data.NormalizeEmail(x.Email)] = id
	}
	return nil
}

func (im *importer) classroomIDs() (map[string]int64, error) {
	return im.lookup("SELECT s.name || char(0) || c.name, c.id FROM classrooms c JOIN schools s ON s.id = c.school_id")
}

func (im *importer) classrooms(recs []csvio.Record[data.Classroom]) error {
	schools, err := im.schoolIDs()
	if err != nil {
		return err
	}
	instructors, err := im.lookup("SELECT lower(email), id FROM instructors")
	if err != nil {
		return err
	}
	ids, err := im.classroomIDs()
	if err != nil {
		return err
	}
	for _, r := range recs {
		c := r.Value
		if c.SchoolID = im.schoolRef(schools, r.Line, c.School); c.SchoolID == 0 {
			continue
		}
		if c.InstructorEmail != "" {
			id, ok := instructors[data.NormalizeEmail(c.InstructorEmail)]
			if !ok {
				im.fail(r.Line, "instructor_email", "no instructor with e-mail %q (import instructors first)", c.InstructorEmail)
				continue
			}
			c.InstructorID = id
		}
		key := c.School + "\x00" + c.Name
		c.ID = ids[key]
		id, err := saveClassroomTx(im.tx, c)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(c.ID != 0)
		ids[key] = id
	}
	return nil
}

func (im *importer) classroomRef(ids map[string]int64, line int, school, name string) int64 {
	id, ok := ids[school+"\x00"+name]
	if !ok {
		im.fail(line, "classroom", "no classroom %q at school %q (import classrooms first)", name, school)
	}
	return id
}

func (im *importer) events(recs []csvio.Record[data.Event]) error {
	rooms, err := im.classroomIDs()
	if err != nil {
		return err
	}
	existing, err := im.lookup("SELECT classroom_id || '|' || date, id FROM events")
	if err != nil {
		return err
	}
	for _, r := range recs {
		e := r.Value
		if e.ClassroomID = im.classroomRef(rooms, r.Line, e.School, e.Classroom); e.ClassroomID == 0 {
			continue
		}
		_, existed := existing[fmt.Sprintf("%d|%s", e.ClassroomID, e.Date)]
		if err := saveEventTx(im.tx, e); err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(existed)
	}
	return nil
}

func (im *importer) sessions(recs []csvio.Record[data.Session]) error {
	rooms, err := im.classroomIDs()
	if err != nil {
		return err
	}
	mentors, err := im.mentorIDs()
	if err != nil {
		return err
	}
	existing := map[string]data.Session{}
	rows, err := im.tx.QueryContext(im.ctx, `SELECT id, COALESCE(enrollment_id, 0), term, classroom_id, mentor_id, date, start, minutes,
		program, status, confirmed_on, confirmed_by, confirmed_how, cancel_reason, cancelled_by, focus, notes, punctuality,
		COALESCE(statement_id, 0) FROM sessions`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var x data.Session
		if err := rows.Scan(&x.ID, &x.EnrollmentID, &x.Term, &x.ClassroomID, &x.MentorID, dt(&x.Date), &x.Start, &x.Minutes,
			&x.Program, &x.Status, dt(&x.ConfirmedOn), &x.ConfirmedBy, &x.ConfirmedHow, &x.CancelReason, &x.CancelledBy,
			&x.Focus, &x.Notes, &x.Punctuality, &x.StatementID); err != nil {
			rows.Close()
			return err
		}
		existing[fmt.Sprintf("%d|%s|%d", x.ClassroomID, x.Date, x.Start)] = x
	}
	rows.Close()
	ins, err := im.tx.PrepareContext(im.ctx, `INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status,
		confirmed_on, focus, notes) VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, r := range recs {
		x := r.Value
		x.ClassroomID = im.classroomRef(rooms, r.Line, x.School, x.Classroom)
		x.MentorID = im.mentorRef(mentors, r.Line, x.MentorEmail)
		if x.ClassroomID == 0 || x.MentorID == 0 {
			continue
		}
		key := fmt.Sprintf("%d|%s|%d", x.ClassroomID, x.Date, x.Start)
		old, existed := existing[key]
		if !existed {
			if _, err := ins.Exec(x.ClassroomID, x.MentorID, dv(x.Date), x.Start, x.Minutes, x.Program, x.Status,
				dv(x.ConfirmedOn), x.Focus, x.Notes); err != nil {
				im.fail(r.Line, "", "%v", friendlySessionErr(err))
				continue
			}
			existing[key] = x
			im.count(false)
			continue
		}
		// The file carries the CSV columns only; the rest of the session (enrollment, lifecycle
		// details) is kept as it is.
		upd := old
		upd.MentorID, upd.Minutes, upd.Program, upd.Status, upd.ConfirmedOn, upd.Focus, upd.Notes =
			x.MentorID, x.Minutes, x.Program, x.Status, x.ConfirmedOn, x.Focus, x.Notes
		if old.Locked() {
			if upd.MentorID != old.MentorID || upd.Minutes != old.Minutes || upd.Program != old.Program ||
				upd.Status != old.Status || upd.ConfirmedOn != old.ConfirmedOn {
				im.fail(r.Line, "", "the session is paid on an issued statement and cannot change (R6); record an adjustment instead")
				continue
			}
		}
		if _, err := saveSessionTx(im.tx, upd); err != nil {
			im.fail(r.Line, "", "%v", friendlySessionErr(err))
			continue
		}
		im.count(true)
	}
	return nil
}

func (im *importer) applicants(recs []csvio.Record[data.Applicant]) error {
	cohorts, err := im.lookup("SELECT name, id FROM cohorts")
	if err != nil {
		return err
	}
	ids, err := im.lookup("SELECT cohort_id || '|' || lower(email), id FROM applicants")
	if err != nil {
		return err
	}
	for _, r := range recs {
		a := r.Value
		cid, ok := cohorts[a.Cohort]
		if !ok {
			// A cohort named only by its applicants starts today and runs six months; the
			// director adjusts the dates on the Mutual Mentorship screen.
			today := data.Today()
			res, err := im.tx.Exec("INSERT INTO cohorts(name, start, end) VALUES (?,?,?)", a.Cohort, dv(today), dv(today.AddMonths(6)))
			if err != nil {
				return err
			}
			cid, _ = res.LastInsertId()
			cohorts[a.Cohort] = cid
		}
		a.CohortID = cid
		key := fmt.Sprintf("%d|%s", cid, data.NormalizeEmail(a.Email))
		a.ID = ids[key]
		if a.ID != 0 {
			// Keep what the director set on screen (exclusion, Hub, attendance).
			var ex, intro, wrap int
			if err := im.tx.QueryRow("SELECT excluded, hub_invite, intro_attended, wrap_attended, availability FROM applicants WHERE id = ?", a.ID).
				Scan(&ex, &a.HubInvite, &intro, &wrap, &a.Availability); err != nil {
				return err
			}
			a.Excluded, a.IntroAttended, a.WrapAttended = ex == 1, intro == 1, wrap == 1
		}
		id, err := saveApplicantTx(im.tx, a)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		im.count(a.ID != 0)
		ids[key] = id
	}
	return nil
}

// ErrNothingToExport is not an error for a user: an export of an empty list writes the header.
var ErrNothingToExport = errors.New("nothing to export")

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
		return s.exportReflection(ctx, kind, w)
	}
	return 0, fmt.Errorf("%q cannot be exported", kind)
}
