package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// EnrollmentPlace is data.EnrollmentPlace: the type moved to the domain, the name kept for the store's callers.
type EnrollmentPlace = data.EnrollmentPlace

// ReviewFilter is data.ReviewFilter: the type moved to the domain, the name kept for the store's callers.
type ReviewFilter = data.ReviewFilter

func reviewWhere(f ReviewFilter, alias string) (string, []any) {
	var conds []string
	var args []any
	if f.EnrollmentID != 0 {
		conds, args = append(conds, alias+".enrollment_id = ?"), append(args, f.EnrollmentID)
	}
	if f.MentorID != 0 {
		conds, args = append(conds, "e.mentor_id = ?"), append(args, f.MentorID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

const placeCols = `e.id, e.mentor_id, m.email, m.first_name || ' ' || m.last_name, e.program, s.name, c.name, e.school_year,
	max(1, (SELECT count(*) FROM enrollment_terms t WHERE t.enrollment_id = e.id))`

const placeFrom = ` JOIN enrollments e ON e.id = x.enrollment_id JOIN mentors m ON m.id = e.mentor_id
	JOIN classrooms c ON c.id = e.classroom_id JOIN schools s ON s.id = c.school_id`

func placeScan(p *EnrollmentPlace) []any {
	return []any{&p.EnrollmentID, &p.MentorID, &p.MentorEmail, &p.MentorName, &p.Program, &p.School, &p.Classroom, &p.SchoolYear, &p.Terms}
}

// EnrollmentPlaces lists enrollments by school year, school and classroom.
func (s *Store) EnrollmentPlaces(ctx context.Context, f ReviewFilter) ([]EnrollmentPlace, error) {
	where, args := reviewWhere(f, "x")
	q := "SELECT " + placeCols + " FROM (SELECT id AS enrollment_id FROM enrollments) x" + placeFrom + where +
		" ORDER BY e.school_year DESC, s.name, c.name, e.id"
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list enrollments: %w", err)
	}
	defer rows.Close()
	var out []EnrollmentPlace
	for rows.Next() {
		var p EnrollmentPlace
		if err := rows.Scan(placeScan(&p)...); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Goals lists an enrollment's goals, open ones first, then by target date.
func (s *Store) Goals(ctx context.Context, enrollmentID int64) ([]data.Goal, error) {
	return s.goals(ctx, "WHERE enrollment_id = ?", enrollmentID)
}

func (s *Store) goals(ctx context.Context, where string, args ...any) ([]data.Goal, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, enrollment_id, grp, text, set_by, target_date, rating_before, rating_after, status
		FROM goals `+where+` ORDER BY enrollment_id, status IN ('achieved','dropped'), target_date = '', target_date, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read goals: %w", err)
	}
	defer rows.Close()
	var out []data.Goal
	for rows.Next() {
		var g data.Goal
		if err := rows.Scan(&g.ID, &g.EnrollmentID, &g.Group, &g.Text, &g.SetBy, dt(&g.TargetDate), &g.RatingBefore,
			&g.RatingAfter, &g.Status); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// SaveGoal adds a goal (ID 0) or changes one; a goal that names a pupil is refused.
func (s *Store) SaveGoal(ctx context.Context, g data.Goal) (int64, error) {
	if err := g.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := enrollmentExists(tx, g.EnrollmentID); err != nil {
			return err
		}
		args := []any{g.Group, g.Text, g.SetBy, dv(g.TargetDate), g.RatingBefore, g.RatingAfter, g.Status}
		if g.ID == 0 {
			res, err := tx.Exec(`INSERT INTO goals(grp, text, set_by, target_date, rating_before, rating_after, status, enrollment_id)
				VALUES (?,?,?,?,?,?,?,?)`, append(args, g.EnrollmentID)...)
			if err != nil {
				return err
			}
			g.ID, err = res.LastInsertId()
			return err
		}
		return expectRow(tx.Exec(`UPDATE goals SET grp=?, text=?, set_by=?, target_date=?, rating_before=?, rating_after=?, status=?
			WHERE enrollment_id=? AND id=?`, append(args, g.EnrollmentID, g.ID)...))("goal", g.ID)
	})
	if err != nil {
		return 0, fmt.Errorf("save goal: %w", err)
	}
	return g.ID, nil
}

// DeleteGoal removes a goal.
func (s *Store) DeleteGoal(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return expectRow(tx.Exec("DELETE FROM goals WHERE id = ?", id))("goal", id)
	})
}

// SessionNote reads a session's note; a session without one gives an empty note.
func (s *Store) SessionNote(ctx context.Context, sessionID int64) (data.SessionNote, error) {
	n := data.SessionNote{SessionID: sessionID}
	err := s.r.QueryRowContext(ctx, "SELECT covered, what_worked, to_change, concern_passed_on FROM session_notes WHERE session_id = ?",
		sessionID).Scan(&n.Covered, &n.WhatWorked, &n.ToChange, dt(&n.ConcernPassedOn))
	if errors.Is(err, sql.ErrNoRows) {
		return n, nil
	}
	if err != nil {
		return n, fmt.Errorf("read the note of session %d: %w", sessionID, err)
	}
	return n, nil
}

// SaveSessionNote stores a session's note; an empty note removes it.
func (s *Store) SaveSessionNote(ctx context.Context, n data.SessionNote) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRow("SELECT 1 FROM sessions WHERE id = ?", n.SessionID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("session %d: %w", n.SessionID, data.ErrNotFound)
		} else if err != nil {
			return err
		}
		if strings.TrimSpace(n.Covered+n.WhatWorked+n.ToChange) == "" && n.ConcernPassedOn.IsZero() {
			_, err := tx.Exec("DELETE FROM session_notes WHERE session_id = ?", n.SessionID)
			return err
		}
		_, err := tx.Exec(`INSERT INTO session_notes(session_id, covered, what_worked, to_change, concern_passed_on) VALUES (?,?,?,?,?)
			ON CONFLICT(session_id) DO UPDATE SET covered = excluded.covered, what_worked = excluded.what_worked,
			to_change = excluded.to_change, concern_passed_on = excluded.concern_passed_on`,
			n.SessionID, n.Covered, n.WhatWorked, n.ToChange, dv(n.ConcernPassedOn))
		return err
	})
}

