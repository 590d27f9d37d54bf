package sqlite

import (
	"context"
	"database/sql"
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

// WriteMentorRecords stores a mentor's profile with the photo, and makes their background checks
// and contracts exactly the ones given, in one transaction; it returns the mentor's ID.
// Checks and contracts with an ID update that row; those without are added; the mentor's
// others are deleted. The records' rules are data.MentorRecords.Validate's, which the
// service's SaveMentor runs first.
func (s *Store) WriteMentorRecords(ctx context.Context, r data.MentorRecords) (int64, error) {
	m, checks, contracts := r.Mentor, r.Checks, r.Contracts
	m.Email = data.NormalizeEmail(m.Email)
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
