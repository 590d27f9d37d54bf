package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// withoutContracts takes a mentor's contracts away, so every session of theirs is flagged (R8).
func withoutContracts(t *testing.T, st *sqlite.Store, mentorID int64) {
	t.Helper()
	ctx := context.Background()
	m, err := st.Mentor(ctx, mentorID)
	if err != nil {
		t.Fatal(err)
	}
	checks, err := st.Checks(ctx, mentorID)
	if err != nil {
		t.Fatal(err)
	}
	// The mentor's records as the mentor page saves them: the same checks, no contract.
	if _, err := newDesk(st).SaveMentor(ctx, data.MentorRecords{Mentor: m, Checks: checks}); err != nil {
		t.Fatal(err)
	}
}

func TestConfirmingAFlaggedVisitNeedsTheDirectorsReason(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	day := data.MustDate("2026-11-24")
	x := findSession(t, st, sqlite.SessionFilter{From: day, Through: day}, func(x data.Session) bool { return strings.Contains(x.MentorName, "Mensah") })
	withoutContracts(t, st, x.MentorID)
	d := sh.deps()
	d.today = func() data.Date { return day.AddDays(1) }
	v := showVisitDialog(d, st, x.MentorID, x.SchoolID, x.Date, func() {})
	eventually(t, "the visit", func() bool { return v.shown > 0 && len(v.visit.Sessions) == 3 && !v.confirm.Disabled() })
	if len(v.flags) != 3 {
		t.Fatalf("%d of 3 sessions flagged; want every one", len(v.flags))
	}
	if flagLine(v.flags[x.ID], "") == "" || !strings.Contains(flagLine(v.flags[x.ID], ""), "No contract") {
		t.Errorf("the visit does not show the flag: %q", flagLine(v.flags[x.ID], ""))
	}
	test.Tap(v.confirm)
	f := v.form
	if !strings.Contains(f.title, "despite the flag") || f.inputs["override_reason"] == nil {
		t.Fatalf("the confirmation of a flagged visit asks no reason: %q", f.title)
	}
	test.Tap(f.submit)
	if f.saved || f.form.problems["override_reason"].Hidden {
		t.Fatalf("confirmed without a reason: saved %v", f.saved)
	}
	if storedSession(t, st, x.ID).Status == data.Confirmed {
		t.Fatal("the session was confirmed although the override was refused")
	}
	test.Type(f.inputs["override_reason"].(fyne.Focusable), "Contract signed on paper; the scan follows")
	test.Tap(f.submit)
	eventually(t, "the visit confirmed", func() bool { return f.saved })
	for _, s := range v.visit.Sessions {
		got := storedSession(t, st, s.ID)
		if got.Status != data.Confirmed || got.OverrideReason != "Contract signed on paper; the scan follows" {
			t.Errorf("%s at %s: %s with override %q", got.Classroom, got.Start, got.Status, got.OverrideReason)
		}
	}
}

func TestPaymentsHoldAFlaggedVisitUntilTheOverrideIsRecorded(t *testing.T) {
	st := demoStore(t)
	ready, err := st.ReadyVisits(context.Background(), testToday)
	if err != nil || len(ready.Visits) == 0 {
		t.Fatalf("the sample has no visit ready to pay: %v", err)
	}
	target := ready.Visits[0].Visit
	withoutContracts(t, st, target.MentorID)
	_, p := openPayments(t, st)
	r := p.ready
	paySettle(t, p, "the held visit", func() bool { return len(r.list.Held) > 0 })
	for _, v := range r.list.Visits {
		if v.Visit.MentorID == target.MentorID {
			t.Fatalf("a visit of the mentor without a contract is offered to pay: %s", v.Visit.Date)
		}
	}
	if r.heldBox.Hidden || !strings.Contains(r.heldNote.Text, "held") {
		t.Fatalf("the held visits are not shown: %q", r.heldNote.Text)
	}
	held := len(r.list.Held)
	before := len(r.list.Visits)
	test.Tap(r.heldReview)
	h := r.held
	test.Tap(h.ok)
	if !h.issue.Visible() || !strings.Contains(h.issue.Text, "Reason") {
		t.Fatalf("recorded an override without a reason: %q", h.issue.Text)
	}
	test.Type(h.reason, "Contract signed on paper; the scan follows")
	test.Tap(h.ok)
	paySettle(t, p, "the visit ready to pay", func() bool { return len(r.list.Held) == held-1 && len(r.list.Visits) == before+1 })
}

func TestThePlannerNeverSaysFitsEveryRuleBesideAFlag(t *testing.T) {
	st := demoStore(t)
	m, err := st.MentorByEmail(context.Background(), "rafael.oliveira@example.org")
	if err != nil {
		t.Fatal(err)
	}
	withoutContracts(t, st, m.ID)
	_, sh := testWindow(t, st)
	v := planFocusedWithEvaluation(t, openPrograms(t, sh))
	if v.flaggedCount() != len(v.sessions) {
		t.Fatalf("%d of %d sessions flagged; want all", v.flaggedCount(), len(v.sessions))
	}
	if s := v.status.Text; !strings.Contains(s, "flagged") || strings.Contains(s, "no flag stands") {
		t.Errorf("status %q beside %d flags", s, v.flaggedCount())
	}
	v.list.Select(0)
	if d := v.detail.Text; strings.Contains(d, "Fits every rule") || !strings.Contains(d, "but is flagged") || !strings.Contains(d, "Flag: No contract") {
		t.Errorf("detail %q", d)
	}
}
