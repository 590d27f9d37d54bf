package data

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// Random school worlds for the planner's property tests: calendars, classrooms, events and a
// mentor's other sessions, and the checks every proposed plan must pass.

func plClose(no map[Date]bool, from Date, days int) {
	for d := from; d < from.AddDays(days); d++ {
		no[d] = true
	}
}

func plGenWorld(rng *rand.Rand) plWorld {
	start, yearRound := DefaultSchoolYearStart, false
	if rng.IntN(3) == 0 {
		start, yearRound = MonthDay{time.August, 1}, rng.IntN(2) == 0
	}
	y := 2026 + rng.IntN(4)
	type school struct {
		id    int64
		cal   Calendar
		years map[int]plTruth
	}
	schools := make([]school, 2)
	for i := range schools {
		s := school{id: int64(i + 1), cal: Calendar{ID: int64(i + 1), Name: fmt.Sprint("district ", i+1)}, years: map[int]plTruth{}}
		for _, yy := range []int{y, y + 1} {
			first, last, no := plGenYear(rng, yy, yearRound)
			s.years[yy] = plTruth{school: s.id, first: first, last: last, noSchool: no}
		}
		schools[i] = s
	}
	room := func(id int64, s school) (Classroom, [7]bool) {
		var meets [7]bool
		var w Weekdays
		switch rng.IntN(10) {
		case 0, 1, 2: // one class a week: the 1–21-day window holds only three class days
			wd := time.Weekday(1 + rng.IntN(5))
			meets[wd], w = true, 1<<wd
		default:
			for wd := time.Sunday; wd <= time.Saturday; wd++ {
				p := 5
				if wd >= time.Monday && wd <= time.Friday {
					p = 40
				}
				if rng.IntN(100) < p {
					meets[wd], w = true, w|1<<wd
				}
			}
			if w == 0 {
				wd := time.Weekday(1 + rng.IntN(5))
				meets[wd], w = true, 1<<wd
			}
		}
		c := Classroom{ID: id, SchoolID: s.id, School: s.cal.Name + " school", Name: fmt.Sprint("room ", id), MeetingDays: w,
			PeriodStart: ClockOf(7, 30).Add(15 * rng.IntN(28))}
		if rng.IntN(5) > 0 {
			c.PeriodMinutes = 30 + 5*rng.IntN(13)
		}
		return c, meets
	}
	truth := func(s school, yy int, c Classroom, meets [7]bool, event Date, count int, eval bool) plTruth {
		t := s.years[yy]
		t.room, t.meets, t.event, t.count, t.eval = c, meets, event, count, eval
		return t
	}
	// events picks n event dates in order within the school year: usually months apart, sometimes anywhere.
	events := func(t plTruth, n int) []Date {
		span := int(t.last - t.first)
		for {
			var out []Date
			if rng.IntN(10) < 7 {
				d := t.first.AddDays(20 + rng.IntN(100))
				for range n {
					out = append(out, min(d, t.last))
					d = d.AddDays(40 + rng.IntN(100))
				}
			} else {
				for range n {
					out = append(out, t.first.AddDays(rng.IntN(span+1)))
				}
				slices.Sort(out)
			}
			if len(slices.Compact(slices.Clone(out))) == n {
				return out
			}
		}
	}

	var w plWorld
	w.req = PlanRequest{Mentor: plMentor, Start: start}
	a, b := schools[0], schools[1]
	from, fromMeets := room(10, a)
	switch rng.IntN(3) {
	case 0:
		w.req.Program, w.req.Evaluation = Focused, rng.IntN(2) == 0
		for i, e := range events(a.years[y], 3) {
			w.truths = append(w.truths, truth(a, y, from, fromMeets, e, 3+btoi(i == 0 && w.req.Evaluation), i == 0 && w.req.Evaluation))
		}
	case 1:
		w.req.Program = Season
		w.truths = append(w.truths, truth(a, y, from, fromMeets, events(a.years[y], 1)[0], 3, false))
	case 2:
		w.req.Program = Bridge
		fall := 1 + rng.IntN(2)
		spring := a.years[y]
		to, toMeets := room(20, b)
		w.truths = append(w.truths,
			truth(a, y, from, fromMeets, spring.last.AddDays(-rng.IntN(100)), 2, false),
			truth(b, y+1, to, toMeets, b.years[y+1].first.AddDays(rng.IntN(100)), fall, false))
	}
	// Closures and visits elsewhere aimed at the edges of R9's windows: day 28 of the year, 1 and
	// 21 days before an event, 14 and 21 days apart.
	for _, t := range w.truths {
		if t.eval && rng.IntN(2) == 0 { // school opens late: the evaluation lands near day 28
			plClose(t.noSchool, t.first, 20+rng.IntN(10))
		}
		if rng.IntN(4) == 0 {
			plClose(t.noSchool, t.event.AddDays(-1-rng.IntN(21)), 1+rng.IntN(21))
		}
		for range rng.IntN(4) {
			d := t.event.AddDays(-[]int{1, 7, 14, 21, 22, 28, 35, 42}[rng.IntN(8)])
			w.req.Existing = append(w.req.Existing, Session{Date: d, Start: ClockOf(12, 0), Minutes: 50, SchoolID: 3, Status: Planned})
		}
	}
	for i, t := range w.truths {
		s := schools[t.school-1]
		w.req.Terms = append(w.req.Terms, PlanTerm{Index: i + 1, Classroom: t.room, SchoolID: t.school, Calendar: plCalendarOf(s.cal, s.years),
			EventDate: t.event, EventName: fmt.Sprint("event ", i+1), Required: t.count, Evaluation: t.eval})
	}
	for range rng.IntN(50) {
		t := w.truths[rng.IntN(len(w.truths))]
		s := Session{Date: t.event.AddDays(-rng.IntN(70)), Start: ClockOf(7, 0).Add(5 * rng.IntN(100)), Minutes: 30 + 5*rng.IntN(13),
			SchoolID: int64(1 + rng.IntN(3)), Status: Planned}
		if rng.IntN(4) == 0 {
			s.Start = t.room.PeriodStart
		}
		if rng.IntN(5) == 0 {
			s.Status = Cancelled
		}
		w.req.Existing = append(w.req.Existing, s)
	}
	notClearedFrom := DateOf(y, time.October, 1).AddDays(rng.IntN(300))
	noContract := DateOf(y+1, start.Month, start.Day)
	w.req.Eligible = func(d Date) []string {
		var out []string
		if d >= notClearedFrom {
			out = append(out, "not cleared on "+d.String())
		}
		if d >= noContract {
			out = append(out, "no contract")
		}
		return out
	}
	return w
}

