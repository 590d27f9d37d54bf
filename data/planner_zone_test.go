package data

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// R9 with the organisation's zone: a date whose period start the clocks skip is ruled out, and a
// session moved onto it is refused with the date, the time and the zone.
func TestPlanRefusesClocksThatDoNotExist(t *testing.T) {
	// Egypt's clocks go forward at midnight on the last Friday of April, a school day.
	cairo, err := time.LoadLocation("Africa/Cairo")
	if err != nil {
		t.Fatal(err)
	}
	fridays, _ := ParseWeekdays("Fri")
	early := Classroom{ID: 14, SchoolID: 1, School: "Whitman Middle School", Name: "Night Ensemble",
		MeetingDays: fridays, PeriodStart: ClockOf(0, 30), PeriodMinutes: 50}
	r := plRequest(t, Season, false, 0, early, Classroom{}, plEvents("Spring Concert", "2027-05-01"))

	without := PlanSessions(r)
	if !without.OK() || !slices.Contains(plDates(without, 1), "2027-04-30") {
		t.Fatalf("without a zone the plan should use Friday 2027-04-30: %v %v", plDates(without, 1), without.Failures)
	}

	r.Zone = cairo
	p := PlanSessions(r)
	plMustOK(t, r, p)
	if dates := plDates(p, 1); slices.Contains(dates, "2027-04-30") {
		t.Errorf("the plan uses 2027-04-30 00:30, which does not exist in Africa/Cairo: %v", dates)
	}

	moved := slices.Clone(p.Sessions)
	moved[len(moved)-1].Date = MustDate("2027-04-30")
	problems, _ := r.CheckSession(moved, len(moved)-1)
	want := "2027-04-30 00:30 does not exist in Africa/Cairo: the clocks go forward from 00:00 to 01:00"
	if !slices.ContainsFunc(problems, func(s string) bool { return strings.Contains(s, want) }) {
		t.Errorf("moving the last session to 2027-04-30: problems %q, want one saying %q", problems, want)
	}
}
