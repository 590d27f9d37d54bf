package app

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"mentordesk/data"
)

// openPrograms shows the Programs area once its enrollments have loaded.
func openPrograms(t *testing.T, sh *shell) *programs {
	t.Helper()
	sh.show("Programs")
	p := sh.current.scr.(*programs)
	eventually(t, "the enrollments", func() bool { return p.reloads > 0 })
	return p
}

// planFocusedWithEvaluation fills the wizard for Rafael Oliveira with Madrona Heights' 7th/8th
// Grade Band (a classroom with no sessions yet) and returns the proposal.
func planFocusedWithEvaluation(t *testing.T, p *programs) *proposalView {
	t.Helper()
	test.Tap(p.newBtn)
	wz := p.wizard
	eventually(t, "the wizard's choices", func() bool { return wz.ready })
	wz.program.SetSelected(data.Focused.Title())
	test.Tap(wz.evaluation)
	wz.mentor.SetSelected("Oliveira, Rafael")
	wz.school.SetSelected("Madrona Heights K-8")
	wz.classroom.SetSelected("7th/8th Grade Band")
	eventually(t, "the term events", func() bool { return wz.eventsFrom != 0 })
	if len(wz.eventEntries) != 3 || wz.eventEntries[2].Text == "" {
		t.Fatalf("the term events are not filled in: %d entries", len(wz.eventEntries))
	}
	test.Tap(wz.proposeBtn)
	eventually(t, "the proposal", func() bool { return wz.prop != nil })
	return wz.prop
}

func TestProgramsWizardPlansMovesAndSavesFocusedWithEvaluation(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	p := openPrograms(t, sh)
	before := len(p.all)
	v := planFocusedWithEvaluation(t, p)

	if len(v.sessions) != 10 || !v.plan.OK() {
		t.Fatalf("%d sessions proposed, failures %v; want 10", len(v.sessions), v.plan.Failures)
	}
	if v.sessions[0].Focus != "evaluation" {
		t.Errorf("the first session is %q, not the evaluation", v.sessions[0].Focus)
	}
	if v.acceptBtn.Disabled() {
		t.Fatalf("Accept is disabled on a fresh plan: %s", v.status.Text)
	}
	if p.unsaved() == "" {
		t.Error("an unsaved proposal is not reported to the shell")
	}
	if got := len(v.cal.ItemsOn(v.sessions[0].Date)); got == 0 {
		t.Error("the calendar does not show the evaluation")
	}

	// Thanksgiving is no school day.
	thanksgiving := data.MustDate("2026-11-26")
	v.list.Select(1)
	original := v.sessions[1]
	v.moveTo.SetText(thanksgiving.String())
	test.Tap(v.moveBtn)
	i := slices.IndexFunc(v.sessions, func(s data.PlannedSession) bool { return s.Date == thanksgiving })
	if i < 0 {
		t.Fatal("the session did not move")
	}
	if !strings.Contains(strings.Join(v.problems[i], "; "), "Thanksgiving") {
		t.Errorf("problems after the move: %q; want Thanksgiving named", v.problems[i])
	}
	if !v.acceptBtn.Disabled() {
		t.Error("Accept stays enabled while a session is on a no-school day")
	}
	if !strings.Contains(v.detail.Text, "Problem:") {
		t.Errorf("the problem is not shown in words: %q", v.detail.Text)
	}

	// Another good date for it, found with the same rule the view uses.
	good := data.Date(0)
	for d := original.Date.AddDays(-7); d <= original.Date.AddDays(7) && good == 0; d++ {
		trial := slices.Clone(v.sessions)
		trial[i].Date = d
		if problems, _ := v.req.CheckSession(trial, i); len(problems) == 0 && d != original.Date {
			good = d
		}
	}
	if good == 0 {
		t.Fatal("no other good date near the original one")
	}
	v.moveTo.SetText(good.String())
	test.Tap(v.moveBtn)
	if v.problemCount() != 0 || v.acceptBtn.Disabled() {
		t.Fatalf("after moving to %s: %d problem(s), Accept disabled %v", good, v.problemCount(), v.acceptBtn.Disabled())
	}
	test.Tap(v.acceptBtn)
	eventually(t, "the new enrollment's page", func() bool {
		return p.wizard == nil && p.page != nil && p.page.row.e.Evaluation && p.page.row.mentor.LastName == "Oliveira"
	})
	if len(p.all) != before+1 {
		t.Errorf("%d enrollments listed; want %d", len(p.all), before+1)
	}

	m, _ := st.MentorByEmail(context.Background(), "rafael.oliveira@example.org")
	es, _ := st.Enrollments(context.Background(), m.ID, 0)
	var saved data.Enrollment
	for _, e := range es {
		if e.Program == data.Focused && e.Evaluation {
			saved = e
		}
	}
	sessions, _ := st.Sessions(context.Background(), data.SessionFilter{EnrollmentID: saved.ID})
	if saved.ID == 0 || len(sessions) != 10 {
		t.Fatalf("saved enrollment %d with %d sessions; want 10", saved.ID, len(sessions))
	}
	if !slices.ContainsFunc(sessions, func(s data.Session) bool { return s.Date == good }) {
		t.Errorf("the moved date %s was not saved", good)
	}
	if p.current != saved.ID || p.page == nil {
		t.Error("the new enrollment's page is not open")
	}
}

