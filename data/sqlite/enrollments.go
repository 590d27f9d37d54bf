package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mentordesk/data"
)

// Enrollments lists enrollments with their terms, of one mentor (0 = all) in one school year (0 = all).
func (s *Store) Enrollments(ctx context.Context, mentorID int64, year data.SchoolYear) ([]data.Enrollment, error) {
	q := `SELECT id, program, classroom_id, mentor_id, school_year, evaluation, COALESCE(to_classroom_id, 0), fall_sessions,
		status, ended_on, end_reason, COALESCE(extends_id, 0) FROM enrollments WHERE 1=1`
	var args []any
	if mentorID != 0 {
		q += " AND mentor_id = ?"
		args = append(args, mentorID)
	}
	if year != 0 {
		q += " AND school_year = ?"
		args = append(args, year)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY school_year, id", args...)
	if err != nil {
		return nil, fmt.Errorf("list enrollments: %w", err)
	}
	var out []data.Enrollment
	byID := map[int64]int{}
	for rows.Next() {
		var e data.Enrollment
		var eval int
		if err := rows.Scan(&e.ID, &e.Program, &e.ClassroomID, &e.MentorID, &e.SchoolYear, &eval, &e.ToClassroomID,
			&e.FallSessions, &e.Status, dt(&e.EndedOn), &e.EndReason, &e.ExtendsID); err != nil {
			rows.Close()
			return nil, err
		}
		e.Evaluation = eval == 1
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	trows, err := s.r.QueryContext(ctx, "SELECT enrollment_id, term, classroom_id, event_date, event_name, required FROM enrollment_terms ORDER BY enrollment_id, term")
	if err != nil {
		return nil, err
	}
	defer trows.Close()
	for trows.Next() {
		var id int64
		var t data.Term
		if err := trows.Scan(&id, &t.Index, &t.ClassroomID, dt(&t.EventDate), &t.EventName, &t.Required); err != nil {
			return nil, err
		}
		if i, ok := byID[id]; ok {
			out[i].Terms = append(out[i].Terms, t)
		}
	}
	return out, trows.Err()
}

// Enrollment reads one enrollment.
func (s *Store) Enrollment(ctx context.Context, id int64) (data.Enrollment, error) {
	all, err := s.Enrollments(ctx, 0, 0)
	if err != nil {
		return data.Enrollment{}, err
	}
	for _, e := range all {
		if e.ID == id {
			return e, nil
		}
	}
	return data.Enrollment{}, fmt.Errorf("enrollment %d: %w", id, data.ErrNotFound)
}

// CreateEnrollment saves a new enrollment with its terms and planned sessions, all or nothing.
func (s *Store) CreateEnrollment(ctx context.Context, e data.Enrollment, sessions []data.Session) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := createEnrollmentTx(tx, e)
		if err != nil {
			return err
		}
		e.ID = id
		for _, x := range sessions {
			x.EnrollmentID = id
			if err := x.Validate(); err != nil {
				return fmt.Errorf("session of %s: %w", x.Date, err)
			}
			if _, err := saveSessionTx(tx, x); err != nil {
				return fmt.Errorf("session of %s: %w", x.Date, friendlySessionErr(err))
			}
		}
		return nil
	})
	return e.ID, err
}

