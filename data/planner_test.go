package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// plYear marks one school year of a calendar; "a..b" marks a stretch of no-school days.
func plYear(cal, first, last string, noSchool ...string) []CalendarDay {
	days := []CalendarDay{{Calendar: cal, Date: MustDate(first), Kind: FirstDay}, {Calendar: cal, Date: MustDate(last), Kind: LastDay}}
	for _, n := range noSchool {
		from, to, ok := strings.Cut(n, "..")
		if !ok {
			to = from
		}
		for d := MustDate(from); d <= MustDate(to); d++ {
			days = append(days, CalendarDay{Calendar: cal, Date: d, Kind: NoSchool, Label: "no school"})
		}
	}
	return days
}

var (
	plSeattle = Calendar{ID: 1, Name: "Seattle Public Schools", Days: slices.Concat(
		plYear("Seattle Public Schools", "2026-09-02", "2027-06-17", "2026-11-11", "2026-11-26..2026-11-27",
			"2026-12-21..2027-01-04", "2027-01-18", "2027-02-15", "2027-04-05..2027-04-09", "2027-05-31"),
		plYear("Seattle Public Schools", "2027-09-01", "2028-06-15", "2027-11-11", "2027-11-25..2027-11-26"))}
	plTueThu, _ = ParseWeekdays("Tue;Thu")
	plMWF, _    = ParseWeekdays("Mon;Wed;Fri")
	plMon, _    = ParseWeekdays("Mon")
	plBand      = Classroom{ID: 11, SchoolID: 1, School: "Whitman Middle School", Name: "7th Grade Band", MeetingDays: plTueThu, PeriodStart: ClockOf(9, 15), PeriodMinutes: 50}
	plOrchestra = Classroom{ID: 12, SchoolID: 1, School: "Whitman Middle School", Name: "Orchestra", MeetingDays: plMWF, PeriodStart: ClockOf(10, 15)}
	plMondays   = Classroom{ID: 13, SchoolID: 1, School: "Whitman Middle School", Name: "Jazz Band", MeetingDays: plMon, PeriodStart: ClockOf(14, 0), PeriodMinutes: 45}
	plChoir     = Classroom{ID: 21, SchoolID: 2, School: "Loyal Heights Elementary", Name: "5th Grade Choir", MeetingDays: plTueThu, PeriodStart: ClockOf(13, 0), PeriodMinutes: 45}
	plMentor    = Mentor{ID: 7, FirstName: "Nguyễn Thị", LastName: "Minh", Email: "minh@example.org", Status: Active}
)

func plEvents(pairs ...string) []Event {
	var out []Event
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Event{Name: pairs[i], Date: MustDate(pairs[i+1])})
	}
	return out
}

func plRequest(t *testing.T, p Program, eval bool, fall int, from, to Classroom, events []Event) PlanRequest {
	t.Helper()
	terms, err := BuildPlanTerms(p, eval, fall, TermPlace{from, plSeattle}, TermPlace{to, plSeattle}, events)
	if err != nil {
		t.Fatalf("BuildPlanTerms: %v", err)
	}
	return PlanRequest{Program: p, Evaluation: eval, Mentor: plMentor, Terms: terms, Start: DefaultSchoolYearStart}
}

func plDates(p Plan, term int) []string {
	var out []string
	for _, s := range p.Sessions {
		if s.Term == term {
			out = append(out, s.Date.String())
		}
	}
	return out
}

func plMustOK(t *testing.T, r PlanRequest, p Plan) {
	t.Helper()
	if !p.OK() {
		t.Fatalf("plan failed: %v", p.Failures)
	}
	if problems := r.CheckPlan(p.Sessions); len(problems) > 0 {
		t.Fatalf("the planner's own plan does not pass CheckPlan: %q", problems)
	}
}

var plYear3 = plEvents("Winter Concert", "2026-12-10", "Spring Concert", "2027-03-11", "Final Concert", "2027-06-03")

