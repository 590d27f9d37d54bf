package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// ImportSummary tells what an import added and updated.
type ImportSummary struct {
	Kind           csvio.Kind
	Rows           int
	Added, Updated int
	Notes          []string      // what the reader decided (an encoding, a date order, a mapping)
	Header         []string      // the file's header as written
	Mapping        csvio.Mapping // the mapping the file was read with
}

func (s ImportSummary) String() string {
	return fmt.Sprintf("%s: %d row(s): %d added, %d updated", s.Kind, s.Rows, s.Added, s.Updated) + notesText(s.Notes)
}

// importer resolves natural keys to rows inside the import's transaction. Its look-ups hold the
// rows that existed before the import only: a file names each key once (the reader refuses
// duplicates), so the rows it adds need not be kept, and a million-row file fits in memory.
type importer struct {
	ctx     context.Context
	tx      *sql.Tx
	where   csvio.Locator // names the file's cells, as the reader does
	sum     *ImportSummary
	errs    csvio.Errors
	closers []io.Closer
}

func (im *importer) fail(line int, column, format string, args ...any) {
	if len(im.errs) < maxImportErrors {
		im.errs = append(im.errs, im.where.Error(line, column, fmt.Sprintf(format, args...)))
	}
}

// maxImportErrors bounds what an import reports of rows naming what does not exist.
const maxImportErrors = 500

// closeAtEnd keeps a statement open for every batch of the import.
func (im *importer) closeAtEnd(c io.Closer) { im.closers = append(im.closers, c) }

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

func (im *importer) mentors() (func([]csvio.Record[data.Mentor]) error, error) {
	ids, err := im.mentorIDs()
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Mentor]) error {
		for _, r := range recs {
			m := r.Value
			m.ID = ids[data.NormalizeEmail(m.Email)]
			keepPhoto := m.Photo == nil && m.ID != 0
			_, err := saveMentorTx(im.tx, m, !keepPhoto)
			if err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(m.ID != 0)
		}
		return nil
	}, nil
}

func (im *importer) mentorRef(ids map[string]int64, line int, email string) int64 {
	id, ok := ids[data.NormalizeEmail(email)]
	if !ok {
		im.fail(line, "mentor_email", "no mentor with e-mail %q (import mentors first)", email)
	}
	return id
}

func (im *importer) checks() (func([]csvio.Record[data.Check]) error, error) {
	ids, err := im.mentorIDs()
	if err != nil {
		return nil, err
	}
	existing, err := im.lookup("SELECT mentor_id || '|' || kind || '|' || completed_on, id FROM checks")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Check]) error {
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
	}, nil
}

func (im *importer) contracts() (func([]csvio.Record[data.Contract]) error, error) {
	ids, err := im.mentorIDs()
	if err != nil {
		return nil, err
	}
	existing, err := im.lookup("SELECT mentor_id || '|' || school_year, id FROM contracts")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Contract]) error {
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
	}, nil
}

func (im *importer) schoolIDs() (map[string]int64, error) {
	return im.lookup("SELECT name, id FROM schools")
}

func (im *importer) schools() (func([]csvio.Record[data.School]) error, error) {
	ids, err := im.schoolIDs()
	if err != nil {
		return nil, err
	}
	cals, err := im.lookup("SELECT name, id FROM calendars")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.School]) error {
		for _, r := range recs {
			x := r.Value
			if x.Calendar != "" && !im.calendarRef(cals, r.Line, x.Calendar) {
				continue
			}
			_, existed := ids[x.Name]
			x.ID = 0 // the upsert keys on the name
			_, err := saveSchoolTx(im.tx, x)
			if err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(existed)
		}
		return nil
	}, nil
}

func (im *importer) calendarDays() (func([]csvio.Record[data.CalendarDay]) error, error) {
	cals, err := im.lookup("SELECT name, id FROM calendars")
	if err != nil {
		return nil, err
	}
	existing, err := im.lookup("SELECT calendar_id || '|' || date || '|' || kind, id FROM calendar_days")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.CalendarDay]) error {
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
	}, nil
}

func (im *importer) schoolRef(ids map[string]int64, line int, name string) int64 {
	id, ok := ids[name]
	if !ok {
		im.fail(line, "school", "no school named %q (import schools first)", name)
	}
	return id
}

func (im *importer) instructors() (func([]csvio.Record[data.Instructor]) error, error) {
	schools, err := im.schoolIDs()
	if err != nil {
		return nil, err
	}
	ids, err := im.lookup("SELECT lower(email), id FROM instructors")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Instructor]) error {
		for _, r := range recs {
			x := r.Value
			if x.SchoolID = im.schoolRef(schools, r.Line, x.School); x.SchoolID == 0 {
				continue
			}
			x.ID = ids[data.NormalizeEmail(x.Email)]
			_, err := saveInstructorTx(im.tx, x)
			if err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(x.ID != 0)
		}
		return nil
	}, nil
}

