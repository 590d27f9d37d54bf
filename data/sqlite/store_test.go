package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "org.mentordesk"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var ctx = context.Background()

func TestOpenNewFileIsPrivateAndMigrated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "folder")
	path := filepath.Join(dir, "org.mentordesk")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v, app int
	s.w.QueryRow("PRAGMA user_version").Scan(&v)
	s.w.QueryRow("PRAGMA application_id").Scan(&app)
	if v != Latest() || app != ApplicationID {
		t.Fatalf("user_version %d application_id %x, want %d %x", v, app, Latest(), ApplicationID)
	}
	for _, p := range []string{path, dir} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s has mode %v; want owner-only", p, st.Mode().Perm())
		}
	}
}

func TestPragmasOnEveryPooledConnection(t *testing.T) {
	s := newStore(t)
	for name, db := range map[string]*sql.DB{"writer": s.w, "reader": s.r} {
		// Hold several connections at once so the pool must open distinct ones.
		var conns []*sql.Conn
		n := 1
		if db == s.r {
			n = 4
		}
		for i := 0; i < n; i++ {
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			var fk, sync, rt int
			var mode string
			c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
			c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
			c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
			c.QueryRowContext(ctx, "PRAGMA recursive_triggers").Scan(&rt)
			if fk != 1 || sync != 2 || mode != "wal" || rt != 1 {
				t.Errorf("%s connection %d: foreign_keys=%d synchronous=%d journal_mode=%s recursive_triggers=%d; want 1, 2, wal, 1", name, i, fk, sync, mode, rt)
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
}

func TestRefusedFilesAreLeftUnchanged(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite3", foreign)
	db.Exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup')")
	db.Close()

	newer := filepath.Join(dir, "newer.mentordesk")
	s, err := Open(newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.w.Exec("PRAGMA user_version = 99")
	s.Close()

	damaged := filepath.Join(dir, "damaged.mentordesk")
	s, err = Open(damaged, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "Ana", LastName: "Lee", Email: strings.Repeat("a", i%7) + "x" + string(rune('a'+i%26)) + "@example.org" + strings.Repeat("", i), Status: data.Active, Bio: strings.Repeat("bio ", 200)}})
	}
	s.Close()
	b, _ := os.ReadFile(damaged)
	for i := 4096 * 2; i < len(b)-100; i += 4096 {
		copy(b[i+20:i+60], bytes.Repeat([]byte{0xAB}, 40))
	}
	os.WriteFile(damaged, b, 0o600)

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("shopping list\nmilk\n"), 0o600)
	empty := filepath.Join(dir, "empty.mentordesk")
	os.WriteFile(empty, nil, 0o600)

	cases := []struct {
		name, path string
		want       error
	}{
		{"another program's SQLite file", foreign, ErrForeign},
		{"a newer schema", newer, ErrNewer},
		{"a damaged file", damaged, ErrDamaged},
		{"a text file", text, ErrForeign},
		{"an empty file", empty, ErrForeign},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, err := Open(c.path, Options{})
			if !errors.Is(err, c.want) {
				t.Fatalf("Open: %v; want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("message %q should name the file and say it was left as it is", err)
			}
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if st, err := os.Stat(c.path + side); err == nil && st.Size() > 0 {
					t.Errorf("%s left behind with %d bytes", side, st.Size())
				}
			}
		})
	}
}

