package data

import (
	"strings"
	"testing"
)

func progressEnrollment() Enrollment {
	return Enrollment{Program: Focused, Status: EnrollmentActive, Terms: []Term{
		{Index: 1, EventDate: MustDate("2026-12-10"), EventName: "Winter Concert", Required: 3},
		{Index: 2, EventDate: MustDate("2027-03-16"), EventName: "Spring Concert", Required: 3},
		{Index: 3, EventDate: MustDate("2027-05-26"), EventName: "Spring Festival", Required: 3},
	}}
}

func progressSessions(term int, statuses ...SessionStatus) []Session {
	var out []Session
	for i, st := range statuses {
		out = append(out, Session{Term: term, Status: st, Date: MustDate("2026-10-01").AddDays(i*14 + term*100)})
	}
	return out
}

func TestProgressCountsDonePlannedRequired(t *testing.T) {
	e := progressEnrollment()
	var ss []Session
	ss = append(ss, progressSessions(1, Confirmed, Completed, Cancelled, Planned)...)
	ss = append(ss, progressSessions(2, Planned, Planned, Planned)...)
	ss = append(ss, progressSessions(3, Planned, Planned, Planned)...)
	p := EnrollmentProgress(e, ss, MustDate("2026-10-01"))
	if p.Required != 9 || p.Done != 2 || p.Planned != 7 || p.Cancelled != 1 {
		t.Fatalf("got required %d done %d planned %d cancelled %d; want 9, 2, 7, 1", p.Required, p.Done, p.Planned, p.Cancelled)
	}
	if p.Summary() != "2 done · 7 planned · 9 required" {
		t.Errorf("summary %q", p.Summary())
	}
	if got := p.Terms[0]; got.Done != 2 || got.Planned != 1 || got.Cancelled != 1 || got.Unplanned() != 0 {
		t.Errorf("term 1: %+v", got)
	}
	if len(p.AtRisk) != 0 {
		t.Errorf("a cancellation replaced by a planned session is not a risk: %v", p.AtRisk)
	}
}

func TestProgressAtRisk(t *testing.T) {
	t.Run("term event within 21 days with sessions unplanned", func(t *testing.T) {
		e := progressEnrollment()
		ss := progressSessions(1, Confirmed)
		p := EnrollmentProgress(e, ss, MustDate("2026-11-22"))
		if len(p.AtRisk) != 1 || !strings.Contains(p.AtRisk[0], "Term 1: Winter Concert on 2026-12-10 is in 18 days, with 2 of 3 sessions not planned") {
			t.Fatalf("at risk = %q", p.AtRisk)
		}
	})
	t.Run("event more than 21 days away is not yet a risk", func(t *testing.T) {
		p := EnrollmentProgress(progressEnrollment(), nil, MustDate("2026-11-18"))
		if len(p.AtRisk) != 0 {
			t.Fatalf("at risk = %q", p.AtRisk)
		}
	})
	t.Run("event already past is not flagged again", func(t *testing.T) {
		p := EnrollmentProgress(progressEnrollment(), nil, MustDate("2026-12-11"))
		for _, r := range p.AtRisk {
			if strings.Contains(r, "Term 1") {
				t.Fatalf("past event flagged: %q", r)
			}
		}
	})
	t.Run("cancellations eating into the commitment", func(t *testing.T) {
		e := progressEnrollment()
		var ss []Session
		ss = append(ss, progressSessions(1, Confirmed, Cancelled, Cancelled)...)
		ss = append(ss, progressSessions(2, Planned, Planned, Planned)...)
		ss = append(ss, progressSessions(3, Planned, Planned, Planned)...)
		p := EnrollmentProgress(e, ss, MustDate("2027-01-10"))
		if len(p.AtRisk) != 1 || p.AtRisk[0] != "2 cancelled session(s) leave 2 of the 9 committed sessions without a date" {
			t.Fatalf("at risk = %q", p.AtRisk)
		}
	})
	t.Run("an enrollment ended early is not at risk", func(t *testing.T) {
		e := progressEnrollment()
		e.Status = EnrollmentEnded
		ss := progressSessions(1, Confirmed, Cancelled, Cancelled)
		if p := EnrollmentProgress(e, ss, MustDate("2026-11-22")); len(p.AtRisk) != 0 {
			t.Fatalf("at risk = %q", p.AtRisk)
		}
	})
}