func (im *importer) classroomIDs() (map[string]int64, error) {
	return im.lookup("SELECT s.name || char(0) || c.name, c.id FROM classrooms c JOIN schools s ON s.id = c.school_id")
}

func (im *importer) classrooms() (func([]csvio.Record[data.Classroom]) error, error) {
	schools, err := im.schoolIDs()
	if err != nil {
		return nil, err
	}
	instructors, err := im.lookup("SELECT lower(email), id FROM instructors")
	if err != nil {
		return nil, err
	}
	ids, err := im.classroomIDs()
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Classroom]) error {
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
			_, err := saveClassroomTx(im.tx, c)
			if err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(c.ID != 0)
		}
		return nil
	}, nil
}

func (im *importer) classroomRef(ids map[string]int64, line int, school, name string) int64 {
	id, ok := ids[school+"\x00"+name]
	if !ok {
		im.fail(line, "classroom", "no classroom %q at school %q (import classrooms first)", name, school)
	}
	return id
}

func (im *importer) events() (func([]csvio.Record[data.Event]) error, error) {
	rooms, err := im.classroomIDs()
	if err != nil {
		return nil, err
	}
	existing, err := im.lookup("SELECT classroom_id || '|' || date, id FROM events")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Event]) error {
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
	}, nil
}

func (im *importer) sessions() (func([]csvio.Record[data.Session]) error, error) {
	rooms, err := im.classroomIDs()
	if err != nil {
		return nil, err
	}
	mentors, err := im.mentorIDs()
	if err != nil {
		return nil, err
	}
	existing := map[string]data.Session{}
	rows, err := im.tx.QueryContext(im.ctx, `SELECT id, COALESCE(enrollment_id, 0), term, classroom_id, mentor_id, date, start, minutes,
		program, status, confirmed_on, confirmed_by, confirmed_how, cancel_reason, cancelled_by, focus, notes, punctuality,
		COALESCE(statement_id, 0), override_reason FROM sessions`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var x data.Session
		if err := rows.Scan(&x.ID, &x.EnrollmentID, &x.Term, &x.ClassroomID, &x.MentorID, dt(&x.Date), &x.Start, &x.Minutes,
			&x.Program, &x.Status, dt(&x.ConfirmedOn), &x.ConfirmedBy, &x.ConfirmedHow, &x.CancelReason, &x.CancelledBy,
			&x.Focus, &x.Notes, &x.Punctuality, &x.StatementID, &x.OverrideReason); err != nil {
			rows.Close()
			return nil, err
		}
		existing[fmt.Sprintf("%d|%s|%d", x.ClassroomID, x.Date, x.Start)] = x
	}
	rows.Close()
	zone, err := orgZoneTx(im.ctx, im.tx)
	if err != nil {
		return nil, err
	}
	ins, err := im.tx.PrepareContext(im.ctx, `INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status,
		confirmed_on, focus, notes, override_reason, punctuality, confirmed_by, confirmed_how, cancel_reason, cancelled_by)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	im.closeAtEnd(ins)
	return func(recs []csvio.Record[data.Session]) error {
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
				if why := data.LocalTimeProblem(x.Date, x.Start, x.Minutes, zone); why != "" {
					im.fail(r.Line, "start", "%s", why)
					continue
				}
				if _, err := ins.Exec(x.ClassroomID, x.MentorID, dv(x.Date), x.Start, x.Minutes, x.Program, x.Status,
					dv(x.ConfirmedOn), x.Focus, x.Notes, x.OverrideReason, x.Punctuality, x.ConfirmedBy, x.ConfirmedHow, x.CancelReason, x.CancelledBy); err != nil {
					im.fail(r.Line, "", "%v", friendlySessionErr(err))
					continue
				}
				im.count(false)
				continue
			}
			// The file carries the CSV columns only; the rest of the session (its enrollment, and
			// the lifecycle details an older file has no columns for) is kept as it is.
			upd := old
			upd.MentorID, upd.Minutes, upd.Program, upd.Status, upd.ConfirmedOn, upd.Focus, upd.Notes =
				x.MentorID, x.Minutes, x.Program, x.Status, x.ConfirmedOn, x.Focus, x.Notes
			if x.OverrideReason != "" { // a file without the column keeps the reason recorded
				upd.OverrideReason = x.OverrideReason
			}
			mergeSessionDetails(&upd, x, r)
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
	}, nil
}