func TestPlanSessionCountsByProgram(t *testing.T) {
	cases := []struct {
		name     string
		program  Program
		eval     bool
		fall     int
		from, to Classroom
		events   []Event
		want     []int
	}{
		{"Focused: 3 sessions in each of three terms", Focused, false, 0, plBand, Classroom{}, plYear3, []int{3, 3, 3}},
		{"Focused with evaluation: 4 in the first term, 10 in the year", Focused, true, 0, plBand, Classroom{}, plYear3, []int{4, 3, 3}},
		{"Season: 3 sessions in one term", Season, false, 0, plOrchestra, Classroom{}, plEvents("Fall Concert", "2026-11-30"), []int{3}},
		{"Bridge: 2 in spring at the sending school, 1 next fall at the receiving school", Bridge, false, 1, plChoir, plBand,
			plEvents("Moving-up Concert", "2027-05-20", "Fall Concert", "2027-10-21"), []int{2, 1}},
		{"Bridge: 2 in spring, 2 next fall", Bridge, false, 2, plChoir, plBand,
			plEvents("Moving-up Concert", "2027-05-20", "Fall Concert", "2027-10-21"), []int{2, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := plRequest(t, c.program, c.eval, c.fall, c.from, c.to, c.events)
			p := PlanSessions(r)
			plMustOK(t, r, p)
			for i, n := range c.want {
				if got := len(plDates(p, i+1)); got != n {
					t.Errorf("term %d: %d sessions, want %d (%v)", i+1, got, n, plDates(p, i+1))
				}
			}
			first := p.Sessions[0]
			if c.eval != (first.Focus == "evaluation") {
				t.Errorf("first session's focus is %q (evaluation: %v)", first.Focus, c.eval)
			}
			if c.program == Bridge {
				last := p.Sessions[len(p.Sessions)-1]
				if first.SchoolID != 2 || last.SchoolID != 1 || last.ClassroomID != plBand.ID || last.Focus != "bridge Q&A" {
					t.Errorf("bridge sessions at %+v … %+v, want the choir's school then the band's", first, last)
				}
				if a, b := SchoolYearOf(first.Date, r.Start), SchoolYearOf(last.Date, r.Start); a != 2026 || b != 2027 {
					t.Errorf("bridge spans %s and %s, want 2026-27 then 2027-28", a, b)
				}
			}
		})
	}
}

func TestPlanIsConcertBackwards(t *testing.T) {
	r := plRequest(t, Focused, true, 0, plBand, Classroom{}, plYear3)
	p := PlanSessions(r)
	plMustOK(t, r, p)
	// 12-09 is a Wednesday, so 12-08 is the nearest class before the concert; the evaluation
	// takes the first class of the year (school opens Wednesday 09-02).
	want := []string{"2026-09-03", "2026-11-10", "2026-11-24", "2026-12-08"}
	if got := plDates(p, 1); !slices.Equal(got, want) {
		t.Errorf("term 1 = %v, want %v", got, want)
	}
	if s := p.Sessions[1]; s.Start != ClockOf(9, 15) || s.Minutes != 50 {
		t.Errorf("session at %s for %d minutes, want the class period 09:15 for 50", s.Start, s.Minutes)
	}
}

func TestPlanAvoidsNoSchoolDays(t *testing.T) {
	// Orchestra meets Mon/Wed/Fri: Friday 11-27 (Thanksgiving) and Wednesday 11-11 (Veterans
	// Day) would be the nearest class days, but there is no school.
	r := plRequest(t, Season, false, 0, plOrchestra, Classroom{}, plEvents("Fall Concert", "2026-11-30"))
	p := PlanSessions(r)
	plMustOK(t, r, p)
	if got, want := plDates(p, 1), []string{"2026-10-26", "2026-11-09", "2026-11-25"}; !slices.Equal(got, want) {
		t.Errorf("dates %v, want %v", got, want)
	}
	if p.Sessions[0].Minutes != DefaultPeriodMinutes {
		t.Errorf("a classroom without a period length gets %d minutes, want %d", p.Sessions[0].Minutes, DefaultPeriodMinutes)
	}
}

func TestPlanDoubleBooking(t *testing.T) {
	other := func(d string, start Clock, school int64, classroom string, status SessionStatus) Session {
		return Session{Date: MustDate(d), Start: start, Minutes: 50, SchoolID: school, School: "School", Classroom: classroom, Status: status}
	}
	cases := []struct {
		name     string
		existing Session
		want     []string
	}{
		{"another school that day is refused even at another time", other("2026-12-08", ClockOf(13, 0), 2, "5th Grade Choir", Planned),
			[]string{"2026-11-05", "2026-11-19", "2026-12-03"}},
		{"a cancelled session elsewhere frees the day", other("2026-12-08", ClockOf(9, 15), 2, "5th Grade Choir", Cancelled),
			[]string{"2026-11-10", "2026-11-24", "2026-12-08"}},
		{"same school, another classroom after the period: a multi-classroom visit", other("2026-12-08", ClockOf(10, 5), 1, "Orchestra", Confirmed),
			[]string{"2026-11-10", "2026-11-24", "2026-12-08"}},
		{"same school, overlapping in time is refused", other("2026-12-08", ClockOf(9, 45), 1, "Orchestra", Planned),
			[]string{"2026-11-05", "2026-11-19", "2026-12-03"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := plRequest(t, Season, false, 0, plBand, Classroom{}, plEvents("Winter Concert", "2026-12-10"))
			r.Existing = []Session{c.existing}
			p := PlanSessions(r)
			plMustOK(t, r, p)
			if got := plDates(p, 1); !slices.Equal(got, c.want) {
				t.Errorf("dates %v, want %v", got, c.want)
			}
		})
	}
}

