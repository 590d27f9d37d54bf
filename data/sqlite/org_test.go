package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"mentordesk/data"
)

// A small organisation for the store's tests: schools, classrooms, mentors and sessions made by
// name, and the statements issued from them.

// org is a small organisation built case by case: schools, classrooms and mentors by name.
type org struct {
	t       *testing.T
	s       *Store
	schools map[string]int64
	rooms   map[string]int64 // "school/classroom"
	mentors map[string]int64 // by first name
}

func newOrg(t *testing.T) *org {
	return &org{t: t, s: newStore(t), schools: map[string]int64{}, rooms: map[string]int64{}, mentors: map[string]int64{}}
}

func (o *org) school(name string) int64 {
	o.t.Helper()
	if id, ok := o.schools[name]; ok {
		return id
	}
	id, err := o.s.SaveSchool(ctx, data.School{Name: name, District: "North District", Level: data.Middle})
	if err != nil {
		o.t.Fatal(err)
	}
	o.schools[name] = id
	return id
}

func (o *org) room(school, name string) int64 {
	o.t.Helper()
	key := school + "/" + name
	if id, ok := o.rooms[key]; ok {
		return id
	}
	id, err := o.s.SaveClassroom(ctx, data.Classroom{SchoolID: o.school(school), School: school, Name: name,
		Ensemble: "band", MeetingDays: 0x7f, PeriodStart: data.ClockOf(9, 0), PeriodMinutes: 50})
	if err != nil {
		o.t.Fatal(err)
	}
	o.rooms[key] = id
	return id
}

func (o *org) mentor(first string) int64 {
	o.t.Helper()
	if id, ok := o.mentors[first]; ok {
		return id
	}
	id, err := ops(o.s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: first, LastName: "Mentor",
		Email: strings.ToLower(first) + "@example.org", Status: data.Active}})
	if err != nil {
		o.t.Fatal(err)
	}
	compliant(o.t, o.s, id)
	o.mentors[first] = id
	return id
}

// compliant gives a mentor what R7 and R8 ask for from 2024 through 2028, so the payment rules are
// tested without flags: a long Washington residence, a clear WSP check each New Year's Day and a
// signed contract for every school year.
func compliant(t testing.TB, s *Store, mentorID int64) {
	t.Helper()
	m, err := s.Mentor(ctx, mentorID)
	if err != nil {
		t.Fatal(err)
	}
	m.WAResidentSince = data.MustDate("2000-01-01")
	if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: m}); err != nil {
		t.Fatal(err)
	}
	for y := 2024; y <= 2028; y++ {
		if err := s.SaveCheck(ctx, data.Check{MentorID: mentorID, Kind: data.WSP, CompletedOn: data.MustDate(fmt.Sprintf("%d-01-01", y)), Result: data.Clear}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveContract(ctx, data.Contract{MentorID: mentorID, SchoolYear: data.SchoolYear(y - 1), SignedOn: data.MustDate(fmt.Sprintf("%d-06-01", y-1))}); err != nil {
			t.Fatal(err)
		}
	}
}

// session adds a session: at names "School/Classroom", when is "2026-09-15 10:00".
func (o *org) session(mentor, at, when string, program data.Program, status data.SessionStatus) int64 {
	o.t.Helper()
	school, room, _ := strings.Cut(at, "/")
	day, clock, _ := strings.Cut(when, " ")
	start := data.ClockOf(9, 0)
	if clock != "" {
		c, err := data.ParseClock(clock)
		if err != nil {
			o.t.Fatal(err)
		}
		start = c
	}
	x := data.Session{ClassroomID: o.room(school, room), MentorID: o.mentor(mentor), Date: data.MustDate(day), Start: start,
		Minutes: 50, Program: program, Status: status}
	switch status {
	case data.Confirmed:
		x.ConfirmedOn = x.Date
	case data.Cancelled:
		x.CancelReason = "school assembly"
	}
	id, err := o.s.SaveSession(ctx, x)
	if err != nil {
		o.t.Fatalf("session %s %s %s: %v", mentor, at, when, err)
	}
	return id
}

func (o *org) confirmed(mentor, at, when string) int64 {
	return o.session(mentor, at, when, data.Focused, data.Confirmed)
}

func (o *org) issue(through string) []data.Statement {
	o.t.Helper()
	sts, err := o.s.IssueStatements(ctx, IssueChoice{Through: data.MustDate(through)}, data.MustDate(through))
	if err != nil {
		o.t.Fatal(err)
	}
	return sts
}

// summary is what a case expects of one statement.
type summary struct {
	number       int
	mentor       string
	school       string
	visit        string
	sessions     int
	continuation data.Money
	total        data.Money
}

func summarize(sts []data.Statement) []summary {
	out := make([]summary, len(sts))
	for i, st := range sts {
		out[i] = summary{st.Number, strings.Fields(st.MentorName)[0], st.School, st.VisitDate.String(), st.SessionsPaid(),
			st.ContinuationAmount(), st.Total()}
	}
	return out
}

// stored reads every statement back, so cases check what was written, not what was returned.
func (o *org) stored() []summary {
	o.t.Helper()
	sts, err := o.s.Statements(ctx, StatementFilter{})
	if err != nil {
		o.t.Fatal(err)
	}
	return summarize(sts)
}
