package demo

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"mentordesk/data"
)

// visit is the sessions of one mentor at one school on one date (R2).
type visit struct {
	mentor, school int64
	date           data.Date
	sessions       []data.Session
}

// addStates moves a couple of sessions, then brings every session that has taken place to the
// state a working director would have it in on today.
func (f *filler) addStates() error {
	if err := f.moveSessions(); err != nil {
		return err
	}
	all, err := f.s.Sessions(f.ctx, data.SessionFilter{})
	if err != nil {
		return err
	}
	visits := groupVisits(all)
	endedID, endedOn := f.tagged[tagEndedEarly], f.today.AddDays(-9)
	if first := f.firstSession(endedID); first == 0 || first >= endedOn {
		endedID = 0 // the instructor changes focus only after some sessions were held
	}

	// Sessions the early end will cancel stay planned until then.
	held := func(x data.Session) bool { return !(x.EnrollmentID == endedID && x.Date >= endedOn) }
	var past [2][]visit
	for _, v := range visits {
		if v.date >= f.today {
			continue
		}
		v.sessions = slices.DeleteFunc(v.sessions, func(x data.Session) bool { return !held(x) })
		if len(v.sessions) == 0 {
			continue
		}
		if y := data.SchoolYearOf(v.date, f.start); y == f.last {
			past[0] = append(past[0], v)
		} else if y == f.this {
			past[1] = append(past[1], v)
		}
	}
	// Last year's final visits were never wrapped up: one never recorded, two never confirmed.
	stale := map[int]data.Punctuality{}
	seen := map[int64]bool{}
	for i := len(past[0]) - 1; i >= 0 && len(stale) < 3; i-- {
		if !seen[past[0][i].mentor] {
			seen[past[0][i].mentor] = true
			stale[i] = []data.Punctuality{"", data.OnTime, data.Late}[len(stale)]
		}
	}
	for yi, vs := range past {
		cancel := map[int]bool{}
		for _, i := range f.rng.Perm(len(vs))[:min(len(vs), max(2, len(vs)/30))] {
			if _, ok := stale[i]; !ok || yi == 1 {
				cancel[i] = true
			}
		}
		for i, v := range vs {
			var err error
			switch p, isStale := stale[i]; {
			case yi == 0 && isStale && p == "":
				continue
			case yi == 0 && isStale:
				err = f.complete(v, p)
			case cancel[i]:
				err = f.cancel(v)
			default:
				err = f.confirmOrAwait(v)
			}
			if err != nil {
				return fmt.Errorf("visit of %s: %w", v.date, err)
			}
		}
	}
	if endedID != 0 {
		if _, err := f.s.EndEnrollment(f.ctx, endedID, endedOn,
			"The instructor is refocusing the 8th grade band on the spring musical's pit orchestra"); err != nil {
			return err
		}
	}
	// Another season is asked for once the first is under way.
	if id := f.tagged[tagExtraSeason]; f.firstSession(id) != 0 && f.firstSession(id) < f.today.AddDays(-3) {
		if _, err := f.s.RequestSeason(f.ctx, id, f.today.AddDays(-3)); err != nil {
			return err
		}
	}
	return nil
}

// firstSession is the first planned day of an enrollment, or zero.
func (f *filler) firstSession(enrollment int64) data.Date {
	var first data.Date
	for _, p := range f.terms {
		if p.enrollment == enrollment && len(p.dates) > 0 && (first == 0 || p.dates[0] < first) {
			first = p.dates[0]
		}
	}
	return first
}

func groupVisits(all []data.Session) []visit {
	type key struct {
		mentor, school int64
		date           data.Date
	}
	index := map[key]int{}
	var out []visit
	for _, x := range all {
		k := key{x.MentorID, x.SchoolID, x.Date}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, visit{mentor: x.MentorID, school: x.SchoolID, date: x.Date})
		}
		out[i].sessions = append(out[i].sessions, x)
	}
	slices.SortStableFunc(out, func(a, b visit) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.mentor, b.mentor), cmp.Compare(a.school, b.school))
	})
	return out
}

