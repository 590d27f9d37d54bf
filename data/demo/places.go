package demo

import (
	"fmt"
	"strings"
	"time"

	"mentordesk/data"
)

// district is a sample district; each keeps its own calendar, named after it.
type district struct {
	name   string
	domain string // instructors' e-mail domain
	// termTwoEnd, lastDay and springBreak differ between the two districts, as real ones do.
	termOneEnd  func(thanksgiving data.Date) data.Date
	termTwoEnd  func(y int) data.Date
	lastDay     func(y int) data.Date
	springBreak func(y int) data.Date // the Monday it starts
	extraDay    func(y int) (data.Date, string)
}

var districts = []district{
	{
		name: "Seattle Public Schools", domain: "seattleschools.example.org",
		termOneEnd:  func(tg data.Date) data.Date { return tg.AddDays(-6) }, // the Friday before Thanksgiving week
		termTwoEnd:  func(y int) data.Date { return onOrAfter(data.DateOf(y, time.March, 13), time.Friday) },
		lastDay:     func(y int) data.Date { return onOrAfter(data.DateOf(y, time.June, 15), time.Wednesday) },
		springBreak: func(y int) data.Date { return onOrAfter(data.DateOf(y, time.April, 8), time.Monday) },
		extraDay: func(y int) (data.Date, string) {
			return onOrAfter(data.DateOf(y, time.October, 8), time.Friday), "Professional development day"
		},
	},
	{
		name: "Shoreline School District", domain: "shorelineschools.example.org",
		termOneEnd:  func(tg data.Date) data.Date { return tg.AddDays(-1) }, // the Wednesday before Thanksgiving
		termTwoEnd:  func(y int) data.Date { return onOrAfter(data.DateOf(y, time.March, 11), time.Friday) },
		lastDay:     func(y int) data.Date { return onOrAfter(data.DateOf(y, time.June, 11), time.Friday) },
		springBreak: func(y int) data.Date { return onOrAfter(data.DateOf(y, time.April, 1), time.Monday) },
		extraDay: func(y int) (data.Date, string) {
			return onOrAfter(data.DateOf(y, time.January, 26), time.Monday), "Professional learning day"
		},
	},
}

// onOrAfter is the first day on or after d that falls on wd.
func onOrAfter(d data.Date, wd time.Weekday) data.Date {
	for d.Weekday() != wd {
		d++
	}
	return d
}

// nthWeekday is the n-th wd of the month (n from 1).
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) data.Date {
	return onOrAfter(data.DateOf(y, m, 1), wd).AddDays(7 * (n - 1))
}

// calendarYear marks one school year (starting in the fall of y) of a district's calendar.
func (d district) calendarYear(y int) []data.CalendarDay {
	var days []data.CalendarDay
	mark := func(on data.Date, kind data.DayKind, label string) {
		days = append(days, data.CalendarDay{Calendar: d.name, Date: on, Kind: kind, Label: label})
	}
	week := func(monday data.Date, label string) {
		for i := 0; i < 5; i++ {
			mark(monday.AddDays(i), data.NoSchool, label)
		}
	}
	laborDay := nthWeekday(y, time.September, time.Monday, 1)
	thanksgiving := nthWeekday(y, time.November, time.Thursday, 4)
	last := d.lastDay(y + 1)

	mark(laborDay.AddDays(2), data.FirstDay, "First day of school")
	if on, label := d.extraDay(y); on.Month() >= time.September {
		mark(on, data.NoSchool, label)
	}
	veterans := data.DateOf(y, time.November, 11)
	switch veterans.Weekday() {
	case time.Saturday:
		veterans--
	case time.Sunday:
		veterans++
	}
	mark(veterans, data.NoSchool, "Veterans Day")
	mark(d.termOneEnd(thanksgiving), data.TermEnd, "End of first trimester")
	mark(thanksgiving, data.NoSchool, "Thanksgiving")
	mark(thanksgiving.AddDays(1), data.NoSchool, "Native American Heritage Day")
	for on := data.DateOf(y, time.December, 22); on <= data.DateOf(y+1, time.January, 2); on++ {
		if wd := on.Weekday(); wd != time.Saturday && wd != time.Sunday {
			mark(on, data.NoSchool, "Winter break")
		}
	}
	mark(nthWeekday(y+1, time.January, time.Monday, 3), data.NoSchool, "Martin Luther King Jr. Day")
	if on, label := d.extraDay(y + 1); on.Month() < time.September {
		mark(on, data.NoSchool, label)
	}
	week(nthWeekday(y+1, time.February, time.Monday, 3), "Mid-winter break")
	mark(d.termTwoEnd(y+1), data.TermEnd, "End of second trimester")
	week(d.springBreak(y+1), "Spring break")
	memorial := onOrAfter(data.DateOf(y+1, time.May, 25), time.Monday)
	mark(memorial, data.NoSchool, "Memorial Day")
	if j := data.DateOf(y+1, time.June, 19); j < last && j.Weekday() != time.Saturday && j.Weekday() != time.Sunday {
		mark(j, data.NoSchool, "Juneteenth")
	}
	mark(last, data.TermEnd, "End of third trimester")
	mark(last, data.LastDay, "Last day of school")
	return days
}

