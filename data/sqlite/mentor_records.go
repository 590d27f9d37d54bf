package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// MentorInstruments lists every instrument named by any mentor, once each (compared
// case-insensitively, first spelling kept), in alphabetical order: the suggestions of the
// instrument tags.
func (s *Store) MentorInstruments(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT instruments FROM mentors WHERE instruments <> ''")
	if err != nil {
		return nil, fmt.Errorf("list instruments: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var cell string
		if err := rows.Scan(&cell); err != nil {
			return nil, err
		}
		for _, t := range data.SplitList(cell) {
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out, rows.Err()
}

// SaveMentorRecords saves a mentor's profile with the photo, and makes their background checks
// and contracts exactly the ones given, in one transaction; it returns the mentor's ID.
// Checks and contracts with an ID update that row; those without are added; the mentor's
// others are deleted.
func (s *Store) SaveMentorRecords(ctx context.Context, m data.Mentor, checks []data.Check, contracts []data.Contract) (int64, error) {
	m.Email = data.NormalizeEmail(m.Email)
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := validateRecords(m.Email, checks, contracts); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveMentorTx(tx, m, true)
		if err != nil {
			return err
		}
		m.ID = id
		if err := keepOnly(tx, "checks", id, checks, func(c data.Check) int64 { return c.ID }); err != nil {
			return err
		}
		for _, c := range checks {
			c.MentorID = id
			if err := saveMentorCheckTx(tx, c); err != nil {
				return fmt.Errorf("save the %s check of %s: %w", strings.ToUpper(string(c.Kind)), c.CompletedOn, err)
			}
		}
		if err := keepOnly(tx, "contracts", id, contracts, func(c data.Contract) int64 { return c.ID }); err != nil {
			return err
		}
		for _, c := range contracts {
			c.MentorID = id
			if err := saveContractTx(tx, c); err != nil {
				return fmt.Errorf("save the contract for %s: %w", c.SchoolYear, err)
			}
		}
		return nil
	})
	if err != nil && isConstraint(err) && strings.Contains(err.Error(), "mentors.email") {
		return 0, data.Problems{{Field: "email", Problem: fmt.Sprintf("%q belongs to another mentor", m.Email)}}
	}
	if err != nil {
		return 0, fmt.Errorf("save mentor %s: %w", m.Email, err)
	}
	return m.ID, nil
}

// saveMentorCheckTx updates a check by ID, only among its mentor's, or adds a new one.
func saveMentorCheckTx(tx *sql.Tx, c data.Check) error {
	if c.ID == 0 {
		return saveCheckTx(tx, c)
	}
	res, err := tx.Exec("UPDATE checks SET kind=?, completed_on=?, result=? WHERE id=? AND mentor_id=?",
		c.Kind, dv(c.CompletedOn), c.Result, c.ID, c.MentorID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("check %d: %w", c.ID, data.ErrNotFound)
	}
	return nil
}

// validateRecords checks each record and that no two share a key, which the table would refuse.
func validateRecords(email string, checks []data.Check, contracts []data.Contract) error {
	var p data.Problems
	seen := map[string]bool{}
	for _, c := range checks {
		c.MentorEmail = email
		if err := c.Validate(); err != nil {
			p = append(p, data.FieldError{Field: "checks", Problem: err.Error()})
			continue
		}
		key := string(c.Kind) + c.CompletedOn.String()
		if seen[key] {
			p = append(p, data.FieldError{Field: "checks", Problem: fmt.Sprintf("the %s check of %s is listed twice",
				strings.ToUpper(string(c.Kind)), c.CompletedOn)})
		}
		seen[key] = true
	}
	years := map[data.SchoolYear]bool{}
	for _, c := range contracts {
		c.MentorEmail = email
		if err := c.Validate(); err != nil {
			p = append(p, data.FieldError{Field: "contracts", Problem: err.Error()})
			continue
		}
		if years[c.SchoolYear] {
			p = append(p, data.FieldError{Field: "contracts", Problem: fmt.Sprintf("the contract for %s is listed twice", c.SchoolYear)})
		}
		years[c.SchoolYear] = true
	}
	if len(p) > 0 {
		return p
	}
	return nil
}

// keepOnly deletes the mentor's rows of table whose IDs are not among records'.
func keepOnly[T any](tx *sql.Tx, table string, mentorID int64, records []T, id func(T) int64) error {
	q := "DELETE FROM " + table + " WHERE mentor_id = ?"
	args := []any{mentorID}
	var keep []string
	for _, r := range records {
		if v := id(r); v != 0 {
			keep = append(keep, "?")
			args = append(args, v)
		}
	}
	if len(keep) > 0 {
		q += " AND id NOT IN (" + strings.Join(keep, ",") + ")"
	}
	if _, err := tx.Exec(q, args...); err != nil {
		return fmt.Errorf("remove %s: %w", table, err)
	}
	return nil
}

// MentorReview weighs the instructors' feedback, student surveys, punctuality and the
// director's decisions of the 12 months up to on into the mentor's roster review state.
func (s *Store) MentorReview(ctx context.Context, mentorID int64, on data.Date) (data.ReviewState, error) {
	from := on.AddYears(-1).AddDays(1)
	var feedback []data.Feedback
	rows, err := s.r.QueryContext(ctx, `SELECT f.id, f.enrollment_id, f.term, f.given_on, f.preparation, f.rapport,
		f.musical_progress, f.punctuality, f.comment FROM feedback f JOIN enrollments e ON e.id = f.enrollment_id
		WHERE e.mentor_id = ? AND f.given_on BETWEEN ? AND ? ORDER BY f.given_on`, mentorID, dv(from), dv(on))
	if err != nil {
		return data.ReviewState{}, fmt.Errorf("read feedback of mentor %d: %w", mentorID, err)
	}
	for rows.Next() {
		var f data.Feedback
		var prep, rapport, progress, punct int
		if err := rows.Scan(&f.ID, &f.EnrollmentID, &f.Term, dt(&f.GivenOn), &prep, &rapport, &progress, &punct, &f.Comment); err != nil {
			rows.Close()
			return data.ReviewState{}, err
		}
		f.Ratings = map[string]int{"preparation": prep, "rapport": rapport, "musical_progress": progress, "punctuality": punct}
		feedback = append(feedback, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return data.ReviewState{}, err
	}

	var surveys []data.Survey
	rows, err = s.r.QueryContext(ctx, `SELECT v.id, v.enrollment_id, v.term, v.taken_on, v.responses, v.averages
		FROM surveys v JOIN enrollments e ON e.id = v.enrollment_id
		WHERE e.mentor_id = ? AND v.taken_on BETWEEN ? AND ? ORDER BY v.taken_on`, mentorID, dv(from), dv(on))
	if err != nil {
		return data.ReviewState{}, fmt.Errorf("read surveys of mentor %d: %w", mentorID, err)
	}
	for rows.Next() {
		var v data.Survey
		var averages string
		if err := rows.Scan(&v.ID, &v.EnrollmentID, &v.Term, dt(&v.TakenOn), &v.Responses, &averages); err != nil {
			rows.Close()
			return data.ReviewState{}, err
		}
		if err := json.Unmarshal([]byte(averages), &v.Averages); err != nil {
			rows.Close()
			return data.ReviewState{}, fmt.Errorf("survey %d: averages: %w", v.ID, err)
		}
		surveys = append(surveys, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return data.ReviewState{}, err
	}

	var punctuality int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE mentor_id = ? AND date BETWEEN ? AND ?
		AND punctuality IN ('late', 'absent')`, mentorID, dv(from), dv(on)).Scan(&punctuality); err != nil {
		return data.ReviewState{}, fmt.Errorf("count punctuality problems of mentor %d: %w", mentorID, err)
	}

	var decisions []data.ReviewDecision
	rows, err = s.r.QueryContext(ctx, `SELECT id, mentor_id, decided_on, decision, reason FROM review_decisions
		WHERE mentor_id = ? AND decided_on <= ? ORDER BY decided_on`, mentorID, dv(on))
	if err != nil {
		return data.ReviewState{}, fmt.Errorf("read review decisions of mentor %d: %w", mentorID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d data.ReviewDecision
		if err := rows.Scan(&d.ID, &d.MentorID, dt(&d.DecidedOn), &d.Decision, &d.Reason); err != nil {
			return data.ReviewState{}, err
		}
		decisions = append(decisions, d)
	}
	if err := rows.Err(); err != nil {
		return data.ReviewState{}, err
	}
	return data.Review(feedback, surveys, punctuality, decisions, on, data.DefaultReviewThresholds()), nil
}