// complete marks a visit's sessions held, awaiting the instructor's confirmation; on some the
// mentor has written a short reflection.
func (f *filler) complete(v visit, p data.Punctuality) error {
	for _, x := range v.sessions {
		var err error
		if f.rng.IntN(10) < 4 {
			x.Status, x.Punctuality, x.Notes = data.Completed, p, reflections[f.rng.IntN(len(reflections))]
			_, err = f.s.SaveSession(f.ctx, x)
		} else {
			err = f.s.SetSessionStatus(f.ctx, x.ID, data.Completed, p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// confirmOrAwait confirms a visit by its instructors 2–10 days after it; a confirmation that
// would come after today leaves it completed and waiting.
func (f *filler) confirmOrAwait(v visit) error {
	on := v.date.AddDays(2 + f.rng.IntN(9))
	punctual := data.OnTime
	if f.rng.IntN(15) == 0 {
		punctual = data.Late
	}
	if err := f.complete(v, punctual); err != nil || on > f.today {
		return err
	}
	how := []string{"e-mail", "e-mail", "e-mail", "signed sheet", "signed sheet", "phone"}[f.rng.IntN(6)]
	// Sessions flagged by R7/R8 in the sample were confirmed with the director's override.
	byInstructor := map[string][]int64{}
	var names []string
	for _, x := range v.sessions {
		name := f.room(x.ClassroomID).instructor
		if byInstructor[name] == nil {
			names = append(names, name)
		}
		byInstructor[name] = append(byInstructor[name], x.ID)
	}
	for _, name := range names {
		if err := f.s.ConfirmSessions(f.ctx, byInstructor[name], data.Confirmation{On: on, By: name, How: how, Override: sampleOverride}); err != nil {
			return err
		}
	}
	return nil
}

// cancel calls a visit off for a reason of its season.
func (f *filler) cancel(v visit) error {
	reason, by := "School assembly", "school"
	switch m := v.date.Month(); {
	case (m == time.December || m <= time.February) && f.rng.IntN(3) > 0:
		reason = "Snow day"
	case f.rng.IntN(2) == 0:
		reason, by = "Instructor ill", "instructor"
	}
	for _, x := range v.sessions {
		if err := f.s.CancelSession(f.ctx, x.ID, reason, by); err != nil {
			return err
		}
	}
	return nil
}

func (f *filler) room(id int64) *roomRef {
	for _, s := range f.schools {
		for _, r := range s.rooms {
			if r.ID == id {
				return r
			}
		}
	}
	return nil
}

// septemberFirst bounds the sessions of school year y: none are planned before its first September.
func septemberFirst(y data.SchoolYear) data.Date { return data.DateOf(int(y), time.September, 1) }

var moveReasons = []string{
	"The band room is booked for state testing that day",
	"Class picture day takes the period; the instructor asked to swap days",
	"The mentor has a dress rehearsal with the symphony",
}

// moveSessions reschedules one session last year (before it took place) and one still ahead,
// each to a day that keeps R9: a school day on a meeting day, spacing and lead to the event.
func (f *filler) moveSessions() error {
	all, err := f.s.Sessions(f.ctx, data.SessionFilter{})
	if err != nil {
		return err
	}
	ids := map[[2]int64]data.Session{}
	for _, x := range all {
		ids[[2]int64{x.ClassroomID, int64(x.Date)}] = x
	}
	for i, ahead := range []bool{false, true} {
		p, j, to := f.findMove(ahead)
		if p == nil {
			continue // today leaves no room for it; the sample does without
		}
		from := p.dates[j]
		x := ids[[2]int64{p.room.ID, int64(from)}]
		movedOn := min(from, to).AddDays(-3 - f.rng.IntN(6))
		if ahead {
			movedOn = f.today.AddDays(-1 - f.rng.IntN(4))
		}
		if err := f.s.MoveSession(f.ctx, x.ID, to, x.Start, moveReasons[i%len(moveReasons)], movedOn); err != nil {
			return fmt.Errorf("move the session of %s: %w", from, err)
		}
		f.diary.unbook(p.mentor.ID, p.room, from)
		f.diary.book(p.mentor.ID, p.room, to)
		p.dates[j] = to
	}
	return nil
}

// findMove picks a regular session alone on its day (last year's, or one after today when ahead)
// and a nearby day it can move to.
func (f *filler) findMove(ahead bool) (*termPlan, int, data.Date) {
	lo, hi := septemberFirst(f.last), f.today.AddDays(-20)
	if ahead {
		lo, hi = f.today.AddDays(3), septemberFirst(f.this+1)
	}
	for _, pi := range f.rng.Perm(len(f.terms)) {
		p := f.terms[pi]
		if p.enrollment == f.tagged[tagEndedEarly] {
			continue
		}
		for j, d := range p.dates {
			if (p.eval && j == 0) || d < lo || d > hi || len(f.diary.mentor[p.mentor.ID][d]) != 1 {
				continue
			}
			for _, off := range []int{1, -1, 2, -2, 3, -3, 5, -5, 7, -7} {
				to := d.AddDays(off)
				if to < lo || to > hi || len(f.diary.mentor[p.mentor.ID][to]) > 0 || !f.free(p.mentor.ID, p.room, to) {
					continue
				}
				if f.keepsSpacing(p, j, to) {
					return p, j, to
				}
			}
		}
	}
	return nil, 0, 0
}

// keepsSpacing checks R9 for the term with session j on day to.
func (f *filler) keepsSpacing(p *termPlan, j int, to data.Date) bool {
	apart := func(a, b data.Date) bool { n := a.DaysUntil(b); return n >= 14 && n <= 21 }
	first := 0
	if p.eval {
		first = 1
	}
	if j > first && !apart(p.dates[j-1], to) {
		return false
	}
	if j == first && (to <= p.low || (p.eval && to <= p.dates[0])) {
		return false
	}
	if j+1 < len(p.dates) {
		return apart(to, p.dates[j+1])
	}
	lead := to.DaysUntil(p.event)
	return lead >= 1 && lead <= 21
}

// sampleOverride is the director's reason on the sample's flagged sessions that were confirmed.
const sampleOverride = "Renewal under way: the director checked the receipt and allowed the visit"
