package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"mentordesk/data"
)

// The school calendar editor goes to a month and year chosen, and the pickers follow the month
// shown when it moves by other means.
func TestSchoolCalendarJumpsToAMonthAndYear(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	c := openCalendar(t, sh, "Shoreline School District")
	if c.jump.month.Selected != "November" || c.jump.year.Selected != "2026" {
		t.Fatalf("the pickers show %s %s on %s", c.jump.month.Selected, c.jump.year.Selected, testToday)
	}
	fyne.DoAndWait(func() {
		c.jump.year.SetSelected("2019")
		c.jump.month.SetSelected("March")
	})
	if got := c.grid.Month(); got != data.MustDate("2019-03-01") {
		t.Errorf("after choosing March 2019 the grid shows %s", got)
	}
	if !strings.Contains(c.monthHead.Text, "March 2019") {
		t.Errorf("after choosing March 2019 the month's days are headed %q", c.monthHead.Text)
	}
	fyne.DoAndWait(func() { c.grid.SetMonth(data.MustDate("2027-02-10")) })
	if c.jump.month.Selected != "February" || c.jump.year.Selected != "2027" {
		t.Errorf("after moving to February 2027 the pickers show %s %s", c.jump.month.Selected, c.jump.year.Selected)
	}
}
