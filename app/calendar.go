package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/widgets"
)

// calendarAreaSource is what the Calendar area reads.
type calendarAreaSource interface {
	CalendarSessions(ctx context.Context, from, through data.Date) ([]data.CalendarSession, error)
	MarkFlags(ctx context.Context, xs []data.CalendarSession) error
	Events(ctx context.Context, classroomID int64, from, through data.Date) ([]data.Event, error)
	Calendars(ctx context.Context) ([]data.Calendar, error)
	Schools(ctx context.Context) ([]data.School, error)
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	Mentors(ctx context.Context, f data.MentorFilter) ([]data.Mentor, error)
}

// programColours tell the programs apart on the calendar and in its legend.
var programColours = map[data.Program]color.Color{
	data.Focused: color.NRGBA{R: 0x1f, G: 0x5f, B: 0xbf, A: 0xff},
	data.Season:  color.NRGBA{R: 0x13, G: 0x85, B: 0x5b, A: 0xff},
	data.Bridge:  color.NRGBA{R: 0x7a, G: 0x3e, B: 0xb8, A: 0xff},
}

const (
	allMentors  = "All mentors"
	allSchools  = "All schools"
	allPrograms = "All programs"
)

// calendarArea is the Calendar area: the month or week of sessions, filtered by mentor, school
// and program, with the school calendars' closed days and the classrooms' events marked.
type calendarArea struct {
	d      deps
	store  calendarAreaSource
	export *widget.Button // the sessions to CSV

	jump                    *monthJump // the month and year to go to
	cal                     *widgets.SessionCalendar
	mentor, school, program *widget.Select
	summary                 *widget.Label
	top                     *fyne.Container

	people  calendarPeople
	span    calendarSpan
	shown   []data.CalendarSession
	loads   int       // the latest range load; older answers are dropped
	drawn   data.Date // the first day of the range last drawn
	session *sessionDialog
	visit   *visitDialog
	adder   *addSessionDialog
}

// calendarPeople are the lists behind the filters and the day marks, read when the area opens.
type calendarPeople struct {
	mentors    []data.Mentor
	lastNames  map[int64]string // by mentor ID, for short chip titles
	schools    []data.School
	classrooms []data.Classroom
	calendars  []data.Calendar
}

// calendarSpan is everything of the visible range, before filtering.
type calendarSpan struct {
	from, through data.Date
	sessions      []data.CalendarSession
	events        []data.Event
}

func newCalendarArea(d deps) screen { return newCalendarScreen(d, d.store) }

func newCalendarScreen(d deps, st calendarAreaSource) *calendarArea {
	return &calendarArea{d: d, store: st}
}

func (a *calendarArea) buildUI() fyne.CanvasObject {
	a.cal = widgets.NewSessionCalendar(a.d.today())
	a.jump = newMonthJump(a.d.today(), a.cal.ShowDate)
	a.cal.OnRangeChanged = func(from, through data.Date) {
		a.jump.set(from.AddDays(int(through-from) / 2)) // the month mostly shown
		a.loadRange(from, through)
	}
	a.cal.OnItemTapped = a.onSessionTapped
	a.cal.OnDayTapped = a.onDayTapped
	a.summary = widget.NewLabel("")
	a.mentor = widget.NewSelect([]string{allMentors}, nil)
	a.school = widget.NewSelect([]string{allSchools}, nil)
	programs := []string{allPrograms}
	for _, p := range data.Programs {
		programs = append(programs, p.Title())
	}
	a.program = widget.NewSelect(programs, nil)
	for _, s := range []*widget.Select{a.mentor, a.school, a.program} {
		s.SetSelectedIndex(0)
		s.OnChanged = func(string) { a.applyFilters() }
	}
	filters := container.NewGridWithColumns(3, a.mentor, a.school, a.program)
	a.export = exportButton(a.d, csvio.Sessions)
	a.top = container.NewVBox(border(nil, nil, nil, a.jump.ui(), filters), border(nil, nil, nil, a.export, a.summary))
	return container.NewPadded(border(a.top, calendarLegend(), nil, nil, a.cal))
}

// reload reads the filter lists and the visible range again.
func (a *calendarArea) reload() {
	background(a.d, func(ctx context.Context) (calendarPeople, error) {
		var p calendarPeople
		var err error
		if p.mentors, err = a.store.Mentors(ctx, data.MentorFilter{}); err != nil {
			return p, err
		}
		if p.schools, err = a.store.Schools(ctx); err != nil {
			return p, err
		}
		if p.classrooms, err = a.store.Classrooms(ctx, 0); err != nil {
			return p, err
		}
		p.lastNames = make(map[int64]string, len(p.mentors))
		for _, m := range p.mentors {
			p.lastNames[m.ID] = m.LastName
		}
		p.calendars, err = a.store.Calendars(ctx)
		return p, err
	}, func(p calendarPeople) {
		a.people = p
		a.fillFilters()
		a.refreshRange()
	})
	if c := a.d.win.Canvas(); c != nil {
		c.Focus(a.cal)
	}
}

