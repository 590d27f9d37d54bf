package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// ScheduleDoc is the schedule handout for an instructor: the sessions of one enrollment with
// their dates, times and focus, and the concerts they build up to. It goes to the school, so it
// names the mentor and nothing else about them.
type ScheduleDoc struct {
	Org        Org
	On         data.Date // the day the handout is printed
	Instructor string
	School     string
	Classroom  string
	Program    data.Program
	Year       data.SchoolYear
	MentorName string
	Sessions   []data.Session
	Events     []data.Event
}

func (d ScheduleDoc) letterhead() Org { return d.Org }

// FileName is "schedule-2026-27-lincoln-middle-school-7th-grade-band.pdf".
func (d ScheduleDoc) FileName() string {
	return fmt.Sprintf("schedule-%s-%s-%s.pdf", d.Year, slug(d.School), slug(d.Classroom))
}

func (d ScheduleDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	p.required("school", d.School)
	p.required("classroom", d.Classroom)
	p.required("mentor", d.MentorName)
	if !slices.Contains(data.Programs, d.Program) {
		p.add("program", "%q is not a program (focused, season, bridge)", d.Program)
	}
	if d.Year == 0 {
		p.add("school_year", "is required (like 2026-27)")
	}
	if len(d.Sessions) == 0 {
		p.add("sessions", "the schedule has no sessions yet (plan them first)")
	}
	for i, s := range d.Sessions {
		at := fmt.Sprintf("sessions[%d]", i+1)
		p.date(at+".date", s.Date)
		if s.Minutes <= 0 {
			p.add(at+".minutes", "a session lasts some minutes")
		}
	}
	for i, e := range d.Events {
		at := fmt.Sprintf("events[%d]", i+1)
		p.date(at+".date", e.Date)
		p.required(at+".name", e.Name)
	}
	return p.err()
}

func (d ScheduleDoc) draw(p *page) {
	p.start(d.Org, "Session schedule · "+d.Classroom+" · "+d.School, d.On)
	p.heading("Session schedule", fmt.Sprintf("%s · %s · %s", d.Classroom, d.School, d.Year))
	live := 0
	for _, s := range d.Sessions {
		if s.Status != data.Cancelled {
			live++
		}
	}
	instructor := d.Instructor
	y := p.fields(p.left, p.y(), p.width, 30, []field{
		{"Program", d.Program.Title()},
		{"Mentor", d.MentorName},
		{"Instructor", instructor},
		{"Sessions", fmt.Sprintf("%d %s, each during the class period", live, plural(live, "session", "sessions"))},
	})
	p.f.SetXY(p.left, y+3)
	d.table(p)
	p.font(regular, 9.5)
	p.ink(inkMuted)
	p.para("The mentor arrives a few minutes before the period to set up. If a date no longer suits the "+
		"class, please tell "+d.Org.Name+" as early as possible so the session can be moved.", p.width)
	p.ink(inkText)
}

func (d ScheduleDoc) table(p *page) {
	type item struct {
		date    data.Date
		start   data.Clock
		session *data.Session
		event   *data.Event
	}
	var items []item
	for i := range d.Sessions {
		s := &d.Sessions[i]
		items = append(items, item{date: s.Date, start: s.Start, session: s})
	}
	for i := range d.Events {
		e := &d.Events[i]
		items = append(items, item{date: e.Date, start: 24 * 60, event: e})
	}
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.start, b.start))
	})
	// Bridge schedules span two classrooms; others need no classroom column.
	rooms := map[string]bool{}
	for _, s := range d.Sessions {
		if s.Classroom != "" {
			rooms[strings.ToLower(s.Classroom)] = true
		}
	}
	cols := []column{{head: "Date", w: 52}, {head: "Time", w: 26}}
	if len(rooms) > 1 {
		cols = append(cols, column{head: "Classroom", w: 34})
	}
	cols = append(cols, column{head: "Focus", w: 0}, column{head: "Status", w: 24})
	t := p.table(cols)
	for _, it := range items {
		if it.event != nil {
			cells := []string{it.date.Long(), ""}
			if len(rooms) > 1 {
				cells = append(cells, it.event.Classroom)
			}
			t.row(eventRow, append(cells, "Event: "+it.event.Name, "")...)
			continue
		}
		s := it.session
		cells := []string{s.Date.Long(), timeRange(s.Start, s.Minutes)}
		if len(rooms) > 1 {
			cells = append(cells, s.Classroom)
		}
		focus, kind := s.Focus, plainRow
		if s.Status == data.Cancelled {
			kind = mutedRow
			focus = "Cancelled"
			if s.Focus != "" {
				focus = s.Focus + " — cancelled"
			}
			if s.CancelReason != "" {
				focus += ": " + s.CancelReason
			}
		}
		t.row(kind, append(cells, focus, data.Label(s.Status))...)
	}
	t.end()
}
