package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mentordesk/data"
)

// SaveMailSettings stores every mail setting at once (the Settings screen's E-mail section).
func (s *Store) SaveMailSettings(ctx context.Context, m data.MailSettings) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range data.MailSettingKeys {
			v, _ := m.Get(k)
			check := data.DefaultMailSettings()
			if err := check.Set(k, v); err != nil {
				return err
			}
			if _, err := tx.Exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", k, []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
}

// MailTemplate reads a kind's template; one the director never edited is the default.
func (s *Store) MailTemplate(ctx context.Context, k data.MailKind) (data.MailTemplate, error) {
	t := data.MailTemplate{Kind: k}
	err := s.r.QueryRowContext(ctx, "SELECT subject, body FROM mail_templates WHERE kind = ?", string(k)).Scan(&t.Subject, &t.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return data.DefaultTemplate(k), nil
	}
	if err != nil {
		return t, fmt.Errorf("read the %s template: %w", k, err)
	}
	return t, nil
}

// SaveMailTemplate checks and stores a kind's template; the default is stored as no row.
func (s *Store) SaveMailTemplate(ctx context.Context, t data.MailTemplate) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if t == data.DefaultTemplate(t.Kind) {
			_, err := tx.Exec("DELETE FROM mail_templates WHERE kind = ?", string(t.Kind))
			return err
		}
		_, err := tx.Exec(`INSERT INTO mail_templates(kind, subject, body) VALUES (?, ?, ?)
			ON CONFLICT(kind) DO UPDATE SET subject = excluded.subject, body = excluded.body`, string(t.Kind), t.Subject, t.Body)
		return err
	})
}

// AwaitingConfirmation is an instructor with the completed sessions of their classrooms that
// they have not confirmed yet.
type AwaitingConfirmation struct {
	Instructor data.Instructor
	Sessions   []data.Session
}

// AwaitingConfirmations lists, per instructor, the completed sessions through a day (zero: all)
// in the classrooms they teach, by instructor name and then session date.
func (s *Store) AwaitingConfirmations(ctx context.Context, through data.Date) ([]AwaitingConfirmation, error) {
	q := `SELECT i.id, i.first_name, i.last_name, i.email, i.phone, i.school_id, sch.name, ` + sessionCols + sessionFrom + `
		JOIN instructors i ON i.id = c.instructor_id JOIN schools sch ON sch.id = i.school_id
		WHERE x.status = 'completed'`
	var args []any
	if !through.IsZero() {
		q += " AND x.date <= ?"
		args = append(args, dv(through))
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY i.last_name, i.first_name, i.id, x.date, x.start, c.name", args...)
	if err != nil {
		return nil, fmt.Errorf("read sessions awaiting confirmation: %w", err)
	}
	defer rows.Close()
	var out []AwaitingConfirmation
	for rows.Next() {
		var in data.Instructor
		var x data.Session
		dest := []any{&in.ID, &in.FirstName, &in.LastName, &in.Email, &in.Phone, &in.SchoolID, &in.School}
		if err := scanSession(rowPrefix{rows, dest}, &x); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].Instructor.ID != in.ID {
			out = append(out, AwaitingConfirmation{Instructor: in})
		}
		out[len(out)-1].Sessions = append(out[len(out)-1].Sessions, x)
	}
	return out, rows.Err()
}

// rowPrefix scans some leading columns into dest, then the rest into what Scan is given.
type rowPrefix struct {
	rows *sql.Rows
	dest []any
}

func (r rowPrefix) Scan(v ...any) error {
	return r.rows.Scan(append(append([]any{}, r.dest...), v...)...)
}
