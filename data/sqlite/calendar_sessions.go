package sqlite

import (
	"context"
	"fmt"

	"mentordesk/data"
)

// CalendarSession is data.CalendarSession: the type moved to the domain, the name kept for the store's callers.
type CalendarSession = data.CalendarSession

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