// schoolSpec is a sample school with its music staff and classrooms.
type schoolSpec struct {
	key         string
	name        string
	district    int
	level       data.Level
	address     string
	instructors [][2]string // first, last; band and jazz go to the first, strings and choir to the last
	rooms       []roomSpec
}

type roomSpec struct {
	name     string
	ensemble data.Ensemble
	grade    string
	days     string
	start    string
	minutes  int
}

var schoolSpecs = []schoolSpec{
	{key: "ML", name: "Maple Leaf Elementary", level: data.Elementary, address: "8530 12th Ave NE, Seattle, WA 98115",
		instructors: [][2]string{{"Rebecca", "Thornton"}},
		rooms: []roomSpec{
			{"5th Grade Band", "band", "5", "Tue;Thu", "09:40", 50},
			{"Maple Leaf Singers", "choir", "4–5", "Mon;Wed;Fri", "13:15", 50},
			{"Beginning Strings", "orchestra", "4–5", "Mon;Wed;Fri", "10:40", 50},
		}},
	{key: "BR", name: "Beacon Ridge Elementary", level: data.Elementary, address: "3701 S Holgate St, Seattle, WA 98144",
		instructors: [][2]string{{"Marcus", "Bell"}},
		rooms: []roomSpec{
			{"5th Grade Band", "band", "5", "Mon;Wed;Fri", "09:40", 50},
			{"Elementary Orchestra", "orchestra", "4–5", "Tue;Thu", "13:15", 50},
			{"Beacon Ridge Choir", "choir", "3–5", "Tue;Thu", "14:10", 50},
		}},
	{key: "MH", name: "Madrona Heights K-8", level: data.K8, address: "1121 33rd Ave, Seattle, WA 98122",
		instructors: [][2]string{{"Yolanda", "Reyes"}, {"Daniel", "Cho"}},
		rooms: []roomSpec{
			{"6th Grade Band", "band", "6", "Mon;Tue;Wed;Thu;Fri", "08:00", 55},
			{"7th/8th Grade Band", "band", "7–8", "Mon;Tue;Wed;Thu;Fri", "09:00", 55},
			{"Middle School Orchestra", "orchestra", "6–8", "Mon;Wed;Fri", "10:40", 55},
			{"Madrona Choir", "choir", "6–8", "Tue;Thu", "13:15", 55},
		}},
	{key: "CM", name: "Cascade Middle School", level: data.Middle, address: "4717 Brooklyn Ave NE, Seattle, WA 98105",
		instructors: [][2]string{{"Erik", "Sandberg"}, {"Naomi", "Feldman"}},
		rooms: []roomSpec{
			{"6th Grade Band", "band", "6", "Mon;Tue;Wed;Thu;Fri", "08:00", 50},
			{"7th Grade Band", "band", "7", "Mon;Tue;Wed;Thu;Fri", "08:55", 50},
			{"8th Grade Band", "band", "8", "Mon;Tue;Wed;Thu;Fri", "09:50", 50},
			{"Jazz Band", "jazz", "7–8", "Tue;Thu", "07:05", 50},
			{"Concert Orchestra", "orchestra", "6–8", "Mon;Tue;Wed;Thu;Fri", "11:40", 50},
			{"Concert Choir", "choir", "6–8", "Mon;Wed;Fri", "13:15", 50},
		}},
	{key: "GL", name: "Green Lake High School", level: data.High, address: "7400 Woodlawn Ave NE, Seattle, WA 98115",
		instructors: [][2]string{{"Tomás", "Alvarez"}, {"Helen", "Park"}},
		rooms: []roomSpec{
			{"Symphonic Band", "band", "9–10", "Mon;Tue;Wed;Thu;Fri", "08:00", 55},
			{"Wind Ensemble", "band", "10–12", "Mon;Tue;Wed;Thu;Fri", "09:40", 55},
			{"Jazz Band", "jazz", "9–12", "Tue;Thu", "13:15", 55},
			{"Symphonic Orchestra", "orchestra", "9–12", "Mon;Tue;Wed;Thu;Fri", "10:40", 55},
			{"Concert Choir", "choir", "9–12", "Mon;Wed;Fri", "12:25", 55},
		}},
	{key: "IA", name: "Innis Arden Elementary", district: 1, level: data.Elementary, address: "17801 10th Ave NW, Shoreline, WA 98177",
		instructors: [][2]string{{"Bridget", "Kowalski"}},
		rooms: []roomSpec{
			{"5th Grade Band", "band", "5", "Tue;Thu", "09:40", 50},
			{"Elementary Strings", "orchestra", "4–5", "Mon;Wed;Fri", "13:15", 50},
		}},
	{key: "HP", name: "Hamlin Park Middle School", district: 1, level: data.Middle, address: "16200 15th Ave NE, Shoreline, WA 98155",
		instructors: [][2]string{{"Andre", "Thompson"}, {"Lucía", "Moreno"}},
		rooms: []roomSpec{
			{"6th Grade Band", "band", "6", "Mon;Tue;Wed;Thu;Fri", "08:00", 50},
			{"7th/8th Grade Band", "band", "7–8", "Mon;Tue;Wed;Thu;Fri", "08:55", 50},
			{"Jazz Band", "jazz", "7–8", "Mon;Wed;Fri", "14:10", 50},
			{"Concert Orchestra", "orchestra", "6–8", "Mon;Tue;Wed;Thu;Fri", "10:45", 50},
			{"Treble Choir", "choir", "6–8", "Tue;Thu", "12:30", 50},
		}},
	{key: "SS", name: "Shoreline Sound High School", district: 1, level: data.High, address: "18560 1st Ave NE, Shoreline, WA 98155",
		instructors: [][2]string{{"Gregory", "Ashby"}, {"Mariko", "Shimizu"}},
		rooms: []roomSpec{
			{"Symphonic Band", "band", "9–12", "Mon;Tue;Wed;Thu;Fri", "08:00", 55},
			{"Jazz Ensemble", "jazz", "9–12", "Tue;Thu", "09:40", 55},
			{"Chamber Orchestra", "orchestra", "9–12", "Mon;Tue;Wed;Thu;Fri", "11:25", 55},
			{"Concert Choir", "choir", "9–12", "Mon;Wed;Fri", "13:15", 55},
		}},
}

