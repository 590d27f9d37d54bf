package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

const noInstructor = "(none)"

// weekdaysShown are the meeting-day check boxes in week order, Monday first.
var weekdaysShown = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// classroomForm adds or edits a classroom and, once it is stored, its events (concerts).
type classroomForm struct {
	s           *schools
	school      data.School
	room        data.Classroom // as stored; ID 0 for a new classroom
	instructors []data.Instructor
	siblings    []data.Classroom // the school's classrooms, for telling names apart

	fs                                *fieldSet
	name, grade, periodStart, minutes *field
	ensemble, instructor              *widget.Select
	days                              [7]*widget.Check // Monday first
	heading, status                   *widget.Label
	saveBtn                           *widget.Button

	events       []data.Event
	evFS         *fieldSet
	evDate       *field
	evName       *field
	addEvent     *widget.Button
	deleteEvent  []*widget.Button
	eventRows    *fyne.Container
	eventSection *fyne.Container
	root         fyne.CanvasObject
}

func newClassroomForm(s *schools, school data.School, c data.Classroom, instructors []data.Instructor, siblings []data.Classroom) *classroomForm {
	f := &classroomForm{s: s, school: school, room: c, instructors: instructors, siblings: siblings}
	f.fs = newFieldSet(f.problems, func() { f.status.SetText("") })
	f.fs.submit = func() { f.save(func(bool) {}) }
	f.name = f.fs.entry("name", "7th Grade Band")
	ensembles := make([]string, len(data.Ensembles))
	for i, e := range data.Ensembles {
		ensembles[i] = string(e)
	}
	f.ensemble = widget.NewSelect(ensembles, nil)
	f.ensemble.PlaceHolder = "(choose an ensemble)"
	ef := f.fs.add("ensemble", f.ensemble)
	f.ensemble.OnChanged = func(string) { f.fs.changed(ef) }
	f.grade = f.fs.entry("grade", "7, or 6–8")
	f.instructor = widget.NewSelect(f.instructorChoices(), nil)
	inf := f.fs.add("instructor_email", f.instructor)
	f.instructor.OnChanged = func(string) { f.fs.changed(inf) }
	checks := container.NewHBox()
	df := f.fs.add("meeting_days", checks)
	for i, wd := range weekdaysShown {
		f.days[i] = widget.NewCheck(data.WeekdayName(wd), func(bool) { f.fs.changed(df) })
		checks.Add(f.days[i])
	}
	f.periodStart = f.fs.entry("period_start", "HH:MM, like 09:40")
	f.minutes = f.fs.entry("period_minutes", "50")
	undo := f.fs.undoable(nil)
	f.fs.load(f.fill)

	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("Save classroom", theme.DocumentSaveIcon(), func() { f.save(func(bool) {}) })
	f.saveBtn.Importance = widget.HighImportance
	var del *widget.Button
	if c.ID != 0 {
		del = widget.NewButtonWithIcon("Delete classroom", theme.DeleteIcon(), f.onDelete)
	}
	buttons := formButtons(f.status, del, undo, widget.NewButton("Revert", f.discard), f.saveBtn)
	title := "New classroom at " + school.Name
	if c.ID != 0 {
		title = c.Name
	}
	f.buildEvents()
	f.heading = pageHeading(title)
	body := container.NewVBox(backTo(s, school), f.heading,
		f.fs.grid("Name", "Ensemble", "Grade", "Instructor", "Meets on", "Period starts", "Period length (min)"),
		buttons, widget.NewSeparator(), f.eventSection)
	f.root = container.NewVScroll(container.NewPadded(body))
	return f
}

func (f *classroomForm) content() fyne.CanvasObject { return f.root }
func (f *classroomForm) start()                     { f.showEvents() }

// instructorChoices names the school's instructors; an e-mail tells two of one name apart.
func (f *classroomForm) instructorChoices() []string {
	out := []string{noInstructor}
	seen := map[string]int{}
	for _, i := range f.instructors {
		seen[i.Name()]++
	}
	for _, i := range f.instructors {
		out = append(out, f.instructorLabel(i, seen[i.Name()] > 1))
	}
	return out
}

func (f *classroomForm) instructorLabel(i data.Instructor, withEmail bool) string {
	if withEmail {
		return i.Name() + " <" + i.Email + ">"
	}
	return i.Name()
}

func (f *classroomForm) chosenInstructor() data.Instructor {
	choices := f.instructorChoices()
	for k, label := range choices[1:] {
		if label == f.instructor.Selected {
			return f.instructors[k]
		}
	}
	return data.Instructor{}
}

func (f *classroomForm) fill() {
	c := f.room
	f.name.entry.SetText(c.Name)
	f.ensemble.ClearSelected()
	if c.Ensemble != "" {
		f.ensemble.SetSelected(string(c.Ensemble))
	}
	f.grade.entry.SetText(c.Grade)
	f.instructor.SetSelected(noInstructor)
	choices := f.instructorChoices()
	for k, i := range f.instructors {
		if i.ID == c.InstructorID {
			f.instructor.SetSelected(choices[k+1])
		}
	}
	for i, wd := range weekdaysShown {
		f.days[i].SetChecked(c.MeetingDays.Has(wd))
	}
	f.periodStart.entry.SetText("")
	if c.PeriodStart != 0 {
		f.periodStart.entry.SetText(c.PeriodStart.String())
	}
	f.minutes.entry.SetText(strconv.Itoa(c.PeriodMinutes))
}

