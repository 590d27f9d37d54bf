package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"

	"mentordesk/data"
)

// recordedQuery is one statement a store method ran, with the values bound to it.
type recordedQuery struct {
	sql  string
	args []driver.NamedValue
}

// recorder is a driver that runs go-sqlite3 and keeps every query it is asked, so a test can ask
// SQLite for the plan of exactly the SQL a store method builds.
type recorder struct {
	sqlite3.SQLiteDriver
	mu   sync.Mutex
	seen []recordedQuery
}

var planRecorder = &recorder{}

func init() { sql.Register("sqlite3-plan-recorder", planRecorder) }

func (r *recorder) Open(name string) (driver.Conn, error) {
	c, err := r.SQLiteDriver.Open(name)
	if err != nil {
		return nil, err
	}
	return &recordingConn{c.(*sqlite3.SQLiteConn), r}, nil
}

func (r *recorder) take() []recordedQuery {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.seen
	r.seen = nil
	return out
}

type recordingConn struct {
	*sqlite3.SQLiteConn
	r *recorder
}

func (c *recordingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	c.r.mu.Lock()
	c.r.seen = append(c.r.seen, recordedQuery{q, append([]driver.NamedValue(nil), args...)})
	c.r.mu.Unlock()
	return c.SQLiteConn.QueryContext(ctx, q, args)
}

// planStore is a small organisation whose read pool records its queries. SQLite plans these
// queries from the schema alone (the app never runs ANALYZE), so a few rows of each kind show
// the plans the large organisation gets.
func planStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	calendarScale(t, s, 6, 30, 12, 1200, data.MustDate("2025-09-01"))
	if _, err := s.IssueStatements(ctx, IssueChoice{Through: data.MustDate("2026-11-01")}, data.MustDate("2026-11-02")); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEvent(ctx, data.Event{ClassroomID: 1, Date: data.MustDate("2026-12-12"), Name: "Winter Concert"}); err != nil {
		t.Fatal(err)
	}
	cid, err := ops(s).SaveCohort(ctx, data.Cohort{Name: "Plan cohort", Start: data.MustDate("2026-10-01")})
	if err != nil {
		t.Fatal(err)
	}
	for i, stage := range []data.CareerStage{data.Early, data.Experienced} {
		if _, err := ops(s).SaveApplicant(ctx, data.Applicant{CohortID: cid, Cohort: "Plan cohort", FirstName: "Ana", LastName: fmt.Sprint(i),
			Email: fmt.Sprintf("a%d@example.org", i), CareerStage: stage, YearsTeaching: 3,
			Strengths: []string{"sight-reading"}, Passions: []string{"jazz"}, Growth: []string{"composition"}}); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := sql.Open("sqlite3-plan-recorder", dsn(s.path, true))
	if err != nil {
		t.Fatal(err)
	}
	s.r.Close()
	s.r = rec
	planRecorder.take()
	return s
}

// largeTables hold tens of thousands of rows in ten years; a query must reach them by an index.
var largeTables = []string{"sessions", "statements", "statement_lines", "events", "applicants", "checks", "continuations"}

