package app

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

var calCtx = context.Background()

// openCalendarArea shows the Calendar area and waits for November 2026 to be drawn.
func openCalendarArea(t *testing.T, st *sqlite.Store) (fyne.Window, *calendarArea) {
	t.Helper()
	w, sh := testWindow(t, st)
	sh.show("Calendar")
	a := sh.current.scr.(*calendarArea)
	eventually(t, "November 2026 on the calendar", func() bool {
		return a.drawn == data.MustDate("2026-10-26") && len(a.people.mentors) > 0 && len(a.shown) > 0
	})
	return w, a
}

func storedSession(t *testing.T, st *sqlite.Store, id int64) data.Session {
	t.Helper()
	x, err := st.Session(calCtx, id)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// findSession is the first session of the sample organisation that fits.
func findSession(t *testing.T, st *sqlite.Store, f data.SessionFilter, fits func(data.Session) bool) data.Session {
	t.Helper()
	xs, err := st.Sessions(calCtx, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range xs {
		if fits(x) {
			return x
		}
	}
	t.Fatal("the sample organisation has no such session")
	return data.Session{}
}

// settled waits for the form's day check, which answers from another goroutine in tests.
func settled(t *testing.T, f *actionForm) {
	t.Helper()
	eventually(t, "the day check", func() bool { return f.warn == nil || f.warn.checked == f.warn.checks })
}

func button(t *testing.T, bs []*widget.Button, label string) *widget.Button {
	t.Helper()
	for _, b := range bs {
		if b.Text == label {
			return b
		}
	}
	t.Fatalf("no %q button", label)
	return nil
}

func TestCalendarShowsNovemberOfTheSampleOrganisation(t *testing.T) {
	st := demoStore(t)
	_, a := openCalendarArea(t, st)
	if a.cal.Title() != "November 2026" {
		t.Fatalf("the calendar opens on %q; want November 2026", a.cal.Title())
	}
	want, err := st.Sessions(calCtx, data.SessionFilter{From: data.MustDate("2026-11-01"), Through: data.MustDate("2026-11-30")})
	if err != nil || len(want) < 20 {
		t.Fatalf("the sample has %d November sessions (%v)", len(want), err)
	}
	for _, x := range want {
		found := false
		for _, it := range a.cal.ItemsOn(x.Date) {
			if it.ID == x.ID {
				found = true
				if it.Status != string(x.Status) || it.Colour != programColours[x.Program] || !strings.Contains(it.Title, x.Classroom) {
					t.Errorf("session %d drawn as %+v", x.ID, it)
				}
			}
		}
		if !found {
			t.Errorf("%s %s %s is not on %s", x.MentorName, x.Classroom, x.Start, x.Date)
		}
	}
	var thanksgiving bool
	for _, m := range a.marks(calendarFilter{}) {
		if m.Date == data.MustDate("2026-11-26") && m.Kind == widgets.NoSchoolMark && strings.Contains(m.Text, "Thanksgiving") {
			thanksgiving = true
		}
	}
	if !thanksgiving {
		t.Error("Thanksgiving is not marked as a no-school day")
	}
	a.cal.Next()
	eventually(t, "December's range", func() bool { return a.drawn == data.MustDate("2026-11-30") })
	if concerts := a.marks(calendarFilter{}); !strings.Contains(marksText(concerts), "Winter Concert") {
		t.Errorf("December marks no Winter Concert: %s", marksText(concerts))
	}
}

func marksText(ms []widgets.CalendarMark) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Date.String() + " " + m.Text + "; ")
	}
	return b.String()
}

