package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mentordesk/data"
)

// No-school days are copied from another calendar into the one edited, kept once Saved.
func TestCopyNoSchoolDaysFromAnotherCalendar(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	c := openCalendar(t, sh, "Shoreline School District")
	var other data.Calendar
	for _, o := range c.cals {
		if o.ID != c.cal.ID && len(o.Days) > 0 {
			other = o
		}
	}
	want := 0
	for _, d := range c.cal.Days {
		if d.Kind == data.NoSchool {
			want++
		}
	}
	added := 0
	for _, d := range other.Days {
		if _, there := c.days[dayKey{d.Date, data.NoSchool}]; d.Kind == data.NoSchool && !there {
			added++
		}
	}
	want += added
	if added == 0 {
		t.Fatalf("%s has no no-school day Shoreline lacks", other.Name)
	}
	fyne.DoAndWait(func() {
		c.onCopyFrom()
		c.copyFrom.SetSelected(other.Name)
		c.copyNoSchoolDays(c.copyFrom.Selected)
	})
	if !strings.Contains(c.status.Text, "copied from "+other.Name) {
		t.Errorf("the status says %q", c.status.Text)
	}
	test.Tap(c.saveBtn)
	eventually(t, "the copied days saved", func() bool {
		cals, _ := st.Calendars(context.Background())
		for _, k := range cals {
			if k.ID == c.cal.ID {
				n := 0
				for _, d := range k.Days {
					if d.Kind == data.NoSchool {
						n++
					}
				}
				return n == want
			}
		}
		return false
	})
}
