package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mentordesk/data"
)

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

// WritePairTerms stores a pair's agreement and end-of-term decisions (data.CheckAgreement is
// the service's SavePairTerms).
func (s *Store) WritePairTerms(ctx context.Context, p data.Pair) error {
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

// WriteMatching stores a cohort's matching in one transaction: which applicants are excluded
// and the pairs as given, agreement and decisions included, which replace the previous ones.
// The rules (no re-matching after meetings, a pair kept keeps its terms) are the service's
// ApplyMatching; the transaction refuses a cohort that met meanwhile all the same.
func (s *Store) WriteMatching(ctx context.Context, cohortID int64, pairs []data.Pair, excluded []int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var met int
		if err := tx.QueryRow("SELECT count(*) FROM meetings m JOIN pairs p ON p.id = m.pair_id WHERE p.cohort_id = ?", cohortID).Scan(&met); err != nil {
			return err
		}
		if err := data.CheckRematch(met); err != nil {
			return err
		}
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
			if _, err := tx.Exec(`INSERT INTO pairs(cohort_id, early_id, experienced_id, score, reasons, locked, frequency, topics,
				early_decision, exp_decision) VALUES (?,?,?,?,?,?,?,?,?,?)`,
				cohortID, p.EarlyID, p.ExperiencedID, p.Score, p.Reasons, boolInt(p.Locked), p.Frequency, data.JoinList(p.Topics),
				p.EarlyDecision, p.ExpDecision); err != nil {
				return fmt.Errorf("pair #%d–#%d: %w", p.EarlyID, p.ExperiencedID, err)
			}
		}
		return nil
	})
}