func TestCalendarFilterByMentorNarrowsTheSessions(t *testing.T) {
	st := demoStore(t)
	_, a := openCalendarArea(t, st)
	all := len(a.shown)
	mensah := findSession(t, st, data.SessionFilter{From: data.MustDate("2026-11-24"), Through: data.MustDate("2026-11-24")},
		func(x data.Session) bool { return strings.Contains(x.MentorName, "Mensah") })
	m, err := st.Mentor(calCtx, mensah.MentorID)
	if err != nil {
		t.Fatal(err)
	}
	a.mentor.SetSelected(m.SortName())
	if len(a.shown) == 0 || len(a.shown) >= all {
		t.Fatalf("filtering by %s shows %d of %d sessions", m.Name(), len(a.shown), all)
	}
	for _, x := range a.shown {
		if x.MentorID != m.ID {
			t.Errorf("the filter for %s shows %s's session", m.Name(), x.Mentor)
		}
	}
	if n := len(a.cal.ItemsOn(data.MustDate("2026-11-24"))); n != 3 {
		t.Errorf("%s has %d sessions drawn on 24 November; want 3", m.Name(), n)
	}
	a.program.SetSelected(data.Season.Title())
	if len(a.shown) != 0 {
		t.Errorf("Mensah's Season sessions: %d; the sample has none", len(a.shown))
	}
	a.mentor.SetSelected(allMentors)
	a.program.SetSelected(allPrograms)
	if len(a.shown) != all {
		t.Errorf("clearing the filters shows %d of %d", len(a.shown), all)
	}
}