func createEnrollmentTx(tx *sql.Tx, e data.Enrollment) (int64, error) {
	status := e.Status
	if status == "" {
		status = data.EnrollmentActive
	}
	res, err := tx.Exec(`INSERT INTO enrollments(program, classroom_id, mentor_id, school_year, evaluation, to_classroom_id,
		fall_sessions, status, ended_on, end_reason, extends_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		e.Program, e.ClassroomID, e.MentorID, e.SchoolYear, boolInt(e.Evaluation), nullID(e.ToClassroomID), e.FallSessions,
		status, dv(e.EndedOn), e.EndReason, nullID(e.ExtendsID))
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	for _, t := range e.Terms {
		cid := t.ClassroomID
		if cid == 0 {
			cid = e.ClassroomID
		}
		if _, err := tx.Exec("INSERT INTO enrollment_terms(enrollment_id, term, classroom_id, event_date, event_name, required) VALUES (?,?,?,?,?,?)",
			id, t.Index, cid, dv(t.EventDate), t.EventName, t.Required); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// EndEnrollment ends a Focused enrollment early (the instructor's change of focus): every
// session not yet held is cancelled with the reason.
func (s *Store) EndEnrollment(ctx context.Context, id int64, on data.Date, reason string) (cancelled int, err error) {
	if reason == "" {
		return 0, errors.New("ending an enrollment early needs a reason")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE enrollments SET status='ended', ended_on=?, end_reason=? WHERE id=? AND status='active'", dv(on), reason, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("enrollment %d is not active", id)
		}
		res, err = tx.Exec(`UPDATE sessions SET status='cancelled', cancel_reason=?, cancelled_by='instructor'
			WHERE enrollment_id=? AND status='planned' AND date >= ?`, "enrollment ended early: "+reason, id, dv(on))
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		cancelled = int(n)
		return nil
	})
	return cancelled, err
}

// SeasonRequests lists the extra-season requests of an enrollment.
func (s *Store) SeasonRequests(ctx context.Context, enrollmentID int64) ([]data.SeasonRequest, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, enrollment_id, requested_on, decision, decided_on, COALESCE(new_id, 0) FROM season_requests WHERE enrollment_id = ? ORDER BY id", enrollmentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.SeasonRequest
	for rows.Next() {
		var r data.SeasonRequest
		if err := rows.Scan(&r.ID, &r.EnrollmentID, dt(&r.RequestedOn), &r.Decision, dt(&r.DecidedOn), &r.NewID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RequestSeason records an instructor's request for another season of a Season enrollment.
func (s *Store) RequestSeason(ctx context.Context, enrollmentID int64, on data.Date) (int64, error) {
	e, err := s.Enrollment(ctx, enrollmentID)
	if err != nil {
		return 0, err
	}
	if e.Program != data.Season {
		return 0, errors.New("additional seasons are requested for Season Mentorship only")
	}
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec("INSERT INTO season_requests(enrollment_id, requested_on) VALUES (?, ?)", enrollmentID, dv(on))
		if err == nil {
			id, _ = res.LastInsertId()
		}
		return err
	})
	return id, err
}

// DecideSeason records the mentor's answer; an acceptance creates the new Season enrollment
// (with its term and planned sessions) in the same transaction.
func (s *Store) DecideSeason(ctx context.Context, requestID int64, accept bool, on data.Date, next data.Enrollment, sessions []data.Session) (int64, error) {
	var newID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var decision string
		var enrollmentID int64
		if err := tx.QueryRow("SELECT decision, enrollment_id FROM season_requests WHERE id = ?", requestID).Scan(&decision, &enrollmentID); err != nil {
			return fmt.Errorf("season request %d: %w", requestID, err)
		}
		if decision != "pending" {
			return fmt.Errorf("the request was already %s", decision)
		}
		if !accept {
			_, err := tx.Exec("UPDATE season_requests SET decision='declined', decided_on=? WHERE id=?", dv(on), requestID)
			return err
		}
		next.Program, next.ExtendsID = data.Season, enrollmentID
		if err := next.Validate(); err != nil {
			return err
		}
		id, err := createEnrollmentTx(tx, next)
		if err != nil {
			return err
		}
		newID = id
		for _, x := range sessions {
			x.EnrollmentID = id
			if _, err := saveSessionTx(tx, x); err != nil {
				return friendlySessionErr(err)
			}
		}
		_, err = tx.Exec("UPDATE season_requests SET decision='accepted', decided_on=?, new_id=? WHERE id=?", dv(on), id, requestID)
		return err
	})
	return newID, err
}
