package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mentordesk/data"
)

// Batch writes many rows in one transaction: loading a large organisation at once, where a
// commit per row (each one an fsync under synchronous=FULL) would take minutes.
type Batch struct {
	tx      *sql.Tx
	session *sql.Stmt
}

// InBatch runs fn in one write transaction; every row is validated as by the single saves.
func (s *Store) InBatch(ctx context.Context, fn func(*Batch) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		b := &Batch{tx: tx}
		defer func() {
			if b.session != nil {
				b.session.Close()
			}
		}()
		return fn(b)
	})
}

func (b *Batch) SaveMentor(m data.Mentor) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, fmt.Errorf("mentor %s: %w", m.Email, err)
	}
	return saveMentorTx(b.tx, m, true)
}

func (b *Batch) SaveCheck(c data.Check) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return saveCheckTx(b.tx, c)
}

func (b *Batch) SaveContract(c data.Contract) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return saveContractTx(b.tx, c)
}

func (b *Batch) SaveSchool(x data.School) (int64, error) {
	if err := x.Validate(); err != nil {
		return 0, fmt.Errorf("school %s: %w", x.Name, err)
	}
	return saveSchoolTx(b.tx, x)
}

// SaveCalendarDay adds a marked day to the named calendar (created if new).
func (b *Batch) SaveCalendarDay(d data.CalendarDay) error {
	if err := d.Validate(); err != nil {
		return err
	}
	id, err := nameID(b.tx, "calendars", d.Calendar)
	if err != nil {
		return err
	}
	d.CalendarID = id
	return saveCalendarDayTx(b.tx, d)
}

func (b *Batch) SaveInstructor(x data.Instructor) (int64, error) {
	if err := x.Validate(); err != nil {
		return 0, err
	}
	return saveInstructorTx(b.tx, x)
}

func (b *Batch) SaveClassroom(c data.Classroom) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	return saveClassroomTx(b.tx, c)
}

func (b *Batch) SaveEvent(e data.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return saveEventTx(b.tx, e)
}

func (b *Batch) CreateEnrollment(e data.Enrollment) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	return createEnrollmentTx(b.tx, e)
}

// AddSession inserts a new session through one prepared statement.
func (b *Batch) AddSession(x data.Session) error {
	if err := x.Validate(); err != nil {
		return fmt.Errorf("session of %s: %w", x.Date, err)
	}
	if b.session == nil {
		st, err := b.tx.Prepare(`INSERT INTO sessions(enrollment_id, term, classroom_id, mentor_id, date, start, minutes, program,
			status, confirmed_on, confirmed_by, confirmed_how, cancel_reason, cancelled_by, focus, notes, punctuality)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		b.session = st
	}
	_, err := b.session.Exec(nullID(x.EnrollmentID), x.Term, x.ClassroomID, x.MentorID, dv(x.Date), x.Start, x.Minutes, x.Program, x.Status,
		dv(x.ConfirmedOn), x.ConfirmedBy, x.ConfirmedHow, x.CancelReason, x.CancelledBy, x.Focus, x.Notes, x.Punctuality)
	return friendlySessionErr(err)
}

func (b *Batch) SaveCohort(c data.Cohort) (int64, error) {
	c.End = c.TermEnd()
	if err := c.Validate(); err != nil {
		return 0, err
	}
	res, err := b.tx.Exec("INSERT INTO cohorts(name, start, end, intro_on, wrap_up_on) VALUES (?,?,?,?,?)",
		c.Name, dv(c.Start), dv(c.End), dv(c.IntroOn), dv(c.WrapUpOn))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (b *Batch) SaveApplicant(a data.Applicant) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	return saveApplicantTx(b.tx, a)
}