func TestMigrateFromPreviousVersionKeepsDataAndBacksUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "org.mentordesk")
	s, err := Open(path, Options{stopAt: versionOf(t, "statement_totals") - 1})
	if err != nil {
		t.Fatal(err)
	}
	// Statements, some paid and one an adjustment, written before the schema kept their totals.
	if _, err := s.w.Exec(`INSERT INTO districts(name) VALUES ('D');
		INSERT INTO schools(name, district_id, level) VALUES ('S', 1, 'middle');
		INSERT INTO mentors(first_name, last_name, email, status) VALUES ('A', 'B', 'a@example.org', 'active'), ('C', 'D', 'c@example.org', 'active');
		INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES
			(1, '2025-12-05', 1, 1, '2025-11-20', 7500, 1), (2, '2026-01-05', 1, 1, '2025-12-10', 8000, 1),
			(3, '2026-01-05', 2, 1, '2025-12-11', 9000, 1);
		INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, adjusts, reason, total, line_count) VALUES
			(4, '2026-02-01', 1, 1, '2025-12-10', 2, 'short', -1250, 1);
		INSERT INTO statement_lines(statement_id, line, kind, session_id, description, program, start, minutes, amount) VALUES
			(1, 1, 'session', 1, 'x', 'focused', 540, 50, 7500), (2, 1, 'session', 2, 'x', 'focused', 540, 50, 8000),
			(3, 1, 'session', 3, 'x', 'focused', 600, 50, 9000);
		INSERT INTO statement_lines(statement_id, line, kind, description, amount) VALUES (4, 1, 'adjustment', 'short', -1250);
		INSERT INTO classrooms(school_id, name, ensemble, meeting_days, period_start, period_minutes) VALUES (1, 'Band', 'band', 2, 540, 50);
		INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on, statement_id) VALUES
			(1, 1, '2025-11-20', 540, 50, 'focused', 'confirmed', '2025-11-20', 1), (1, 1, '2025-12-10', 540, 50, 'focused', 'confirmed', '2025-12-10', 2),
			(1, 2, '2025-12-11', 600, 50, 'focused', 'confirmed', '2025-12-11', 3);
		INSERT INTO statement_payments(statement_id, paid_on, reference) VALUES (1, '2025-12-19', 'EFT'), (3, '2026-01-19', 'EFT');`); err != nil {
		t.Fatal(err)
	}
	if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "Zoë", LastName: "Łukasiewicz", Email: "zoe@example.org", Status: data.Active}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{BackupDir: filepath.Join(dir, "bk")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.w.QueryRow("PRAGMA user_version").Scan(&v)
	if v != Latest() {
		t.Fatalf("user_version %d; want %d", v, Latest())
	}
	m, err := s.MentorByEmail(ctx, "ZOE@example.org")
	if err != nil || m.LastName != "Łukasiewicz" {
		t.Fatalf("mentor after migration: %+v, %v", m, err)
	}
	all, err := s.Statements(ctx, StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	bals, err := s.MentorBalances(ctx)
	if err != nil || len(bals) == 0 {
		t.Fatalf("balances after migration: %v, %v", bals, err)
	}
	for _, b := range bals {
		if want := data.Balances(all)[b.MentorID]; b.Balance != want {
			t.Errorf("mentor %d after migration: %+v; the statements say %+v", b.MentorID, b.Balance, want)
		}
	}
	if f := problems(t, s); len(f) != 0 {
		t.Errorf("check after migration: %v", f)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "bk", "*.db"))
	if len(backups) != 1 {
		t.Fatalf("backups before migration: %v; want one", backups)
	}
	if err := Verify(backups[0]); err != nil {
		t.Fatal(err)
	}
}

// versionOf is the schema version a migration (named by the end of its file name) brings.
func versionOf(t *testing.T, name string) int {
	t.Helper()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.HasSuffix(strings.TrimSuffix(m.name, ".sql"), "_"+name) {
			return m.version
		}
	}
	t.Fatalf("no migration named %s", name)
	return 0
}

func TestIssuedStatementCannotChangeThroughSQL(t *testing.T) {
	s := newStore(t)
	_, err := s.w.Exec(`INSERT INTO districts(name) VALUES ('D');
		INSERT INTO schools(name, district_id, level) VALUES ('S', 1, 'middle');
		INSERT INTO mentors(first_name, last_name, email, status) VALUES ('A', 'B', 'a@example.org', 'active');
		INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (1, '2026-10-01', 1, 1, '2026-09-30', 7500, 1);
		INSERT INTO statement_lines(statement_id, line, kind, description, amount) VALUES (1, 1, 'session', 'x', 7500);
		INSERT INTO classrooms(school_id, name, ensemble, meeting_days, period_start, period_minutes) VALUES (1, 'Band', 'band', 2, 540, 50);
		INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on, statement_id)
			VALUES (1, 1, '2026-09-30', 540, 50, 'focused', 'confirmed', '2026-09-30', 1);`)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE statements SET issued_on = '2026-10-02'",
		"UPDATE sessions SET status = 'cancelled'",
		"UPDATE sessions SET date = '2026-10-01'",
		"UPDATE sessions SET statement_id = NULL",
		"DELETE FROM sessions",
		"UPDATE statements SET total = 1 WHERE number = 1",
		"DELETE FROM statements WHERE number = 1",
		"UPDATE statement_lines SET amount = 1",
		"DELETE FROM statement_lines",
		"INSERT INTO statement_lines(statement_id, line, kind, description, amount) VALUES (1, 2, 'session', 'extra', 100)",
		"INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (3, '2026-10-01', 1, 1, '2026-09-30', 1, 1)",
	} {
		if _, err := s.w.Exec(q); err == nil {
			t.Errorf("%s: succeeded; want refused", q)
		}
	}
	st, err := s.Statement(ctx, 1)
	if err != nil || st.Total() != 7500 || len(st.Lines) != 1 || st.IssuedOn != data.MustDate("2026-10-01") {
		t.Errorf("statement No. 1 after the refused changes: %+v, %v", st, err)
	}
	x, err := s.Session(ctx, 1)
	if err != nil || x.Status != data.Confirmed || x.StatementID != 1 || x.Date != data.MustDate("2026-09-30") {
		t.Errorf("the locked session after the refused changes: %+v, %v", x, err)
	}
}
