package csvio

import (
	"io"

	"mentordesk/data"
)

// Names of schools, calendars, classrooms and cohorts are compared exactly after trimming: the
// store keys them by the exact name, and folding case here would merge two rows that the store
// then keeps apart.

// SchoolsTable reads schools, keyed by name.
func SchoolsTable() Table[data.School] {
	return Table[data.School]{
		kind: Schools,
		decode: func(r *row) data.School {
			return data.School{
				Name:     r.text("name"),
				District: r.text("district"),
				Level:    data.Level(r.enum("level", "elementary, middle, high, k8, other")),
				Address:  r.text("address"),
				Calendar: r.text("calendar"),
			}
		},
		keyCols: []string{"name"},
		key:     func(s data.School) string { return s.Name },
	}
}

// ReadSchools reads a whole CSV text (see SchoolsTable).
func ReadSchools(in io.Reader, file string) ([]Record[data.School], error) {
	return readAll(SchoolsTable(), in, file)
}

// WriteSchools writes schools.
func WriteSchools(w io.Writer, ss []data.School) error {
	return writeTable(w, Schools, ss, func(s data.School) []string {
		return []string{s.Name, s.District, string(s.Level), s.Address, s.Calendar}
	})
}

// CalendarDaysTable reads the marked days of school calendars, keyed by (calendar, date, kind).
func CalendarDaysTable() Table[data.CalendarDay] {
	return Table[data.CalendarDay]{
		kind: Calendars,
		decode: func(r *row) data.CalendarDay {
			return data.CalendarDay{
				Calendar: r.text("calendar"),
				Date:     r.date("date"),
				Kind:     data.DayKind(r.enum("kind", "first_day, last_day, term_end, no_school")),
				Label:    r.text("label"),
			}
		},
		keyCols: []string{"calendar", "date", "kind"},
		key:     func(d data.CalendarDay) string { return key(d.Calendar, d.Date.String(), string(d.Kind)) },
	}
}

// ReadCalendarDays reads a whole CSV text (see CalendarDaysTable).
func ReadCalendarDays(in io.Reader, file string) ([]Record[data.CalendarDay], error) {
	return readAll(CalendarDaysTable(), in, file)
}

// WriteCalendarDays writes the marked days of school calendars.
func WriteCalendarDays(w io.Writer, ds []data.CalendarDay) error {
	return writeTable(w, Calendars, ds, func(d data.CalendarDay) []string {
		return []string{d.Calendar, d.Date.String(), string(d.Kind), d.Label}
	})
}

// ClassroomsTable reads classrooms, keyed by (school, name). An empty period_minutes is the
// usual 50-minute period (R10).
func ClassroomsTable() Table[data.Classroom] {
	return Table[data.Classroom]{
		kind: Classrooms,
		decode: func(r *row) data.Classroom {
			return data.Classroom{
				School:          r.text("school"),
				Name:            r.text("name"),
				Ensemble:        data.Ensemble(r.enum("ensemble", "band, orchestra, choir, jazz, general, other")),
				Grade:           r.text("grade"),
				InstructorEmail: r.email("instructor_email"),
				MeetingDays:     r.weekdays("meeting_days"),
				PeriodStart:     r.clock("period_start"),
				PeriodMinutes:   r.integer("period_minutes", data.DefaultPeriodMinutes),
			}
		},
		keyCols: []string{"school", "name"},
		key:     func(c data.Classroom) string { return key(c.School, c.Name) },
	}
}

// ReadClassrooms reads a whole CSV text (see ClassroomsTable).
func ReadClassrooms(in io.Reader, file string) ([]Record[data.Classroom], error) {
	return readAll(ClassroomsTable(), in, file)
}

// WriteClassrooms writes classrooms.
func WriteClassrooms(w io.Writer, cs []data.Classroom) error {
	return writeTable(w, Classrooms, cs, func(c data.Classroom) []string {
		return []string{c.School, c.Name, string(c.Ensemble), c.Grade, c.InstructorEmail,
			c.MeetingDays.String(), c.PeriodStart.String(), itoa(c.PeriodMinutes)}
	})
}

// EventsTable reads classroom concerts and festivals, keyed by (school, classroom, date).
func EventsTable() Table[data.Event] {
	return Table[data.Event]{
		kind: Events,
		decode: func(r *row) data.Event {
			return data.Event{
				School:    r.text("school"),
				Classroom: r.text("classroom"),
				Date:      r.date("date"),
				Name:      r.text("name"),
			}
		},
		keyCols: []string{"school", "classroom", "date"},
		key:     func(e data.Event) string { return key(e.School, e.Classroom, e.Date.String()) },
	}
}

// ReadEvents reads a whole CSV text (see EventsTable).
func ReadEvents(in io.Reader, file string) ([]Record[data.Event], error) {
	return readAll(EventsTable(), in, file)
}

// WriteEvents writes classroom concerts and festivals.
func WriteEvents(w io.Writer, es []data.Event) error {
	return writeTable(w, Events, es, func(e data.Event) []string {
		return []string{e.School, e.Classroom, e.Date.String(), e.Name}
	})
}