// FeedbackEntry is data.FeedbackEntry: the type moved to the domain, the name kept for the store's callers.
type FeedbackEntry = data.FeedbackEntry

// Feedback lists instructors' feedback, oldest first.
func (s *Store) Feedback(ctx context.Context, f ReviewFilter) ([]FeedbackEntry, error) {
	where, args := reviewWhere(f, "x")
	rows, err := s.r.QueryContext(ctx, `SELECT x.id, x.term, x.given_on, x.preparation, x.rapport, x.musical_progress,
		x.punctuality, x.comment, `+placeCols+" FROM feedback x"+placeFrom+where+" ORDER BY x.given_on, x.id", args...)
	if err != nil {
		return nil, fmt.Errorf("read feedback: %w", err)
	}
	defer rows.Close()
	var out []FeedbackEntry
	for rows.Next() {
		var e FeedbackEntry
		var prep, rapport, progress, punct int
		dst := append([]any{&e.ID, &e.Term, dt(&e.GivenOn), &prep, &rapport, &progress, &punct, &e.Comment}, placeScan(&e.Place)...)
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		e.EnrollmentID = e.Place.EnrollmentID
		e.Ratings = map[string]int{"preparation": prep, "rapport": rapport, "musical_progress": progress, "punctuality": punct}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveFeedback adds or changes an instructor's feedback: one entry per term of an enrollment.
func (s *Store) SaveFeedback(ctx context.Context, f data.Feedback) (int64, error) {
	if err := f.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var other int64
		var on data.Date
		err := tx.QueryRow("SELECT id, given_on FROM feedback WHERE enrollment_id = ? AND term = ? AND id != ?", f.EnrollmentID, f.Term, f.ID).
			Scan(&other, dt(&on))
		if err == nil {
			return data.Problems{{Field: "term", Problem: fmt.Sprintf("term %d already has feedback (given on %s); change that entry instead", f.Term, on)}}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		f.ID, err = saveFeedbackTx(tx, f)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("save feedback: %w", err)
	}
	return f.ID, nil
}

func saveFeedbackTx(tx *sql.Tx, f data.Feedback) (int64, error) {
	if err := termExists(tx, f.EnrollmentID, f.Term); err != nil {
		return 0, err
	}
	r := f.Ratings
	args := []any{f.Term, dv(f.GivenOn), r["preparation"], r["rapport"], r["musical_progress"], r["punctuality"], f.Comment}
	if f.ID == 0 {
		res, err := tx.Exec(`INSERT INTO feedback(term, given_on, preparation, rapport, musical_progress, punctuality, comment, enrollment_id)
			VALUES (?,?,?,?,?,?,?,?)`, append(args, f.EnrollmentID)...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return f.ID, expectRow(tx.Exec(`UPDATE feedback SET term=?, given_on=?, preparation=?, rapport=?, musical_progress=?, punctuality=?,
		comment=?, enrollment_id=? WHERE id=?`, append(args, f.EnrollmentID, f.ID)...))("feedback", f.ID)
}

// DeleteFeedback removes an instructor's feedback entry.
func (s *Store) DeleteFeedback(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return expectRow(tx.Exec("DELETE FROM feedback WHERE id = ?", id))("feedback", id)
	})
}

// SurveyEntry is data.SurveyEntry: the type moved to the domain, the name kept for the store's callers.
type SurveyEntry = data.SurveyEntry

// Surveys lists student survey summaries, oldest first.
func (s *Store) Surveys(ctx context.Context, f ReviewFilter) ([]SurveyEntry, error) {
	where, args := reviewWhere(f, "x")
	rows, err := s.r.QueryContext(ctx, `SELECT x.id, x.term, x.taken_on, x.responses, x.averages, `+placeCols+
		" FROM surveys x"+placeFrom+where+" ORDER BY x.taken_on, x.id", args...)
	if err != nil {
		return nil, fmt.Errorf("read surveys: %w", err)
	}
	defer rows.Close()
	var out []SurveyEntry
	for rows.Next() {
		var e SurveyEntry
		var averages string
		if err := rows.Scan(append([]any{&e.ID, &e.Term, dt(&e.TakenOn), &e.Responses, &averages}, placeScan(&e.Place)...)...); err != nil {
			return nil, err
		}
		e.EnrollmentID = e.Place.EnrollmentID
		if err := json.Unmarshal([]byte(averages), &e.Averages); err != nil {
			return nil, fmt.Errorf("survey %d: averages: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveSurvey adds or changes a student survey summary: one per term of an enrollment.
func (s *Store) SaveSurvey(ctx context.Context, v data.Survey) (int64, error) {
	if ps := csvio.CheckSurvey(v); len(ps) > 0 {
		return 0, ps
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var on data.Date
		err := tx.QueryRow("SELECT taken_on FROM surveys WHERE enrollment_id = ? AND term = ? AND id != ?", v.EnrollmentID, v.Term, v.ID).Scan(dt(&on))
		if err == nil {
			return data.Problems{{Field: "term", Problem: fmt.Sprintf("term %d already has a survey (taken on %s); change that one instead", v.Term, on)}}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		v.ID, err = saveSurveyTx(tx, v)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("save survey: %w", err)
	}
	return v.ID, nil
}

func saveSurveyTx(tx *sql.Tx, v data.Survey) (int64, error) {
	if err := termExists(tx, v.EnrollmentID, v.Term); err != nil {
		return 0, err
	}
	averages, err := json.Marshal(v.Averages)
	if err != nil {
		return 0, err
	}
	args := []any{v.Term, dv(v.TakenOn), v.Responses, string(averages), v.EnrollmentID}
	if v.ID == 0 {
		res, err := tx.Exec("INSERT INTO surveys(term, taken_on, responses, averages, enrollment_id) VALUES (?,?,?,?,?)", args...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return v.ID, expectRow(tx.Exec("UPDATE surveys SET term=?, taken_on=?, responses=?, averages=?, enrollment_id=? WHERE id=?",
		append(args, v.ID)...))("survey", v.ID)
}

// DeleteSurvey removes a student survey summary.
func (s *Store) DeleteSurvey(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return expectRow(tx.Exec("DELETE FROM surveys WHERE id = ?", id))("survey", id)
	})
}

// enrollmentExists reports a missing enrollment as data.ErrNotFound.
func enrollmentExists(tx *sql.Tx, id int64) error {
	_, err := enrollmentTerms(tx, id)
	return err
}

// enrollmentTerms is how many terms an enrollment has (at least 1).
func enrollmentTerms(tx *sql.Tx, id int64) (int, error) {
	var terms int
	err := tx.QueryRow(`SELECT max(1, (SELECT count(*) FROM enrollment_terms WHERE enrollment_id = e.id)) FROM enrollments e WHERE e.id = ?`, id).
		Scan(&terms)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("enrollment %d: %w", id, data.ErrNotFound)
	}
	return terms, err
}

func termExists(tx *sql.Tx, enrollmentID int64, term int) error {
	terms, err := enrollmentTerms(tx, enrollmentID)
	if err != nil {
		return err
	}
	if term > terms {
		return data.Problems{{Field: "term", Problem: fmt.Sprintf("the enrollment has %s, so there is no term %d", plural(terms, "term", "terms"), term)}}
	}
	return nil
}

// expectRow turns an UPDATE or DELETE that touched nothing into data.ErrNotFound.
func expectRow(res sql.Result, err error) func(what string, id int64) error {
	return func(what string, id int64) error {
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s %d: %w", what, id, data.ErrNotFound)
		}
		return nil
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
