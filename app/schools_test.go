package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// settle waits until the Schools area's loads and saves have landed and cond holds.
func settle(t *testing.T, s *schools, what string, cond func() bool) {
	t.Helper()
	eventually(t, what, func() bool { return s.work.idle() && cond() })
}

// openSchoolPage shows the Schools area and opens the named school's page.
func openSchoolPage(t *testing.T, sh *shell, name string) (*schools, *schoolForm) {
	t.Helper()
	sh.show("Schools")
	s := sh.current.scr.(*schools)
	settle(t, s, "the school list", func() bool { return len(s.all) > 0 })
	var sp *schoolForm
	fyne.DoAndWait(func() {
		for i, x := range s.shown {
			if x.Name == name {
				s.list.Select(i)
			}
		}
		sp, _ = s.page.(*schoolForm)
	})
	if sp == nil || sp.school.Name != name {
		t.Fatalf("the page of %s did not open", name)
	}
	settle(t, s, name+"'s classrooms", func() bool { return len(sp.rooms) > 0 })
	return s, sp
}

// openClassroomPage opens one classroom of the school page.
func openClassroomPage(t *testing.T, s *schools, sp *schoolForm, room string) *classroomForm {
	t.Helper()
	for i, c := range sp.rooms {
		if c.Name == room {
			test.Tap(sp.editRoom[i])
		}
	}
	cp, ok := s.page.(*classroomForm)
	if !ok || cp.room.Name != room {
		t.Fatalf("the classroom %s did not open", room)
	}
	settle(t, s, room+"'s events", func() bool { return true })
	return cp
}