// classroomDraft is the form's values as typed, to tell whether anything changed.
type classroomDraft struct {
	name, ensemble, grade, instructor, start, minutes string
	days                                              data.Weekdays
}

func (f *classroomForm) draft() classroomDraft {
	var days data.Weekdays
	for i, wd := range weekdaysShown {
		if f.days[i].Checked {
			days |= 1 << wd
		}
	}
	return classroomDraft{strings.TrimSpace(f.name.entry.Text), f.ensemble.Selected, strings.TrimSpace(f.grade.entry.Text),
		f.instructor.Selected, strings.TrimSpace(f.periodStart.entry.Text), strings.TrimSpace(f.minutes.entry.Text), days}
}

// record is the classroom as the form shows it, with the problems of fields that do not parse.
func (f *classroomForm) record() (data.Classroom, data.Problems) {
	d := f.draft()
	c := f.room
	c.SchoolID, c.School = f.school.ID, f.school.Name
	c.Name, c.Ensemble, c.Grade, c.MeetingDays = d.name, data.Ensemble(d.ensemble), d.grade, d.days
	i := f.chosenInstructor()
	c.InstructorID, c.InstructorEmail = i.ID, i.Email
	var ps data.Problems
	if d.start == "" {
		ps = append(ps, data.FieldError{Field: "period_start", Problem: "is required (HH:MM, like 09:40)"})
	} else if t, err := data.ParseClock(d.start); err != nil {
		ps = append(ps, data.FieldError{Field: "period_start", Problem: err.Error()})
	} else {
		c.PeriodStart = t
	}
	n, problem := parseMinutes(d.minutes)
	if problem != "" {
		ps = append(ps, data.FieldError{Field: "period_minutes", Problem: problem})
	}
	c.PeriodMinutes = n
	return c, ps
}

func (f *classroomForm) problems() data.Problems {
	c, ps := f.record()
	if c.Ensemble == "" { // nothing chosen yet: say so rather than quote an empty value
		ps = append(ps, data.FieldError{Field: "ensemble", Problem: "is required: choose one"})
	}
	for _, p := range errProblems(c.Validate()) {
		if ps.For(p.Field) == "" {
			ps = append(ps, p)
		}
	}
	for _, o := range f.siblings {
		if o.ID != c.ID && c.Name != "" && strings.EqualFold(o.Name, c.Name) {
			ps = append(data.Problems{{Field: "name", Problem: fmt.Sprintf("%q is already a classroom of this school", o.Name)}}, ps...)
		}
	}
	return ps
}

func (f *classroomForm) what() string {
	if f.room.ID == 0 {
		return "the new classroom"
	}
	return "the classroom " + f.room.Name
}

func (f *classroomForm) dirty() bool {
	if strings.TrimSpace(f.evDate.entry.Text) != "" || strings.TrimSpace(f.evName.entry.Text) != "" {
		return true
	}
	return f.draft() != f.loadedDraft()
}

func (f *classroomForm) loadedDraft() classroomDraft {
	c := f.room
	d := classroomDraft{name: c.Name, ensemble: string(c.Ensemble), grade: c.Grade, instructor: noInstructor,
		minutes: strconv.Itoa(c.PeriodMinutes), days: c.MeetingDays}
	if c.PeriodStart != 0 {
		d.start = c.PeriodStart.String()
	}
	choices := f.instructorChoices()
	for k, i := range f.instructors {
		if i.ID == c.InstructorID {
			d.instructor = choices[k+1]
		}
	}
	return d
}

func (f *classroomForm) discard() {
	f.fs.load(f.fill)
	f.evFS.load(func() { f.evDate.entry.SetText(""); f.evName.entry.SetText("") })
	f.status.SetText("")
}

func (f *classroomForm) save(done func(bool)) {
	if ps := f.fs.check(); len(ps) > 0 {
		f.status.SetText(problemSummary(ps))
		done(false)
		return
	}
	eventTyped := func() bool { return f.evDate.entry.Text != "" || f.evName.entry.Text != "" }
	if f.room.ID != 0 && f.draft() == f.loadedDraft() {
		if eventTyped() { // only the row of a new event holds edits
			f.onAddEvent(done)
		} else {
			done(true)
		}
		return
	}
	c, _ := f.record()
	saveInBackground(f.s.work, f.s.d, f.fs, f.status, func(ctx context.Context) error {
		id, err := f.s.store.SaveClassroom(ctx, c)
		c.ID = id
		return err
	}, func() {
		wasNew := f.room.ID == 0
		f.room = c
		f.fs.load(f.fill)
		f.heading.SetText(c.Name)
		if wasNew { // its events can be added now
			f.showEvents()
		}
	}, func(ok bool) {
		if ok && eventTyped() {
			f.onAddEvent(done)
			return
		}
		done(ok)
	})
}

