package icsio

import (
	"fmt"
	"time"
)

// observance is one onset of a zone's offset: RFC 5545's STANDARD or DAYLIGHT sub-component.
type observance struct {
	onset    time.Time // the instant of the change
	from, to int       // UTC offsets in seconds before and after
	name     string
}

// daylight marks the clocks going forward; labelling by Go's IsDST would call Irish winter
// time "daylight", which calendar programs display oddly although the offsets are right.
func (o observance) daylight() bool { return o.to > o.from }

// local is the onset as RFC 5545 writes it: the wall clock just before the change.
func (o observance) local() time.Time { return o.onset.In(time.FixedZone("", o.from)) }

// zoneObservances lists the changes that govern [from, to): the one in force at from, and every
// change after it up to to. The changes are found by sampling the zone, not by Time.ZoneBounds:
// under Go's own zone database (the one Windows and macOS builds read) ZoneBounds returns the
// same bound again at the end of the database's table of changes, and it reports bounds where
// nothing changes; sampling sees only real changes, and gives the same list under any database.
func zoneObservances(loc *time.Location, from, to time.Time) []observance {
	changes := zoneChanges(loc, from.AddDate(-1, 0, 0), to)
	var out []observance
	i := 0
	for i < len(changes) && !changes[i].onset.After(from) {
		i++
	}
	if i > 0 {
		out = append(out, changes[i-1])
	} else { // no change in the year before from: any onset before it will do
		name, off := from.In(loc).Zone()
		out = append(out, observance{onset: time.Date(1970, 1, 1, 0, 0, 0, 0, time.FixedZone("", off)), from: off, to: off, name: name})
	}
	return append(out, changes[i:]...)
}

// zoneStep is how often the zone is sampled. No zone has changed twice within six hours, so a
// change lies between two samples that differ, and the loop runs a fixed number of times.
const zoneStep = 6 * time.Hour

// zoneChanges lists the changes of name or offset in (from, to], each found to the second
// between the two samples around it.
func zoneChanges(loc *time.Location, from, to time.Time) []observance {
	var out []observance
	lo := from.Unix()
	name, off := time.Unix(lo, 0).In(loc).Zone()
	steps := int(to.Sub(from)/zoneStep) + 1
	for i := 1; i <= steps; i++ {
		hi := min(from.Add(time.Duration(i)*zoneStep).Unix(), to.Unix())
		n, o := time.Unix(hi, 0).In(loc).Zone()
		if n == name && o == off {
			lo = hi
			continue
		}
		first := hi // the first second of the new state: halve (lo, hi] until it is one second
		for a := lo; first-a > 1; {
			mid := a + (first-a)/2
			if mn, mo := time.Unix(mid, 0).In(loc).Zone(); mn == name && mo == off {
				a = mid
			} else {
				first = mid
			}
		}
		out = append(out, observance{onset: time.Unix(first, 0).In(loc), from: off, to: o, name: n})
		lo, name, off = hi, n, o
	}
	return out
}

// writeTimeZone writes the VTIMEZONE of loc for the years [from, to). Changes that follow one
// yearly rule (US: second Sunday of March, first of November; EU: last Sundays of March and
// October) become one sub-component with an RRULE ending at the last change; anything else is
// written change by change.
func writeTimeZone(lw *lineWriter, tzid string, loc *time.Location, from, to time.Time) {
	obs := zoneObservances(loc, from, to)
	lw.raw("BEGIN:VTIMEZONE")
	lw.text("TZID", tzid)
	for _, group := range [][]observance{pick(obs, false), pick(obs, true)} {
		if len(group) == 0 {
			continue
		}
		if rule, ok := yearlyRule(group); ok {
			writeObservance(lw, group[0], rule)
			continue
		}
		for _, o := range group {
			writeObservance(lw, o, "")
		}
	}
	lw.raw("END:VTIMEZONE")
}

func pick(obs []observance, daylight bool) []observance {
	var out []observance
	for _, o := range obs {
		if o.daylight() == daylight {
			out = append(out, o)
		}
	}
	return out
}

func writeObservance(lw *lineWriter, o observance, rule string) {
	kind := "STANDARD"
	if o.daylight() {
		kind = "DAYLIGHT"
	}
	lw.raw("BEGIN:" + kind)
	lw.raw("DTSTART:" + o.local().Format(localLayout))
	lw.raw("TZOFFSETFROM:" + utcOffset(o.from))
	lw.raw("TZOFFSETTO:" + utcOffset(o.to))
	if rule != "" {
		lw.raw("RRULE:" + rule)
	}
	lw.text("TZNAME", o.name)
	lw.raw("END:" + kind)
}

// yearlyRule returns the RRULE that yields exactly the group's onsets, one a year, when they
// share month, weekday, week of the month, wall-clock time, offsets and name.
func yearlyRule(group []observance) (string, bool) {
	if len(group) < 2 {
		return "", false
	}
	first := group[0].local()
	week := func(t time.Time) (nth int, last bool) {
		daysInMonth := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return (t.Day()-1)/7 + 1, t.Day()+7 > daysInMonth
	}
	nth, _ := week(first)
	sameNth, allLast := nth <= 4, true
	for i, o := range group {
		t := o.local()
		n, last := week(t)
		sameNth = sameNth && n == nth
		allLast = allLast && last
		if t.Year() != first.Year()+i || t.Month() != first.Month() || t.Weekday() != first.Weekday() ||
			t.Hour() != first.Hour() || t.Minute() != first.Minute() || t.Second() != first.Second() ||
			o.from != group[0].from || o.to != group[0].to || o.name != group[0].name {
			return "", false
		}
	}
	if !sameNth && !allLast {
		return "", false
	}
	if !sameNth {
		nth = -1
	}
	day := [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}[first.Weekday()]
	until := group[len(group)-1].onset.UTC().Format(localLayout) + "Z"
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s;UNTIL=%s", int(first.Month()), nth, day, until), true
}

// utcOffset is RFC 5545's UTC-OFFSET: ±hhmm, with seconds only when there are any.
func utcOffset(seconds int) string {
	sign := '+'
	if seconds < 0 {
		sign, seconds = '-', -seconds
	}
	s := fmt.Sprintf("%c%02d%02d", sign, seconds/3600, seconds/60%60)
	if seconds%60 != 0 {
		s += fmt.Sprintf("%02d", seconds%60)
	}
	return s
}

// wallInstant is the instant of a wall-clock time in loc as RFC 5545 §3.3.5 reads it: a clock
// that occurs twice is the first occurrence, a clock skipped by a change takes the offset from
// before the change. (time.Date picks either occurrence, depending on the zone.)
func wallInstant(y int, m time.Month, d, hour, min int, loc *time.Location) time.Time {
	wall := time.Date(y, m, d, hour, min, 0, 0, time.UTC)
	// UTC offsets lie within ±14 h and zone changes are weeks apart, so the offsets 30 h either
	// side are the only ones that can apply.
	_, before := wall.Add(-30 * time.Hour).In(loc).Zone()
	_, after := wall.Add(30 * time.Hour).In(loc).Zone()
	var found []time.Time
	for _, off := range []int{before, after} {
		t := wall.Add(-time.Duration(off) * time.Second)
		if _, o := t.In(loc).Zone(); o == off {
			found = append(found, t)
		}
	}
	switch {
	case len(found) == 0:
		return wall.Add(-time.Duration(before) * time.Second).In(loc)
	case len(found) == 2 && found[1].Before(found[0]):
		return found[1].In(loc)
	}
	return found[0].In(loc)
}
