// Package icsio writes a mentor's sessions as an iCalendar file (RFC 5545) that calendar
// programs import or subscribe to.
package icsio

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // Windows has no zone database of its own; the organisation's zone must always load
	"unicode/utf8"

	"mentordesk/data"
)

// CalendarEvent is one session as the mentor's calendar shows it.
type CalendarEvent struct {
	UID         string // stable across exports, so a re-import updates instead of duplicating
	Summary     string
	Location    string
	Description string
	Date        data.Date
	Start       data.Clock // local to the feed's time zone
	Minutes     int
	Cancelled   bool
}

// CalendarFeed is one mentor's calendar file.
type CalendarFeed struct {
	MentorName string
	TimeZone   string    // IANA name, the organisation's (org.timezone)
	Stamp      time.Time // DTSTAMP of every event; fixed by the caller so that exports are byte-identical
	Events     []CalendarEvent
}

// SessionUID is the UID of a session's event: it never changes when the session moves.
func SessionUID(id int64) string { return fmt.Sprintf("session-%d@mentordesk", id) }

// SessionEvent describes a session for the mentor's calendar. Notes stay out: calendars are
// synced to services the organisation does not control, and notes may mention pupils.
func SessionEvent(s data.Session) CalendarEvent {
	desc := []string{"Classroom: " + s.Classroom, "School: " + s.School, "Program: " + s.Program.Title()}
	if s.Focus != "" {
		desc = append(desc, "Focus: "+s.Focus)
	}
	desc = append(desc, "Status: "+strings.ToLower(data.Label(s.Status)))
	if s.Status == data.Cancelled && s.CancelReason != "" {
		desc = append(desc, "Cancelled: "+s.CancelReason)
	}
	minutes := s.Minutes
	if minutes <= 0 {
		minutes = data.DefaultPeriodMinutes
	}
	return CalendarEvent{UID: SessionUID(s.ID), Summary: "Mentoring: " + s.Classroom, Location: s.School,
		Description: strings.Join(desc, "\n"), Date: s.Date, Start: s.Start, Minutes: minutes, Cancelled: s.Status == data.Cancelled}
}

const localLayout = "20060102T150405"

