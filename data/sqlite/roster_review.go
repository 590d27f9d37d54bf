package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"mentordesk/data"
)

// The review thresholds live in the meta table, under data.ReviewThresholdKeys: the settings
// table holds only data.Settings' keys, and its reader refuses any other.
const (
	keyMinFeedback    = data.KeyMinFeedback
	keyMinSurvey      = data.KeyMinSurvey
	keyMaxPunctuality = data.KeyMaxPunctuality
)

// ReviewThresholdKeys is data.ReviewThresholdKeys, kept for the store's callers.
var ReviewThresholdKeys = data.ReviewThresholdKeys

// ReviewThresholds reads the roster review's thresholds; those never set keep their defaults.
func (s *Store) ReviewThresholds(ctx context.Context) (data.ReviewThresholds, error) {
	t := data.DefaultReviewThresholds()
	for _, k := range ReviewThresholdKeys {
		v, err := s.Meta(ctx, k)
		if err != nil {
			return t, fmt.Errorf("read %s: %w", k, err)
		}
		if v == "" {
			continue
		}
		var perr error
		switch k {
		case keyMinFeedback:
			t.MinFeedback, perr = strconv.ParseFloat(v, 64)
		case keyMinSurvey:
			t.MinSurvey, perr = strconv.ParseFloat(v, 64)
		case keyMaxPunctuality:
			t.MaxPunctualityProblems, perr = strconv.Atoi(v)
		}
		if perr != nil {
			return t, fmt.Errorf("stored %s %q is not a number", k, v)
		}
	}
	return t, nil
}

