package sqlite

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

func TestIssuingStatements(t *testing.T) {
	// Default settings: focused and season 75.00, bridge 85.00, continuation 50.00, school year from 1 July.
	cases := []struct {
		name  string
		build func(o *org)
		want  []summary
	}{
		{"a visit with three classrooms is paid once", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-10-06 09:00")
			o.confirmed("Ana", "Whitman/8th Band", "2026-10-06 10:00")
			o.session("Ana", "Whitman/Orchestra", "2026-10-06 11:00", data.Bridge, data.Confirmed)
		}, []summary{{1, "Ana", "Whitman", "2026-10-06", 3, 0, 7500 + 7500 + 8500}}},
		{"a visit with one cancelled and one confirmed session pays the confirmed one", func(o *org) {
			o.session("Ana", "Whitman/7th Band", "2026-10-06 09:00", data.Focused, data.Cancelled)
			o.confirmed("Ana", "Whitman/8th Band", "2026-10-06 10:00")
		}, []summary{{1, "Ana", "Whitman", "2026-10-06", 1, 0, 7500}}},
		{"a visit with a session awaiting confirmation is not ready", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-10-06 09:00")
			o.session("Ana", "Whitman/8th Band", "2026-10-06 10:00", data.Focused, data.Completed)
			o.confirmed("Ben", "Whitman/7th Band", "2026-10-08 09:00")
		}, []summary{{1, "Ben", "Whitman", "2026-10-08", 1, 0, 7500}}},
		{"a visit of cancelled sessions only pays nothing", func(o *org) {
			o.session("Ana", "Whitman/7th Band", "2026-10-06 09:00", data.Focused, data.Cancelled)
		}, []summary{}},
		{"two visits the same day at two schools get two statements in R6 order", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-10-06 13:00")
			o.confirmed("Ana", "Eckstein/Jazz Band", "2026-10-06 09:00")
			o.confirmed("Ana", "Eckstein/Choir", "2026-10-06 10:00")
		}, []summary{
			{1, "Ana", "Eckstein", "2026-10-06", 2, 0, 15000},
			{2, "Ana", "Whitman", "2026-10-06", 1, 0, 7500},
		}},
		{"statements are numbered by date, then mentor name, then school", func(o *org) {
			o.confirmed("Cleo", "Whitman/7th Band", "2026-10-06")
			o.confirmed("Ana", "Whitman/8th Band", "2026-10-07")
			o.confirmed("Ben", "Whitman/Orchestra", "2026-10-06")
		}, []summary{
			{1, "Ben", "Whitman", "2026-10-06", 1, 0, 7500},
			{2, "Cleo", "Whitman", "2026-10-06", 1, 0, 7500},
			{3, "Ana", "Whitman", "2026-10-07", 1, 0, 7500},
		}},
		{"continuation is earned at the first confirmed session of the new school year", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
			o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
			o.confirmed("Ana", "Whitman/7th Band", "2026-10-01")
		}, []summary{
			{1, "Ana", "Whitman", "2026-03-10", 1, 0, 7500},
			{2, "Ana", "Whitman", "2026-09-15", 1, 5000, 12500},
			{3, "Ana", "Whitman", "2026-10-01", 1, 0, 7500},
		}},
		{"continuation moves on when the first session of the year was cancelled", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
			o.session("Ana", "Whitman/7th Band", "2026-09-08", data.Focused, data.Cancelled)
			o.confirmed("Ana", "Whitman/7th Band", "2026-09-22")
		}, []summary{
			{1, "Ana", "Whitman", "2026-03-10", 1, 0, 7500},
			{2, "Ana", "Whitman", "2026-09-22", 1, 5000, 12500},
		}},
		{"no continuation when last year was at a different school", func(o *org) {
			o.confirmed("Ana", "Eckstein/Choir", "2026-03-10")
			o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
		}, []summary{
			{1, "Ana", "Eckstein", "2026-03-10", 1, 0, 7500},
			{2, "Ana", "Whitman", "2026-09-15", 1, 0, 7500},
		}},
		{"no continuation when last year's session there was cancelled", func(o *org) {
			o.session("Ana", "Whitman/7th Band", "2026-03-10", data.Focused, data.Cancelled)
			o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
		}, []summary{{1, "Ana", "Whitman", "2026-09-15", 1, 0, 7500}}},
		{"continuation once per school per year, and at each school returned to", func(o *org) {
			o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
			o.confirmed("Ana", "Eckstein/Choir", "2026-03-11")
			o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
			o.confirmed("Ana", "Whitman/8th Band", "2026-09-15 10:00")
			o.confirmed("Ana", "Whitman/8th Band", "2026-09-29")
			o.confirmed("Ana", "Eckstein/Choir", "2026-09-30")
		}, []summary{
			{1, "Ana", "Whitman", "2026-03-10", 1, 0, 7500},
			{2, "Ana", "Eckstein", "2026-03-11", 1, 0, 7500},
			{3, "Ana", "Whitman", "2026-09-15", 2, 5000, 20000},
			{4, "Ana", "Whitman", "2026-09-29", 1, 0, 7500},
			{5, "Ana", "Eckstein", "2026-09-30", 1, 5000, 12500},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := newOrg(t)
			c.build(o)
			returned := summarize(o.issue("2026-11-30"))
			if got := o.stored(); !slices.Equal(got, c.want) {
				t.Fatalf("statements\n got %+v\nwant %+v", got, c.want)
			}
			if !slices.Equal(returned, c.want) {
				t.Errorf("IssueStatements returned %+v; the store holds %+v", returned, c.want)
			}
			if again := o.issue("2026-11-30"); len(again) != 0 {
				t.Errorf("issuing again wrote %+v; every visit was paid once already", summarize(again))
			}
		})
	}
}

