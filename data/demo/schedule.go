package demo

import (
	"fmt"
	"slices"
	"time"

	"mentordesk/data"
)

// booking is one line of the sample schedule: a mentor signed up with one or more classrooms of
// a school for a program, in the school year before today's (year 0) or today's (year 1).
type booking struct {
	year    int
	mentor  string
	program data.Program
	school  string
	rooms   []string // one enrollment each; planned together, they share visits
	term    int      // Season: 1 winter concert, 2 spring concert, 3 spring festival
	eval    bool
	to      [2]string // Bridge: the receiving school and classroom
	fall    int
	tag     string // names the enrollment for a later step
}

func focused(year int, mentor, school string, eval bool, rooms ...string) booking {
	return booking{year: year, mentor: mentor, program: data.Focused, school: school, rooms: rooms, eval: eval}
}

func season(year int, mentor, school, room string, term int) booking {
	return booking{year: year, mentor: mentor, program: data.Season, school: school, rooms: []string{room}, term: term}
}

func bridge(year int, mentor, school, room, toSchool, toRoom string, fall int) booking {
	return booking{year: year, mentor: mentor, program: data.Bridge, school: school, rooms: []string{room},
		to: [2]string{toSchool, toRoom}, fall: fall}
}

func (b booking) tagged(tag string) booking { b.tag = tag; return b }

// Tags of the enrollments later steps act on.
const (
	tagEndedEarly  = "ended early"
	tagExtraSeason = "extra season"
)

var bookings = []booking{
	// Last school year.
	focused(0, "minh", "GL", false, "Symphonic Orchestra"),
	focused(0, "asa", "MH", true, "Middle School Orchestra"),
	focused(0, "jose", "CM", false, "Jazz Band", "6th Grade Band"),
	focused(0, "kwame", "GL", false, "Symphonic Band", "Wind Ensemble"),
	focused(0, "priya", "ML", true, "Beginning Strings"),
	focused(0, "hiroshi", "HP", false, "7th/8th Grade Band"),
	focused(0, "olusegun", "SS", false, "Symphonic Band"),
	focused(0, "ingrid", "HP", false, "6th Grade Band"),
	focused(0, "siobhan", "CM", false, "8th Grade Band"),
	focused(0, "rafael", "HP", false, "Jazz Band"),
	focused(0, "lars", "CM", false, "7th Grade Band"),
	focused(0, "yuki", "BR", false, "5th Grade Band"),
	focused(0, "hana", "SS", false, "Chamber Orchestra"),
	focused(0, "rachel", "CM", true, "Concert Choir"),
	season(0, "aiyana", "BR", "Beacon Ridge Choir", 1),
	season(0, "meiling", "MH", "Madrona Choir", 1),
	season(0, "amara", "SS", "Concert Choir", 1),
	season(0, "fatima", "GL", "Concert Choir", 2),
	season(0, "mateo", "SS", "Jazz Ensemble", 2),
	season(0, "jamal", "GL", "Jazz Band", 2),
	season(0, "omar", "IA", "Elementary Strings", 2),
	season(0, "keanu", "MH", "6th Grade Band", 2),
	season(0, "dmitri", "CM", "Concert Orchestra", 3),
	bridge(0, "grace", "BR", "Elementary Orchestra", "CM", "Concert Orchestra", 2),
	bridge(0, "omar", "HP", "Concert Orchestra", "SS", "Chamber Orchestra", 1),
	bridge(0, "aiyana", "ML", "Maple Leaf Singers", "CM", "Concert Choir", 1),
	bridge(0, "emeka", "IA", "5th Grade Band", "HP", "6th Grade Band", 2),

	// This school year.
	focused(1, "minh", "GL", false, "Symphonic Orchestra"),
	focused(1, "asa", "MH", false, "Middle School Orchestra"),
	focused(1, "jose", "CM", false, "Jazz Band", "7th Grade Band"),
	focused(1, "kwame", "GL", false, "Jazz Band", "Symphonic Band", "Wind Ensemble"),
	focused(1, "priya", "ML", true, "Beginning Strings"),
	focused(1, "hiroshi", "HP", false, "7th/8th Grade Band"),
	focused(1, "olusegun", "SS", false, "Symphonic Band"),
	focused(1, "ingrid", "HP", true, "6th Grade Band"),
	focused(1, "aiyana", "GL", true, "Concert Choir"),
	focused(1, "fatima", "SS", true, "Concert Choir"),
	focused(1, "meiling", "HP", false, "Treble Choir"),
	focused(1, "grace", "BR", false, "Elementary Orchestra"),
	focused(1, "siobhan", "CM", false, "8th Grade Band").tagged(tagEndedEarly),
	focused(1, "emeka", "BR", false, "5th Grade Band"),
	focused(1, "keanu", "MH", false, "6th Grade Band"),
	focused(1, "rachel", "CM", false, "Concert Choir"),
	season(1, "dmitri", "SS", "Chamber Orchestra", 1).tagged(tagExtraSeason),
	season(1, "rafael", "HP", "Jazz Band", 1),
	season(1, "jamal", "CM", "6th Grade Band", 1),
	season(1, "zoe", "IA", "5th Grade Band", 2),
	season(1, "amara", "MH", "Madrona Choir", 2),
	season(1, "hana", "CM", "Concert Orchestra", 2),
	season(1, "mateo", "SS", "Jazz Ensemble", 3),
	season(1, "sofia", "ML", "5th Grade Band", 3),
	season(1, "omar", "IA", "Elementary Strings", 3),
	// The fall follow-ups of this year's bridges fall in a school year whose calendar is not out yet.
	bridge(1, "rachel", "ML", "Maple Leaf Singers", "CM", "Concert Choir", 1),
	bridge(1, "dmitri", "HP", "Concert Orchestra", "SS", "Chamber Orchestra", 1),
}

