package data

import (
	"fmt"
	"strings"
	"time"
)

// Level is a school's level.
type Level string

const (
	Elementary Level = "elementary"
	Middle     Level = "middle"
	High       Level = "high"
	K8         Level = "k8"
	OtherLevel Level = "other"
)

var Levels = []Level{Elementary, Middle, High, K8, OtherLevel}

// District groups schools; it is known by its name.
type District struct {
	ID   int64
	Name string
}

// School belongs to a district and follows a school calendar.
type School struct {
	ID         int64
	Name       string
	DistrictID int64
	District   string
	Level      Level
	Address    string
	CalendarID int64
	Calendar   string // calendar name; empty when the school has none yet
}

func (s School) Validate() error {
	var p Problems
	p.text("name", s.Name, true, 200)
	p.text("district", s.District, s.DistrictID == 0, 200)
	if !oneOf(s.Level, Levels) {
		p.add("level", "%q is not a school level (%s)", s.Level, quoteList(Levels))
	}
	p.text("address", s.Address, false, 300)
	p.text("calendar", s.Calendar, false, 200)
	return p.err()
}

// DayKind is what a marked day of a school calendar means.
type DayKind string

const (
	FirstDay DayKind = "first_day"
	LastDay  DayKind = "last_day"
	TermEnd  DayKind = "term_end"
	NoSchool DayKind = "no_school"
)

var DayKinds = []DayKind{FirstDay, LastDay, TermEnd, NoSchool}

// CalendarDay is one marked day of a school calendar.
type CalendarDay struct {
	ID         int64
	CalendarID int64
	Calendar   string
	Date       Date
	Kind       DayKind
	Label      string
}

func (d CalendarDay) Validate() error {
	var p Problems
	p.text("calendar", d.Calendar, d.CalendarID == 0, 200)
	p.date("date", d.Date, true)
	if !oneOf(d.Kind, DayKinds) {
		p.add("kind", "%q is not a calendar day kind (%s)", d.Kind, quoteList(DayKinds))
	}
	p.text("label", d.Label, false, 200)
	return p.err()
}

// Calendar is a named school calendar (usually a district's) with its marked days.
type Calendar struct {
	ID   int64
	Name string
	Days []CalendarDay
}

// YearSpan is one school year of a calendar: its first and last day, term ends and no-school days.
type YearSpan struct {
	First, Last Date
	TermEnds    []Date
	NoSchool    map[Date]string
}

// Years splits the calendar's marked days into school years, keyed by the school year
// (R1) of their first day. A first day without a last day is left out: its year is incomplete.
func (c Calendar) Years(start MonthDay) map[SchoolYear]*YearSpan {
	out := map[SchoolYear]*YearSpan{}
	get := func(d Date) *YearSpan {
		y := SchoolYearOf(d, start)
		if out[y] == nil {
			out[y] = &YearSpan{NoSchool: map[Date]string{}}
		}
		return out[y]
	}
	for _, d := range c.Days {
		s := get(d.Date)
		switch d.Kind {
		case FirstDay:
			s.First = d.Date
		case LastDay:
			s.Last = d.Date
		case TermEnd:
			s.TermEnds = append(s.TermEnds, d.Date)
		case NoSchool:
			s.NoSchool[d.Date] = d.Label
		}
	}
	for y, s := range out {
		if s.First.IsZero() || s.Last.IsZero() {
			delete(out, y)
		}
	}
	return out
}

// IsSchoolDay reports whether d lies within a school year of the calendar and is not a
// no-school day (weekends are not school days either).
func (c Calendar) IsSchoolDay(d Date, start MonthDay) (bool, string) {
	span := c.Years(start)[SchoolYearOf(d, start)]
	switch {
	case span == nil:
		return false, fmt.Sprintf("the calendar %q has no first and last day for %s", c.Name, SchoolYearOf(d, start))
	case d < span.First:
		return false, fmt.Sprintf("%s is before the first day of school (%s)", d, span.First)
	case d > span.Last:
		return false, fmt.Sprintf("%s is after the last day of school (%s)", d, span.Last)
	case d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
		return false, fmt.Sprintf("%s is a %s", d, d.Weekday())
	}
	if label, ok := span.NoSchool[d]; ok {
		if label == "" {
			label = "no school"
		}
		return false, fmt.Sprintf("%s is a no-school day (%s)", d, label)
	}
	return true, ""
}

// Ensemble is the kind of classroom ensemble.
type Ensemble string

var Ensembles = []Ensemble{"band", "orchestra", "choir", "jazz", "general", "other"}

// Weekdays is a set of meeting days, one bit per time.Weekday.
type Weekdays uint8

var weekdayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// ParseWeekdays reads "Mon;Wed;Fri" (case-insensitive; "," also accepted as a separator).
func ParseWeekdays(s string) (Weekdays, error) {
	var w Weekdays
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		found := false
		for i, n := range weekdayNames {
			if strings.EqualFold(part, n) {
				w |= 1 << i
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("%q is not a weekday (Mon Tue Wed Thu Fri Sat Sun)", part)
		}
	}
	return w, nil
}

// Has reports whether the class meets on d.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// String is "Mon;Wed;Fri" in week order starting Monday.
func (w Weekdays) String() string {
	var parts []string
	for _, i := range []int{1, 2, 3, 4, 5, 6, 0} {
		if w&(1<<i) != 0 {
			parts = append(parts, weekdayNames[i])
		}
	}
	return strings.Join(parts, ";")
}

// WeekdayName is the three-letter name used by CSV and forms.
func WeekdayName(d time.Weekday) string { return weekdayNames[d] }

// DefaultPeriodMinutes is the usual class period (R10).
const DefaultPeriodMinutes = 50

// Classroom is an ensemble at a school, taught by an instructor in a class period.
type Classroom struct {
	ID              int64
	SchoolID        int64
	School          string
	Name            string
	Ensemble        Ensemble
	Grade           string
	InstructorID    int64
	InstructorEmail string
	MeetingDays     Weekdays
	PeriodStart     Clock
	PeriodMinutes   int
}

func (c Classroom) Validate() error {
	var p Problems
	p.text("school", c.School, c.SchoolID == 0, 200)
	p.text("name", c.Name, true, 200)
	if !oneOf(c.Ensemble, Ensembles) {
		p.add("ensemble", "%q is not an ensemble (%s)", c.Ensemble, quoteList(Ensembles))
	}
	p.text("grade", c.Grade, false, 40)
	p.email("instructor_email", c.InstructorEmail, false)
	if c.MeetingDays == 0 {
		p.add("meeting_days", "is required (like Mon;Wed;Fri)")
	}
	if c.PeriodStart < ClockOf(5, 0) || c.PeriodStart > ClockOf(21, 0) {
		p.add("period_start", "%s is outside school hours (05:00–21:00)", c.PeriodStart)
	}
	if c.PeriodMinutes < 10 || c.PeriodMinutes > 240 {
		p.add("period_minutes", "%d is not a class period length (10 to 240 minutes)", c.PeriodMinutes)
	}
	return p.err()
}

// Event is a concert or festival of a classroom; sessions build up to it.
type Event struct {
	ID          int64
	ClassroomID int64
	School      string
	Classroom   string
	Date        Date
	Name        string
}

func (e Event) Validate() error {
	var p Problems
	if e.ClassroomID == 0 {
		p.text("school", e.School, true, 200)
		p.text("classroom", e.Classroom, true, 200)
	}
	p.date("date", e.Date, true)
	p.text("name", e.Name, true, 200)
	return p.err()
}
