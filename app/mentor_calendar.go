package app

import (
	"bytes"
	"context"
	"strings"

	"mentordesk/data/icsio"
)

type calendarFile struct {
	name    string
	content []byte
}

// saveMentorCalendar writes the mentor's sessions as an .ics file the director can send them
// or import into a calendar program.
func saveMentorCalendar(d deps, mentorID int64) {
	background(d, func(ctx context.Context) (calendarFile, error) {
		feed, err := d.store.MentorCalendar(ctx, mentorID, d.today())
		if err != nil {
			return calendarFile{}, err
		}
		var b bytes.Buffer
		if err := icsio.WriteMentorCalendar(&b, feed); err != nil {
			return calendarFile{}, err
		}
		name := strings.ToLower(strings.ReplaceAll(feed.MentorName, " ", "-")) + "-sessions.ics"
		return calendarFile{name, b.Bytes()}, nil
	}, func(f calendarFile) { saveBytes(d.win, f.name, f.content) })
}