// termPlan is one planned term of an enrollment, kept for the steps that change sessions later.
type termPlan struct {
	enrollment int64
	mentor     *data.Mentor
	room       *roomRef
	year       data.SchoolYear // the enrollment's school year
	event      data.Date
	low        data.Date // sessions come after this day
	eval       bool      // the first date is the evaluation
	dates      []data.Date
}

// slot is a mentor's time at a school on one day.
type slot struct {
	school     int64
	start, end data.Clock
}

// diary is what is already planned: R2 and R9 keep a mentor at one school a day, without overlaps.
type diary struct {
	mentor map[int64]map[data.Date][]slot
	room   map[int64]map[data.Date]bool
}

func newDiary() diary {
	return diary{mentor: map[int64]map[data.Date][]slot{}, room: map[int64]map[data.Date]bool{}}
}

func (d diary) book(mentorID int64, r *roomRef, on data.Date) {
	if d.mentor[mentorID] == nil {
		d.mentor[mentorID] = map[data.Date][]slot{}
	}
	if d.room[r.ID] == nil {
		d.room[r.ID] = map[data.Date]bool{}
	}
	d.mentor[mentorID][on] = append(d.mentor[mentorID][on], slot{r.SchoolID, r.PeriodStart, r.PeriodStart.Add(r.PeriodMinutes)})
	d.room[r.ID][on] = true
}

func (d diary) unbook(mentorID int64, r *roomRef, on data.Date) {
	d.mentor[mentorID][on] = slices.DeleteFunc(d.mentor[mentorID][on], func(s slot) bool {
		return s.school == r.SchoolID && s.start == r.PeriodStart
	})
	delete(d.room[r.ID], on)
}

// atSchool reports whether the mentor is already at the room's school that day: the planner
// prefers such days, so one trip makes one visit with several classrooms.
func (d diary) atSchool(mentorID int64, r *roomRef, on data.Date) bool {
	for _, s := range d.mentor[mentorID][on] {
		if s.school == r.SchoolID {
			return true
		}
	}
	return false
}

// free applies R9 to one day: a school day on a meeting day of the classroom, the classroom not
// already taken, and the mentor at no other school and in no overlapping period.
func (f *filler) free(mentorID int64, r *roomRef, on data.Date) bool {
	if !r.MeetingDays.Has(on.Weekday()) || !r.school.open[on] || f.diary.room[r.ID][on] {
		return false
	}
	start, end := r.PeriodStart, r.PeriodStart.Add(r.PeriodMinutes)
	for _, s := range f.diary.mentor[mentorID][on] {
		if s.school != r.SchoolID || (start < s.end && s.start < end) {
			return false
		}
	}
	return true
}

// order lists the offsets lo..hi to try back from day from: days the mentor is already at the
// school first, then the rest from a seeded starting point so plans do not all look alike.
func (f *filler) order(mentorID int64, r *roomRef, from data.Date, lo, hi, maxShift int) []int {
	n := hi - lo + 1
	shift := f.rng.IntN(maxShift + 1)
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, lo+(i+shift)%n)
	}
	slices.SortStableFunc(out, func(a, b int) int {
		pa, pb := f.diary.atSchool(mentorID, r, from.AddDays(-a)), f.diary.atSchool(mentorID, r, from.AddDays(-b))
		switch {
		case pa && !pb:
			return -1
		case pb && !pa:
			return 1
		}
		return 0
	})
	return out
}

