package app

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// openPayments shows the Payments area of the sample organisation once its lists have loaded.
func openPayments(t *testing.T, st *sqlite.Store) (fyne.Window, *payments) {
	t.Helper()
	w, sh := testWindow(t, st)
	sh.show("Payments")
	p := sh.current.scr.(*payments)
	paySettle(t, p, "the visits ready to pay", func() bool { return p.ready.shows > 0 && len(p.ready.list.Visits) > 0 })
	return w, p
}

// openStatements shows the Statements tab once its list has loaded.
func openStatements(t *testing.T, p *payments) *statementsTab {
	t.Helper()
	p.tabs.SelectIndex(statementsTabIndex)
	paySettle(t, p, "the statement list", func() bool { return p.stmts.reads > 0 && p.stmts.choices.Count > 0 })
	return p.stmts
}

// storedStatements is how many statements the store holds.
func storedStatements(t *testing.T, st *sqlite.Store) int {
	t.Helper()
	c, err := st.StatementChoices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c.Count
}

// paySettle waits until cond holds and the area has nothing under way, so the next step does not
// race a background load in the test driver (which runs fyne.Do on the calling goroutine).
func paySettle(t *testing.T, p *payments, what string, cond func() bool) {
	t.Helper()
	eventually(t, what, func() bool { return p.settled() && cond() })
}

func TestPaymentsIssueReadyVisitsFromTheScreen(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	r := p.ready
	ready, issued := len(r.list.Visits), storedStatements(t, st)
	if !r.issue.Disabled() {
		t.Error("Issue statements is enabled with nothing ticked")
	}

	// One visit first: it takes the next number.
	one := r.list.Visits[0]
	r.setTicked(0, true)
	if r.issue.Disabled() || !strings.Contains(r.issue.Text, one.Draft.Total().Dollars()) {
		t.Fatalf("with one visit ticked the button says %q (disabled %v)", r.issue.Text, r.issue.Disabled())
	}
	test.Tap(r.issue)
	if r.confirmOK == nil {
		t.Fatal("issuing did not ask first")
	}
	test.Tap(r.confirmOK)
	want := fmt.Sprintf("Issued 1 statement, No. %d,", issued+1)
	paySettle(t, p, want, func() bool { return strings.HasPrefix(r.issued.Text, want) })
	paySettle(t, p, "the list without the issued visit", func() bool { return len(r.list.Visits) == ready-1 })

	// Then all the rest in one batch, numbered on without a gap.
	test.Tap(r.all)
	test.Tap(r.issue)
	test.Tap(r.confirmOK)
	want = fmt.Sprintf("Issued %d statements, No. %d–%d,", ready-1, issued+2, issued+ready)
	paySettle(t, p, want, func() bool { return strings.HasPrefix(r.issued.Text, want) })
	paySettle(t, p, "an empty list", func() bool { return len(r.list.Visits) == 0 })
	s := openStatements(t, p)
	paySettle(t, p, "the new statements listed", func() bool {
		return s.choices.Count == issued+ready && len(s.shown) > 0 && s.shown[len(s.shown)-1].Number == issued+ready
	})
	if !r.issue.Disabled() || !strings.Contains(r.summary.Text, "0 visits ready") {
		t.Errorf("after issuing everything: button %q (disabled %v), summary %q", r.issue.Text, r.issue.Disabled(), r.summary.Text)
	}
	first, err := st.Statement(context.Background(), issued+1)
	if err != nil || first.MentorID != one.Visit.MentorID || first.VisitDate != one.Visit.Date || first.Total() != one.Draft.Total() {
		t.Errorf("statement No. %d is %+v, %v; want the visit ticked first", issued+1, first, err)
	}
}

