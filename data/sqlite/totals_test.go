package sqlite

import (
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
)

// The year-end and balance sums are taken by SQLite; the rules data.YearTotals and data.Balances
// say what they must be. Both are computed here over the same statements, issued across two
// calendar years, half of them paid, with adjustments up and down.
func TestTotalsInSQLAgreeWithTheRules(t *testing.T) {
	s := newStore(t)
	calendarScale(t, s, 4, 16, 9, 600, data.MustDate("2025-09-01"))
	if _, err := s.IssueStatements(ctx, IssueChoice{Through: data.MustDate("2025-12-19")}, data.MustDate("2025-12-22")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueStatements(ctx, IssueChoice{Through: data.MustDate("2026-11-01")}, data.MustDate("2026-11-02")); err != nil {
		t.Fatal(err)
	}
	all, err := s.Statements(ctx, StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Fatalf("only %d statements issued; the comparison needs many", len(all))
	}
	var paid []int
	for i, st := range all {
		if i%2 == 0 {
			paid = append(paid, st.Number)
		}
	}
	if err := s.MarkPaid(ctx, paid, data.MustDate("2026-11-10"), "Batch 7"); err != nil {
		t.Fatal(err)
	}
	for i, amount := range []data.Money{-1250, 3000} {
		line := data.StatementLine{Kind: data.AdjustmentLine, Description: "correction", Amount: amount}
		if _, err := s.IssueAdjustment(ctx, all[i].Number, []data.StatementLine{line}, "miscounted minutes", data.MustDate("2026-11-12")); err != nil {
			t.Fatal(err)
		}
	}
	if all, err = s.Statements(ctx, StatementFilter{}); err != nil {
		t.Fatal(err)
	}
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}

	ye, err := s.YearEnd(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := data.YearTotals(all, set.NECThreshold)
	if !slices.Equal(ye.Totals, want) {
		t.Errorf("year-end in SQL:\n%+v\nthe rule says:\n%+v", ye.Totals, want)
	}
	years := map[int]bool{}
	for _, yt := range want {
		years[yt.Year] = true
	}
	if len(years) != 2 {
		t.Errorf("the statements span years %v; the test means two", years)
	}

	bals, err := s.MentorBalances(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rule := data.Balances(all)
	if len(bals) != len(rule) {
		t.Fatalf("%d balances in SQL, %d by the rule", len(bals), len(rule))
	}
	counts, adjustments := map[int64]int{}, map[int64]int{}
	for _, st := range all {
		counts[st.MentorID]++
		if st.Adjusts != 0 {
			adjustments[st.MentorID]++
		}
	}
	owedAndPaid := 0
	for _, b := range bals {
		if b.Balance != rule[b.MentorID] || b.Statements != counts[b.MentorID] || b.Adjustments != adjustments[b.MentorID] {
			t.Errorf("mentor %d in SQL %+v; the rule says %+v over %d statements (%d adjustments)",
				b.MentorID, b, rule[b.MentorID], counts[b.MentorID], adjustments[b.MentorID])
		}
		if b.Owed != 0 && b.Paid != 0 {
			owedAndPaid++
		}
		one, err := s.MentorBalance(ctx, b.MentorID)
		if err != nil || one != b {
			t.Errorf("MentorBalance(%d) = %+v, %v; the list has %+v", b.MentorID, one, err, b)
		}
	}
	if owedAndPaid == 0 {
		t.Error("no mentor is both owed and paid; the test means to mix them")
	}
	if none, err := s.MentorBalance(ctx, 9999); err != nil || none.Total() != 0 {
		t.Errorf("a mentor without statements: %+v, %v", none, err)
	}

	// A payment taken back by hand moves its money back to owed.
	if _, err := s.w.Exec("DELETE FROM statement_payments WHERE statement_id = (SELECT id FROM statements WHERE number = ?)", paid[0]); err != nil {
		t.Fatal(err)
	}
	if all, err = s.Statements(ctx, StatementFilter{}); err != nil {
		t.Fatal(err)
	}
	first := all[0]
	after, err := s.MentorBalance(ctx, first.MentorID)
	if err != nil || after.Balance != data.Balances(all)[first.MentorID] {
		t.Errorf("after taking back the payment of No. %d: %+v, %v; the rule says %+v", paid[0], after, err, data.Balances(all)[first.MentorID])
	}
	if _, err := s.w.Exec("UPDATE statement_payments SET statement_id = statement_id + 1"); err == nil {
		t.Error("a payment was moved to another statement")
	}
	if f := problems(t, s); len(f) != 0 {
		t.Errorf("check finds %v; want nothing", f)
	}
	// Totals that no longer agree with the statements are a problem check reports.
	if _, err := s.w.Exec("UPDATE statement_totals SET paid = paid + 1 WHERE mentor_id = ?", first.MentorID); err != nil {
		t.Fatal(err)
	}
	if f := problems(t, s); len(f) == 0 || !strings.Contains(f[0], "payment totals kept for mentor") {
		t.Errorf("check after the totals were changed by hand: %v", f)
	}
}

// problems are the problems check reports.
func problems(t *testing.T, s *Store) []string {
	t.Helper()
	fs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		if f.Problem {
			out = append(out, f.Text)
		}
	}
	return out
}

func TestStatementChoicesAndAdjustmentsOf(t *testing.T) {
	s := newStore(t)
	calendarScale(t, s, 3, 9, 5, 120, data.MustDate("2026-09-07"))
	issued, err := s.IssueStatements(ctx, IssueChoice{Through: data.MustDate("2026-11-01")}, data.MustDate("2026-11-02"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.StatementChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mentors, schools := map[int64]bool{}, map[int64]bool{}
	for _, st := range issued {
		mentors[st.MentorID], schools[st.SchoolID] = true, true
	}
	if c.Count != len(issued) || len(c.Mentors) != len(mentors) || len(c.Schools) != len(schools) {
		t.Errorf("choices %d statements, %d mentors, %d schools; issued %d by %d mentors at %d schools",
			c.Count, len(c.Mentors), len(c.Schools), len(issued), len(mentors), len(schools))
	}
	for _, m := range c.Mentors {
		if !mentors[m.ID] || m.Name == "" {
			t.Errorf("mentor choice %+v has no statement", m)
		}
	}
	line := data.StatementLine{Kind: data.AdjustmentLine, Description: "mileage", Amount: 800}
	adj, err := s.IssueAdjustment(ctx, issued[0].Number, []data.StatementLine{line}, "mileage owed", data.MustDate("2026-11-05"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.StatementSummaries(ctx, StatementFilter{Adjusts: issued[0].Number})
	if err != nil || len(got) != 1 || got[0].Number != adj.Number {
		t.Errorf("adjustments of No. %d: %+v, %v; want No. %d", issued[0].Number, got, err, adj.Number)
	}
	if got, _ := s.StatementSummaries(ctx, StatementFilter{Adjusts: issued[1].Number}); len(got) != 0 {
		t.Errorf("No. %d has no adjustment; listed %+v", issued[1].Number, got)
	}
}
