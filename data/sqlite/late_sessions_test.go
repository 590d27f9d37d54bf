package sqlite

import (
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// R6: a session confirmed (here: imported) after its visit's statement was issued is paid on an
// adjustment statement naming that statement, never on a second ordinary one.
func TestLateSessionOfAnIssuedVisitIsPaidOnAnAdjustment(t *testing.T) {
	for _, way := range []string{"statements issue", "the Payments screen"} {
		t.Run(way, func(t *testing.T) {
			o := newOrg(t)
			o.confirmed("Ana", "Lincoln/Band", "2026-09-15 09:00")
			first := o.issue("2026-09-30")
			if len(first) != 1 || first[0].Number != 1 {
				t.Fatalf("first issue: %+v", first)
			}
			// The instructor's sheet, imported later, holds a second confirmed session of that visit.
			o.room("Lincoln", "Choir")
			csv := "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n" +
				"2026-09-15,10:00,50,Lincoln,Choir,ana@example.org,focused,confirmed,2026-09-16,,\n"
			if _, err := o.s.Import(ctx, csvio.Sessions, "sessions.csv", strings.NewReader(csv), t.TempDir()); err != nil {
				t.Fatal(err)
			}
			ready, err := o.s.ReadyVisits(ctx, 0)
			if err != nil || len(ready.Visits) != 1 || ready.Visits[0].Draft.Adjusts != 1 {
				t.Fatalf("the Payments screen's draft for the late session: %+v, %v; want an adjustment of No. 1", ready.Visits, err)
			}
			choice := IssueChoice{Through: data.MustDate("2026-10-31")}
			if way == "the Payments screen" {
				choice = IssueChoice{Visits: []VisitKey{ready.Visits[0].Key()}}
			}
			second, err := o.s.IssueStatements(ctx, choice, data.MustDate("2026-10-31"))
			if err != nil {
				t.Fatal(err)
			}
			if len(second) != 1 {
				t.Fatalf("second issue: %+v", second)
			}
			adj := second[0]
			if adj.Number != 2 || adj.Adjusts != 1 || adj.SessionsPaid() != 1 || !strings.Contains(adj.Reason, "No. 1") {
				t.Errorf("the late session's statement: No. %d adjusts %d, %d sessions, reason %q; want No. 2 adjusting No. 1 for 1 session",
					adj.Number, adj.Adjusts, adj.SessionsPaid(), adj.Reason)
			}
			stored, err := o.s.Statement(ctx, 2)
			if err != nil || stored.Adjusts != 1 || stored.Total() != adj.Total() {
				t.Errorf("stored No. 2: %+v, %v", stored, err)
			}
			if f := problems(t, o.s); len(f) != 0 {
				t.Errorf("check: %v", f)
			}
			if again := o.issue("2026-12-31"); len(again) != 0 {
				t.Errorf("a third issue paid %d more statements", len(again))
			}
		})
	}
}

func TestASecondOrdinaryStatementOfAVisitIsRefusedAndReported(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Lincoln/Band", "2026-09-15 09:00")
	o.issue("2026-09-30")
	st, err := o.s.Statement(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	insert := `INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, total, line_count) VALUES (2, '2026-10-01', ?, ?, '2026-09-15', 100, 1)`
	if _, err := o.s.w.Exec(insert, st.MentorID, st.SchoolID); err == nil {
		t.Error("a second ordinary statement of the visit was written; want refused (R6)")
	}
	// A file that already holds two (written before the guard) is reported by check.
	if _, err := o.s.w.Exec(`DROP TRIGGER statements_one_per_visit`); err != nil {
		t.Fatal(err)
	}
	if _, err := o.s.w.Exec(insert+`; INSERT INTO statement_lines(statement_id, line, kind, description, amount) VALUES (2, 1, 'adjustment', 'x', 100);
		UPDATE statement_totals SET statements = statements + 1, owed = owed + 100`, st.MentorID, st.SchoolID); err != nil {
		t.Fatal(err)
	}
	found := strings.Join(problems(t, o.s), "\n")
	if !strings.Contains(found, "statements No. 1 and 2 are two ordinary statements of one visit") {
		t.Errorf("check found %q; want the visit with two ordinary statements", found)
	}
}
