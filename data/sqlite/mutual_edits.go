package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mentordesk/data"
)

// SaveCohortTerm saves a cohort after the checks of data.CheckCohort; a name already taken
// by another cohort is refused as a problem of the cohort field.
func (s *Store) SaveCohortTerm(ctx context.Context, c data.Cohort) (int64, error) {
	if p := data.CheckCohort(c); len(p) > 0 {
		return 0, p
	}
	id, err := s.SaveCohort(ctx, c)
	if isConstraint(err) {
		return 0, data.Problems{{Field: "cohort", Problem: fmt.Sprintf("a cohort named %q already exists", c.Name)}}
	}
	if err != nil {
		return 0, fmt.Errorf("save cohort %q: %w", c.Name, err)
	}
	return id, nil
}

// SaveIntake saves an applicant's intake form. An e-mail already in the cohort is refused as a
// problem of the email field, and so is a change of career stage once the applicant is paired.
func (s *Store) SaveIntake(ctx context.Context, a data.Applicant) (int64, error) {
	if a.ID != 0 {
		var stage string
		var paired int
		err := s.r.QueryRowContext(ctx, `SELECT a.career_stage, EXISTS(SELECT 1 FROM pairs p WHERE p.early_id = a.id OR p.experienced_id = a.id)
			FROM applicants a WHERE a.id = ?`, a.ID).Scan(&stage, &paired)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("applicant #%d: %w", a.ID, data.ErrNotFound)
		}
		if err != nil {
			return 0, err
		}
		if paired == 1 && stage != string(a.CareerStage) {
			return 0, data.Problems{{Field: "career_stage", Problem: "cannot change while the applicant is in a pair; apply a matching without them first"}}
		}
	}
	id, err := s.SaveApplicant(ctx, a)
	if isConstraint(err) {
		return 0, data.Problems{{Field: "email", Problem: fmt.Sprintf("%s has already applied to this cohort", data.NormalizeEmail(a.Email))}}
	}
	return id, err
}

// SetApplicantExcluded leaves an applicant out of matching, or brings them back.
func (s *Store) SetApplicantExcluded(ctx context.Context, id int64, excluded bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return updateOne(tx, "UPDATE applicants SET excluded = ? WHERE id = ?", boolInt(excluded), id)
	})
}

// SaveParticipation records a participant's attendance at the introductory session and the
// wrap-up, and their Hub invitation status.
func (s *Store) SaveParticipation(ctx context.Context, id int64, hub string, intro, wrap bool) error {
	if err := data.CheckHubStatus(hub); err != nil {
		return data.Problems{{Field: "hub_invite", Problem: err.Error()}}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		return updateOne(tx, "UPDATE applicants SET hub_invite = ?, intro_attended = ?, wrap_attended = ? WHERE id = ?",
			hub, boolInt(intro), boolInt(wrap), id)
	})
}

// SavePairTerms stores a pair's agreement and end-of-term decisions after data.CheckAgreement.
func (s *Store) SavePairTerms(ctx context.Context, p data.Pair) error {
	if pr := data.CheckAgreement(p); len(pr) > 0 {
		return pr
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		return updateOne(tx, "UPDATE pairs SET frequency=?, topics=?, early_decision=?, exp_decision=? WHERE id=?",
			p.Frequency, data.JoinList(p.Topics), p.EarlyDecision, p.ExpDecision, p.ID)
	})
}

// CohortMeetings returns the logged meetings of every pair of a cohort by pair ID, each by date.
func (s *Store) CohortMeetings(ctx context.Context, cohortID int64) (map[int64][]data.Meeting, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.pair_id, m.date, m.topics, m.note FROM meetings m
		JOIN pairs p ON p.id = m.pair_id WHERE p.cohort_id = ? ORDER BY m.date, m.id`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("list meetings of cohort #%d: %w", cohortID, err)
	}
	defer rows.Close()
	out := map[int64][]data.Meeting{}
	for rows.Next() {
		var m data.Meeting
		var topics string
		if err := rows.Scan(&m.ID, &m.PairID, dt(&m.Date), &topics, &m.Note); err != nil {
			return nil, err
		}
		m.Topics = data.SplitList(topics)
		out[m.PairID] = append(out[m.PairID], m)
	}
	return out, rows.Err()
}

// DeleteMeeting removes a meeting logged by mistake.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return updateOne(tx, "DELETE FROM meetings WHERE id = ?", id)
	})
}

// updateOne runs a statement that must touch exactly one row.
func updateOne(tx *sql.Tx, q string, args ...any) error {
	res, err := tx.Exec(q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("#%v: %w", args[len(args)-1], data.ErrNotFound)
	}
	return nil
}

// ApplyMatching stores a cohort's matching in one transaction: which applicants are excluded
// and the pairs, which replace the previous ones. A pair already stored keeps its agreement
// and decisions. Once a pair has logged meetings the cohort can no longer be re-matched.
func (s *Store) ApplyMatching(ctx context.Context, cohortID int64, pairs []data.Pair, excluded []int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var met int
		if err := tx.QueryRow("SELECT count(*) FROM meetings m JOIN pairs p ON p.id = m.pair_id WHERE p.cohort_id = ?", cohortID).Scan(&met); err != nil {
			return err
		}
		if met > 0 {
			return errors.New("the cohort's pairs have logged meetings; they can no longer be re-matched")
		}
		kept := map[[2]int64]data.Pair{}
		rows, err := tx.Query("SELECT early_id, experienced_id, frequency, topics, early_decision, exp_decision FROM pairs WHERE cohort_id = ?", cohortID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p data.Pair
			var topics string
			if err := rows.Scan(&p.EarlyID, &p.ExperiencedID, &p.Frequency, &topics, &p.EarlyDecision, &p.ExpDecision); err != nil {
				rows.Close()
				return err
			}
			p.Topics = data.SplitList(topics)
			kept[[2]int64{p.EarlyID, p.ExperiencedID}] = p
		}
		rows.Close()
		if _, err := tx.Exec("UPDATE applicants SET excluded = 0 WHERE cohort_id = ?", cohortID); err != nil {
			return err
		}
		for _, id := range excluded {
			res, err := tx.Exec("UPDATE applicants SET excluded = 1 WHERE id = ? AND cohort_id = ?", id, cohortID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return fmt.Errorf("applicant #%d is not in cohort #%d", id, cohortID)
			}
		}
		if _, err := tx.Exec("DELETE FROM pairs WHERE cohort_id = ?", cohortID); err != nil {
			return err
		}
		for _, p := range pairs {
			old := kept[[2]int64{p.EarlyID, p.ExperiencedID}]
			if _, err := tx.Exec(`INSERT INTO pairs(cohort_id, early_id, experienced_id, score, reasons, locked, frequency, topics,
				early_decision, exp_decision) VALUES (?,?,?,?,?,?,?,?,?,?)`,
				cohortID, p.EarlyID, p.ExperiencedID, p.Score, p.Reasons, boolInt(p.Locked), old.Frequency, data.JoinList(old.Topics),
				old.EarlyDecision, old.ExpDecision); err != nil {
				return fmt.Errorf("pair #%d–#%d: %w", p.EarlyID, p.ExperiencedID, err)
			}
		}
		return nil
	})
}