func TestPaymentsMarkOnePaid(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	s := openStatements(t, p)
	s.status.SetSelectedIndex(1)
	paySettle(t, p, "the unpaid statements", func() bool {
		return !slices.ContainsFunc(s.shown, func(x data.StatementSummary) bool { return x.Status == data.Paid })
	})
	if len(s.shown) == 0 {
		t.Fatal("no statement waits for payment in the sample")
	}
	for _, x := range s.shown {
		if x.Status != data.Issued {
			t.Fatalf("the unpaid filter shows No. %d, %s", x.Number, x.Status)
		}
	}
	target := s.shown[0]
	s.tick(0, true)
	if s.payBtn.Disabled() || s.payBtn.Text != "Mark 1 paid…" {
		t.Fatalf("with one ticked the button says %q", s.payBtn.Text)
	}
	test.Tap(s.payBtn)
	f := s.pay
	if f == nil || !f.isOpen() {
		t.Fatal("Mark paid did not open its form")
	}
	f.paidOn.SetText(target.IssuedOn.AddDays(-1).String())
	if !f.ok.Disabled() || !strings.Contains(f.dateErr.Text, "was issued on") {
		t.Errorf("paid before it was issued: button disabled %v, message %q", f.ok.Disabled(), f.dateErr.Text)
	}
	f.paidOn.SetText(testToday.String())
	test.Type(f.ref, "Cheque 3188")
	if f.ok.Disabled() {
		t.Fatalf("a good payment is refused: %q %q", f.dateErr.Text, f.refErr.Text)
	}
	if p.unsaved() == "" {
		t.Error("the payment being typed is not reported as unsaved")
	}
	test.Tap(f.ok)
	paySettle(t, p, "the statement gone from the unpaid list", func() bool {
		return len(s.shown) > 0 && !slices.ContainsFunc(s.shown, func(x data.StatementSummary) bool { return x.Number == target.Number })
	})
	if got, _ := st.Statement(context.Background(), target.Number); got.Status != data.Paid || got.PaidRef != "Cheque 3188" || got.PaidOn != testToday {
		t.Errorf("the store has No. %d as %s on %s (%q)", target.Number, got.Status, got.PaidOn, got.PaidRef)
	}
	s.status.SetSelectedIndex(2)
	paySettle(t, p, "the paid list with the statement", func() bool {
		return slices.ContainsFunc(s.shown, func(x data.StatementSummary) bool {
			return x.Number == target.Number && x.Status == data.Paid && x.PaidRef == "Cheque 3188"
		})
	})
	if p.unsaved() != "" {
		t.Errorf("after saving, unsaved says %q", p.unsaved())
	}
}

func TestPaymentsAdjustmentChangesTheMentorsTotal(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	s := openStatements(t, p)
	s.table.Select(widget.TableCellID{Row: 0, Col: 2})
	paySettle(t, p, "the first statement opened", func() bool { return s.opened.Number == s.shown[0].Number && !s.adjBtn.Disabled() })
	orig := s.opened
	balance := func() data.Money {
		b, err := st.MentorBalance(context.Background(), orig.MentorID)
		if err != nil {
			t.Fatal(err)
		}
		return b.Total()
	}
	before := balance()
	count := s.choices.Count

	test.Tap(s.adjBtn)
	f := s.adjust
	if f == nil || !f.isOpen() {
		t.Fatal("Adjust… did not open its form")
	}
	test.Tap(f.ok)
	if f.whyErr.Text == "" || f.linesErr.Text == "" {
		t.Errorf("an empty adjustment was not explained: reason %q, lines %q", f.whyErr.Text, f.linesErr.Text)
	}
	test.Type(f.lines[0].amount, "-12.50")
	test.Type(f.reason, "The session was cut short by a fire drill")
	if f.whyErr.Text != "" || f.linesErr.Text != "" {
		t.Fatalf("a good adjustment is refused: %q %q", f.whyErr.Text, f.linesErr.Text)
	}
	if want := (before - 1250).Dollars(); !strings.Contains(f.preview.Text, want) {
		t.Errorf("preview %q does not give the new total %s", f.preview.Text, want)
	}
	test.Tap(f.ok)
	paySettle(t, p, "the adjustment listed and opened", func() bool { return s.choices.Count == count+1 && s.opened.Number == count+1 })
	if got := balance(); got != before-1250 {
		t.Errorf("the mentor's total is %s; want %s", got.Dollars(), (before - 1250).Dollars())
	}
	adj := s.opened
	if adj.Adjusts != orig.Number || adj.Total() != -1250 || adj.Reason != "The session was cut short by a fire drill" {
		t.Errorf("adjustment %+v", adj)
	}
	again, _ := st.Statement(context.Background(), orig.Number)
	if again.Total() != orig.Total() {
		t.Errorf("the original changed from %s to %s", orig.Total(), again.Total())
	}
	s.openNumber(orig.Number)
	paySettle(t, p, "the original reopened", func() bool { return s.opened.Number == orig.Number })
	if len(s.fixes) != 1 || s.fixes[0].Number != adj.Number {
		t.Errorf("No. %d lists its adjustments as %+v; want No. %d", orig.Number, s.fixes, adj.Number)
	}
}

func TestPaymentsYearEndMarksMentorsOverTheThreshold(t *testing.T) {
	st := demoStore(t)
	if err := st.SetSetting(context.Background(), "nec.threshold", "300.00"); err != nil {
		t.Fatal(err)
	}
	_, p := openPayments(t, st)
	p.tabs.SelectIndex(3)
	paySettle(t, p, "the year-end totals", func() bool { return len(p.yearRows) > 0 })
	over, under := 0, 0
	for _, r := range p.yearRows {
		if r.OverThreshold != (r.Total >= 30000) {
			t.Errorf("%s with %s: marked %v against 300.00", r.MentorName, r.Total, r.OverThreshold)
		}
		if r.OverThreshold {
			over++
		} else {
			under++
		}
	}
	if over == 0 || under == 0 {
		t.Fatalf("%s: %d over and %d under 300.00; want some of each", p.year.Selected, over, under)
	}
	if !strings.Contains(p.yearNote.Text, "$300.00") || !strings.Contains(p.yearNote.Text, plural(over, "mentor is", "mentors are")) {
		t.Errorf("year-end note %q", p.yearNote.Text)
	}
	test.Tap(p.toReport)
	if len(p.yearRows) != over {
		t.Errorf("only mentors to report: %d rows; want %d", len(p.yearRows), over)
	}
}