func TestContinuationAcrossSeparateIssues(t *testing.T) {
	t.Run("paid once when the year's visits are issued in separate batches", func(t *testing.T) {
		o := newOrg(t)
		o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
		o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
		o.issue("2026-09-30")
		o.confirmed("Ana", "Whitman/7th Band", "2026-10-13")
		got := summarize(o.issue("2026-10-31"))
		if want := []summary{{3, "Ana", "Whitman", "2026-10-13", 1, 0, 7500}}; !slices.Equal(got, want) {
			t.Errorf("second batch %+v; want %+v", got, want)
		}
	})
	t.Run("paid once when an earlier visit is confirmed after a later one was issued", func(t *testing.T) {
		// The year's first confirmed session when the later visit is issued is that visit's:
		// it carries the continuation, and the late confirmation does not pay it twice.
		o := newOrg(t)
		o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
		first := o.session("Ana", "Whitman/7th Band", "2026-09-15", data.Focused, data.Completed)
		o.confirmed("Ana", "Whitman/7th Band", "2026-09-29")
		if got := summarize(o.issue("2026-09-30")); !slices.Equal(got, []summary{
			{1, "Ana", "Whitman", "2026-03-10", 1, 0, 7500},
			{2, "Ana", "Whitman", "2026-09-29", 1, 5000, 12500},
		}) {
			t.Fatalf("first batch %+v", got)
		}
		if err := o.s.ConfirmSessions(ctx, []int64{first}, Confirmation{On: data.MustDate("2026-10-02"), By: "Ms Reyes"}); err != nil {
			t.Fatal(err)
		}
		if got := summarize(o.issue("2026-10-31")); !slices.Equal(got, []summary{{3, "Ana", "Whitman", "2026-09-15", 1, 0, 7500}}) {
			t.Errorf("late confirmation %+v; want no second continuation", got)
		}
	})
}