func TestPlanFlagsMentorNotCleared(t *testing.T) {
	r := plRequest(t, Focused, true, 0, plBand, Classroom{}, plYear3)
	expired := MustDate("2026-10-31")
	r.Eligible = func(d Date) []string {
		flags := []string{"no signed contract for 2026-27"}
		if d > expired {
			flags = append(flags, fmt.Sprintf("not cleared on %s: the WSP check expired on %s", d, expired))
		}
		return flags
	}
	p := PlanSessions(r)
	plMustOK(t, r, p)
	if len(p.Sessions) != 10 {
		t.Fatalf("%d sessions, want all 10 proposed despite the flags", len(p.Sessions))
	}
	if got := p.Sessions[0].Flags; !slices.Equal(got, []string{"no signed contract for 2026-27"}) {
		t.Errorf("evaluation on %s flagged %q, want only the contract", p.Sessions[0].Date, got)
	}
	if got := p.Sessions[3].Flags; len(got) != 2 || got[1] != "not cleared on 2026-12-08: the WSP check expired on 2026-10-31" {
		t.Errorf("session on %s flagged %q", p.Sessions[3].Date, got)
	}
	if p.Flags[0] != "no signed contract for 2026-27" || strings.Count(strings.Join(p.Flags, "\n"), "contract") != 1 {
		t.Errorf("plan flags %q, want the contract flag once, first", p.Flags)
	}
	if len(p.Flags) != 10 { // the contract once, and one not-cleared flag per date after October
		t.Errorf("%d plan flags, want 10: %q", len(p.Flags), p.Flags)
	}
}

func TestPlanFailuresNameTermAndConstraint(t *testing.T) {
	everyClass := func(dates ...string) []Session {
		var out []Session
		for _, d := range dates {
			out = append(out, Session{Date: MustDate(d), Start: ClockOf(13, 0), Minutes: 45, SchoolID: 2, School: "Loyal Heights Elementary", Status: Planned})
		}
		return out
	}
	cases := []struct {
		name       string
		program    Program
		room       Classroom
		events     []Event
		existing   []Session
		constraint string
		detail     string
		placed     []int // terms that still get their sessions
	}{
		{"winter break covers every Monday before the concert", Season, plMondays, plEvents("Winter Concert", "2027-01-05"), nil,
			ConstraintEventLead, "term 1 (Winter Concert 2027-01-05): no school day on a meeting day (Mon) 1–21 days before the event", nil},
		{"too early in the year for three sessions", Season, plBand, plEvents("Fall Showcase", "2026-09-25"), nil,
			ConstraintSpacing, "term 1 (Fall Showcase 2026-09-25): only 2 of 3 sessions fit 14–21 days apart before the event (the school year starts 2026-09-02)", nil},
		{"the mentor is at another school on every class day", Season, plBand, plEvents("Winter Concert", "2026-12-10"),
			everyClass("2026-11-19", "2026-11-24", "2026-12-01", "2026-12-03", "2026-12-08"),
			ConstraintClashes, "term 1 (Winter Concert 2026-12-10): every school day on a meeting day 1–21 days before the event clashes with the mentor's other sessions", nil},
		{"only the middle term fails; the others keep their sessions but nothing may be saved", Focused, plMondays,
			plEvents("Winter Concert", "2026-12-10", "January Concert", "2027-01-05", "Final Concert", "2027-06-03"), nil,
			ConstraintEventLead, "term 2 (January Concert 2027-01-05): no school day on a meeting day (Mon) 1–21 days before the event", []int{1, 3}},
		{"two concerts a week apart cannot both have three sessions in order", Focused, plBand,
			plEvents("Winter Concert", "2026-12-10", "Holiday Concert", "2026-12-17", "Final Concert", "2027-06-03"), nil,
			ConstraintOrder, "term 2 (Holiday Concert 2026-12-17): the 3 sessions fit 14–21 days apart only by starting on or before 2026-11-19, the earliest term 1's sessions can end; terms follow in date order", []int{1, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := plRequest(t, c.program, false, 0, c.room, Classroom{}, c.events)
			r.Existing = c.existing
			p := PlanSessions(r)
			if p.OK() || len(p.Failures) != 1 {
				t.Fatalf("OK=%v failures %v, want exactly one failure", p.OK(), p.Failures)
			}
			f := p.Failures[0]
			if f.Constraint != c.constraint || !strings.HasPrefix(f.Detail, c.detail) {
				t.Errorf("failure %q / %q,\nwant      %q / %q", f.Constraint, f.Detail, c.constraint, c.detail)
			}
			if got := plDates(p, f.Term); len(got) > 0 {
				t.Errorf("the impossible term %d still has sessions %v", f.Term, got)
			}
			for _, term := range c.placed {
				if len(plDates(p, term)) != 3 {
					t.Errorf("term %d has %v, want its 3 sessions shown", term, plDates(p, term))
				}
			}
		})
	}
}