// plan walks back from the event (R9): the last session 1–21 days before it, each earlier one
// 14–21 days before the next, all after low and in the event's school year; with eval, an
// evaluation within 28 days after the first day of school opens the term.
func (f *filler) plan(m *data.Mentor, r *roomRef, event, low data.Date, n int, eval bool) []data.Date {
	year := data.SchoolYearOf(event, f.start)
	fits := func(d data.Date) bool {
		return d > low && d < event && data.SchoolYearOf(d, f.start) == year && f.free(m.ID, r, d)
	}
	regular := make([]data.Date, n)
	var evalDay data.Date
	var fill func(k int, d data.Date) bool
	fill = func(k int, d data.Date) bool {
		regular[k] = d
		if k == 0 {
			if !eval {
				return true
			}
			evalDay = f.evaluationDay(m, r, year, d, fits)
			return evalDay != 0
		}
		for _, gap := range f.order(m.ID, r, d, 14, 21, 7) {
			if prev := d.AddDays(-gap); fits(prev) && fill(k-1, prev) {
				return true
			}
		}
		return false
	}
	for _, lead := range f.order(m.ID, r, event, 1, 21, 6) {
		if d := event.AddDays(-lead); fits(d) && fill(n-1, d) {
			if eval {
				return append([]data.Date{evalDay}, regular...)
			}
			return regular
		}
	}
	return nil
}

// evaluationDay is the day the mentor is already at the school, else the earliest, within 28 days
// after the first day of school and before the first regular session.
func (f *filler) evaluationDay(m *data.Mentor, r *roomRef, year data.SchoolYear, before data.Date, fits func(data.Date) bool) data.Date {
	first := r.school.firstDay[year]
	var earliest data.Date
	for d := first; d <= first.AddDays(28) && d < before; d++ {
		if !fits(d) {
			continue
		}
		if f.diary.atSchool(m.ID, r, d) {
			return d
		}
		if earliest == 0 {
			earliest = d
		}
	}
	return earliest
}

// addEnrollments plans and saves every booking.
func (f *filler) addEnrollments() error {
	for _, b := range bookings {
		if err := f.addBooking(b); err != nil {
			return fmt.Errorf("%s, %s at %s in %s: %w", b.mentor, b.program.Title(), b.school, f.yearOf(b), err)
		}
	}
	return nil
}

func (f *filler) yearOf(b booking) data.SchoolYear { return f.last + data.SchoolYear(b.year) }

func (f *filler) addBooking(b booking) error {
	m := f.mentors[b.mentor]
	sc := f.schools[b.school]
	if m == nil || sc == nil {
		return fmt.Errorf("unknown mentor or school")
	}
	rooms := make([]*roomRef, len(b.rooms))
	for i, name := range b.rooms {
		if rooms[i] = sc.rooms[name]; rooms[i] == nil {
			return fmt.Errorf("no classroom %q", name)
		}
	}
	// The classroom meeting on fewest days goes first, so the others can join its visits.
	slices.SortStableFunc(rooms, func(a, b *roomRef) int { return weekdays(a.MeetingDays) - weekdays(b.MeetingDays) })
	for _, r := range rooms {
		if err := f.enroll(b, m, r); err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	return nil
}

func weekdays(w data.Weekdays) int {
	n := 0
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w.Has(d) {
			n++
		}
	}
	return n
}

