package app

import (
	"testing"

	"mentordesk/data"
)

// The calendar goes to a month and year chosen, and the pickers follow the arrows.
func TestCalendarJumpsToAMonthAndYear(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Calendar")
	a := sh.current.scr.(*calendarArea)
	if a.jump.month.Selected != "November" || a.jump.year.Selected != "2026" {
		t.Fatalf("the pickers show %s %s on %s", a.jump.month.Selected, a.jump.year.Selected, testToday)
	}
	a.jump.year.SetSelected("2018")
	a.jump.month.SetSelected("March")
	from, through := a.cal.Range()
	if day := data.MustDate("2018-03-15"); day < from || day > through {
		t.Errorf("after choosing March 2018 the calendar shows %s to %s", from, through)
	}
	a.cal.ShowDate(data.MustDate("2027-01-20"))
	if a.jump.month.Selected != "January" || a.jump.year.Selected != "2027" {
		t.Errorf("after moving to January 2027 the pickers show %s %s", a.jump.month.Selected, a.jump.year.Selected)
	}
}
