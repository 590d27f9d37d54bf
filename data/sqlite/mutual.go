package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mentordesk/data"
)

// Cohorts lists the mutual-mentorship cohorts, newest first.
func (s *Store) Cohorts(ctx context.Context) ([]data.Cohort, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, name, start, end, intro_on, wrap_up_on FROM cohorts ORDER BY start DESC, name")
	if err != nil {
		return nil, fmt.Errorf("list cohorts: %w", err)
	}
	defer rows.Close()
	var out []data.Cohort
	for rows.Next() {
		var c data.Cohort
		if err := rows.Scan(&c.ID, &c.Name, dt(&c.Start), dt(&c.End), dt(&c.IntroOn), dt(&c.WrapUpOn)); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CohortByName finds a cohort.
func (s *Store) CohortByName(ctx context.Context, name string) (data.Cohort, error) {
	cs, err := s.Cohorts(ctx)
	if err != nil {
		return data.Cohort{}, err
	}
	for _, c := range cs {
		if c.Name == name {
			return c, nil
		}
	}
	return data.Cohort{}, fmt.Errorf("no cohort named %q: %w", name, data.ErrNotFound)
}

// WriteCohort inserts or updates a cohort as given; the service's SaveCohort checks it
// (data.CheckCohort) and sets the end of its term first.
func (s *Store) WriteCohort(ctx context.Context, c data.Cohort) (int64, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if c.ID == 0 {
			res, err := tx.Exec("INSERT INTO cohorts(name, start, end, intro_on, wrap_up_on) VALUES (?,?,?,?,?)",
				c.Name, dv(c.Start), dv(c.End), dv(c.IntroOn), dv(c.WrapUpOn))
			if err != nil {
				return err
			}
			c.ID, _ = res.LastInsertId()
			return nil
		}
		_, err := tx.Exec("UPDATE cohorts SET name=?, start=?, end=?, intro_on=?, wrap_up_on=? WHERE id=?",
			c.Name, dv(c.Start), dv(c.End), dv(c.IntroOn), dv(c.WrapUpOn), c.ID)
		return err
	})
	if isConstraint(err) {
		return 0, data.Problems{{Field: "cohort", Problem: fmt.Sprintf("a cohort named %q already exists", c.Name)}}
	}
	if err != nil {
		return 0, fmt.Errorf("save cohort %q: %w", c.Name, err)
	}
	return c.ID, nil
}

const applicantCols = `a.id, a.cohort_id, c.name, a.first_name, a.last_name, a.email, a.school, a.career_stage,
	a.years_teaching, a.strengths, a.passions, a.growth, a.availability, a.excluded, a.hub_invite, a.intro_attended, a.wrap_attended`

// Applicants lists the applicants of a cohort (0 = all) by name.
func (s *Store) Applicants(ctx context.Context, cohortID int64) ([]data.Applicant, error) {
	q := "SELECT " + applicantCols + " FROM applicants a JOIN cohorts c ON c.id = a.cohort_id"
	var args []any
	if cohortID != 0 {
		q += " WHERE a.cohort_id = ?"
		args = append(args, cohortID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY c.name, a.last_name, a.first_name, a.email", args...)
	if err != nil {
		return nil, fmt.Errorf("list applicants: %w", err)
	}
	defer rows.Close()
	var out []data.Applicant
	for rows.Next() {
		var a data.Applicant
		var st, pa, gr string
		var ex, intro, wrap int
		if err := rows.Scan(&a.ID, &a.CohortID, &a.Cohort, &a.FirstName, &a.LastName, &a.Email, &a.School, &a.CareerStage,
			&a.YearsTeaching, &st, &pa, &gr, &a.Availability, &ex, &a.HubInvite, &intro, &wrap); err != nil {
			return nil, err
		}
		a.Strengths, a.Passions, a.Growth = data.SplitList(st), data.SplitList(pa), data.SplitList(gr)
		a.Excluded, a.IntroAttended, a.WrapAttended = ex == 1, intro == 1, wrap == 1
		out = append(out, a)
	}
	return out, rows.Err()
}

// WriteApplicant inserts or updates an applicant (CohortID set). The intake's rules are the
// service's SaveApplicant.
func (s *Store) WriteApplicant(ctx context.Context, a data.Applicant) (int64, error) {
	a.Email = data.NormalizeEmail(a.Email)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveApplicantTx(tx, a)
		a.ID = id
		return err
	})
	if isConstraint(err) {
		return 0, data.Problems{{Field: "email", Problem: fmt.Sprintf("%s has already applied to this cohort", a.Email)}}
	}
	return a.ID, err
}

func saveApplicantTx(tx *sql.Tx, a data.Applicant) (int64, error) {
	args := []any{a.CohortID, a.FirstName, a.LastName, data.NormalizeEmail(a.Email), a.School, a.CareerStage, a.YearsTeaching,
		data.JoinList(a.Strengths), data.JoinList(a.Passions), data.JoinList(a.Growth), a.Availability, boolInt(a.Excluded),
		a.HubInvite, boolInt(a.IntroAttended), boolInt(a.WrapAttended)}
	if a.ID == 0 {
		res, err := tx.Exec(`INSERT INTO applicants(cohort_id, first_name, last_name, email, school, career_stage, years_teaching,
			strengths, passions, growth, availability, excluded, hub_invite, intro_attended, wrap_attended)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	_, err := tx.Exec(`UPDATE applicants SET cohort_id=?, first_name=?, last_name=?, email=?, school=?, career_stage=?,
		years_teaching=?, strengths=?, passions=?, growth=?, availability=?, excluded=?, hub_invite=?, intro_attended=?,
		wrap_attended=? WHERE id=?`, append(args, a.ID)...)
	return a.ID, err
}

// Pairs lists the pairs of a cohort.
func (s *Store) Pairs(ctx context.Context, cohortID int64) ([]data.Pair, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, cohort_id, early_id, experienced_id, score, reasons, locked, frequency, topics,
		early_decision, exp_decision FROM pairs WHERE cohort_id = ? ORDER BY id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("list pairs: %w", err)
	}
	defer rows.Close()
	var out []data.Pair
	for rows.Next() {
		var p data.Pair
		var locked int
		var topics string
		if err := rows.Scan(&p.ID, &p.CohortID, &p.EarlyID, &p.ExperiencedID, &p.Score, &p.Reasons, &locked, &p.Frequency,
			&topics, &p.EarlyDecision, &p.ExpDecision); err != nil {
			return nil, err
		}
		p.Locked, p.Topics = locked == 1, data.SplitList(topics)
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddMeeting logs a pair's meeting.
func (s *Store) AddMeeting(ctx context.Context, m data.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO meetings(pair_id, date, topics, note) VALUES (?,?,?,?)", m.PairID, dv(m.Date), data.JoinList(m.Topics), m.Note)
		return err
	})
}