// enroll plans one enrollment's terms and saves it with its sessions.
func (f *filler) enroll(b booking, m *data.Mentor, r *roomRef) error {
	year := f.yearOf(b)
	e := data.Enrollment{Program: b.program, ClassroomID: r.ID, MentorID: m.ID, SchoolYear: year, Evaluation: b.eval}
	evs := r.events[year]
	var plans []*termPlan
	// term plans one term; a term whose school calendar is not out yet is recorded without sessions.
	term := func(index int, room *roomRef, ev data.Event, low data.Date, n int, eval, plannable bool) error {
		required := n
		if eval {
			required++
		}
		e.Terms = append(e.Terms, data.Term{Index: index, ClassroomID: room.ID, EventDate: ev.Date, EventName: ev.Name, Required: required})
		if !plannable {
			return nil
		}
		dates := f.plan(m, room, ev.Date, low, n, eval)
		if dates == nil {
			return fmt.Errorf("no dates fit R9 for term %d (%s on %s)", index, ev.Name, ev.Date)
		}
		for _, d := range dates {
			f.diary.book(m.ID, room, d)
		}
		plans = append(plans, &termPlan{mentor: m, room: room, year: year, event: ev.Date, low: low, eval: eval, dates: dates})
		return nil
	}
	var err error
	switch b.program {
	case data.Focused:
		for i := 0; i < 3 && err == nil; i++ {
			var low data.Date
			if i > 0 {
				low = evs[i-1].Date
			}
			err = term(i+1, r, evs[i], low, 3, b.eval && i == 0, true)
		}
	case data.Season:
		var low data.Date
		if b.term > 1 {
			low = evs[b.term-2].Date
		}
		err = term(1, r, evs[b.term-1], low, 3, false, true)
	case data.Bridge:
		to := f.schools[b.to[0]].rooms[b.to[1]]
		if to == nil {
			return fmt.Errorf("no receiving classroom %v", b.to)
		}
		e.ToClassroomID, e.FallSessions = to.ID, b.fall
		if err = term(1, r, evs[2], evs[1].Date, 2, false, true); err == nil {
			fall, ok := to.events[year+1]
			winter := fall[0]
			if !ok {
				// The receiving school's next calendar is not out: the term is known, its dates are not.
				winter = data.Event{Date: nthWeekday(int(year)+1, time.December, time.Thursday, 2), Name: "Winter Concert"}
			}
			err = term(2, to, winter, 0, b.fall, false, ok)
		}
	}
	if err != nil {
		return err
	}
	var sessions []data.Session
	for _, p := range plans {
		sessions = append(sessions, f.sessionsOf(b, e, p)...)
	}
	id, err := f.s.CreateEnrollment(f.ctx, e, sessions)
	if err != nil {
		return err
	}
	for _, p := range plans {
		p.enrollment = id
		f.terms = append(f.terms, p)
	}
	if b.tag != "" {
		f.tagged[b.tag] = id
	}
	return nil
}

// sessionsOf turns a planned term into planned sessions, each with its focus.
func (f *filler) sessionsOf(b booking, e data.Enrollment, p *termPlan) []data.Session {
	index := 1
	for _, t := range e.Terms {
		if t.ClassroomID == p.room.ID && t.EventDate == p.event {
			index = t.Index
		}
	}
	var out []data.Session
	for k, d := range p.dates {
		out = append(out, data.Session{Term: index, ClassroomID: p.room.ID, MentorID: p.mentor.ID, Date: d,
			Start: p.room.PeriodStart, Minutes: p.room.PeriodMinutes, Program: b.program, Status: data.Planned,
			Focus: focusOf(b.program, p, index, k)})
	}
	return out
}

// technique is what a sectional of each ensemble works on, one line per session of a term.
var technique = map[data.Ensemble][3]string{
	"band":      {"tone and breath support", "articulation and rhythm", "balance and blend"},
	"jazz":      {"swing feel and time", "improvising on the blues", "section phrasing"},
	"orchestra": {"bow distribution and tone", "shifting and intonation", "balance and blend"},
	"choir":     {"breath support and vowels", "tuning chords", "diction and phrasing"},
}

func focusOf(p data.Program, t *termPlan, index, k int) string {
	if t.eval && k == 0 {
		return "Evaluation: baseline sectional assessment, goals set with the students"
	}
	if t.eval {
		k--
	}
	if p == data.Bridge {
		if index == 2 {
			return "Bridge follow-up: settling into the new ensemble"
		}
		next := "middle school"
		if t.room.school.Level == data.Middle || t.room.school.Level == data.K8 {
			next = "high school"
		}
		if k == 0 {
			return "Bridge Q&A: what to expect in " + next + " " + string(t.room.Ensemble)
		}
		return "Bridge: rehearsing alongside next year's section"
	}
	tech := technique[t.room.Ensemble]
	event := [...]string{"Winter concert", "Spring concert", "Festival"}[eventIndex(t)]
	switch k {
	case 0:
		return event + " repertoire: " + tech[0]
	case 1:
		return "Sectional technique: " + tech[1]
	}
	return event + " run-through: " + tech[2]
}

// eventIndex tells which of the classroom's three events the term leads to.
func eventIndex(t *termPlan) int {
	for i, ev := range t.room.events[t.year] {
		if ev.Date == t.event {
			return i
		}
	}
	return 0
}

// reflections are the mentor's short notes after a session: group-level, no pupil named.
var reflections = []string{
	"The section set two goals for the concert: a steady tempo and cleaner entrances.",
	"Worked in small groups; the lower voices are now confident on their part.",
	"Students chose the passage to fix first and had it clean by the end of the period.",
	"Reviewed last session's goals: the sound is fuller, rhythms still rush in the middle section.",
	"Warm-up routine is working. Next time start with the hardest passage while everyone is fresh.",
	"Instructor asked for more listening across the section; we tried playing with eyes closed.",
	"Good energy today. Two students led the warm-up for the group.",
}