// schoolRef is a saved school with what the schedule needs of it.
type schoolRef struct {
	data.School
	calendar data.Calendar
	open     map[data.Date]bool // school days (R9), worked out once from the calendar
	firstDay map[data.SchoolYear]data.Date
	rooms    map[string]*roomRef
}

// roomRef is a saved classroom with its instructor's name (who confirms sessions) and its events.
type roomRef struct {
	data.Classroom
	school     *schoolRef
	instructor string
	events     map[data.SchoolYear][3]data.Event // winter concert, spring concert, spring festival
}

// addPlaces saves the calendars, schools, instructors, classrooms and their events.
func (f *filler) addPlaces() error {
	for _, d := range districts {
		var days []data.CalendarDay
		for _, y := range []data.SchoolYear{f.last, f.this} {
			days = append(days, d.calendarYear(int(y))...)
		}
		if err := f.s.SaveCalendarDays(f.ctx, d.name, days); err != nil {
			return fmt.Errorf("calendar %s: %w", d.name, err)
		}
	}
	cals, err := f.s.Calendars(f.ctx)
	if err != nil {
		return err
	}
	byName := map[string]data.Calendar{}
	for _, c := range cals {
		byName[c.Name] = c
	}
	for _, spec := range schoolSpecs {
		if err := f.addSchool(spec, byName[districts[spec.district].name]); err != nil {
			return fmt.Errorf("%s: %w", spec.name, err)
		}
	}
	return nil
}