// fillFilters lists mentors and schools, keeping what is selected.
func (a *calendarArea) fillFilters() {
	mentors := []string{allMentors}
	for _, m := range a.people.mentors {
		mentors = append(mentors, m.SortName())
	}
	schools := []string{allSchools}
	for _, s := range a.people.schools {
		schools = append(schools, s.Name)
	}
	keep := func(s *widget.Select, options []string) {
		was := s.Selected
		s.Options = options
		if !slices.Contains(options, was) {
			was = options[0]
		}
		s.SetSelected(was)
		s.Refresh()
	}
	keep(a.mentor, mentors)
	keep(a.school, schools)
}

// refreshRange reads the visible range again, after a change.
func (a *calendarArea) refreshRange() { a.loadRange(a.cal.Range()) }

// loadRange reads the sessions and events of the days shown, off the UI goroutine, and flags
// conflicts over every school before the filters narrow the view.
func (a *calendarArea) loadRange(from, through data.Date) {
	a.loads++
	load := a.loads
	background(a.d, func(ctx context.Context) (calendarSpan, error) {
		sp := calendarSpan{from: from, through: through}
		var err error
		if sp.sessions, err = a.store.CalendarSessions(ctx, from, through); err != nil {
			return sp, err
		}
		data.MarkConflicts(sp.sessions)
		if err = a.store.MarkFlags(ctx, sp.sessions); err != nil {
			return sp, err
		}
		sp.events, err = a.store.Events(ctx, 0, from, through)
		return sp, err
	}, func(sp calendarSpan) {
		if load != a.loads {
			return
		}
		a.span = sp
		a.applyFilters()
	})
}

// filter is the mentor, school and program chosen; zero values match all.
type calendarFilter struct {
	mentorID, schoolID int64
	program            data.Program
}

func (a *calendarArea) filter() calendarFilter {
	var f calendarFilter
	if i := a.mentor.SelectedIndex(); i > 0 && i <= len(a.people.mentors) {
		f.mentorID = a.people.mentors[i-1].ID
	}
	if i := a.school.SelectedIndex(); i > 0 && i <= len(a.people.schools) {
		f.schoolID = a.people.schools[i-1].ID
	}
	if i := a.program.SelectedIndex(); i > 0 {
		f.program = data.Programs[i-1]
	}
	return f
}

func (f calendarFilter) matches(x data.CalendarSession) bool {
	return (f.mentorID == 0 || x.MentorID == f.mentorID) && (f.schoolID == 0 || x.SchoolID == f.schoolID) &&
		(f.program == "" || x.Program == f.program)
}

// applyFilters narrows the range's sessions to the filters and redraws; no database work.
func (a *calendarArea) applyFilters() {
	f := a.filter()
	a.shown = a.shown[:0]
	items := make([]widgets.CalendarItem, 0, len(a.span.sessions))
	conflicts, awaiting, flagged := 0, 0, 0
	for _, x := range a.span.sessions {
		if !f.matches(x) {
			continue
		}
		a.shown = append(a.shown, x)
		items = append(items, widgets.CalendarItem{ID: x.ID, Date: x.Date, Start: x.Start, Minutes: x.Minutes,
			Title: a.itemTitle(x, f), Colour: programColours[x.Program], Conflict: x.Conflict != "", Status: string(x.Status)})
		if x.Conflict != "" {
			conflicts++
		}
		if len(x.Flags) > 0 {
			flagged++
		}
		if x.Status == data.Completed {
			awaiting++
		}
	}
	a.cal.SetContent(items, a.marks(f))
	parts := []string{plural(len(items), "session", "sessions") + " in view"}
	if awaiting > 0 {
		parts = append(parts, fmt.Sprintf("%d awaiting confirmation", awaiting))
	}
	if conflicts > 0 {
		parts = append(parts, plural(conflicts, "conflict", "conflicts"))
	}
	if flagged > 0 {
		parts = append(parts, fmt.Sprintf("%d flagged (mentor not cleared or without a contract)", flagged))
	}
	a.summary.SetText(strings.Join(parts, " · "))
	a.top.Refresh() // the summary's width changed
	a.drawn = a.span.from
}

// itemTitle leaves out what the filters already say.
func (a *calendarArea) itemTitle(x data.CalendarSession, f calendarFilter) string {
	var lines []string
	if f.mentorID == 0 {
		lines = append(lines, a.mentorShort(x))
	}
	lines = append(lines, x.Classroom)
	if f.schoolID == 0 {
		lines = append(lines, x.School)
	}
	if len(x.Flags) > 0 {
		lines = append(lines, "Flagged: "+data.FlagsShort(x.Flags))
	}
	return strings.Join(lines, "\n")
}

func (a *calendarArea) mentorShort(x data.CalendarSession) string {
	if last := a.people.lastNames[x.MentorID]; last != "" {
		return last
	}
	return x.Mentor
}

