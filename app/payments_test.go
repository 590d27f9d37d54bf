package app

import (
	"context"
	"fmt"
	"os"
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
	paySettle(t, p, "the payments loaded", func() bool {
		return len(p.ready.list.Visits) > 0 && len(p.stmts.all) > 0 && len(p.balances) > 0
	})
	return w, p
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
	ready, issued := len(r.list.Visits), len(p.stmts.all)
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
	paySettle(t, p, "the new statements listed", func() bool { return len(p.stmts.all) == issued+ready })
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
	s := p.stmts
	p.tabs.SelectIndex(1)
	s.status.SetSelectedIndex(1)
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
	paySettle(t, p, "the statement paid and gone from the unpaid list", func() bool {
		paid := false
		for _, x := range s.all {
			if x.Number == target.Number {
				paid = x.Status == data.Paid && x.PaidRef == "Cheque 3188" && x.PaidOn == testToday
			}
		}
		for _, x := range s.shown {
			if x.Number == target.Number {
				return false
			}
		}
		return paid
	})
	if got, _ := st.Statement(context.Background(), target.Number); got.Status != data.Paid {
		t.Errorf("the store has No. %d as %s", target.Number, got.Status)
	}
	if p.unsaved() != "" {
		t.Errorf("after saving, unsaved says %q", p.unsaved())
	}
}

func TestPaymentsAdjustmentChangesTheMentorsTotal(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	s := p.stmts
	p.tabs.SelectIndex(1)
	s.table.Select(widget.TableCellID{Row: 0, Col: 2})
	paySettle(t, p, "the first statement opened", func() bool { return s.opened.Number == s.shown[0].Number && !s.adjBtn.Disabled() })
	orig := s.opened
	before := p.balanceOf(orig.MentorID)
	count := len(s.all)

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
	paySettle(t, p, "the mentor's total down by 12.50", func() bool { return p.balanceOf(orig.MentorID) == before-1250 })
	paySettle(t, p, "the adjustment listed and opened", func() bool { return len(s.all) == count+1 && s.opened.Number == count+1 })
	adj := s.opened
	if adj.Adjusts != orig.Number || adj.Total() != -1250 || adj.Reason != "The session was cut short by a fire drill" {
		t.Errorf("adjustment %+v", adj)
	}
	again, _ := st.Statement(context.Background(), orig.Number)
	if again.Total() != orig.Total() {
		t.Errorf("the original changed from %s to %s", orig.Total(), again.Total())
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

	p.tabs.SelectIndex(1)
	s := p.stmts
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