func TestPlanRefusesUnreadableRequests(t *testing.T) {
	if _, err := BuildPlanTerms(Focused, false, 0, TermPlace{plBand, plSeattle}, TermPlace{}, plEvents("a", "2026-12-10")); err == nil {
		t.Error("Focused with one event date was accepted")
	}
	if _, err := TermRequirements(Bridge, false, 2, []Date{MustDate("2027-05-20"), MustDate("2027-05-01")}); err == nil {
		t.Error("events out of order were accepted")
	}
	r := plRequest(t, Season, false, 0, plBand, Classroom{}, plEvents("Concert", "2029-03-01"))
	p := PlanSessions(r)
	if p.OK() || p.Failures[0].Constraint != ConstraintCalendar || !strings.Contains(p.Failures[0].Detail, "no first and last day for 2028-29") {
		t.Errorf("a calendar without the event's year gave %v", p.Failures)
	}
	if p := PlanSessions(PlanRequest{Program: Season}); p.OK() || p.Failures[0].Term != 0 {
		t.Errorf("a request without terms gave %v", p.Failures)
	}
}

func TestPlanCheckSessionAfterAMove(t *testing.T) {
	r := plRequest(t, Focused, false, 0, plBand, Classroom{}, plYear3)
	r.Existing = []Session{{Date: MustDate("2026-12-01"), Start: ClockOf(8, 0), Minutes: 50, SchoolID: 2, School: "Loyal Heights Elementary", Status: Planned}}
	p := PlanSessions(r)
	plMustOK(t, r, p)
	cases := []struct {
		name  string
		index int // in plan order: 11-10, 11-24, 12-08, …
		to    string
		want  []string
	}{
		{"to Thanksgiving", 1, "2026-11-26", []string{"no-school day", "is 12 days before the next session (2026-12-08)"}},
		{"to a Saturday", 1, "2026-11-28", []string{"is a Saturday; the class meets Tue;Thu", "is 10 days before the next session (2026-12-08)"}},
		{"onto another school's visit", 2, "2026-12-01", []string{"the mentor has a session at Loyal Heights Elementary on 2026-12-01", "is 7 days after the previous session"}},
		{"after the concert", 2, "2026-12-10", []string{"is 0 days before the event (2026-12-10)"}},
		{"into the next term", 3, "2026-12-03", []string{"comes before term 1's session on 2026-12-08"}},
		{"a fitting day", 0, "2026-11-05", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			moved := slices.Clone(p.Sessions)
			moved[c.index].Date = MustDate(c.to)
			got, _ := r.CheckSession(moved, c.index)
			if len(c.want) == 0 && len(got) > 0 {
				t.Errorf("problems %q, want none", got)
			}
			for _, w := range c.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
					t.Errorf("problems %q, want one saying %q", got, w)
				}
			}
		})
	}
}

// What the property test knows of a term from having generated it, independently of the planner.
type plTruth struct {
	room        Classroom
	school      int64
	first, last Date // the event's school year at that school
	noSchool    map[Date]bool
	meets       [7]bool
	event       Date
	count       int
	eval        bool
}

type plWorld struct {
	req    PlanRequest
	truths []plTruth
}

// plGenYear makes one school year: a first and last day, a winter break and scattered closures.
// A year-round school (school years starting 1 August) ends in late July and opens in early August.
func plGenYear(rng *rand.Rand, y int, yearRound bool) (first, last Date, no map[Date]bool) {
	first = DateOf(y, time.August, 20).AddDays(rng.IntN(20))
	last = DateOf(y+1, time.June, 5).AddDays(rng.IntN(20))
	if yearRound {
		first, last = DateOf(y, time.August, 2).AddDays(rng.IntN(6)), DateOf(y+1, time.July, 20).AddDays(rng.IntN(10))
	}
	no = map[Date]bool{}
	plClose(no, DateOf(y, time.December, 17).AddDays(rng.IntN(8)), 5+rng.IntN(10))
	for range 5 + rng.IntN(30) {
		no[first.AddDays(rng.IntN(int(last-first)+1))] = true
	}
	switch rng.IntN(6) {
	case 0: // a long closure somewhere, so that some terms cannot be planned
		plClose(no, first.AddDays(rng.IntN(int(last-first))), 10+rng.IntN(30))
	case 1: // a late start, which squeezes the evaluation window
		plClose(no, first.AddDays(rng.IntN(6)), 18+rng.IntN(16))
	}
	return first, last, no
}
