package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"mentordesk/data"
)

const mentorCols = `m.id, m.first_name, m.last_name, m.email, m.phone, m.address, m.instruments, m.education,
	m.teaching_experience, m.performance_experience, m.bio, m.wa_resident_since, m.status`

func scanMentor(sc interface{ Scan(...any) error }, m *data.Mentor) error {
	var instruments string
	if err := sc.Scan(&m.ID, &m.FirstName, &m.LastName, &m.Email, &m.Phone, &m.Address, &instruments,
		&m.Education, &m.TeachingExperience, &m.PerformanceExperience, &m.Bio, dt(&m.WAResidentSince), &m.Status); err != nil {
		return err
	}
	m.Instruments = data.SplitList(instruments)
	return nil
}

// MentorFilter is data.MentorFilter: the type moved to the domain, the name kept for the store's callers.
type MentorFilter = data.MentorFilter

// Mentors lists mentors by last and first name.
func (s *Store) Mentors(ctx context.Context, f MentorFilter) ([]data.Mentor, error) {
	q := "SELECT " + mentorCols
	if f.WithPhotos {
		q += ", p.jpeg FROM mentors m LEFT JOIN mentor_photos p ON p.mentor_id = m.id"
	} else {
		q += " FROM mentors m"
	}
	var where []string
	var args []any
	if f.Search != "" {
		where = append(where, "m.search LIKE ? ESCAPE '\\'")
		args = append(args, "%"+likeEscape(strings.ToLower(f.Search))+"%")
	}
	if f.Status != "" {
		where = append(where, "m.status = ?")
		args = append(args, f.Status)
	}
	if f.Instrument != "" {
		where = append(where, "(';' || lower(m.instruments) || ';') LIKE ? ESCAPE '\\'")
		args = append(args, "%;"+likeEscape(strings.ToLower(f.Instrument))+";%")
	}
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE, m.id"
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list mentors: %w", err)
	}
	defer rows.Close()
	var out []data.Mentor
	for rows.Next() {
		var m data.Mentor
		if f.WithPhotos {
			var photo []byte
			var instruments string
			if err := rows.Scan(&m.ID, &m.FirstName, &m.LastName, &m.Email, &m.Phone, &m.Address, &instruments,
				&m.Education, &m.TeachingExperience, &m.PerformanceExperience, &m.Bio, dt(&m.WAResidentSince), &m.Status, &photo); err != nil {
				return nil, err
			}
			m.Instruments = data.SplitList(instruments)
			m.Photo = photo
		} else if err := scanMentor(rows, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Mentor reads one mentor with the photo.
func (s *Store) Mentor(ctx context.Context, id int64) (data.Mentor, error) {
	var m data.Mentor
	err := scanMentor(s.r.QueryRowContext(ctx, "SELECT "+mentorCols+" FROM mentors m WHERE m.id = ?", id), &m)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("mentor %d: %w", id, data.ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("read mentor %d: %w", id, err)
	}
	err = s.r.QueryRowContext(ctx, "SELECT jpeg FROM mentor_photos WHERE mentor_id = ?", id).Scan(&m.Photo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, err
	}
	return m, nil
}

// MentorByEmail finds a mentor by e-mail, compared case-insensitively.
func (s *Store) MentorByEmail(ctx context.Context, email string) (data.Mentor, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, "SELECT id FROM mentors WHERE email = ?", data.NormalizeEmail(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return data.Mentor{}, fmt.Errorf("no mentor with e-mail %q: %w", email, data.ErrNotFound)
	}
	if err != nil {
		return data.Mentor{}, err
	}
	return s.Mentor(ctx, id)
}

func mentorSearch(m data.Mentor) string {
	return strings.ToLower(strings.Join([]string{m.FirstName, m.LastName, m.Email, data.JoinList(m.Instruments)}, " "))
}

func saveMentorTx(tx *sql.Tx, m data.Mentor, withPhoto bool) (int64, error) {
	args := []any{m.FirstName, m.LastName, data.NormalizeEmail(m.Email), m.Phone, m.Address, data.JoinList(m.Instruments),
		m.Education, m.TeachingExperience, m.PerformanceExperience, m.Bio, dv(m.WAResidentSince), m.Status, mentorSearch(m)}
	if m.ID == 0 {
		res, err := tx.Exec(`INSERT INTO mentors(first_name, last_name, email, phone, address, instruments, education,
			teaching_experience, performance_experience, bio, wa_resident_since, status, search)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return 0, err
		}
		m.ID, _ = res.LastInsertId()
	} else {
		res, err := tx.Exec(`UPDATE mentors SET first_name=?, last_name=?, email=?, phone=?, address=?, instruments=?,
			education=?, teaching_experience=?, performance_experience=?, bio=?, wa_resident_since=?, status=?, search=?
			WHERE id=?`, append(args, m.ID)...)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return 0, fmt.Errorf("mentor %d: %w", m.ID, data.ErrNotFound)
		}
	}
	if withPhoto {
		if m.Photo == nil {
			if _, err := tx.Exec("DELETE FROM mentor_photos WHERE mentor_id = ?", m.ID); err != nil {
				return 0, err
			}
		} else if _, err := tx.Exec("INSERT INTO mentor_photos(mentor_id, jpeg) VALUES (?, ?) ON CONFLICT(mentor_id) DO UPDATE SET jpeg = excluded.jpeg", m.ID, m.Photo); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

// MentorDependents is data.MentorDependents: the type moved to the domain, the name kept for the store's callers.
type MentorDependents = data.MentorDependents

// Dependents tells what deleting the mentor would take along.
func (s *Store) Dependents(ctx context.Context, mentorID int64) (MentorDependents, error) {
	var d MentorDependents
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM checks WHERE mentor_id = ?1),
		(SELECT count(*) FROM contracts WHERE mentor_id = ?1),
		(SELECT count(*) FROM sessions WHERE mentor_id = ?1),
		(SELECT count(*) FROM enrollments WHERE mentor_id = ?1),
		(SELECT count(*) FROM statements WHERE mentor_id = ?1)`, mentorID).
		Scan(&d.Checks, &d.Contracts, &d.Sessions, &d.Enrollments, &d.Statements)
	return d, err
}

// DeleteMentor removes a mentor with their checks, contracts and photo. A mentor with sessions,
// enrollments or statements stays: their history belongs to the organisation's records.
func (s *Store) DeleteMentor(ctx context.Context, id int64) error {
	d, err := s.Dependents(ctx, id)
	if err != nil {
		return err
	}
	if d.Statements > 0 {
		return fmt.Errorf("the mentor has %d issued statement(s) and cannot be deleted; set their status to inactive instead", d.Statements)
	}
	if d.Sessions > 0 || d.Enrollments > 0 {
		return fmt.Errorf("the mentor has %d session(s) in %d enrollment(s); set their status to inactive instead", d.Sessions, d.Enrollments)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM mentors WHERE id = ?", id)
		return err
	})
}

// Checks lists background checks, of one mentor or (mentorID 0) of all, newest first.
func (s *Store) Checks(ctx context.Context, mentorID int64) ([]data.Check, error) {
	q := "SELECT c.id, c.mentor_id, m.email, c.kind, c.completed_on, c.result FROM checks c JOIN mentors m ON m.id = c.mentor_id"
	var args []any
	if mentorID != 0 {
		q += " WHERE c.mentor_id = ?"
		args = append(args, mentorID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY m.email, c.completed_on DESC, c.kind", args...)
	if err != nil {
		return nil, fmt.Errorf("list checks: %w", err)
	}
	defer rows.Close()
	var out []data.Check
	for rows.Next() {
		var c data.Check
		if err := rows.Scan(&c.ID, &c.MentorID, &c.MentorEmail, &c.Kind, dt(&c.CompletedOn), &c.Result); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCheck adds or updates a check (keyed by mentor, kind and date).
func (s *Store) SaveCheck(ctx context.Context, c data.Check) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return saveCheckTx(tx, c) })
}

func saveCheckTx(tx *sql.Tx, c data.Check) error {
	if c.ID != 0 {
		_, err := tx.Exec("UPDATE checks SET kind=?, completed_on=?, result=? WHERE id=?", c.Kind, dv(c.CompletedOn), c.Result, c.ID)
		return err
	}
	_, err := tx.Exec(`INSERT INTO checks(mentor_id, kind, completed_on, result) VALUES (?,?,?,?)
		ON CONFLICT(mentor_id, kind, completed_on) DO UPDATE SET result = excluded.result`, c.MentorID, c.Kind, dv(c.CompletedOn), c.Result)
	return err
}

// Contracts lists signed contracts, of one mentor or (0) of all.
func (s *Store) Contracts(ctx context.Context, mentorID int64) ([]data.Contract, error) {
	q := "SELECT c.id, c.mentor_id, m.email, c.school_year, c.signed_on FROM contracts c JOIN mentors m ON m.id = c.mentor_id"
	var args []any
	if mentorID != 0 {
		q += " WHERE c.mentor_id = ?"
		args = append(args, mentorID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY m.email, c.school_year DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("list contracts: %w", err)
	}
	defer rows.Close()
	var out []data.Contract
	for rows.Next() {
		var c data.Contract
		if err := rows.Scan(&c.ID, &c.MentorID, &c.MentorEmail, &c.SchoolYear, dt(&c.SignedOn)); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveContract adds or updates the contract of a mentor for a school year.
func (s *Store) SaveContract(ctx context.Context, c data.Contract) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return saveContractTx(tx, c) })
}

func saveContractTx(tx *sql.Tx, c data.Contract) error {
	_, err := tx.Exec(`INSERT INTO contracts(mentor_id, school_year, signed_on) VALUES (?,?,?)
		ON CONFLICT(mentor_id, school_year) DO UPDATE SET signed_on = excluded.signed_on`, c.MentorID, c.SchoolYear, dv(c.SignedOn))
	return err
}