// marks are the events of the classrooms in view and the closed days of the schools in view.
func (a *calendarArea) marks(f calendarFilter) []widgets.CalendarMark {
	rooms := map[int64]bool{}
	for _, c := range a.people.classrooms {
		if f.schoolID != 0 && c.SchoolID == f.schoolID {
			rooms[c.ID] = true
		}
	}
	if f.mentorID != 0 || f.program != "" {
		for _, x := range a.shown {
			rooms[x.ClassroomID] = true
		}
	}
	everyRoom := f == calendarFilter{}
	type key struct {
		day  data.Date
		name string
	}
	count := map[key]int{}
	var order []key
	for _, e := range a.span.events {
		if !everyRoom && !rooms[e.ClassroomID] {
			continue
		}
		k := key{e.Date, e.Name}
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	var out []widgets.CalendarMark
	for _, k := range order {
		text := k.name
		if count[k] > 1 {
			text = fmt.Sprintf("%s ×%d", k.name, count[k])
		}
		out = append(out, widgets.CalendarMark{Date: k.day, Text: text, Kind: widgets.EventMark})
	}
	return append(out, a.closedDays(f)...)
}

// closedDays marks the no-school days and term ends of the filtered school's calendar, or of
// every calendar in use, naming the calendar when they do not all agree.
func (a *calendarArea) closedDays(f calendarFilter) []widgets.CalendarMark {
	used := map[int64]bool{}
	for _, s := range a.people.schools {
		if s.CalendarID != 0 && (f.schoolID == 0 || s.ID == f.schoolID) {
			used[s.CalendarID] = true
		}
	}
	type key struct {
		day  data.Date
		kind data.DayKind
	}
	seen := map[key][]string{}
	labels := map[key]string{}
	var order []key
	for _, c := range a.people.calendars {
		if !used[c.ID] {
			continue
		}
		for _, d := range c.Days {
			if d.Date < a.span.from || d.Date > a.span.through {
				continue
			}
			k := key{d.Date, d.Kind}
			if seen[k] == nil {
				order = append(order, k)
				labels[k] = d.Label
			}
			seen[k] = append(seen[k], c.Name)
		}
	}
	var out []widgets.CalendarMark
	for _, k := range order {
		text := labels[k]
		if text == "" {
			text = data.Label(k.kind)
		}
		if len(seen[k]) < len(used) {
			text += " (" + strings.Join(seen[k], ", ") + ")"
		}
		kind := widgets.TermMark
		if k.kind == data.NoSchool {
			kind = widgets.NoSchoolMark
		}
		out = append(out, widgets.CalendarMark{Date: k.day, Text: text, Kind: kind})
	}
	return out
}

func (a *calendarArea) onSessionTapped(id int64) {
	a.session = showSessionDialog(a.d, a.d.store, id, a.refreshRange, func(x data.Session) {
		a.visit = showVisitDialog(a.d, a.d.store, x.MentorID, x.SchoolID, x.Date, a.refreshRange)
	})
}

// onDayTapped offers to add a session that day, with the filters as its defaults.
func (a *calendarArea) onDayTapped(day data.Date) {
	f := a.filter()
	a.adder = showAddSession(a.d, a.d.store, addSessionDefaults{day: day, mentorID: f.mentorID, schoolID: f.schoolID,
		program: f.program, mentors: a.people.mentors, classrooms: a.people.classrooms}, a.refreshRange)
}

// calendarLegend explains the chips: colour by program, fill by status, red for conflicts.
func calendarLegend() fyne.CanvasObject {
	swatch := func(fill, stroke color.Color, width float32) fyne.CanvasObject {
		r := canvas.NewRectangle(fill)
		r.StrokeColor, r.StrokeWidth, r.CornerRadius = stroke, width, 3
		r.SetMinSize(fyne.NewSize(22, 12))
		return container.NewCenter(r)
	}
	caption := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	row := container.NewHBox()
	for _, p := range data.Programs {
		row.Add(swatch(programColours[p], nil, 0))
		row.Add(caption(strings.TrimSuffix(p.Title(), " Mentorship")))
	}
	bg := theme.Color(theme.ColorNameBackground)
	grey := theme.Color(theme.ColorNamePlaceHolder)
	blue := programColours[data.Focused]
	row.Add(widget.NewSeparator())
	row.Add(swatch(tint(bg, blue, 0.10), tint(bg, blue, 0.6), 1))
	row.Add(caption("Planned"))
	row.Add(swatch(tint(bg, blue, 0.30), nil, 0))
	row.Add(caption("Completed"))
	row.Add(swatch(blue, nil, 0))
	row.Add(caption("Confirmed"))
	row.Add(swatch(tint(bg, grey, 0.15), nil, 0))
	row.Add(caption("Cancelled"))
	row.Add(swatch(tint(bg, blue, 0.10), theme.Color(theme.ColorNameError), 2))
	row.Add(caption("Conflict"))
	return container.NewHScroll(row)
}

// tint blends b into a by t, as the calendar's chips do.
func tint(a, b color.Color, t float32) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float32(x)*(1-t) + float32(y)*t) / 257) }
	return color.NRGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 0xff}
}