// plCalendarOf writes the generated years as the calendar's marked days.
func plCalendarOf(cal Calendar, years map[int]plTruth) Calendar {
	cal.Days = nil
	for _, yy := range slices.Sorted(maps.Keys(years)) {
		t := years[yy]
		cal.Days = append(cal.Days, CalendarDay{Calendar: cal.Name, Date: t.first, Kind: FirstDay}, CalendarDay{Calendar: cal.Name, Date: t.last, Kind: LastDay})
		for d := t.first; d <= t.last; d++ {
			if t.noSchool[d] {
				cal.Days = append(cal.Days, CalendarDay{Calendar: cal.Name, Date: d, Kind: NoSchool})
			}
		}
	}
	return cal
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// plDayOK is R9's day rule for a term, from the generator's own calendar and the mentor's sessions.
func plDayOK(t plTruth, existing []Session, d Date) bool {
	wd := d.Weekday()
	if d < t.first || d > t.last || t.noSchool[d] || wd == time.Saturday || wd == time.Sunday || !t.meets[wd] {
		return false
	}
	minutes := t.room.PeriodMinutes
	if minutes == 0 {
		minutes = 50
	}
	for _, e := range existing {
		if e.Status == Cancelled || e.Date != d {
			continue
		}
		if e.SchoolID != t.school {
			return false
		}
		if int(t.room.PeriodStart) < int(e.Start)+e.Minutes && int(e.Start) < int(t.room.PeriodStart)+minutes {
			return false
		}
	}
	return true
}

// plViolations checks every clause of R9 and R10 on sessions; failed terms must have none.
func plViolations(w plWorld, sessions []PlannedSession, failed map[int]bool, withFlags bool) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	byTerm := map[int][]PlannedSession{}
	for i, s := range sessions {
		if s.Term < 1 || s.Term > len(w.truths) || failed[s.Term] {
			bad("session %d belongs to term %d, which has no plan", i, s.Term)
			continue
		}
		t := w.truths[s.Term-1]
		byTerm[s.Term] = append(byTerm[s.Term], s)
		if !plDayOK(t, w.req.Existing, s.Date) {
			bad("term %d: %s is not a free school day on a meeting day", s.Term, s.Date)
		}
		minutes := t.room.PeriodMinutes
		if minutes == 0 {
			minutes = 50
		}
		if s.ClassroomID != t.room.ID || s.SchoolID != t.school || s.Start != t.room.PeriodStart || s.Minutes != minutes {
			bad("term %d: %+v is not the classroom's period", s.Term, s)
		}
		if withFlags && !slices.Equal(s.Flags, w.req.Eligible(s.Date)) {
			bad("term %d: %s flagged %q", s.Term, s.Date, s.Flags)
		}
		if i > 0 && (s.Date <= sessions[i-1].Date || s.Term < sessions[i-1].Term) {
			bad("session %d (%s, term %d) is out of order", i, s.Date, s.Term)
		}
	}
	for k, t := range w.truths {
		ss := byTerm[k+1]
		if failed[k+1] {
			continue
		}
		if len(ss) != t.count {
			bad("term %d has %d sessions, want %d", k+1, len(ss), t.count)
			continue
		}
		for j := 1; j < len(ss); j++ {
			gap := int(ss[j].Date - ss[j-1].Date)
			if t.eval && j == 1 {
				if gap < 1 {
					bad("term %d: the evaluation is not first", k+1)
				}
			} else if gap < 14 || gap > 21 {
				bad("term %d: sessions %d days apart", k+1, gap)
			}
		}
		if lead := int(t.event - ss[len(ss)-1].Date); lead < 1 || lead > 21 {
			bad("term %d: last session %d days before the event", k+1, lead)
		}
		if t.eval && (ss[0].Date < t.first || ss[0].Date > t.first+28) {
			bad("term %d: evaluation %s outside %s + 28 days", k+1, ss[0].Date, t.first)
		}
	}
	return out
}

