package app

import (
	"strings"
	"testing"

	"mentordesk/data"
)

// The visits ready to pay are filtered by mentor and by school, and the footer counts and totals
// the visits shown.
func TestPaymentsReadyFilterByMentorAndSchool(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	r := p.ready
	all := len(r.list.Visits)
	if r.who.mentor.Selected != anyPayMentor || r.who.school.Selected != anyPaySchool {
		t.Fatalf("the filters open on %q and %q", r.who.mentor.Selected, r.who.school.Selected)
	}
	first := r.list.Visits[0].Visit
	others := 0
	for _, v := range r.list.Visits {
		if v.Visit.MentorID != first.MentorID {
			others++
		}
	}
	if others == 0 {
		t.Fatalf("all %d visits ready are %s's; the test needs two mentors", all, first.MentorName)
	}
	r.who.mentor.SetSelected(first.MentorName)
	var total data.Money
	for _, v := range r.list.Visits {
		if v.Visit.MentorID != first.MentorID {
			t.Errorf("filtered by %s the list shows %s's visit", first.MentorName, v.Visit.MentorName)
		}
		total += v.Draft.Total()
	}
	if rows, _ := r.table.Length(); len(r.list.Visits) != all-others || rows != all-others {
		t.Errorf("filtered by %s: %d visits, %d rows, want %d", first.MentorName, len(r.list.Visits), rows, all-others)
	}
	if want := total.Dollars(); !strings.Contains(r.summary.Text, want) || !strings.Contains(r.summary.Text, "of the") {
		t.Errorf("the footer says %q; it should total %s for the visits shown", r.summary.Text, want)
	}
	r.tickAll(true)
	if got := len(r.chosen()); got != all-others {
		t.Errorf("Select all ticks %d visits with %d shown", got, all-others)
	}

	r.who.mentor.SetSelected(anyPayMentor)
	r.who.school.SetSelected(first.School)
	for _, v := range r.list.Visits {
		if v.Visit.SchoolID != first.SchoolID {
			t.Errorf("filtered by %s the list shows a visit at %s", first.School, v.Visit.School)
		}
	}
	if len(r.list.Visits) == 0 {
		t.Errorf("filtered by %s no visit is listed", first.School)
	}
	r.who.school.SetSelected(anyPaySchool)
	if len(r.list.Visits) != all {
		t.Errorf("back to all mentors and schools: %d visits, want %d", len(r.list.Visits), all)
	}
	if strings.Contains(r.summary.Text, "of the") {
		t.Errorf("unfiltered, the footer still says %q", r.summary.Text)
	}
}
