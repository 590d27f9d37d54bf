package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"mentordesk/data"
)

// Districts lists the district names, for choosing a school's district.
func (s *Store) Districts(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT name FROM districts ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list districts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// DeleteInstructor removes an instructor who teaches no classroom.
func (s *Store) DeleteInstructor(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		rooms, err := listNamesTx(tx, "SELECT name FROM classrooms WHERE instructor_id = ? ORDER BY name", id)
		if err != nil {
			return err
		}
		if len(rooms) > 0 {
			return fmt.Errorf("this instructor teaches %s: choose another instructor for %s first",
				strings.Join(rooms, ", "), countWord(len(rooms), "that classroom", "those classrooms"))
		}
		return deleteRowTx(tx, "instructors", id, "instructor")
	})
}

// DeleteClassroom removes a classroom and its events; one with sessions or enrollments is kept.
func (s *Store) DeleteClassroom(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var sessions, enrollments int
		if err := tx.QueryRow("SELECT count(*) FROM sessions WHERE classroom_id = ?", id).Scan(&sessions); err != nil {
			return err
		}
		err := tx.QueryRow(`SELECT count(*) FROM enrollments WHERE classroom_id = ?1 OR to_classroom_id = ?1
			OR id IN (SELECT enrollment_id FROM enrollment_terms WHERE classroom_id = ?1)`, id).Scan(&enrollments)
		if err != nil {
			return err
		}
		if sessions > 0 || enrollments > 0 {
			return fmt.Errorf("this classroom has %d session(s) and %d enrollment(s); it is kept so their history stays whole", sessions, enrollments)
		}
		return deleteRowTx(tx, "classrooms", id, "classroom")
	})
}

// CreateCalendar adds an empty calendar; a name already in use is refused, so an existing
// calendar's days are never replaced by accident.
func (s *Store) CreateCalendar(ctx context.Context, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if err := (data.CalendarDay{Calendar: name, Date: 1, Kind: data.FirstDay}).Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec("INSERT INTO calendars(name) VALUES (?)", name)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil && isConstraint(err) {
		return 0, data.Problems{{Field: "calendar", Problem: fmt.Sprintf("%q is already a calendar", name)}}
	}
	return id, err
}

// RenameCalendar gives a calendar a new name; schools following it keep following it.
func (s *Store) RenameCalendar(ctx context.Context, id int64, name string) error {
	name = strings.TrimSpace(name)
	if err := (data.CalendarDay{Calendar: name, Date: 1, Kind: data.FirstDay}).Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE calendars SET name = ? WHERE id = ?", name, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("calendar %d: %w", id, data.ErrNotFound)
		}
		return nil
	})
	if err != nil && isConstraint(err) {
		return data.Problems{{Field: "calendar", Problem: fmt.Sprintf("%q is the name of another calendar", name)}}
	}
	return err
}

func listNamesTx(tx *sql.Tx, q string, args ...any) ([]string, error) {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func deleteRowTx(tx *sql.Tx, table string, id int64, what string) error {
	res, err := tx.Exec("DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		if isConstraint(err) {
			return errors.New("this " + what + " is still used elsewhere and was kept")
		}
		return fmt.Errorf("delete %s %d: %w", what, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, data.ErrNotFound)
	}
	return nil
}

func countWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