// plOptions lists every way to place a term on its own, by brute force.
func plOptions(t plTruth, existing []Session) [][]Date {
	n := t.count - btoi(t.eval)
	var out [][]Date
	cur := make([]Date, n)
	var place func(k int)
	place = func(k int) {
		if k < 0 {
			if !t.eval {
				out = append(out, slices.Clone(cur))
				return
			}
			for e := t.first; e <= t.first+28 && e < cur[0]; e++ {
				if plDayOK(t, existing, e) {
					out = append(out, append([]Date{e}, cur...))
				}
			}
			return
		}
		lo, hi := t.event-21, t.event-1
		if k < n-1 {
			lo, hi = cur[k+1]-21, cur[k+1]-14
		}
		for d := lo; d <= hi; d++ {
			if plDayOK(t, existing, d) {
				cur[k] = d
				place(k - 1)
			}
		}
	}
	place(n - 1)
	return out
}

// plLater orders a term's placements concert-backwards: the later last session wins, then the
// later one before it, …; an evaluation is better earlier.
func plLater(a, b []Date, eval bool) bool {
	reg := 0
	if eval {
		reg = 1
	}
	for i := len(a) - 1; i >= reg; i-- {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return eval && a[0] < b[0]
}

func TestPlanPropertyRandomCalendars(t *testing.T) {
	const cases = 800
	var ok, impossible, moved int
	for seed := range uint64(cases) {
		rng := rand.New(rand.NewPCG(20260901, seed))
		w := plGenWorld(rng)
		p := PlanSessions(w.req)

		// Brute force: which terms can be placed after the terms before them (R9's date order).
		opts := make([][][]Date, len(w.truths))
		wantFailed := map[int]bool{}
		var low Date
		for k, tr := range w.truths {
			opts[k] = plOptions(tr, w.req.Existing)
			var best Date
			for _, o := range opts[k] {
				if o[0] > low && (best == 0 || o[len(o)-1] < best) {
					best = o[len(o)-1]
				}
			}
			if best == 0 {
				wantFailed[k+1] = true
				continue
			}
			low = best
		}
		failed := map[int]bool{}
		for _, f := range p.Failures {
			failed[f.Term] = true
			if f.Term < 1 || f.Constraint == "" || !strings.HasPrefix(f.Detail, fmt.Sprintf("term %d (", f.Term)) {
				t.Errorf("seed %d: failure %+v does not name its term and constraint", seed, f)
			}
		}
		if p.OK() != (len(wantFailed) == 0) || len(failed) != len(wantFailed) {
			t.Errorf("seed %d: planner failed terms %v (%v), brute force %v", seed, failed, p.Failures, wantFailed)
			continue
		}
		for k := range wantFailed {
			if !failed[k] {
				t.Errorf("seed %d: term %d is impossible but the planner did not say so: %v", seed, k, p.Failures)
			}
		}
		if v := plViolations(w, p.Sessions, failed, true); len(v) > 0 {
			t.Errorf("seed %d (%s): %q", seed, w.req.Program, v)
			continue
		}
		if !p.OK() {
			impossible++
			continue
		}
		ok++

		// Concert-backwards: with the other terms fixed, no placement of a term is later.
		for k, tr := range w.truths {
			var mine []Date
			var before, after Date
			for _, s := range p.Sessions {
				switch {
				case s.Term == k+1:
					mine = append(mine, s.Date)
				case s.Term < k+1:
					before = s.Date
				case s.Term > k+1 && after == 0:
					after = s.Date
				}
			}
			for _, o := range opts[k] {
				if o[0] > before && (after == 0 || o[len(o)-1] < after) && plLater(o, mine, tr.eval) {
					t.Errorf("seed %d: term %d placed %v, but %v is later", seed, k+1, mine, o)
					break
				}
			}
		}
		if extra := w.req.CheckPlan(p.Sessions); len(extra) > 0 {
			t.Errorf("seed %d: CheckPlan finds %q in the planner's own plan", seed, extra)
		}

		// Moving one date: CheckPlan objects exactly when the independent checker does.
		m := slices.Clone(p.Sessions)
		i := rng.IntN(len(m))
		m[i].Date = m[i].Date.AddDays(1 + rng.IntN(9))
		if rng.IntN(2) == 0 {
			m[i].Date = p.Sessions[i].Date.AddDays(-1 - rng.IntN(9))
		}
		indep := plViolations(w, m, nil, false)
		if check := w.req.CheckPlan(m); (len(check) == 0) != (len(indep) == 0) {
			t.Errorf("seed %d: moving %s to %s: CheckPlan %q, independent checker %q", seed, p.Sessions[i].Date, m[i].Date, check, indep)
		}
		if len(indep) == 0 {
			moved++
		}
	}
	t.Logf("%d plans, %d with an impossible term, %d moves still valid", ok, impossible, moved)
	if ok < cases/4 || impossible < cases/20 {
		t.Errorf("the generator is lopsided: %d plans, %d impossible", ok, impossible)
	}
}