func TestProgramsEndEarlyCancelsTheRemainingSessions(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	p := openPrograms(t, sh)
	today := testToday
	var row enrollmentRow
	for _, r := range p.all {
		if r.e.Program == data.Focused && r.e.Status == data.EnrollmentActive && r.progress.Planned > 3 {
			row = r
			break
		}
	}
	if row.e.ID == 0 {
		t.Fatal("no active Focused enrollment with planned sessions")
	}
	p.open(row.e.ID)
	pg := p.page
	test.Tap(pg.endBtn)
	if pg.endConfirm == nil || !pg.endConfirm.Disabled() {
		t.Fatal("End enrollment is enabled without a reason")
	}
	test.Type(pg.endReason, "The band is preparing a musical instead")
	if pg.endConfirm.Disabled() {
		t.Fatal("End enrollment stays disabled with a reason typed")
	}
	test.Tap(pg.endConfirm)
	eventually(t, "the enrollment ended", func() bool {
		return p.page != pg && p.page.row.e.ID == row.e.ID && p.page.row.e.Status == data.EnrollmentEnded
	})
	sessions, _ := st.Sessions(context.Background(), data.SessionFilter{EnrollmentID: row.e.ID})
	for _, s := range sessions {
		switch {
		case s.Date >= today && s.Status != data.Cancelled:
			t.Errorf("session of %s is %s after the early end", s.Date, s.Status)
		case s.Date >= today && !strings.Contains(s.CancelReason, "musical"):
			t.Errorf("session of %s cancelled with %q", s.Date, s.CancelReason)
		case s.Date < today && s.Status == data.Cancelled && strings.Contains(s.CancelReason, "musical"):
			t.Errorf("a session already held (%s) was cancelled", s.Date)
		}
	}
}

func TestProgramsExtraSeasonAccepted(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	p := openPrograms(t, sh)
	var row enrollmentRow
	for _, r := range p.all {
		if rs, _ := st.SeasonRequests(context.Background(), r.e.ID); len(rs) > 0 && rs[0].Decision == "pending" {
			row = r
		}
	}
	if row.e.ID == 0 {
		t.Fatal("the sample has no pending extra-season request")
	}
	p.open(row.e.ID)
	pg := p.page
	eventually(t, "the season requests", func() bool { return len(pg.requests) == 1 })
	pg.onAccept(pg.requests[0])
	sa := pg.season
	eventually(t, "the new season planned", func() bool { return !sa.confirm.Disabled() })
	if len(sa.plan.Sessions) != 3 {
		t.Fatalf("%d sessions planned for the new season", len(sa.plan.Sessions))
	}
	test.Tap(sa.confirm)
	eventually(t, "the new season in the list", func() bool {
		return p.page != pg && slices.ContainsFunc(p.all, func(r enrollmentRow) bool { return r.e.ExtendsID == row.e.ID })
	})
	rs, _ := st.SeasonRequests(context.Background(), row.e.ID)
	if rs[0].Decision != "accepted" || rs[0].NewID == 0 {
		t.Errorf("request %+v; want accepted with the new enrollment", rs[0])
	}
	sessions, _ := st.Sessions(context.Background(), data.SessionFilter{EnrollmentID: rs[0].NewID})
	if len(sessions) != 3 {
		t.Errorf("the new season has %d sessions; want 3", len(sessions))
	}
}

func TestAtRiskSummary(t *testing.T) {
	st := demoStore(t)
	items, err := atRiskSummary(context.Background(), st, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.EnrollmentID == 0 || it.Title == "" || len(it.Flags) == 0 {
			t.Errorf("incomplete item %+v", it)
		}
	}
	// A term event 18 days away with nothing planned puts a new enrollment at risk.
	ctx := context.Background()
	room, _ := st.ClassroomByName(ctx, "Madrona Heights K-8", "7th/8th Grade Band")
	m, _ := st.MentorByEmail(ctx, "rafael.oliveira@example.org")
	e := data.Enrollment{Program: data.Season, ClassroomID: room.ID, MentorID: m.ID, SchoolYear: 2026,
		Terms: []data.Term{{Index: 1, ClassroomID: room.ID, EventDate: testToday.AddDays(18), EventName: "Winter Concert", Required: 3}}}
	if _, err := st.CreateEnrollment(ctx, e, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := atRiskSummary(ctx, st, testToday)
	if len(after) != len(items)+1 || !slices.ContainsFunc(after, func(a atRisk) bool {
		return strings.Contains(strings.Join(a.Flags, " "), "in 18 days, with 3 of 3 sessions not planned")
	}) {
		t.Errorf("at risk after adding an unplanned season: %+v", after)
	}
}

// TestScreenshotsPrograms renders the Programs area and the enrollment wizard's proposal.
func TestScreenshotsPrograms(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, sh := testWindow(t, st)
	p := openPrograms(t, sh)
	risky := slices.IndexFunc(p.shown, func(r enrollmentRow) bool { return len(r.progress.AtRisk) > 0 })
	p.list.Select(max(risky, 0))
	waitIdle()
	capture(t, w, dir, "programs")

	v := planFocusedWithEvaluation(t, p)
	v.list.Select(1)
	v.moveTo.SetText("2026-11-26")
	test.Tap(v.moveBtn)
	waitIdle()
	capture(t, w, dir, "enrollment-wizard")
}
