package sqlite

import (
	"database/sql"
	"strings"
	"testing"

	"mentordesk/data"
)

// issuedFixture is statement No. 1 paying one locked session, with a continuation and a payment.
const issuedFixture = `INSERT INTO districts(name) VALUES ('D');
	INSERT INTO schools(name, district_id, level) VALUES ('S', 1, 'middle');
	INSERT INTO mentors(first_name, last_name, email, status) VALUES ('A', 'B', 'a@example.org', 'active');
	INSERT INTO classrooms(school_id, name, ensemble, meeting_days, period_start, period_minutes) VALUES (1, 'Band', 'band', 2, 540, 50);
	INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on)
		VALUES (1, 1, '2026-09-30', 540, 50, 'focused', 'confirmed', '2026-09-30');
	INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status)
		VALUES (1, 1, '2026-10-07', 540, 50, 'focused', 'planned');
	INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (1, '2026-10-01', 1, 1, '2026-09-30', 12500, 2);
	INSERT INTO statement_lines(statement_id, line, kind, session_id, description, classroom, program, start, minutes, amount)
		VALUES (1, 1, 'session', 1, 'Band', 'Band', 'focused', 540, 50, 7500);
	INSERT INTO statement_lines(statement_id, line, kind, description, amount) VALUES (1, 2, 'continuation', 'Continuation', 5000);
	UPDATE sessions SET statement_id = 1 WHERE id = 1;
	INSERT INTO continuations(mentor_id, school_id, school_year, statement_id) VALUES (1, 1, 2026, 1);
	INSERT INTO statement_totals(mentor_id, year, statements, adjustments, owed) VALUES (1, 2026, 1, 0, 12500);
	INSERT INTO statement_payments(statement_id, paid_on, reference) VALUES (1, '2026-10-15', 'cheque 1');`

// replaceAttempts are the conflict-resolution paths by which SQL could rewrite issued rows.
var replaceAttempts = []string{
	"INSERT OR REPLACE INTO statements(id, number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (1, 2, '2026-10-01', 1, 1, '2026-09-30', 1, 1)",
	"INSERT OR REPLACE INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (1, '2026-10-01', 1, 1, '2026-09-30', 1, 1)",
	"REPLACE INTO statements(id, number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (1, 1, '2026-10-01', 1, 1, '2026-09-30', 1, 1)",
	"INSERT OR REPLACE INTO statement_lines(statement_id, line, kind, session_id, description, amount) VALUES (1, 1, 'session', 1, 'x', 1)",
	"INSERT OR REPLACE INTO sessions(id, classroom_id, mentor_id, date, start, minutes, program, status) VALUES (1, 1, 1, '2026-09-30', 540, 50, 'focused', 'cancelled')",
	"INSERT OR REPLACE INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status) VALUES (1, 1, '2026-09-30', 540, 50, 'focused', 'planned')",
	"UPDATE OR REPLACE sessions SET date = '2026-09-30' WHERE id = 2",
	"UPDATE OR REPLACE sessions SET id = 1 WHERE id = 2",
	"UPDATE sessions SET id = 9 WHERE id = 1",
	"INSERT OR REPLACE INTO statement_payments(statement_id, paid_on, reference) VALUES (1, '2027-01-01', 'other')",
	"INSERT OR REPLACE INTO continuations(mentor_id, school_id, school_year, statement_id) VALUES (1, 1, 2026, 1)",
	"DELETE FROM continuations",
}

func TestIssuedStatementCannotBeReplacedThroughSQL(t *testing.T) {
	for _, conn := range []string{"MentorDesk's connection", "a plain connection (the sqlite3 shell)"} {
		t.Run(conn, func(t *testing.T) {
			s := newStore(t)
			if _, err := s.w.Exec(issuedFixture); err != nil {
				t.Fatal(err)
			}
			db := s.w
			if strings.HasPrefix(conn, "a plain") {
				// Foreign keys and recursive triggers off, as a shell opens the file.
				plain, err := sql.Open("sqlite3", "file:"+s.Path())
				if err != nil {
					t.Fatal(err)
				}
				defer plain.Close()
				db = plain
			}
			for _, q := range replaceAttempts {
				if _, err := db.Exec(q); err == nil {
					t.Errorf("%s: succeeded; want refused", q)
				}
			}
			st, err := s.Statement(ctx, 1)
			if err != nil || st.Total() != 12500 || len(st.Lines) != 2 || st.Lines[0].SessionID != 1 || st.PaidRef != "cheque 1" {
				t.Errorf("statement No. 1 after the refused changes: %+v, %v", st, err)
			}
			x, err := s.Session(ctx, 1)
			if err != nil || x.Status != data.Confirmed || x.StatementID != 1 || x.Date != data.MustDate("2026-09-30") {
				t.Errorf("the locked session after the refused changes: %+v, %v", x, err)
			}
			if n := countRows(t, s.Path(), "continuations"); n != 1 {
				t.Errorf("%d continuations after the refused changes; want 1", n)
			}
			if f := problems(t, s); len(f) != 0 {
				t.Errorf("check finds problems in an untouched statement: %v", f)
			}
		})
	}
}

func TestCheckReportsStatementLinesWhoseSessionChanged(t *testing.T) {
	for _, tc := range []struct{ name, bend, want string }{
		{"session deleted", "DELETE FROM sessions WHERE id = 1", "statement No. 1 line 1"},
		{"session moved", "UPDATE sessions SET date = '2026-10-02' WHERE id = 1", "statement No. 1 line 1"},
		{"session unlocked", "UPDATE sessions SET statement_id = NULL WHERE id = 1", "statement No. 1 line 1"},
		{"session made longer", "UPDATE sessions SET minutes = 90 WHERE id = 1", "statement No. 1 line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			if _, err := s.w.Exec(issuedFixture); err != nil {
				t.Fatal(err)
			}
			// Bent as a damaged or hand-edited file would be: with the guards dropped.
			plain, err := sql.Open("sqlite3", "file:"+s.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer plain.Close()
			if _, err := plain.Exec(`DROP TRIGGER sessions_locked_update; DROP TRIGGER sessions_locked_delete; ` + tc.bend); err != nil {
				t.Fatal(err)
			}
			found := strings.Join(problems(t, s), "\n")
			if !strings.Contains(found, tc.want) {
				t.Errorf("check found %q; want a problem naming %q", found, tc.want)
			}
		})
	}
}
