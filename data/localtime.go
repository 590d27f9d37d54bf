package data

import (
	"fmt"
	"time"
)

// LocalTimeProblem says, in words, why a session on d at start lasting minutes cannot be kept in
// the organisation's zone as the school states it, or "" when it can. A clock the zone skips
// (clocks going forward) does not exist; a clock it repeats (clocks going back) is ambiguous, and
// an end in the second pass of the repeated hour is read by calendar programs as the first, so
// the session would seem to end before it starts or last the wrong time.
func LocalTimeProblem(d Date, start Clock, minutes int, loc *time.Location) string {
	if loc == nil || d.IsZero() {
		return ""
	}
	y, m, day := d.Time().Date()
	wall := time.Date(y, m, day, int(start)/60, int(start)%60, 0, 0, time.UTC)
	at, before, after, ok := zoneChangeNear(wall, loc)
	if !ok {
		return ""
	}
	// The change as the clocks show it: from the old clock's reading to the new one's.
	fromClock := at.In(time.FixedZone("", before))
	toClock := at.In(time.FixedZone("", after))
	naive := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	lo, hi := naive(fromClock), naive(toClock)
	change := fmt.Sprintf("the clocks go %s from %s to %s that night", map[bool]string{true: "forward", false: "back"}[after > before],
		fromClock.Format("15:04"), toClock.Format("15:04"))
	when := fmt.Sprintf("%s %s", d, start)
	if after > before { // a gap: clocks in [lo, hi) are skipped
		if !wall.Before(lo) && wall.Before(hi) {
			return fmt.Sprintf("%s does not exist in %s: %s; choose a time outside that hour", when, loc, change)
		}
		return ""
	}
	// Clocks in [hi, lo) happen twice.
	if !wall.Before(hi) && wall.Before(lo) {
		return fmt.Sprintf("%s happens twice in %s: %s; choose a time outside that hour", when, loc, change)
	}
	startAt := wall.Add(-time.Duration(before) * time.Second)
	if wall.Before(hi) { // before the repeated hour the old offset applies
		end := startAt.Add(time.Duration(minutes) * time.Minute)
		if endWall := naive(end.In(loc)); end.After(at) && !endWall.Before(hi) && endWall.Before(lo) {
			return fmt.Sprintf("%s for %d minutes ends at %s, in the hour that happens twice in %s (%s): calendars would show the wrong end; choose another time or length",
				when, minutes, endWall.Format("15:04"), loc, change)
		}
	}
	return ""
}

// zoneChangeNear finds a change of loc's UTC offset within 30 hours of the wall clock wall (read
// as UTC): the instant and the offsets before and after. UTC offsets lie within ±14 h and a
// zone's changes are weeks apart, so there is at most one, found by halving a bounded interval.
func zoneChangeNear(wall time.Time, loc *time.Location) (at time.Time, before, after int, ok bool) {
	lo, hi := wall.Add(-30*time.Hour).Unix(), wall.Add(30*time.Hour).Unix()
	offset := func(s int64) int { _, o := time.Unix(s, 0).In(loc).Zone(); return o }
	before, after = offset(lo), offset(hi)
	if before == after {
		return time.Time{}, 0, 0, false
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if offset(mid) == before {
			lo = mid
		} else {
			hi = mid
		}
	}
	return time.Unix(hi, 0), before, after, true
}
