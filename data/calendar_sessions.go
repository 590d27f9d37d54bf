package data

import (
	"cmp"
	"fmt"
	"slices"
)

// The calendar's sessions and the rule that marks a mentor's clashing ones.

// CalendarSession is what the calendar draws of a session: no notes, no confirmation details,
// so a month of a large organisation reads in a few milliseconds.
type CalendarSession struct {
	ID          int64
	Date        Date
	Start       Clock
	Minutes     int
	Program     Program
	Status      SessionStatus
	MentorID    int64
	Mentor      string // first and last name
	ClassroomID int64
	Classroom   string
	SchoolID    int64
	School      string
	Locked      bool // on an issued statement (R6)

	// Conflict says why the session clashes with the mentor's others, "" when it does not;
	// set by MarkConflicts.
	Conflict string
	// Flags are the R7/R8 flags standing on the session's date; set by MarkFlags.
	Flags []string
}

// End is the time the session ends.
func (x CalendarSession) End() Clock { return x.Start.Add(x.Minutes) }

// MarkConflicts sets Conflict on every session that clashes with another of its mentor's on the
// same day: at another school (R2: the planner avoids two visits a day) or overlapping in time
// (R9). Cancelled sessions neither clash nor are flagged. The slice is sorted by mentor, date
// and start; it returns how many sessions are flagged.
func MarkConflicts(xs []CalendarSession) int {
	slices.SortFunc(xs, func(a, b CalendarSession) int {
		return cmp.Or(cmp.Compare(a.MentorID, b.MentorID), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	flagged := 0
	for i := 0; i < len(xs); {
		j := i + 1
		for j < len(xs) && xs[j].MentorID == xs[i].MentorID && xs[j].Date == xs[i].Date {
			j++
		}
		flagged += markDay(xs[i:j])
		i = j
	}
	return flagged
}

// markDay flags one mentor's sessions of one day, sorted by start.
func markDay(day []CalendarSession) int {
	if len(day) < 2 {
		day[0].Conflict = ""
		return 0
	}
	flagged := 0
	for i := range day {
		x := &day[i]
		x.Conflict = ""
		if x.Status == Cancelled {
			continue
		}
		for k := range day {
			o := day[k]
			if k == i || o.Status == Cancelled {
				continue
			}
			switch SessionsClash(x.SchoolID, x.Start, x.Minutes, o.SchoolID, o.Start, o.Minutes) {
			case OtherSchool:
				x.Conflict = fmt.Sprintf("%s is also at %s that day (%s %s)", x.Mentor, o.School, o.Start, o.Classroom)
			case OverlapsTime:
				x.Conflict = fmt.Sprintf("overlaps %s–%s with %s", o.Start, o.End(), o.Classroom)
			default:
				continue
			}
			break
		}
		if x.Conflict != "" {
			flagged++
		}
	}
	return flagged
}
