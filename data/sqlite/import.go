package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	var err error
	switch kind {
	case csvio.Mentors:
		rows, apply, err = prepare(csvio.ReadMentors(r, file, dir))((*importer).mentors)
	case csvio.Checks:
		rows, apply, err = prepare(csvio.ReadChecks(r, file))((*importer).checks)
	case csvio.Contracts:
		rows, apply, err = prepare(csvio.ReadContracts(r, file))((*importer).contracts)
	case csvio.Schools:
		rows, apply, err = prepare(csvio.ReadSchools(r, file))((*importer).schools)
	case csvio.Calendars:
		rows, apply, err = prepare(csvio.ReadCalendarDays(r, file))((*importer).calendarDays)
	case csvio.Instructors:
		rows, apply, err = prepare(csvio.ReadInstructors(r, file))((*importer).instructors)
	case csvio.Classrooms:
		rows, apply, err = prepare(csvio.ReadClassrooms(r, file))((*importer).classrooms)
	case csvio.Events:
		rows, apply, err = prepare(csvio.ReadEvents(r, file))((*importer).events)
	case csvio.Sessions:
		rows, apply, err = prepare(csvio.ReadSessions(r, file))((*importer).sessions)
	case csvio.Applicants:
		rows, apply, err = prepare(csvio.ReadApplicants(r, file))((*importer).applicants)
	case csvio.Feedback:
		rows, apply, err = prepare(csvio.ReadFeedback(r, file))((*importer).feedback)
	case csvio.Surveys:
		rows, apply, err = prepare(csvio.ReadSurveys(r, file))((*importer).surveys)
	default:
		return sum, fmt.Errorf("%s cannot be imported", kind)
	}
	if err != nil {
		return sum, err
	}
	sum.Rows = rows
	err = s.tx(ctx, func(tx *sql.Tx) error {
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

// prepare pairs a file's records with the importer step that writes them.
func prepare[T any](recs []csvio.Record[T], err error) func(step func(*importer, []csvio.Record[T]) error) (int, func(*importer) error, error) {
	return func(step func(*importer, []csvio.Record[T]) error) (int, func(*importer) error, error) {
		if err != nil {
			return 0, nil, err
		}
		return len(recs), func(im *importer) error { return step(im, recs) }, nil
	}
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
