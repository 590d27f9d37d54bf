package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"mentordesk/data"
)

const sessionCols = `x.id, COALESCE(x.enrollment_id, 0), x.term, x.classroom_id, x.mentor_id, x.date, x.start, x.minutes,
	x.program, x.status, x.confirmed_on, x.confirmed_by, x.confirmed_how, x.cancel_reason, x.cancelled_by, x.focus,
	x.notes, x.punctuality, COALESCE(x.statement_id, 0), x.override_reason, s.name, s.id, c.name, m.email, m.first_name || ' ' || m.last_name`

const sessionFrom = ` FROM sessions x JOIN classrooms c ON c.id = x.classroom_id JOIN schools s ON s.id = c.school_id
	JOIN mentors m ON m.id = x.mentor_id`

func scanSession(sc interface{ Scan(...any) error }, x *data.Session) error {
	return sc.Scan(&x.ID, &x.EnrollmentID, &x.Term, &x.ClassroomID, &x.MentorID, dt(&x.Date), &x.Start, &x.Minutes,
		&x.Program, &x.Status, dt(&x.ConfirmedOn), &x.ConfirmedBy, &x.ConfirmedHow, &x.CancelReason, &x.CancelledBy,
		&x.Focus, &x.Notes, &x.Punctuality, &x.StatementID, &x.OverrideReason, &x.School, &x.SchoolID, &x.Classroom, &x.MentorEmail, &x.MentorName)
}

// SessionFilter is data.SessionFilter: the type moved to the domain, the name kept for the store's callers.
type SessionFilter = data.SessionFilter