// plan is SQLite's query plan of a recorded query, one line per step.
func plan(t *testing.T, s *Store, q recordedQuery) []string {
	t.Helper()
	args := make([]any, len(q.args))
	for i, a := range q.args {
		args[i] = a.Value
		if a.Name != "" {
			args[i] = sql.Named(a.Name, a.Value)
		}
	}
	rows, err := s.w.Query("EXPLAIN QUERY PLAN "+q.sql, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", q.sql, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// scans lists the steps that read a whole large table (a SCAN, with or without a covering
// index); plans name a table by the alias the query gives it.
func scans(steps []string) []string {
	aliases := map[string]string{"x": "sessions", "y": "sessions", "st": "statements", "l": "statement_lines",
		"e": "events", "a": "applicants", "k": "continuations"}
	var out []string
	for _, step := range steps {
		f := strings.Fields(step)
		if len(f) < 2 || f[0] != "SCAN" {
			continue
		}
		table := f[1]
		if t, ok := aliases[table]; ok {
			table = t
		}
		for _, large := range largeTables {
			if table == large {
				out = append(out, step)
			}
		}
	}
	return out
}

func TestHotQueriesUseTheirIndexes(t *testing.T) {
	s := planStore(t)
	from, through := data.MustDate("2026-10-26"), data.MustDate("2026-12-06")
	cases := []struct {
		name string
		run  func() error
		// index must appear in the plan of the query whose SQL contains marker.
		marker, index string
	}{
		{"calendar month", func() error { _, err := s.CalendarSessions(ctx, from, through); return err },
			"x.date BETWEEN", "sessions_by_date (date>? AND date<?)"},
		{"a mentor's sessions of a month", func() error {
			_, err := s.Sessions(ctx, SessionFilter{MentorID: 3, From: from, Through: through})
			return err
		}, "x.mentor_id = ?", "sessions_by_mentor_date (mentor_id=? AND date>? AND date<?)"},
		{"a mentor's sessions", func() error { _, err := s.Sessions(ctx, SessionFilter{MentorID: 3}); return err },
			"x.mentor_id = ?", "sessions_by_mentor_date (mentor_id=?)"},
		{"a mentor's visits", func() error { _, err := s.MentorVisits(ctx, 3); return err },
			"x.mentor_id = ?", "sessions_by_mentor_date (mentor_id=?)"},
		{"sessions awaiting confirmation (Home)", func() error {
			_, err := s.Sessions(ctx, SessionFilter{Status: data.Completed})
			return err
		}, "x.status = ?", "sessions_by_status (status=?)"},
		{"statements by mentor", func() error { _, err := s.Statements(ctx, StatementFilter{MentorID: 3}); return err },
			"st.mentor_id = ?", "statements_by_mentor (mentor_id=?)"},
		{"statement list by mentor", func() error {
			_, err := s.StatementSummaries(ctx, StatementFilter{MentorID: 3})
			return err
		}, "st.mentor_id = ?", "statements_by_mentor (mentor_id=?)"},
		{"statements by visit dates", func() error {
			_, err := s.StatementSummaries(ctx, StatementFilter{From: data.MustDate("2026-01-01"), Through: data.MustDate("2026-03-31")})
			return err
		}, "st.visit_date >= ?", "statements_by_visit (visit_date>? AND visit_date<?)"},
		{"statements to print by visit dates", func() error {
			_, err := s.Statements(ctx, StatementFilter{From: data.MustDate("2026-01-01"), Through: data.MustDate("2026-03-31")})
			return err
		}, "st.visit_date >= ?", "statements_by_visit (visit_date>? AND visit_date<?)"},
		{"a mentor's statements of a year", func() error { _, err := s.YearStatements(ctx, 3, 2026); return err },
			"st.mentor_id = ?", "statements_by_mentor (mentor_id=? AND issued_on>? AND issued_on<?)"},
		{"adjustments of a statement", func() error {
			_, err := s.StatementSummaries(ctx, StatementFilter{Adjusts: 1})
			return err
		}, "st.adjusts = ?", "statements_by_adjusts (adjusts=?)"},
		{"one mentor's balance", func() error { _, err := s.MentorBalance(ctx, 3); return err },
			"t.mentor_id = ?", "PRIMARY KEY (mentor_id=?)"},
		{"mentors with statements", func() error { _, err := s.StatementChoices(ctx); return err },
			"st.mentor_id = m.id", "statements_by_mentor (mentor_id=?)"},
		{"schools with statements", func() error { _, err := s.StatementChoices(ctx); return err },
			"st.school_id = sc.id", "statements_by_school (school_id=?)"},
		{"visits ready to pay", func() error { _, err := s.ReadyVisits(ctx, data.MustDate("2026-11-21")); return err },
			"SELECT DISTINCT y.mentor_id", "(status=? AND statement_id=? AND date<?)"},
		{"visits awaiting confirmation", func() error { _, err := s.ReadyVisits(ctx, data.MustDate("2026-11-21")); return err },
			"JOIN classrooms c ON c.id = x.classroom_id WHERE x.status = ?", "sessions_by_status (status=?)"},
		{"events of a month", func() error { _, err := s.Events(ctx, 0, from, through); return err },
			"e.date >= ?", "events_by_date (date>? AND date<?)"},
		{"applicants of a cohort", func() error { _, err := s.Applicants(ctx, 1); return err },
			"a.cohort_id = ?", "(cohort_id=?)"},
		{"sessions of a school year's enrollments", func() error { _, err := s.EnrollmentSessions(ctx, 2026); return err },
			"e.school_year = ?", "enrollments_by_year (school_year=?)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.run(); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, q := range planRecorder.take() {
				if !strings.Contains(q.sql, c.marker) {
					continue
				}
				found = true
				steps := plan(t, s, q)
				text := strings.Join(steps, "\n")
				t.Logf("%s", text)
				if !strings.Contains(text, c.index) {
					t.Errorf("the plan does not use %s:\n%s\n-- for --\n%s", c.index, text, q.sql)
				}
				if sc := scans(steps); len(sc) > 0 {
					t.Errorf("the plan reads a whole large table (%s):\n%s", strings.Join(sc, "; "), text)
				}
			}
			if !found {
				t.Errorf("no query containing %q was run", c.marker)
			}
		})
	}
}