// WriteMentorCalendar writes the feed as one VCALENDAR with the zone's VTIMEZONE and one VEVENT
// per event, in date order. Nothing is written when the feed is invalid.
func WriteMentorCalendar(w io.Writer, cal CalendarFeed) error {
	loc, err := loadZone(cal.TimeZone)
	if err != nil {
		return err
	}
	if cal.Stamp.IsZero() {
		return errors.New("calendar: the stamp time is missing")
	}
	events := slices.Clone(cal.Events)
	seen := map[string]bool{}
	for i, e := range events {
		switch {
		case strings.TrimSpace(e.UID) == "":
			return fmt.Errorf("calendar: event %d has no UID", i+1)
		case seen[e.UID]:
			return fmt.Errorf("calendar: UID %q is used twice", e.UID)
		case e.Date.IsZero():
			return fmt.Errorf("calendar: event %s has no date", e.UID)
		case e.Start < 0 || e.Start >= 24*60 || e.Minutes <= 0 || e.Minutes > 24*60:
			return fmt.Errorf("calendar: event %s has no valid time (%s for %d minutes)", e.UID, e.Start, e.Minutes)
		}
		seen[e.UID] = true
	}
	slices.SortStableFunc(events, func(a, b CalendarEvent) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		if a.Start != b.Start {
			return int(a.Start - b.Start)
		}
		return strings.Compare(a.UID, b.UID)
	})

	lw := &lineWriter{w: bufio.NewWriter(w)}
	lw.raw("BEGIN:VCALENDAR")
	lw.raw("PRODID:-//MentorDesk//MentorDesk Calendar//EN")
	lw.raw("VERSION:2.0")
	lw.raw("CALSCALE:GREGORIAN")
	lw.raw("METHOD:PUBLISH")
	name := "MentorDesk sessions"
	if cal.MentorName != "" {
		name += " – " + cal.MentorName
	}
	lw.text("X-WR-CALNAME", name)
	lw.text("X-WR-TIMEZONE", cal.TimeZone)
	from, to := yearsSpanned(events, cal.Stamp, loc)
	writeTimeZone(lw, cal.TimeZone, loc, from, to)
	stamp := cal.Stamp.UTC().Format(localLayout) + "Z"
	for _, e := range events {
		start := wallInstant(e.Date.Year(), e.Date.Month(), e.Date.Day(), int(e.Start)/60, int(e.Start)%60, loc)
		end := start.Add(time.Duration(e.Minutes) * time.Minute)
		// The end in the same form as the start, so that calendar programs read both alike. An end
		// in the second pass of a fall-back's repeated hour would read as the first pass, before
		// the start: such a session (refused on import and by the planner since) gets its length.
		dtend := fmt.Sprintf("DTEND;TZID=%s:%s", cal.TimeZone, end.Format(localLayout))
		if w := end.In(loc); !wallInstant(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), loc).Equal(end) {
			dtend = fmt.Sprintf("DURATION:PT%dM", e.Minutes)
		}
		lw.raw("BEGIN:VEVENT")
		lw.text("UID", e.UID)
		lw.raw("DTSTAMP:" + stamp)
		// The start is the clock as the school states it, even one a daylight-saving change
		// skips or repeats: wallInstant reads it as calendar programs will.
		lw.raw(fmt.Sprintf("DTSTART;TZID=%s:%sT%02d%02d00", cal.TimeZone, e.Date.Time().Format("20060102"), int(e.Start)/60, int(e.Start)%60))
		lw.raw(dtend)
		lw.text("SUMMARY", e.Summary)
		if e.Location != "" {
			lw.text("LOCATION", e.Location)
		}
		if e.Description != "" {
			lw.text("DESCRIPTION", e.Description)
		}
		if e.Cancelled {
			lw.raw("STATUS:CANCELLED")
		} else {
			lw.raw("STATUS:CONFIRMED")
		}
		lw.raw("END:VEVENT")
	}
	lw.raw("END:VCALENDAR")
	if lw.err != nil {
		return lw.err
	}
	return lw.w.Flush()
}

func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("calendar: %q is not an IANA time zone (like America/Los_Angeles)", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("calendar: %q is not an IANA time zone (like America/Los_Angeles)", name)
	}
	return loc, nil
}

// yearsSpanned is the stretch the VTIMEZONE must describe: whole years around the events.
func yearsSpanned(events []CalendarEvent, stamp time.Time, loc *time.Location) (from, to time.Time) {
	first, last := stamp.In(loc).Year(), stamp.In(loc).Year()
	if len(events) > 0 {
		first, last = events[0].Date.Year(), events[len(events)-1].Date.Year()
	}
	return time.Date(first, time.January, 1, 0, 0, 0, 0, loc), time.Date(last+1, time.January, 1, 0, 0, 0, 0, loc)
}

// lineWriter writes content lines with CRLF, folded at 75 octets between UTF-8 characters.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

const maxLineOctets = 75

func (l *lineWriter) raw(line string) {
	if l.err != nil {
		return
	}
	n := 0
	for i := 0; i < len(line); {
		_, size := utf8.DecodeRuneInString(line[i:])
		if n+size > maxLineOctets {
			l.w.WriteString("\r\n ") // the continuation's leading space counts toward its 75
			n = 1
		}
		l.w.WriteString(line[i : i+size])
		n += size
		i += size
	}
	_, l.err = l.w.WriteString("\r\n")
}

func (l *lineWriter) text(name, value string) { l.raw(name + ":" + escapeText(value)) }

// escapeText writes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line
// breaks escaped; other control characters, which TEXT cannot hold, dropped; invalid UTF-8
// replaced, so that folding never cuts a character.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t' || (r >= 0x20 && r != 0x7f):
			b.WriteRune(r)
		}
	}
	return b.String()
}
