package sqlite

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
)

// uncleared adds a mentor with no checks and no contract: every session of theirs is flagged.
func (o *org) uncleared(first string) {
	o.t.Helper()
	id, err := ops(o.s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: first, LastName: "Newcomer", Email: strings.ToLower(first) + "@example.org", Status: data.Active}})
	if err != nil {
		o.t.Fatal(err)
	}
	o.mentors[first] = id
}

func TestFlaggedSessionsAreConfirmedAndPaidOnlyWithAnOverride(t *testing.T) {
	t.Run("confirming a flagged session needs a reason, kept with the session", func(t *testing.T) {
		o := newOrg(t)
		o.uncleared("Dee")
		id := o.session("Dee", "Whitman/7th Band", "2026-09-15", data.Focused, data.Completed)
		err := o.s.ConfirmSessions(ctx, []int64{id}, Confirmation{On: data.MustDate("2026-09-16"), By: "Ms Reyes"})
		var flagged *FlaggedError
		if !errors.As(err, &flagged) || !strings.Contains(err.Error(), "Dee Newcomer") || !strings.Contains(err.Error(), "not cleared, no contract") {
			t.Fatalf("confirming without a reason gives %v; want the session named as flagged", err)
		}
		if x, _ := o.s.Session(ctx, id); x.Status != data.Completed {
			t.Fatalf("a refused confirmation changed the session to %s", x.Status)
		}
		if err := o.s.ConfirmSessions(ctx, []int64{id}, Confirmation{On: data.MustDate("2026-09-16"), By: "Ms Reyes", Override: "WSP clear by phone on 14 Sep"}); err != nil {
			t.Fatal(err)
		}
		x, _ := o.s.Session(ctx, id)
		if x.Status != data.Confirmed || x.OverrideReason != "WSP clear by phone on 14 Sep" {
			t.Errorf("after the override: %s, reason %q", x.Status, x.OverrideReason)
		}
		if got := summarize(o.issue("2026-09-30")); len(got) != 1 {
			t.Errorf("a flagged session with its override was not paid: %+v", got)
		}
	})
	t.Run("a cleared mentor's sessions need no reason", func(t *testing.T) {
		o := newOrg(t)
		id := o.session("Ana", "Whitman/7th Band", "2026-09-15", data.Focused, data.Completed)
		if err := o.s.ConfirmSessions(ctx, []int64{id}, Confirmation{On: data.MustDate("2026-09-16"), By: "Ms Reyes", Override: "not needed"}); err != nil {
			t.Fatal(err)
		}
		if x, _ := o.s.Session(ctx, id); x.OverrideReason != "" {
			t.Errorf("an unflagged session keeps an override %q", x.OverrideReason)
		}
	})
	t.Run("issuing holds visits with flagged sessions confirmed without a reason, and names them", func(t *testing.T) {
		o := newOrg(t)
		o.uncleared("Dee")
		o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
		dee := o.confirmed("Dee", "Eckstein/Choir", "2026-09-16") // imported as confirmed: no override
		ready, err := o.s.ReadyVisits(ctx, data.MustDate("2026-09-30"))
		if err != nil {
			t.Fatal(err)
		}
		if len(ready.Visits) != 1 || len(ready.Held) != 1 || ready.Held[0].Flagged[0].ID != dee {
			t.Fatalf("ready %d, held %+v; want Ana's visit ready and Dee's held", len(ready.Visits), ready.Held)
		}
		_, err = o.s.IssueStatements(ctx, IssueChoice{Visits: []VisitKey{{ready.Held[0].Visit.MentorID, ready.Held[0].Visit.SchoolID, ready.Held[0].Visit.Date}}}, data.MustDate("2026-09-30"))
		if err == nil || !strings.Contains(err.Error(), "cannot be paid without an override") {
			t.Errorf("issuing the held visit gives %v", err)
		}
		if got := summarize(o.issue("2026-09-30")); len(got) != 1 || got[0].mentor != "Ana" {
			t.Fatalf("issued %+v; want only Ana's visit", got)
		}
		held, _ := o.s.HeldVisits(ctx, data.MustDate("2026-09-30"))
		if len(held) != 1 {
			t.Fatalf("%d visits held after issuing; want Dee's", len(held))
		}
		if err := o.s.OverrideFlags(ctx, []int64{dee}, " "); err == nil {
			t.Error("an empty override reason was accepted")
		}
		if err := o.s.OverrideFlags(ctx, []int64{dee}, "Contract signed on paper, scanned copy pending"); err != nil {
			t.Fatal(err)
		}
		if got := summarize(o.issue("2026-09-30")); len(got) != 1 || got[0].mentor != "Dee" {
			t.Errorf("after the override, issued %+v; want Dee's visit", got)
		}
	})
}

func TestReadyVisitsCountWaitingAndUnmarkedApart(t *testing.T) {
	o := newOrg(t)
	o.session("Ana", "Whitman/7th Band", "2026-09-15", data.Focused, data.Planned)
	o.session("Ben", "Eckstein/Choir", "2026-09-16", data.Focused, data.Planned)
	o.session("Cleo", "Eckstein/Choir", "2026-09-17", data.Focused, data.Completed)
	ready, err := o.s.ReadyVisits(ctx, data.MustDate("2026-09-30"))
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{ready.Waiting, ready.Unmarked}; !slices.Equal(got, []int{1, 2}) {
		t.Errorf("waiting for confirmation, not marked completed = %v; want [1 2]", got)
	}
}

func TestTakingBackAConfirmation(t *testing.T) {
	o := newOrg(t)
	id := o.confirmed("Ana", "Whitman/7th Band", "2026-09-15")
	if err := o.s.TakeBackConfirmation(ctx, id); err != nil {
		t.Fatal(err)
	}
	if x, _ := o.s.Session(ctx, id); x.Status != data.Completed || !x.ConfirmedOn.IsZero() || x.ConfirmedBy != "" {
		t.Fatalf("after taking back: %s, confirmed on %s by %q", x.Status, x.ConfirmedOn, x.ConfirmedBy)
	}
	if err := o.s.SetSessionStatus(ctx, id, data.Planned, ""); err != nil {
		t.Fatal(err)
	}
	paid := o.confirmed("Ana", "Whitman/7th Band", "2026-09-29")
	o.issue("2026-09-30")
	if err := o.s.TakeBackConfirmation(ctx, paid); !errors.Is(err, data.ErrLocked) {
		t.Errorf("taking back a paid confirmation gives %v; want it locked", err)
	}
}