// SaveReviewThresholds stores the three thresholds at once; bad values change nothing.
func (s *Store) SaveReviewThresholds(ctx context.Context, t data.ReviewThresholds) error {
	if ps := data.CheckReviewThresholds(t); len(ps) > 0 {
		return ps
	}
	values := map[string]string{
		keyMinFeedback:    strconv.FormatFloat(t.MinFeedback, 'f', -1, 64),
		keyMinSurvey:      strconv.FormatFloat(t.MinSurvey, 'f', -1, 64),
		keyMaxPunctuality: strconv.Itoa(t.MaxPunctualityProblems),
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range ReviewThresholdKeys {
			if _, err := tx.Exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", k, values[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// ReviewDecisions lists the director's decisions on a mentor (0 = every mentor), newest first.
func (s *Store) ReviewDecisions(ctx context.Context, mentorID int64) ([]data.ReviewDecision, error) {
	return s.decisions(ctx, mentorID, 0)
}

func (s *Store) decisions(ctx context.Context, mentorID int64, through data.Date) ([]data.ReviewDecision, error) {
	q, args := "SELECT id, mentor_id, decided_on, decision, reason FROM review_decisions WHERE 1=1", []any{}
	if mentorID != 0 {
		q, args = q+" AND mentor_id = ?", append(args, mentorID)
	}
	if !through.IsZero() {
		q, args = q+" AND decided_on <= ?", append(args, dv(through))
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY decided_on DESC, id DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("read review decisions: %w", err)
	}
	defer rows.Close()
	var out []data.ReviewDecision
	for rows.Next() {
		var d data.ReviewDecision
		if err := rows.Scan(&d.ID, &d.MentorID, dt(&d.DecidedOn), &d.Decision, &d.Reason); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SaveReviewDecision records the director's decision on a mentor's roster place.
func (s *Store) SaveReviewDecision(ctx context.Context, d data.ReviewDecision) (int64, error) {
	if err := d.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRow("SELECT 1 FROM mentors WHERE id = ?", d.MentorID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("mentor %d: %w", d.MentorID, data.ErrNotFound)
		} else if err != nil {
			return err
		}
		if d.ID == 0 {
			res, err := tx.Exec("INSERT INTO review_decisions(mentor_id, decided_on, decision, reason) VALUES (?,?,?,?)",
				d.MentorID, dv(d.DecidedOn), d.Decision, d.Reason)
			if err != nil {
				return err
			}
			d.ID, err = res.LastInsertId()
			return err
		}
		return expectRow(tx.Exec("UPDATE review_decisions SET decided_on=?, decision=?, reason=? WHERE mentor_id=? AND id=?",
			dv(d.DecidedOn), d.Decision, d.Reason, d.MentorID, d.ID))("review decision", d.ID)
	})
	if err != nil {
		return 0, fmt.Errorf("save review decision: %w", err)
	}
	return d.ID, nil
}

// PunctualityProblems counts a mentor's sessions recorded late or absent from one day through another.
func (s *Store) PunctualityProblems(ctx context.Context, mentorID int64, from, to data.Date) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE mentor_id = ? AND date BETWEEN ? AND ?
		AND punctuality IN ('late', 'absent')`, mentorID, dv(from), dv(to)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count punctuality problems of mentor %d: %w", mentorID, err)
	}
	return n, nil
}

// ReviewRecords reads what the roster review weighs of every mentor (mentorID 0) or of one, for
// the 12 months up to on, by mentor ID: every mentor has an entry. Four queries whatever the
// number of mentors; data.ReviewRecords.Review weighs them.
func (s *Store) ReviewRecords(ctx context.Context, mentorID int64, on data.Date) (map[int64]data.ReviewRecords, error) {
	from := on.AddYears(-1).AddDays(1)
	mentor := func(col string) (string, []any) {
		if mentorID == 0 {
			return "", nil
		}
		return " AND " + col + " = ?", []any{mentorID}
	}

	feedback := map[int64][]data.Feedback{}
	cond, args := mentor("e.mentor_id")
	rows, err := s.r.QueryContext(ctx, `SELECT e.mentor_id, f.given_on, f.preparation, f.rapport, f.musical_progress, f.punctuality
		FROM feedback f JOIN enrollments e ON e.id = f.enrollment_id WHERE f.given_on BETWEEN ? AND ?`+cond,
		append([]any{dv(from), dv(on)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read feedback: %w", err)
	}
	for rows.Next() {
		var m int64
		var f data.Feedback
		var prep, rapport, progress, punct int
		if err := rows.Scan(&m, dt(&f.GivenOn), &prep, &rapport, &progress, &punct); err != nil {
			rows.Close()
			return nil, err
		}
		f.Ratings = map[string]int{"preparation": prep, "rapport": rapport, "musical_progress": progress, "punctuality": punct}
		feedback[m] = append(feedback[m], f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	surveys := map[int64][]data.Survey{}
	rows, err = s.r.QueryContext(ctx, `SELECT e.mentor_id, v.id, v.taken_on, v.responses, v.averages
		FROM surveys v JOIN enrollments e ON e.id = v.enrollment_id WHERE v.taken_on BETWEEN ? AND ?`+cond,
		append([]any{dv(from), dv(on)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read surveys: %w", err)
	}
	for rows.Next() {
		var m int64
		var v data.Survey
		var averages string
		if err := rows.Scan(&m, &v.ID, dt(&v.TakenOn), &v.Responses, &averages); err != nil {
			rows.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(averages), &v.Averages); err != nil {
			rows.Close()
			return nil, fmt.Errorf("survey %d: averages: %w", v.ID, err)
		}
		surveys[m] = append(surveys[m], v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	late := map[int64]int{}
	cond, args = mentor("mentor_id")
	rows, err = s.r.QueryContext(ctx, `SELECT mentor_id, count(*) FROM sessions WHERE date BETWEEN ? AND ?
		AND punctuality IN ('late', 'absent')`+cond+" GROUP BY mentor_id", append([]any{dv(from), dv(on)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("count punctuality problems: %w", err)
	}
	for rows.Next() {
		var m int64
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			rows.Close()
			return nil, err
		}
		late[m] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	all, err := s.decisions(ctx, mentorID, on)
	if err != nil {
		return nil, err
	}
	decisions := map[int64][]data.ReviewDecision{}
	for _, d := range all {
		decisions[d.MentorID] = append(decisions[d.MentorID], d)
	}

	cond, args = mentor("id")
	rows, err = s.r.QueryContext(ctx, "SELECT id FROM mentors WHERE 1=1"+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("list mentors: %w", err)
	}
	defer rows.Close()
	out := map[int64]data.ReviewRecords{}
	for rows.Next() {
		var m int64
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out[m] = data.ReviewRecords{Feedback: feedback[m], Surveys: surveys[m], PunctualityProblems: late[m], Decisions: decisions[m]}
	}
	return out, rows.Err()
}