func (f *classroomForm) onDelete() {
	dialog.ShowConfirm("Delete classroom", "Delete "+f.room.Name+" and its events from "+f.school.Name+"?", func(yes bool) {
		if !yes {
			return
		}
		schoolsLoad(f.s.work, f.s.d, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, f.s.store.DeleteClassroom(ctx, f.room.ID)
		}, func(struct{}) { f.s.openSchool(f.school) })
	}, f.s.d.win)
}

// buildEvents makes the events section: the list and a row to add one.
func (f *classroomForm) buildEvents() {
	f.evFS = newFieldSet(f.eventProblems, nil)
	f.evDate = f.evFS.entry("date", "Date, YYYY-MM-DD")
	f.evName = f.evFS.entry("name", "Name, like Winter Concert")
	submit := func(string) { f.onAddEvent(func(bool) {}) }
	f.evDate.entry.OnSubmitted, f.evName.entry.OnSubmitted = submit, submit
	f.addEvent = widget.NewButtonWithIcon("Add event", theme.ContentAddIcon(), func() { f.onAddEvent(func(bool) {}) })
	f.eventRows = container.NewVBox()
	f.eventSection = container.NewVBox()
}

func (f *classroomForm) showEvents() {
	head := sectionHeading("Concerts and events")
	if f.room.ID == 0 {
		f.eventSection.Objects = []fyne.CanvasObject{head, hintLabel("Save the classroom first, then add its concerts.")}
		f.root.Refresh()
		return
	}
	add := border(nil, nil, nil, f.addEvent,
		container.NewGridWithColumns(2, container.NewVBox(f.evDate.input, f.evDate.problem), container.NewVBox(f.evName.input, f.evName.problem)))
	f.eventSection.Objects = []fyne.CanvasObject{head, f.eventRows, add}
	f.root.Refresh()
	f.loadEvents()
}

func (f *classroomForm) loadEvents() {
	id := f.room.ID
	schoolsLoad(f.s.work, f.s.d, func(ctx context.Context) ([]data.Event, error) {
		return f.s.store.Events(ctx, id, 0, 0)
	}, func(evs []data.Event) {
		f.events = evs
		f.eventRows.Objects, f.deleteEvent = nil, nil
		for _, e := range evs {
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.onDeleteEvent(e) })
			del.Importance = widget.LowImportance
			f.deleteEvent = append(f.deleteEvent, del)
			f.eventRows.Add(border(nil, nil, nil, del, widget.NewLabel(e.Date.Time().Format("Mon 2 Jan 2006")+" · "+e.Name)))
		}
		if len(evs) == 0 {
			f.eventRows.Add(hintLabel("No events yet: add this classroom's concerts so sessions can build up to them."))
		}
		f.root.Refresh()
	})
}

func (f *classroomForm) eventRecord() (data.Event, data.Problems) {
	e := data.Event{ClassroomID: f.room.ID, School: f.school.Name, Classroom: f.room.Name, Name: strings.TrimSpace(f.evName.entry.Text)}
	var ps data.Problems
	if s := strings.TrimSpace(f.evDate.entry.Text); s != "" {
		d, err := data.ParseDate(s)
		if err != nil {
			ps = append(ps, data.FieldError{Field: "date", Problem: err.Error()})
		}
		e.Date = d
	}
	return e, ps
}

func (f *classroomForm) eventProblems() data.Problems {
	e, ps := f.eventRecord()
	for _, p := range errProblems(e.Validate()) {
		if ps.For(p.Field) == "" {
			ps = append(ps, p)
		}
	}
	for _, o := range f.events {
		if o.Date == e.Date && !e.Date.IsZero() {
			ps = append(data.Problems{{Field: "date", Problem: fmt.Sprintf("%s already has an event (%s)", e.Date.Short(), o.Name)}}, ps...)
		}
	}
	return ps
}

func (f *classroomForm) onAddEvent(done func(bool)) {
	if ps := f.evFS.check(); len(ps) > 0 {
		f.status.SetText("Event not added: " + fieldLabel(ps[0].Field) + " " + ps[0].Problem + ".")
		done(false)
		return
	}
	e, _ := f.eventRecord()
	saveInBackground(f.s.work, f.s.d, f.evFS, f.status, func(ctx context.Context) error { return f.s.store.SaveEvent(ctx, e) }, func() {
		f.status.SetText("Added " + e.Name + " on " + e.Date.Short() + ".")
		f.evFS.load(func() { f.evDate.entry.SetText(""); f.evName.entry.SetText("") })
		f.loadEvents()
	}, done)
}

func (f *classroomForm) onDeleteEvent(e data.Event) {
	dialog.ShowConfirm("Delete event", "Delete "+e.Name+" on "+e.Date.Long()+"?", func(yes bool) {
		if !yes {
			return
		}
		schoolsLoad(f.s.work, f.s.d, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, f.s.store.DeleteEvent(ctx, e.ID)
		}, func(struct{}) { f.loadEvents() })
	}, f.s.d.win)
}

func parseMinutes(s string) (int, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "is required"
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Sprintf("%q is not a whole number of minutes", s)
	}
	return n, ""
}