func storedClassroom(t *testing.T, st *sqlite.Store, school, room string) data.Classroom {
	t.Helper()
	c, err := st.ClassroomByName(context.Background(), school, room)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEditClassroomMeetingDays(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Maple Leaf Elementary")
	cp := openClassroomPage(t, s, sp, "Maple Leaf Singers")
	if got := cp.draft().days.String(); got != "Mon;Wed;Fri" {
		t.Fatalf("the form shows meeting days %s, want Mon;Wed;Fri", got)
	}
	test.Tap(cp.days[2]) // Wed off
	test.Tap(cp.days[3]) // Thu on
	if !strings.Contains(s.unsaved(), "Maple Leaf Singers") {
		t.Errorf("unsaved() = %q after ticking days", s.unsaved())
	}
	test.Tap(cp.saveBtn)
	settle(t, s, "the classroom saved", func() bool { return cp.status.Text == "Saved." })
	if got := storedClassroom(t, st, "Maple Leaf Elementary", "Maple Leaf Singers").MeetingDays.String(); got != "Mon;Thu;Fri" {
		t.Errorf("stored meeting days %s, want Mon;Thu;Fri", got)
	}
	if s.unsaved() != "" {
		t.Errorf("after saving, unsaved() = %q", s.unsaved())
	}
	test.Tap(cp.days[0])
	test.Tap(cp.days[3])
	test.Tap(cp.days[4])
	test.Tap(cp.saveBtn)
	if cp.fs.fields[4].problem.Hidden || !strings.Contains(cp.fs.fields[4].problem.Text, "required") {
		t.Errorf("no meeting day ticked, but the days show %q", cp.fs.fields[4].problem.Text)
	}
	if got := storedClassroom(t, st, "Maple Leaf Elementary", "Maple Leaf Singers").MeetingDays.String(); got != "Mon;Thu;Fri" {
		t.Errorf("a classroom without meeting days was saved: %s", got)
	}
}

func TestClassroomRefusesBadPeriodStartInline(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Cascade Middle School")
	cp := openClassroomPage(t, s, sp, "Jazz Band")
	cp.periodStart.entry.SetText("")
	test.Type(cp.periodStart.entry, "7:5")
	if cp.periodStart.problem.Hidden || !strings.Contains(cp.periodStart.problem.Text, "is not a time") {
		t.Fatalf("7:5 shows %q beside the period start", cp.periodStart.problem.Text)
	}
	if cp.periodStart.entry.Validate() == nil {
		t.Error("the entry's validator accepts 7:5")
	}
	cp.periodStart.entry.SetText("23:30")
	if !strings.Contains(cp.periodStart.problem.Text, "outside school hours") {
		t.Errorf("23:30 shows %q, want data's school-hours rule", cp.periodStart.problem.Text)
	}
	test.Tap(cp.saveBtn)
	if !strings.HasPrefix(cp.status.Text, "Not saved") {
		t.Errorf("status after saving a bad time: %q", cp.status.Text)
	}
	if got := storedClassroom(t, st, "Cascade Middle School", "Jazz Band").PeriodStart.String(); got != "07:05" {
		t.Errorf("the stored period start changed to %s", got)
	}
	cp.periodStart.entry.SetText("07:15")
	if !cp.periodStart.problem.Hidden || cp.periodStart.entry.Validate() != nil {
		t.Errorf("07:15 still shows %q", cp.periodStart.problem.Text)
	}
}

func TestCreateSchoolWithInstructor(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Schools")
	s := sh.current.scr.(*schools)
	settle(t, s, "the school list", func() bool { return len(s.all) == 8 })
	test.Tap(s.newBtn)
	sp := s.page.(*schoolForm)
	if sp.school.ID != 0 || !sp.addInstructor.Disabled() {
		t.Fatal("New school did not open a blank page with instructors waiting for the save")
	}
	test.Tap(sp.saveBtn)
	if sp.name.problem.Hidden || !strings.Contains(sp.status.Text, "Not saved") {
		t.Errorf("saving a blank school: name shows %q, status %q", sp.name.problem.Text, sp.status.Text)
	}
	test.Type(sp.name.entry, "Cascade Middle School")
	if !strings.Contains(sp.name.problem.Text, "already a school") {
		t.Errorf("a second Cascade Middle School shows %q", sp.name.problem.Text)
	}
	sp.name.entry.SetText("")
	test.Type(sp.name.entry, "Lake Forest Park Elementary")
	test.Type(sp.district, "Shoreline School District")
	sp.level.SetSelected("Elementary")
	test.Type(sp.address.entry, "18500 37th Ave NE, Lake Forest Park, WA 98155")
	sp.calendar.SetSelected("Shoreline School District")
	if !strings.Contains(s.unsaved(), "new school") {
		t.Errorf("unsaved() = %q", s.unsaved())
	}
	test.Tap(sp.saveBtn)
	settle(t, s, "the school saved", func() bool { return sp.school.ID != 0 && len(s.all) == 9 })
	if s.list.Length() != 9 || sp.heading.Text != "Lake Forest Park Elementary" || sp.addInstructor.Disabled() {
		t.Errorf("after saving: %d listed, heading %q", s.list.Length(), sp.heading.Text)
	}

	test.Tap(sp.addInstructor)
	ip := s.page.(*instructorForm)
	settle(t, s, "the instructor page", func() bool { return true })
	test.Type(ip.first.entry, "Priya")
	test.Type(ip.last.entry, "Raman")
	test.Type(ip.email.entry, "praman@")
	if ip.email.problem.Hidden || !strings.Contains(ip.email.problem.Text, "not an e-mail address") {
		t.Errorf("praman@ shows %q", ip.email.problem.Text)
	}
	test.Type(ip.email.entry, "ShorelineSchools.example.org")
	test.Type(ip.phone.entry, "206-555-0144")
	if !ip.email.problem.Hidden {
		t.Errorf("a good e-mail still shows %q", ip.email.problem.Text)
	}
	test.Tap(ip.saveBtn)
	settle(t, s, "back on the school page", func() bool {
		back, ok := s.page.(*schoolForm)
		return ok && len(back.instructors) == 1
	})
	ins, err := st.Instructors(context.Background(), sp.school.ID)
	if err != nil || len(ins) != 1 || ins[0].Name() != "Priya Raman" || ins[0].Email != "praman@shorelineschools.example.org" {
		t.Fatalf("stored instructors %+v (%v)", ins, err)
	}
	schools, _ := st.Schools(context.Background())
	for _, x := range schools {
		if x.Name == "Lake Forest Park Elementary" && (x.District != "Shoreline School District" || x.Level != data.Elementary || x.Calendar != "Shoreline School District") {
			t.Errorf("stored school %+v", x)
		}
	}
}

func TestLeavingAnEditedSchoolAsks(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Beacon Ridge Elementary")
	test.Type(sp.address.entry, " (rear entrance)")
	sh.show("Home")
	if sh.current.name != "Schools" || w.Canvas().Overlays().Top() == nil {
		t.Fatal("left the Schools area with an unsaved address without asking")
	}
	s.discardEdits()
	if s.unsaved() != "" || strings.Contains(sp.address.entry.Text, "rear") {
		t.Errorf("discarding left %q, address %q", s.unsaved(), sp.address.entry.Text)
	}
}

// openCalendar shows the calendar editor on the named calendar.
func openCalendar(t *testing.T, sh *shell, name string) *calendarEditor {
	t.Helper()
	sh.show("Schools")
	s := sh.current.scr.(*schools)
	settle(t, s, "the school list", func() bool { return len(s.all) > 0 })
	fyne.DoAndWait(func() { s.tabs.SelectIndex(1) })
	c := s.cal
	settle(t, s, "the calendars", func() bool { return len(c.cals) > 0 && c.cal.ID != 0 })
	fyne.DoAndWait(func() { c.picker.SetSelected(name) })
	if c.cal.Name != name {
		t.Fatalf("the calendar %s did not open", name)
	}
	return c
}

func TestCalendarEditorMarksNoSchoolDay(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	c := openCalendar(t, sh, "Shoreline School District")
	if c.grid.Month() != data.MustDate("2026-11-01") {
		t.Errorf("the grid opens on %s, want today's month", c.grid.Month())
	}
	if m, ok := c.grid.Mark(data.MustDate("2026-11-11")); !ok || m.Label != "Veterans Day" {
		t.Errorf("11 November is marked %+v", m)
	}
	before := c.summary.Text
	snow := data.MustDate("2026-12-04")
	c.grid.Select(snow)
	c.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.day != snow || c.dayTitle.Text != snow.Long() {
		t.Fatalf("the day panel shows %q", c.dayTitle.Text)
	}
	test.Type(c.labels[3].entry, "Snow day")
	if !c.checks[3].Checked {
		t.Error("typing a no-school label did not tick No school")
	}
	if m, ok := c.grid.Mark(snow); !ok || m.Label != "Snow day" {
		t.Errorf("4 December is marked %+v", m)
	}
	if c.summary.Text == before || !strings.Contains(c.monthDays.Text, "Fri 4 — No school: Snow day") {
		t.Errorf("summary unchanged or month list %q", c.monthDays.Text)
	}
	if !strings.Contains(c.what(), "Shoreline") || !c.dirty() {
		t.Error("the marked day is not an unsaved edit")
	}
	test.Tap(c.saveBtn)
	settle(t, sh.current.scr.(*schools), "the calendar saved", func() bool { return !c.dirty() })
	cals, err := st.Calendars(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, cal := range cals {
		for _, d := range cal.Days {
			if d.Date == snow {
				found = cal.Name == "Shoreline School District" && d.Kind == data.NoSchool && d.Label == "Snow day"
			}
		}
	}
	if !found {
		t.Error("the snow day is not stored as a no-school day of the Shoreline calendar")
	}

	test.Tap(c.checks[3])
	if _, ok := c.grid.Mark(snow); ok || !c.dirty() {
		t.Error("unticking No school left the mark")
	}
	c.discard()
	if _, ok := c.grid.Mark(snow); !ok {
		t.Error("Revert lost the stored snow day")
	}
}

func TestYearSummaryCountsTerms(t *testing.T) {
	start := data.DefaultSchoolYearStart
	day := func(s string, k data.DayKind) data.CalendarDay {
		return data.CalendarDay{Date: data.MustDate(s), Kind: k}
	}
	cal := data.Calendar{Name: "Test", Days: []data.CalendarDay{
		day("2026-09-01", data.FirstDay), day("2026-09-11", data.TermEnd), day("2026-09-07", data.NoSchool),
		day("2026-09-25", data.LastDay),
	}}
	got := yearSummary(cal, 2026, start)
	for _, want := range []string{"18 school days", "Term 1: 1 Sep 2026 – 11 Sep 2026, 8 school days",
		"Term 2: 12 Sep 2026 – 25 Sep 2026, 10 school days (no term end marked)"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if got := yearSummary(data.Calendar{}, 2026, start); !strings.Contains(got, "Mark the first and the last day") {
		t.Errorf("empty calendar: %s", got)
	}
}

// TestScreenshotsSchools renders a school's page and the calendar editor (make screenshots).
func TestScreenshotsSchools(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, sh := testWindow(t, st)
	openSchoolPage(t, sh, "Cascade Middle School")
	waitIdle()
	capture(t, w, dir, "school-page")

	c := openCalendar(t, sh, "Seattle Public Schools")
	fyne.DoAndWait(func() {
		c.grid.Select(data.MustDate("2026-11-11"))
		c.showDay(data.MustDate("2026-11-11"))
	})
	waitIdle()
	capture(t, w, dir, "school-calendar")
}

func TestClassroomAddsEvent(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Cascade Middle School")
	cp := openClassroomPage(t, s, sp, "Jazz Band")
	before := len(cp.events)
	test.Type(cp.evDate.entry, "2027-02-30")
	if cp.evDate.problem.Hidden || !strings.Contains(cp.evDate.problem.Text, "not a real date") {
		t.Errorf("2027-02-30 shows %q", cp.evDate.problem.Text)
	}
	cp.evDate.entry.SetText("2027-05-20")
	test.Type(cp.evName.entry, "Spring Jazz Night")
	if !strings.Contains(s.unsaved(), "Jazz Band") {
		t.Errorf("a typed event is not an unsaved edit: %q", s.unsaved())
	}
	test.Tap(cp.addEvent)
	settle(t, s, "the event added", func() bool { return len(cp.events) == before+1 })
	evs, err := st.Events(context.Background(), cp.room.ID, data.MustDate("2027-05-20"), data.MustDate("2027-05-20"))
	if err != nil || len(evs) != 1 || evs[0].Name != "Spring Jazz Night" {
		t.Fatalf("stored events on 2027-05-20: %+v (%v)", evs, err)
	}
	if cp.evDate.entry.Text != "" || s.unsaved() != "" {
		t.Errorf("after adding: date entry %q, unsaved %q", cp.evDate.entry.Text, s.unsaved())
	}
	cp.evDate.entry.SetText("2027-05-20")
	if !strings.Contains(cp.evDate.problem.Text, "already has an event") {
		t.Errorf("a second event on 20 May shows %q", cp.evDate.problem.Text)
	}
}

func TestNewCalendarRefusesExistingName(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	c := openCalendar(t, sh, "Seattle Public Schools")
	if c.calendarNameProblem("seattle public schools", 0) == nil {
		t.Error("a new calendar may take the name of an existing one")
	}
	if c.calendarNameProblem("Seattle Public Schools", c.cal.ID) != nil {
		t.Error("renaming a calendar to its own name is refused")
	}
	if _, err := st.CreateCalendar(context.Background(), "Seattle Public Schools"); !strings.Contains(fmt.Sprint(err), "already a calendar") {
		t.Errorf("the store created a second Seattle Public Schools: %v", err)
	}
	cals, _ := st.Calendars(context.Background())
	for _, cal := range cals {
		if cal.Name == "Seattle Public Schools" && len(cal.Days) < 20 {
			t.Errorf("the Seattle calendar lost its days: %d left", len(cal.Days))
		}
	}
}

func TestSchoolStoreKeepsWhatIsInUse(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	room := storedClassroom(t, st, "Cascade Middle School", "7th Grade Band")
	err := st.DeleteInstructor(ctx, room.InstructorID)
	if err == nil || !strings.Contains(err.Error(), "7th Grade Band") {
		t.Errorf("deleting the instructor of 7th Grade Band: %v", err)
	}
	if err := st.DeleteClassroom(ctx, room.ID); err == nil || !strings.Contains(err.Error(), "session") {
		t.Errorf("deleting a classroom with sessions: %v", err)
	}
	if _, err := st.Classroom(ctx, room.ID); err != nil {
		t.Errorf("the refused delete removed the classroom: %v", err)
	}
	cals, _ := st.Calendars(ctx)
	if err := st.RenameCalendar(ctx, cals[0].ID, cals[1].Name); !strings.Contains(fmt.Sprint(err), "another calendar") {
		t.Errorf("renaming onto another calendar's name: %v", err)
	}
	if err := st.RenameCalendar(ctx, cals[0].ID, "Renamed District"); err != nil {
		t.Fatal(err)
	}
	schools, _ := st.Schools(ctx)
	following := 0
	for _, x := range schools {
		if x.Calendar == "Renamed District" {
			following++
		}
	}
	if following == 0 {
		t.Error("no school follows the renamed calendar")
	}
}