// TestScreenshotsPayments renders the Payments tabs to PNGs (make screenshots).
func TestScreenshotsPayments(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, p := openPayments(t, st)
	r := p.ready
	for i, v := range r.list.Visits {
		if v.Draft.ContinuationAmount() > 0 || i < 3 {
			r.setTicked(i, true)
		}
	}
	r.table.Refresh()
	for i, v := range r.list.Visits {
		if v.Draft.ContinuationAmount() > 0 && len(v.Visit.Sessions) > 1 {
			r.table.Select(widget.TableCellID{Row: i, Col: 2})
			break
		}
	}
	waitIdle()
	capture(t, w, dir, "payments-ready")

	s := openStatements(t, p)
	for i := len(s.shown) - 1; i >= 0; i-- {
		if s.shown[i].Status == data.Issued {
			s.tick(i, true)
			if len(s.ticked) == 2 {
				break
			}
		}
	}
	s.table.Refresh()
	for i, x := range s.shown {
		if x.Status == data.Paid && x.Sessions > 1 {
			s.table.Select(widget.TableCellID{Row: i, Col: 2})
			s.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			break
		}
	}
	waitIdle()
	capture(t, w, dir, "payments-statements")

	if err := st.SetSetting(context.Background(), "nec.threshold", "600.00"); err != nil {
		t.Fatal(err)
	}
	p.reload()
	p.tabs.SelectIndex(3)
	paySettle(t, p, "year-end at 600.00", func() bool { return p.yearEnd.Threshold == 60000 && len(p.yearRows) > 0 })
	waitIdle()
	capture(t, w, dir, "payments-yearend")
}

func TestPaymentPeriods(t *testing.T) {
	july := data.MonthDay{Month: 7, Day: 1}
	today := data.MustDate("2026-11-22")
	for _, c := range []struct{ choice, from, through string }{
		{"Last 12 months", "2025-11-23", "2026-11-22"},
		{"This month", "2026-11-01", "2026-11-30"},
		{"Last month", "2026-10-01", "2026-10-31"},
		{"This school year", "2026-07-01", "2027-06-30"},
		{"Last school year", "2025-07-01", "2026-06-30"},
		{"This calendar year", "2026-01-01", "2026-12-31"},
		{"Last calendar year", "2025-01-01", "2025-12-31"},
	} {
		from, through := payPeriodRange(c.choice, today, july)
		if from.String() != c.from || through.String() != c.through {
			t.Errorf("%s on %s: %s to %s; want %s to %s", c.choice, today, from, through, c.from, c.through)
		}
	}
	if from, through := payPeriodRange(anyPayPeriod, today, july); !from.IsZero() || !through.IsZero() {
		t.Errorf("any visit date: %s to %s; want no bounds", from, through)
	}
	if from, _ := payPeriodRange("Last 12 months", data.MustDate("2028-02-29"), july); from.String() != "2027-03-01" {
		t.Errorf("12 months before 29 February 2028 start on %s; want 2027-03-01", from)
	}
}

func TestPaymentsFilterClosesAStatementItNoLongerLists(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	s := openStatements(t, p)
	first := s.shown[0]
	s.openNumber(first.Number)
	paySettle(t, p, "the first statement open", func() bool { return s.opened.Number == first.Number })
	other := slices.IndexFunc(s.choices.Mentors, func(m data.IDName) bool { return m.ID != first.MentorID })
	s.who.mentor.SetSelectedIndex(other + 1) // after "All mentors"
	paySettle(t, p, "another mentor's statements", func() bool {
		return len(s.shown) > 0 && s.shown[0].MentorID == s.choices.Mentors[other].ID
	})
	if s.opened.Number != 0 || !s.pdfBtn.Disabled() || !s.adjBtn.Disabled() {
		t.Errorf("No. %d (%s) stays open under %s's statements (PDF disabled %v)", s.opened.Number, first.MentorName,
			s.choices.Mentors[other].Name, s.pdfBtn.Disabled())
	}
	s.who.mentor.SetSelectedIndex(0)
	paySettle(t, p, "every mentor's statements", func() bool { return len(s.shown) > 0 && s.who.mentor.SelectedIndex() == 0 })
	s.openNumber(first.Number)
	paySettle(t, p, "the statement open again", func() bool { return s.opened.Number == first.Number })
	s.period.SetSelected(anyPayPeriod)
	paySettle(t, p, "every statement", func() bool { return s.period.Selected == anyPayPeriod && len(s.shown) == s.choices.Count })
	if s.opened.Number != first.Number {
		t.Errorf("widening the list closed No. %d, which it still lists", first.Number)
	}
}
