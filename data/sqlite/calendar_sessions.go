package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"mentordesk/data"
)

// CalendarSession is what the calendar draws of a session: no notes, no confirmation details,
// so a month of a large organisation reads in a few milliseconds.
type CalendarSession struct {
	ID          int64
	Date        data.Date
	Start       data.Clock
	Minutes     int
	Program     data.Program
	Status      data.SessionStatus
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
}

// End is the time the session ends.
func (x CalendarSession) End() data.Clock { return x.Start.Add(x.Minutes) }

// calendarRangeQuery walks sessions_by_date from the range's first day; the CROSS JOINs keep
// SQLite from starting at the (much smaller) classrooms table and probing each one's sessions.
const calendarRangeQuery = `SELECT x.id, x.date, x.start, x.minutes, x.program, x.status, x.mentor_id,
	m.first_name || ' ' || m.last_name, x.classroom_id, c.name, c.school_id, s.name, x.statement_id IS NOT NULL
	FROM sessions x CROSS JOIN classrooms c ON c.id = x.classroom_id CROSS JOIN schools s ON s.id = c.school_id
	CROSS JOIN mentors m ON m.id = x.mentor_id
	WHERE x.date BETWEEN ? AND ?
	ORDER BY x.date, x.start`

// CalendarSessions lists every session from from through through (inclusive), by date and start.
// Filters are applied by the caller: conflicts need the mentor's sessions at every school.
func (s *Store) CalendarSessions(ctx context.Context, from, through data.Date) ([]CalendarSession, error) {
	rows, err := s.r.QueryContext(ctx, calendarRangeQuery, dv(from), dv(through))
	if err != nil {
		return nil, fmt.Errorf("read the calendar %s to %s: %w", from, through, err)
	}
	defer rows.Close()
	out := make([]CalendarSession, 0, 256)
	var day string
	var date data.Date
	for rows.Next() {
		var x CalendarSession
		var d string
		if err := rows.Scan(&x.ID, &d, &x.Start, &x.Minutes, &x.Program, &x.Status, &x.MentorID, &x.Mentor,
			&x.ClassroomID, &x.Classroom, &x.SchoolID, &x.School, &x.Locked); err != nil {
			return nil, fmt.Errorf("read the calendar %s to %s: %w", from, through, err)
		}
		// Rows come by date, so each day's text is parsed once.
		if d != day {
			if date, err = data.ParseDate(d); err != nil {
				return nil, fmt.Errorf("session %d: %w", x.ID, err)
			}
			day = d
		}
		x.Date = date
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the calendar %s to %s: %w", from, through, err)
	}
	return out, nil
}

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
		if x.Status == data.Cancelled {
			continue
		}
		for k := range day {
			o := day[k]
			if k == i || o.Status == data.Cancelled {
				continue
			}
			switch data.SessionsClash(x.SchoolID, x.Start, x.Minutes, o.SchoolID, o.Start, o.Minutes) {
			case data.OtherSchool:
				x.Conflict = fmt.Sprintf("%s is also at %s that day (%s %s)", x.Mentor, o.School, o.Start, o.Classroom)
			case data.OverlapsTime:
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
