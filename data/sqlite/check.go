package sqlite

import (
	"context"
	"fmt"
)

// Finding is one thing `check` found: a Problem makes it fail, a Warning is a flag (R8).
type Finding struct {
	Problem bool
	Text    string
}

func (f Finding) String() string {
	if f.Problem {
		return "problem: " + f.Text
	}
	return "warning: " + f.Text
}

// Check runs SQLite's integrity and foreign-key checks and MentorDesk's rule checks.
func (s *Store) Check(ctx context.Context) ([]Finding, error) {
	var out []Finding
	problem := func(format string, args ...any) { out = append(out, Finding{true, fmt.Sprintf(format, args...)}) }
	warn := func(format string, args ...any) { out = append(out, Finding{false, fmt.Sprintf(format, args...)}) }

	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var msg string
		rows.Scan(&msg)
		if msg != "ok" {
			problem("integrity: %s", msg)
		}
	}
	rows.Close()
	rows, err = s.r.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		rows.Scan(&table, &rowid, &parent, &fkid)
		problem("a row of %s (rowid %v) points at a missing row of %s", table, rowid, parent)
	}
	rows.Close()

	queries := []struct {
		problem bool
		q       string
		format  string
	}{
		{true, `SELECT count(*), COALESCE(max(number), 0) FROM statements`, ""},
		{true, `SELECT st.number FROM statements st WHERE st.total <> (SELECT COALESCE(sum(amount), 0) FROM statement_lines l WHERE l.statement_id = st.id)`,
			"statement No. %v: its total differs from the sum of its lines"},
		{true, `SELECT st.number FROM statements st WHERE st.line_count <> (SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.id)`,
			"statement No. %v: lines are missing"},
		{true, `SELECT x.id FROM sessions x WHERE x.statement_id IS NOT NULL AND x.status <> 'confirmed'`,
			"session %v is paid on a statement but is not confirmed"},
		// A session line pays one session as it was: still there, locked on that statement, of
		// its mentor, school and date, with the time and program paid.
		{true, `SELECT 'statement No. ' || st.number || ' line ' || l.line || ' (session ' || l.session_id || ')'
			FROM statement_lines l JOIN statements st ON st.id = l.statement_id
			LEFT JOIN sessions x ON x.id = l.session_id LEFT JOIN classrooms c ON c.id = x.classroom_id
			WHERE l.kind = 'session' AND (x.id IS NULL OR x.statement_id IS NOT st.id OR x.status <> 'confirmed'
				OR x.mentor_id <> st.mentor_id OR c.school_id IS NOT st.school_id OR x.date <> st.visit_date
				OR x.start <> l.start OR x.minutes <> l.minutes OR x.program <> l.program)
			ORDER BY st.number, l.line`,
			"%v: the session no longer matches what the statement paid (missing, moved, changed or unlocked)"},
		{true, `SELECT x.id FROM sessions x WHERE x.statement_id IS NOT NULL AND NOT EXISTS
			(SELECT 1 FROM statement_lines l WHERE l.statement_id = x.statement_id AND l.session_id = x.id AND l.kind = 'session')`,
			"session %v is locked on a statement that does not pay it"},
		{true, `SELECT group_concat(number, ' and ') FROM (SELECT number, mentor_id, school_id, visit_date FROM statements
			WHERE adjusts IS NULL ORDER BY number) GROUP BY mentor_id, school_id, visit_date HAVING count(*) > 1`,
			"statements No. %v are two ordinary statements of one visit (R6: a visit has one; what is paid later is an adjustment naming it)"},
		{true, `SELECT x.id FROM sessions x WHERE (x.status = 'confirmed') <> (x.confirmed_on <> '')`,
			"session %v: confirmed sessions need a confirmation date, and only they"},
		{true, `SELECT x.id FROM sessions x WHERE x.status = 'confirmed' AND x.confirmed_on < x.date`,
			"session %v was confirmed before it took place"},
		{true, `WITH r AS (SELECT st.mentor_id, CAST(substr(st.issued_on, 1, 4) AS INTEGER) AS year, count(*), count(st.adjusts),
				COALESCE(sum(CASE WHEN p.statement_id IS NULL THEN st.total END), 0),
				COALESCE(sum(CASE WHEN p.statement_id IS NOT NULL THEN st.total END), 0)
				FROM statements st LEFT JOIN statement_payments p ON p.statement_id = st.id GROUP BY 1, 2),
			t AS (SELECT mentor_id, year, statements, adjustments, owed, paid FROM statement_totals WHERE statements > 0),
			d AS (SELECT * FROM r EXCEPT SELECT * FROM t), e AS (SELECT * FROM t EXCEPT SELECT * FROM r)
			SELECT DISTINCT 'mentor ' || mentor_id || ' in ' || year FROM (SELECT * FROM d UNION ALL SELECT * FROM e)`,
			"the payment totals kept for %v differ from that mentor's statements"},
		{false, `SELECT DISTINCT m.email || ' in ' || (e.school_year) || '-' || substr('0' || ((e.school_year + 1) % 100), -2)
			FROM enrollments e JOIN mentors m ON m.id = e.mentor_id
			WHERE NOT EXISTS (SELECT 1 FROM contracts c WHERE c.mentor_id = e.mentor_id AND c.school_year = e.school_year)`,
			"%v: scheduled without a signed contract (R8)"},
		{false, `SELECT a.id || ' and ' || b.id FROM sessions a JOIN sessions b ON a.mentor_id = b.mentor_id AND a.date = b.date AND a.id < b.id
			WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND a.start < b.start + b.minutes AND b.start < a.start + a.minutes`,
			"sessions %v of one mentor overlap in time"},
	}
	for i, c := range queries {
		if i == 0 {
			var n, max int
			if err := s.r.QueryRowContext(ctx, c.q).Scan(&n, &max); err != nil {
				return nil, err
			}
			if n != max {
				problem("statement numbers have gaps: %d statements numbered up to %d", n, max)
			}
			continue
		}
		rows, err := s.r.QueryContext(ctx, c.q)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var v any
			rows.Scan(&v)
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			if c.problem {
				problem(c.format, v)
			} else {
				warn(c.format, v)
			}
		}
		rows.Close()
	}
	return out, nil
}