func TestCalendarFlagsAMentorAtTwoSchoolsOneDay(t *testing.T) {
	st := demoStore(t)
	_, a := openCalendarArea(t, st)
	x := findSession(t, st, data.SessionFilter{From: data.MustDate("2026-11-24"), Through: data.MustDate("2026-11-24")},
		func(x data.Session) bool { return strings.Contains(x.MentorName, "Mensah") })
	rooms, err := st.Classrooms(calCtx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var other data.Classroom
	for _, c := range rooms {
		if c.SchoolID != x.SchoolID {
			other = c
			break
		}
	}
	extra := data.Session{ClassroomID: other.ID, MentorID: x.MentorID, Date: x.Date, Start: data.ClockOf(15, 0), Minutes: 50,
		Program: data.Season, Status: data.Planned}
	id, err := st.SaveSession(calCtx, extra)
	if err != nil {
		t.Fatal(err)
	}
	var first data.Date
	fyne.DoAndWait(func() { first, a.drawn = a.span.from, 0; a.refreshRange() })
	eventually(t, "the new session on the calendar", func() bool {
		if a.drawn != first {
			return false
		}
		for _, it := range a.cal.ItemsOn(x.Date) {
			if it.ID == id {
				return true
			}
		}
		return false
	})
	for _, it := range a.cal.ItemsOn(x.Date) {
		mine := it.ID == id || strings.Contains(it.Title, "Mensah")
		if mine != it.Conflict {
			t.Errorf("%q on %s: conflict %v", strings.ReplaceAll(it.Title, "\n", " "), x.Date, it.Conflict)
		}
	}
	if !strings.Contains(a.summary.Text, "4 conflicts") {
		t.Errorf("summary %q does not count the 4 conflicting sessions", a.summary.Text)
	}
	a.cal.OnItemTapped(id)
	eventually(t, "the session dialog", func() bool { return a.session.shown > 0 })
	if !strings.Contains(a.session.rec.conflict, "also at "+x.School) {
		t.Errorf("the dialog explains the conflict as %q", a.session.rec.conflict)
	}
}

func TestTappingSessionsAndDaysOpensTheirDialogs(t *testing.T) {
	st := demoStore(t)
	_, a := openCalendarArea(t, st)
	x := a.shown[0]
	a.cal.OnItemTapped(x.ID)
	eventually(t, "the session dialog", func() bool { return a.session != nil && a.session.shown > 0 && a.session.rec.x.ID == x.ID })
	a.session.dlg.Hide()

	day := data.MustDate("2026-12-01")
	a.cal.OnDayTapped(day)
	add := a.adder
	if add == nil || add.date.Text != "2026-12-01" {
		t.Fatal("tapping a day does not offer a session on that day")
	}
	add.classroom.SetSelectedIndex(0)
	settled(t, add.actionForm)
	room := add.rooms[0]
	if add.start.Text != room.PeriodStart.String() || add.minutes.Text != strconv.Itoa(room.PeriodMinutes) {
		t.Errorf("time %s for %s min; the classroom's period is %s for %d", add.start.Text, add.minutes.Text, room.PeriodStart, room.PeriodMinutes)
	}
	test.Tap(add.submit)
	if add.saved || add.form.problems["mentor_email"].Hidden || add.form.problems["program"].Hidden {
		t.Fatal("a session without mentor and program was saved or not explained")
	}
	add.mentor.SetSelectedIndex(0)
	add.program.SetSelected(data.Season.Title())
	add.focus.SetText("Sight-reading")
	settled(t, add.actionForm)
	test.Tap(add.submit)
	eventually(t, "the new session saved", func() bool { return add.saved })
	n := findSession(t, st, data.SessionFilter{From: day, Through: day, ClassroomID: room.ID}, func(x data.Session) bool { return x.Focus == "Sight-reading" })
	if n.Status != data.Planned || n.Start != room.PeriodStart || n.Program != data.Season {
		t.Errorf("saved %+v", n)
	}
}

func TestConfirmAVisitFromTheVisitView(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	x := findSession(t, st, data.SessionFilter{From: data.MustDate("2026-11-24"), Through: data.MustDate("2026-11-24")},
		func(x data.Session) bool { return strings.Contains(x.MentorName, "Mensah") })
	d := sh.deps()
	v := showVisitDialog(d, st, x.MentorID, x.SchoolID, x.Date, func() {})
	eventually(t, "the visit", func() bool { return v.shown > 0 && len(v.visit.Sessions) == 3 })
	if !v.confirm.Disabled() {
		t.Error("a visit two days ahead can be confirmed")
	}
	v.dlg.Hide()
	_ = w

	// Two days later the visit has taken place.
	later := data.MustDate("2026-11-25")
	d.today = func() data.Date { return later }
	changed := 0
	v = showVisitDialog(d, st, x.MentorID, x.SchoolID, x.Date, func() { changed++ })
	eventually(t, "the visit", func() bool { return v.shown > 0 && len(v.visit.Sessions) == 3 && !v.confirm.Disabled() })
	test.Tap(v.confirm)
	f := v.form
	if by := f.inputs["confirmed_by"].(*widget.Entry).Text; by == "" {
		t.Error("the instructor's name is not offered as who confirmed")
	}
	f.inputs["confirmed_how"].(*widget.RadioGroup).SetSelected("signed sheet")
	test.Tap(f.submit)
	eventually(t, "the visit confirmed", func() bool { return f.saved && changed == 1 })
	for _, s := range v.visit.Sessions {
		got := storedSession(t, st, s.ID)
		if got.Status != data.Confirmed || got.ConfirmedOn != later || got.ConfirmedHow != "signed sheet" || got.ConfirmedBy == "" {
			t.Errorf("%s at %s: %s on %s by %q (%s)", got.Classroom, got.Start, got.Status, got.ConfirmedOn, got.ConfirmedBy, got.ConfirmedHow)
		}
	}
	eventually(t, "the visit shown as ready", func() bool { return v.shown > 1 && v.confirm.Disabled() && strings.Contains(v.state(), "ready") })
}

func TestCancellingNeedsAReason(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	x := findSession(t, st, data.SessionFilter{Status: data.Planned, From: testToday}, func(data.Session) bool { return true })
	s := showSessionDialog(sh.deps(), st, x.ID, func() {}, func(data.Session) {})
	eventually(t, "the session", func() bool { return s.shown > 0 && len(s.actions) > 0 })
	test.Tap(button(t, s.actions, "Cancel session…"))
	f := s.form
	f.inputs["cancelled_by"].(*widget.SelectEntry).SetText("Director")
	test.Tap(f.submit)
	if f.saved || f.form.problems["cancel_reason"].Hidden || !strings.Contains(f.form.problems["cancel_reason"].Text, "reason") {
		t.Fatalf("cancelling without a reason: saved %v, problem %q", f.saved, f.form.problems["cancel_reason"].Text)
	}
	if storedSession(t, st, x.ID).Status != data.Planned {
		t.Fatal("the session changed although the cancellation was refused")
	}
	test.Type(f.inputs["cancel_reason"].(fyne.Focusable), "Snow day: the school closed")
	test.Tap(f.submit)
	eventually(t, "the cancellation saved", func() bool { return f.saved })
	got := storedSession(t, st, x.ID)
	if got.Status != data.Cancelled || got.CancelReason != "Snow day: the school closed" || got.CancelledBy != "Director" {
		t.Errorf("stored %s, reason %q, by %q", got.Status, got.CancelReason, got.CancelledBy)
	}
	eventually(t, "the dialog showing the cancellation", func() bool { return s.shown > 1 && s.rec.x.Status == data.Cancelled && len(s.actions) == 0 })
}

func TestRescheduleKeepsHistory(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	x := findSession(t, st, data.SessionFilter{Status: data.Planned, From: testToday}, func(data.Session) bool { return true })
	before, _ := st.SessionMoves(calCtx, x.ID)
	s := showSessionDialog(sh.deps(), st, x.ID, func() {}, func(data.Session) {})
	eventually(t, "the session", func() bool { return s.shown > 0 && len(s.actions) > 0 })
	test.Tap(button(t, s.actions, "Reschedule…"))
	f := s.form
	to := x.Date.AddDays(7)
	f.inputs["date"].(*widgets.DateEntry).SetDate(to)
	settled(t, f)
	test.Tap(f.submit)
	if f.saved || f.form.problems["reason"].Hidden {
		t.Fatal("a reschedule without a reason was saved")
	}
	test.Type(f.inputs["reason"].(*widget.Entry), "School assembly")
	test.Tap(f.submit)
	eventually(t, "the reschedule saved", func() bool { return f.saved })
	moves, err := st.SessionMoves(calCtx, x.ID)
	if err != nil || len(moves) != len(before)+1 {
		t.Fatalf("%d moves after rescheduling (had %d): %v", len(moves), len(before), err)
	}
	m := moves[len(moves)-1]
	if m.FromDate != x.Date || m.ToDate != to || m.Reason != "School assembly" || m.MovedOn != testToday {
		t.Errorf("history %+v", m)
	}
	if got := storedSession(t, st, x.ID); got.Date != to || got.Start != x.Start {
		t.Errorf("the session is now on %s %s; want %s %s", got.Date, got.Start, to, x.Start)
	}
	eventually(t, "the history in the dialog", func() bool { return s.shown > 1 && len(s.rec.moves) == len(moves) })
}

func TestLockedSessionOffersNoActions(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	x := findSession(t, st, data.SessionFilter{Status: data.Confirmed}, data.Session.Locked)
	s := showSessionDialog(sh.deps(), st, x.ID, func() {}, func(data.Session) {})
	eventually(t, "the session", func() bool { return s.shown > 0 && s.rec.statement.Number > 0 })
	if len(s.actions) != 0 {
		t.Errorf("a session on an issued statement offers %d actions", len(s.actions))
	}
	var notice bool
	for _, o := range s.body.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, in := range c.Objects {
				if l, ok := in.(*widget.Label); ok && strings.Contains(l.Text, "Paid on statement no.") {
					notice = true
				}
			}
		}
	}
	if !notice {
		t.Error("the locked session does not say which statement pays it")
	}
}

// TestScreenshotsCalendar renders November 2026 and a busy week of it (MENTORDESK_SCREENSHOTS).
func TestScreenshotsCalendar(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, a := openCalendarArea(t, st)
	waitIdle()
	capture(t, w, dir, "calendar-month")
	fyne.DoAndWait(func() { a.cal.ShowView(widgets.WeekView, data.MustDate("2026-11-24")) })
	eventually(t, "the week", func() bool { return a.drawn == data.MustDate("2026-11-23") })
	waitIdle()
	capture(t, w, dir, "calendar-week")
}