// Sessions lists sessions by date, start and school.
func (s *Store) Sessions(ctx context.Context, f SessionFilter) ([]data.Session, error) {
	return s.querySessions(ctx, s.r, f)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (s *Store) querySessions(ctx context.Context, db querier, f SessionFilter) ([]data.Session, error) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if !f.From.IsZero() {
		add("x.date >= ?", dv(f.From))
	}
	if !f.Through.IsZero() {
		add("x.date <= ?", dv(f.Through))
	}
	if f.MentorID != 0 {
		add("x.mentor_id = ?", f.MentorID)
	}
	if f.SchoolID != 0 {
		add("c.school_id = ?", f.SchoolID)
	}
	if f.ClassroomID != 0 {
		add("x.classroom_id = ?", f.ClassroomID)
	}
	if f.EnrollmentID != 0 {
		add("x.enrollment_id = ?", f.EnrollmentID)
	}
	if f.Program != "" {
		add("x.program = ?", f.Program)
	}
	if f.Status != "" {
		add("x.status = ?", f.Status)
	}
	q := "SELECT " + sessionCols + sessionFrom
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY x.date, x.start, s.name, c.name"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var out []data.Session
	for rows.Next() {
		var x data.Session
		if err := scanSession(rows, &x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Session reads one session.
func (s *Store) Session(ctx context.Context, id int64) (data.Session, error) {
	var x data.Session
	err := scanSession(s.r.QueryRowContext(ctx, "SELECT "+sessionCols+sessionFrom+" WHERE x.id = ?", id), &x)
	if errors.Is(err, sql.ErrNoRows) {
		return x, fmt.Errorf("session %d: %w", id, data.ErrNotFound)
	}
	return x, err
}

// SaveSession inserts or updates a session (ClassroomID and MentorID set). A session on an
// issued statement is refused with data.ErrLocked.
func (s *Store) SaveSession(ctx context.Context, x data.Session) (int64, error) {
	if err := x.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveSessionTx(tx, x)
		x.ID = id
		return err
	})
	return x.ID, friendlySessionErr(err)
}

func friendlySessionErr(err error) error {
	switch {
	case err == nil:
		return nil
	case strings.Contains(err.Error(), "locked"):
		return fmt.Errorf("the session is paid on an issued statement and cannot change; record an adjustment instead: %w", data.ErrLocked)
	case isConstraint(err) && strings.Contains(err.Error(), "UNIQUE"):
		return errors.New("the classroom already has a session at that date and time")
	}
	return err
}

func saveSessionTx(tx *sql.Tx, x data.Session) (int64, error) {
	args := []any{nullID(x.EnrollmentID), x.Term, x.ClassroomID, x.MentorID, dv(x.Date), x.Start, x.Minutes, x.Program, x.Status,
		dv(x.ConfirmedOn), x.ConfirmedBy, x.ConfirmedHow, x.CancelReason, x.CancelledBy, x.Focus, x.Notes, x.Punctuality, x.OverrideReason}
	if x.ID == 0 {
		res, err := tx.Exec(`INSERT INTO sessions(enrollment_id, term, classroom_id, mentor_id, date, start, minutes, program,
			status, confirmed_on, confirmed_by, confirmed_how, cancel_reason, cancelled_by, focus, notes, punctuality, override_reason)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	_, err := tx.Exec(`UPDATE sessions SET enrollment_id=?, term=?, classroom_id=?, mentor_id=?, date=?, start=?, minutes=?,
		program=?, status=?, confirmed_on=?, confirmed_by=?, confirmed_how=?, cancel_reason=?, cancelled_by=?, focus=?,
		notes=?, punctuality=?, override_reason=? WHERE id=?`, append(args, x.ID)...)
	return x.ID, err
}

// MoveSession reschedules a session and keeps the old date and time in its history.
func (s *Store) MoveSession(ctx context.Context, id int64, to data.Date, start data.Clock, reason string, on data.Date) error {
	x, err := s.Session(ctx, id)
	if err != nil {
		return err
	}
	if x.Locked() {
		return fmt.Errorf("the session is paid on an issued statement and cannot move: %w", data.ErrLocked)
	}
	if x.Status == data.Confirmed || x.Status == data.Cancelled {
		return fmt.Errorf("a %s session cannot be moved", x.Status)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT INTO session_moves(session_id, from_date, from_start, to_date, to_start, moved_on, reason) VALUES (?,?,?,?,?,?,?)",
			id, dv(x.Date), x.Start, dv(to), start, dv(on), reason); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE sessions SET date=?, start=? WHERE id=?", dv(to), start, id)
		return err
	})
	return friendlySessionErr(err)
}

// SessionMoves is a session's reschedule history, oldest first.
func (s *Store) SessionMoves(ctx context.Context, id int64) ([]data.SessionMove, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT session_id, from_date, from_start, to_date, to_start, moved_on, reason FROM session_moves WHERE session_id = ? ORDER BY rowid", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.SessionMove
	for rows.Next() {
		var m data.SessionMove
		if err := rows.Scan(&m.SessionID, dt(&m.FromDate), &m.FromStart, dt(&m.ToDate), &m.ToStart, dt(&m.MovedOn), &m.Reason); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Confirmation is data.Confirmation: the type moved to the domain, the name kept for the store's callers.
type Confirmation = data.Confirmation

// ConfirmSessions confirms sessions together (a visit), all or none. Planned sessions count as
// completed when the instructor confirms them.
func (s *Store) ConfirmSessions(ctx context.Context, ids []int64, c Confirmation) error {
	if c.On.IsZero() {
		return errors.New("the confirmation date is required")
	}
	start, err := s.schoolYearStart(ctx, s.r)
	if err != nil {
		return err
	}
	override := strings.TrimSpace(c.Override)
	if override != "" {
		if err := data.CheckOverrideReason(override); err != nil {
			return err
		}
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		sessions, err := sessionsByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		flags, err := sessionFlags(ctx, tx, sessions, start)
		if err != nil {
			return err
		}
		var refused []string
		for _, x := range sessions {
			if x.Status != data.Cancelled && override == "" && data.OverrideNeeded(flags[x.ID], x.OverrideReason) {
				refused = append(refused, flaggedName(x, flags[x.ID]))
			}
		}
		if len(refused) > 0 {
			return &FlaggedError{Doing: "confirmed", Sessions: refused}
		}
		for _, x := range sessions {
			if x.Status != data.Cancelled && override != "" && len(flags[x.ID]) > 0 {
				if _, err := tx.Exec("UPDATE sessions SET override_reason = ? WHERE id = ?", override, x.ID); err != nil {
					return err
				}
			}
		}
		for _, id := range ids {
			var status string
			var date data.Date
			if err := tx.QueryRow("SELECT status, date FROM sessions WHERE id = ?", id).Scan(&status, dt(&date)); err != nil {
				return fmt.Errorf("session %d: %w", id, err)
			}
			if status == string(data.Cancelled) {
				continue
			}
			if c.On < date {
				return fmt.Errorf("the session of %s cannot be confirmed on %s, before it took place", date, c.On)
			}
			if _, err := tx.Exec("UPDATE sessions SET status='confirmed', confirmed_on=?, confirmed_by=?, confirmed_how=? WHERE id=?",
				dv(c.On), c.By, c.How, id); err != nil {
				return err
			}
		}
		return nil
	})
	return friendlySessionErr(err)
}

// CancelSession cancels a session with the reason and who cancelled it.
func (s *Store) CancelSession(ctx context.Context, id int64, reason, by string) error {
	if strings.TrimSpace(reason) == "" {
		return errors.New("a cancellation needs a reason")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE sessions SET status='cancelled', confirmed_on='', cancel_reason=?, cancelled_by=? WHERE id=?", reason, by, id)
		return err
	})
	return friendlySessionErr(err)
}

// SetSessionStatus marks a session completed (or back to planned), with the mentor's punctuality.
func (s *Store) SetSessionStatus(ctx context.Context, id int64, status data.SessionStatus, p data.Punctuality) error {
	if status != data.Planned && status != data.Completed {
		return fmt.Errorf("use ConfirmSessions or CancelSession for %s", status)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE sessions SET status=?, punctuality=?, confirmed_on='' WHERE id=?", status, p, id)
		return err
	})
	return friendlySessionErr(err)
}

// TakeBackConfirmation undoes a mistaken confirmation of a session not yet on a statement: it is
// completed again, awaiting the instructor's confirmation, and its override is dropped with it.
func (s *Store) TakeBackConfirmation(ctx context.Context, id int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var status string
		var statement sql.NullInt64
		if err := tx.QueryRow("SELECT status, statement_id FROM sessions WHERE id = ?", id).Scan(&status, &statement); err != nil {
			return fmt.Errorf("session %d: %w", id, err)
		}
		switch {
		case statement.Valid:
			return fmt.Errorf("the session is paid on an issued statement and its confirmation stands: %w", data.ErrLocked)
		case status != string(data.Confirmed):
			return fmt.Errorf("the session is %s, not confirmed", status)
		}
		_, err := tx.Exec("UPDATE sessions SET status='completed', confirmed_on='', confirmed_by='', confirmed_how='', override_reason='' WHERE id=?", id)
		return err
	})
	return friendlySessionErr(err)
}

// EarliestSession is the date of the first session on record; zero when there is none.
func (s *Store) EarliestSession(ctx context.Context) (data.Date, error) {
	var d data.Date
	if err := s.r.QueryRowContext(ctx, "SELECT COALESCE(min(date), '') FROM sessions").Scan(dt(&d)); err != nil {
		return d, fmt.Errorf("first session: %w", err)
	}
	return d, nil
}
