package sqlite

import (
	"context"
	"time"

	"mentordesk/data"
	"mentordesk/data/icsio"
)

// MentorCalendar is a mentor's sessions as a calendar feed in the organisation's time zone. Its
// stamp is the day the schedule last changed (else today), so an unchanged schedule exports
// the same bytes.
func (s *Store) MentorCalendar(ctx context.Context, mentorID int64, today data.Date) (icsio.CalendarFeed, error) {
	m, err := s.Mentor(ctx, mentorID)
	if err != nil {
		return icsio.CalendarFeed{}, err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return icsio.CalendarFeed{}, err
	}
	sessions, err := s.Sessions(ctx, SessionFilter{MentorID: m.ID})
	if err != nil {
		return icsio.CalendarFeed{}, err
	}
	changed, err := s.SessionsChangedOn(ctx, m.ID)
	if err != nil {
		return icsio.CalendarFeed{}, err
	}
	if changed.IsZero() {
		changed = today
	}
	feed := icsio.CalendarFeed{MentorName: m.Name(), TimeZone: set.OrgTimezone,
		Stamp: time.Date(changed.Year(), changed.Month(), changed.Day(), 0, 0, 0, 0, time.UTC)}
	for _, x := range sessions {
		feed.Events = append(feed.Events, icsio.SessionEvent(x))
	}
	return feed, nil
}