func TestReadyVisitsDraftWhatIssuingWrites(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
	o.issue("2026-06-30")
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.confirmed("Ana", "Whitman/8th Band", "2026-09-15 10:00")
	o.confirmed("Ben", "Eckstein/Choir", "2026-09-16")
	o.session("Cleo", "Eckstein/Choir", "2026-09-17", data.Focused, data.Completed)
	o.confirmed("Cleo", "Eckstein/Choir", "2026-12-01")

	ready, err := o.s.ReadyVisits(ctx, data.MustDate("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	if ready.Waiting != 1 {
		t.Errorf("waiting %d; want 1 (Cleo's completed session)", ready.Waiting)
	}
	var drafts []data.Statement
	for _, r := range ready.Visits {
		if len(r.Visit.Sessions) == 0 || r.Visit.Date != r.Draft.VisitDate || r.Draft.Number != 0 {
			t.Errorf("ready visit %+v does not match its draft", r)
		}
		drafts = append(drafts, r.Draft)
	}
	want := []summary{{0, "Ana", "Whitman", "2026-09-15", 2, 5000, 20000}, {0, "Ben", "Eckstein", "2026-09-16", 1, 0, 7500}}
	if got := summarize(drafts); !slices.Equal(got, want) {
		t.Fatalf("drafts %+v; want %+v", got, want)
	}
	if n := len(o.stored()); n != 1 {
		t.Fatalf("listing ready visits wrote statements: %d stored", n)
	}

	t.Run("issuing a chosen visit issues that one only", func(t *testing.T) {
		sts, err := o.s.IssueStatements(ctx, IssueChoice{Visits: []VisitKey{ready.Visits[1].Key()}}, data.MustDate("2026-11-30"))
		if err != nil {
			t.Fatal(err)
		}
		if got := summarize(sts); !slices.Equal(got, []summary{{2, "Ben", "Eckstein", "2026-09-16", 1, 0, 7500}}) {
			t.Errorf("issued %+v", got)
		}
	})
	t.Run("a chosen visit already issued refuses the whole batch", func(t *testing.T) {
		_, err := o.s.IssueStatements(ctx, IssueChoice{Visits: []VisitKey{ready.Visits[0].Key(), ready.Visits[1].Key()}}, data.MustDate("2026-11-30"))
		if err == nil || !strings.Contains(err.Error(), "2026-09-16") {
			t.Fatalf("err %v; want one naming the visit of 2026-09-16", err)
		}
		if n := len(o.stored()); n != 2 {
			t.Errorf("%d statements stored after a refused batch; want 2", n)
		}
	})
	t.Run("the rest issues with the next number and the drafted amounts", func(t *testing.T) {
		sts, err := o.s.IssueStatements(ctx, IssueChoice{Visits: []VisitKey{ready.Visits[0].Key()}}, data.MustDate("2026-11-30"))
		if err != nil {
			t.Fatal(err)
		}
		if got := summarize(sts); !slices.Equal(got, []summary{{3, "Ana", "Whitman", "2026-09-15", 2, 5000, 20000}}) {
			t.Errorf("issued %+v", got)
		}
	})
}

func TestRateChangeLeavesIssuedStatementsAlone(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.issue("2026-09-30")
	if err := o.s.SetSetting(ctx, "rate.focused", "82.50"); err != nil {
		t.Fatal(err)
	}
	o.confirmed("Ana", "Whitman/7th Band", "2026-10-13")
	o.issue("2026-10-31")
	want := []summary{{1, "Ana", "Whitman", "2026-09-15", 1, 0, 7500}, {2, "Ana", "Whitman", "2026-10-13", 1, 0, 8250}}
	if got := o.stored(); !slices.Equal(got, want) {
		t.Errorf("after the rate change %+v; want %+v", got, want)
	}
}

func TestAdjustmentsAndTotals(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.confirmed("Ana", "Whitman/8th Band", "2026-09-15 10:00")
	o.confirmed("Ben", "Whitman/7th Band", "2026-09-16")
	o.issue("2026-09-30")
	before, _ := o.s.Statement(ctx, 1)

	adj, err := o.s.IssueAdjustment(ctx, 1, []data.StatementLine{
		{Description: "8th Band session was a season session, paid at the focused rate", Amount: -7500},
		{Description: "8th Band session at the season rate", Amount: 7000},
		{Description: "Extra sectional approved by the director", Amount: 2500},
	}, "Rate of the 8th Band session corrected", data.MustDate("2026-10-05"))
	if err != nil {
		t.Fatal(err)
	}
	if adj.Number != 3 || adj.Adjusts != 1 || adj.Total() != 2000 {
		t.Errorf("adjustment No. %d adjusts %d total %s; want No. 3 adjusting 1 for 20.00", adj.Number, adj.Adjusts, adj.Total())
	}
	after, _ := o.s.Statement(ctx, 1)
	if after.Total() != before.Total() || len(after.Lines) != len(before.Lines) {
		t.Errorf("the original changed: %s → %s", before.Total(), after.Total())
	}
	stored, _ := o.s.Statement(ctx, 3)
	if stored.Adjusts != 1 || stored.Reason != "Rate of the 8th Band session corrected" || len(stored.Lines) != 3 || stored.Lines[0].Amount != -7500 {
		t.Errorf("stored adjustment %+v", stored)
	}

	t.Run("a refused adjustment writes nothing and uses no number", func(t *testing.T) {
		_, err := o.s.IssueAdjustment(ctx, 1, []data.StatementLine{{Amount: 100}}, "  ", data.MustDate("2026-10-05"))
		var p data.Problems
		if !errors.As(err, &p) || p.For("reason") == "" {
			t.Fatalf("err %v; want a problem with the reason", err)
		}
		_, err = o.s.IssueAdjustment(ctx, 99, []data.StatementLine{{Amount: 100}}, "why", data.MustDate("2026-10-05"))
		if !errors.Is(err, data.ErrNotFound) {
			t.Errorf("adjusting No. 99: %v; want not found", err)
		}
		o.confirmed("Cleo", "Whitman/7th Band", "2026-10-06")
		if sts := o.issue("2026-10-31"); len(sts) != 1 || sts[0].Number != 4 {
			t.Errorf("next statement %+v; want No. 4", summarize(sts))
		}
	})

	t.Run("totals per mentor are the sum of statements and adjustments", func(t *testing.T) {
		if err := o.s.MarkPaid(ctx, []int{1}, data.MustDate("2026-10-10"), "Cheque 3101"); err != nil {
			t.Fatal(err)
		}
		bals, err := o.s.MentorBalances(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]MentorBalance{}
		for _, b := range bals {
			got[strings.Fields(b.MentorName)[0]] = b
		}
		ana := got["Ana"]
		if ana.Paid != 15000 || ana.Owed != 2000 || ana.Total() != 17000 || ana.Statements != 2 || ana.Adjustments != 1 {
			t.Errorf("Ana: %+v; want 150.00 paid, 20.00 owed (the adjustment), 2 statements", ana)
		}
		if b := got["Ben"]; b.Owed != 7500 || b.Paid != 0 {
			t.Errorf("Ben: %+v; want 75.00 owed", b)
		}
		all, _ := o.s.Statements(ctx, StatementFilter{MentorID: o.mentors["Ana"]})
		var sum data.Money
		for _, st := range all {
			sum += st.Total()
		}
		if sum != ana.Total() {
			t.Errorf("Ana's statements add up to %s; balance says %s", sum, ana.Total())
		}
		ye, err := o.s.YearEnd(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, yt := range ye.Totals {
			if yt.MentorID == o.mentors["Ana"] && (yt.Year != 2026 || yt.Total != 17000 || yt.Statements != 2) {
				t.Errorf("Ana's year-end %+v; want 2026: 170.00 on 2 statements", yt)
			}
		}
	})
}

func TestYearEndMarksMentorsAtTheThreshold(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.confirmed("Ana", "Whitman/8th Band", "2026-09-15 10:00")
	o.confirmed("Ben", "Whitman/7th Band", "2026-09-16")
	o.confirmed("Ben", "Whitman/7th Band", "2027-01-05")
	o.issue("2026-12-31")
	o.issue("2027-01-31")
	if err := o.s.SetSetting(ctx, "nec.threshold", "150.00"); err != nil {
		t.Fatal(err)
	}
	ye, err := o.s.YearEnd(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		year   int
		mentor string
		total  data.Money
		over   bool
	}
	var got []row
	for _, yt := range ye.Totals {
		got = append(got, row{yt.Year, strings.Fields(yt.MentorName)[0], yt.Total, yt.OverThreshold})
	}
	want := []row{{2026, "Ana", 15000, true}, {2026, "Ben", 7500, false}, {2027, "Ben", 7500, false}}
	if ye.Threshold != 15000 || !slices.Equal(got, want) {
		t.Errorf("year-end at %s: %+v; want %+v", ye.Threshold, got, want)
	}
}

func TestMarkPaidAndFilters(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.confirmed("Ben", "Eckstein/Choir", "2026-09-16")
	o.confirmed("Ana", "Eckstein/Choir", "2026-10-20")
	o.issue("2026-10-31")
	if err := o.s.MarkPaid(ctx, []int{1, 2}, data.MustDate("2026-11-05"), "Cheques 3101–3102"); err != nil {
		t.Fatal(err)
	}
	if err := o.s.MarkPaid(ctx, []int{3, 2}, data.MustDate("2026-11-06"), "x"); err == nil || !strings.Contains(err.Error(), "No. 2") {
		t.Errorf("paying No. 2 twice: %v; want refused naming No. 2", err)
	}
	if st, _ := o.s.Statement(ctx, 3); st.Status != data.Issued {
		t.Errorf("No. 3 is %s after a refused batch; want issued", st.Status)
	}
	if err := o.s.MarkPaid(ctx, []int{3}, data.MustDate("2026-10-30"), ""); err == nil {
		t.Error("paid before it was issued: accepted")
	}
	numbers := func(f StatementFilter) []int {
		sums, err := o.s.StatementSummaries(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, x := range sums {
			out = append(out, x.Number)
		}
		return out
	}
	cases := []struct {
		name string
		f    StatementFilter
		want []int
	}{
		{"all", StatementFilter{}, []int{1, 2, 3}},
		{"paid", StatementFilter{Status: data.Paid}, []int{1, 2}},
		{"issued, not yet paid", StatementFilter{Status: data.Issued}, []int{3}},
		{"one mentor", StatementFilter{MentorID: o.mentors["Ana"]}, []int{1, 3}},
		{"one school", StatementFilter{SchoolID: o.schools["Eckstein"]}, []int{2, 3}},
		{"a period of visits", StatementFilter{From: data.MustDate("2026-10-01"), Through: data.MustDate("2026-10-31")}, []int{3}},
	}
	for _, c := range cases {
		if got := numbers(c.f); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v; want %v", c.name, got, c.want)
		}
	}
	sums, _ := o.s.StatementSummaries(ctx, StatementFilter{Number: 1})
	if len(sums) != 1 || sums[0].PaidRef != "Cheques 3101–3102" || sums[0].PaidOn != data.MustDate("2026-11-05") || sums[0].Sessions != 1 || sums[0].Total != 7500 {
		t.Errorf("summary of No. 1: %+v", sums)
	}
}

func TestExportPaymentsColumns(t *testing.T) {
	o := newOrg(t)
	o.confirmed("Ana", "Whitman/7th Band", "2026-03-10")
	o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	o.confirmed("Ana", "Whitman/8th Band", "2026-09-15 10:00")
	o.issue("2026-09-30")
	if err := o.s.MarkPaid(ctx, []int{1}, data.MustDate("2026-10-02"), "ACH"); err != nil {
		t.Fatal(err)
	}
	if _, err := o.s.IssueAdjustment(ctx, 2, []data.StatementLine{{Amount: -2500}}, "Shortened session", data.MustDate("2026-10-03")); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := o.s.Export(ctx, csvio.Payments, &buf, t.TempDir(), ""); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"statement", "issued_on", "mentor_email", "school", "visit_date", "sessions", "session_amount", "continuation_amount", "total", "adjusts", "status", "paid_on"},
		{"1", "2026-09-30", "ana@example.org", "Whitman", "2026-03-10", "1", "75.00", "0.00", "75.00", "", "paid", "2026-10-02"},
		{"2", "2026-09-30", "ana@example.org", "Whitman", "2026-09-15", "2", "150.00", "50.00", "200.00", "", "issued", ""},
		{"3", "2026-10-03", "ana@example.org", "Whitman", "2026-09-15", "0", "0.00", "0.00", "'-25.00", "2", "issued", ""},
	}
	// A leading minus is exported behind a quote, so a spreadsheet never runs it as a formula (§5).
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("export payments\n got %q\nwant %q", rows, want)
	}
}