func (f *filler) addSchool(spec schoolSpec, cal data.Calendar) error {
	d := districts[spec.district]
	x := data.School{Name: spec.name, District: d.name, Level: spec.level, Address: spec.address, Calendar: d.name}
	id, err := f.s.SaveSchool(f.ctx, x)
	if err != nil {
		return err
	}
	x.ID = id
	sr := &schoolRef{School: x, calendar: cal, open: map[data.Date]bool{}, firstDay: map[data.SchoolYear]data.Date{}, rooms: map[string]*roomRef{}}
	for y, span := range cal.Years(f.start) {
		sr.firstDay[y] = span.First
		for d := span.First; d <= span.Last; d++ {
			if ok, _ := cal.IsSchoolDay(d, f.start); ok {
				sr.open[d] = true
			}
		}
	}
	f.schools[spec.key] = sr

	type staff struct {
		id   int64
		name string
	}
	var teachers []staff
	for i, n := range spec.instructors {
		in := data.Instructor{FirstName: n[0], LastName: n[1], SchoolID: id,
			Email: asciiFold(n[0][:1]+n[1]) + "@" + d.domain, Phone: fmt.Sprintf("(%s) 555-02%02d", areaCode(spec.district), 10+len(f.schools)*3+i)}
		iid, err := f.s.SaveInstructor(f.ctx, in)
		if err != nil {
			return fmt.Errorf("instructor %s: %w", in.Name(), err)
		}
		teachers = append(teachers, staff{iid, in.Name()})
	}

	// The department's concerts fall on one evening; choirs often get their own night.
	dates := map[data.SchoolYear][3]data.Date{}
	for _, y := range []data.SchoolYear{f.last, f.this} {
		dates[y] = [3]data.Date{
			f.concertDay(data.DateOf(int(y), time.December, 8), 10),
			f.concertDay(data.DateOf(int(y)+1, time.March, 9), 10),
			f.concertDay(data.DateOf(int(y)+1, time.May, 18), 10),
		}
	}
	for _, r := range spec.rooms {
		days, err := data.ParseWeekdays(r.days)
		if err != nil {
			return err
		}
		start, err := data.ParseClock(r.start)
		if err != nil {
			return err
		}
		t := teachers[0]
		if r.ensemble == "orchestra" || r.ensemble == "choir" {
			t = teachers[len(teachers)-1]
		}
		c := data.Classroom{SchoolID: id, School: spec.name, Name: r.name, Ensemble: r.ensemble, Grade: r.grade,
			InstructorID: t.id, MeetingDays: days, PeriodStart: start, PeriodMinutes: r.minutes}
		cid, err := f.s.SaveClassroom(f.ctx, c)
		if err != nil {
			return fmt.Errorf("classroom %s: %w", r.name, err)
		}
		c.ID = cid
		rr := &roomRef{Classroom: c, school: sr, instructor: t.name, events: map[data.SchoolYear][3]data.Event{}}
		sr.rooms[r.name] = rr
		for _, y := range []data.SchoolYear{f.last, f.this} {
			ds := dates[y]
			var evs [3]data.Event
			for i, name := range []string{"Winter Concert", "Spring Concert", "Spring Festival"} {
				on := ds[i]
				if r.ensemble == "choir" && i < 2 {
					on = nextWeekday(on)
				}
				evs[i] = data.Event{ClassroomID: cid, School: spec.name, Classroom: r.name, Date: on, Name: name}
				if err := f.s.SaveEvent(f.ctx, evs[i]); err != nil {
					return fmt.Errorf("event %s of %s: %w", name, r.name, err)
				}
			}
			rr.events[y] = evs
		}
	}
	return nil
}

// concertDay picks a Tuesday, Wednesday or Thursday within span days from first.
func (f *filler) concertDay(first data.Date, span int) data.Date {
	var options []data.Date
	for d := first; d < first.AddDays(span); d++ {
		if wd := d.Weekday(); wd >= time.Tuesday && wd <= time.Thursday {
			options = append(options, d)
		}
	}
	return options[f.rng.IntN(len(options))]
}

func nextWeekday(d data.Date) data.Date {
	d++
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d++
	}
	return d
}

func areaCode(district int) string {
	if district == 0 {
		return "206"
	}
	return "425"
}

// asciiFold lower-cases a name into an e-mail local part: "Tomás Alvarez" → "talvarez".
func asciiFold(s string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ü", "u", " ", "", "'", "")
	return strings.ToLower(r.Replace(s))
}
