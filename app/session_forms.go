package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// actionForm is a small dialog for one step of a session's lifecycle: fields with their
// problems beside them, and a button that saves off the UI goroutine.
type actionForm struct {
	d      deps
	form   *checkedForm
	inputs map[string]fyne.CanvasObject // by field name
	warn   *warnings                    // what speaks against the date, if the form checks one
	saved  bool
	issue  *widget.Label
	submit *widget.Button
	dlg    dialog.Dialog
	body   fyne.CanvasObject
	height float32
	title  string
	check  func() data.Problems
	run    func(ctx context.Context) error
	done   func()
}

func newActionForm(d deps, title, verb string) *actionForm {
	f := &actionForm{d: d, title: title, form: newCheckedForm(), issue: problemLabel(), inputs: map[string]fyne.CanvasObject{}}
	f.submit = widget.NewButton(verb, f.onSubmit)
	f.submit.Importance = widget.HighImportance
	return f
}

func (f *actionForm) field(label, name string, input fyne.CanvasObject) {
	f.inputs[name] = input
	f.form.field(label, name, input)
}

// touch shows the field's problem as soon as it has been edited.
func (f *actionForm) touch(name string) {
	f.form.touch(name)
	if f.check != nil {
		ps := f.check()
		f.form.show(ps)
		if f.issue.Visible() {
			showIssue(f.issue, map[bool]string{true: "", false: problemSummary(ps)}[len(ps) == 0])
		}
		f.fit()
	}
}

// fit grows the dialog when a problem or warning appears, so nothing is hidden; it never
// shrinks, so the fields stay under the pointer while the user types.
func (f *actionForm) fit() {
	if f.dlg == nil {
		return
	}
	f.height = max(f.height, f.body.MinSize().Height+60)
	f.dlg.Resize(fyne.NewSize(520, f.height))
}

func (f *actionForm) show(intro fyne.CanvasObject) {
	back := widget.NewButton("Back", func() { f.dlg.Hide() })
	f.body = container.NewVBox(intro, f.form, f.issue, container.NewHBox(layout.NewSpacer(), back, f.submit))
	f.dlg = dialog.NewCustomWithoutButtons(f.title, f.body, f.d.win)
	// Room for a few problem lines up front: a dialog that grows re-centres under the pointer.
	f.height = f.body.MinSize().Height + 120
	f.fit()
	f.dlg.Show()
}

// onSubmit saves when every field is right; otherwise it shows what is wrong and saves nothing.
func (f *actionForm) onSubmit() {
	f.form.all = true
	ps := f.check()
	f.form.show(ps)
	if len(ps) > 0 {
		showIssue(f.issue, problemSummary(ps))
		f.fit()
		return
	}
	showIssue(f.issue, "")
	f.submit.Disable()
	go func() {
		err := f.run(context.Background())
		fyne.Do(func() {
			f.submit.Enable()
			if err != nil {
				if ps := errProblems(err); len(ps) > 0 {
					f.form.show(ps)
				}
				showIssue(f.issue, "Not saved: "+sentence(err.Error()))
				f.fit()
				return
			}
			f.dlg.Hide()
			f.done()
			f.saved = true
		})
	}()
}

// dayCheckSource is what checking a session's day reads.
type dayCheckSource interface {
	CalendarSessions(ctx context.Context, from, through data.Date) ([]data.CalendarSession, error)
	Schools(ctx context.Context) ([]data.School, error)
	Calendar(ctx context.Context, id int64) (data.Calendar, error)
	Settings(ctx context.Context) (data.Settings, error)
}

// dayWarnings says what speaks against a session of room with the mentor on day at start (R9):
// not a meeting day, the school closed, the mentor at another school or busy at that time.
func dayWarnings(ctx context.Context, st dayCheckSource, room data.Classroom, mentorID int64, day data.Date, start data.Clock, minutes int, except int64) ([]string, error) {
	var out []string
	if !room.MeetingDays.Has(day.Weekday()) {
		out = append(out, fmt.Sprintf("%s does not meet on %ss (it meets %s).", room.Name, day.Weekday(), room.MeetingDays))
	}
	schools, err := st.Schools(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(schools, func(s data.School) bool { return s.ID == room.SchoolID })
	if i >= 0 && schools[i].CalendarID != 0 {
		cal, err := st.Calendar(ctx, schools[i].CalendarID)
		if err != nil {
			return nil, err
		}
		set, err := st.Settings(ctx)
		if err != nil {
			return nil, err
		}
		span := cal.Years(set.SchoolYearStart)[set.SchoolYear(day)]
		switch {
		case span == nil || day < span.First || day > span.Last:
			out = append(out, fmt.Sprintf("%s is outside %s's school year.", day.Short(), room.School))
		case span.NoSchool[day] != "" || slices.ContainsFunc(cal.Days, func(d data.CalendarDay) bool { return d.Date == day && d.Kind == data.NoSchool }):
			out = append(out, fmt.Sprintf("No school at %s that day (%s).", room.School, orNone(span.NoSchool[day])))
		}
	}
	others, err := st.CalendarSessions(ctx, day, day)
	if err != nil {
		return nil, err
	}
	mine := []data.CalendarSession{{ID: -1, Date: day, Start: start, Minutes: minutes, MentorID: mentorID, SchoolID: room.SchoolID,
		School: room.School, Classroom: room.Name, Status: data.Planned, Mentor: "The mentor"}}
	for _, o := range others {
		if o.MentorID == mentorID && o.ID != except {
			mine[0].Mentor = o.Mentor
			mine = append(mine, o)
		}
	}
	data.MarkConflicts(mine)
	for _, x := range mine {
		if x.ID == -1 && x.Conflict != "" {
			out = append(out, sentence(x.Conflict))
		}
	}
	return out, nil
}

// warnings shows dayWarnings as the date and time are typed; the latest check wins.
type warnings struct {
	label           *widget.Label
	checks, checked int
	shown           func() // lets the dialog grow to the warnings
}

func newWarnings() *warnings {
	l := wrapLabel("")
	l.Importance = widget.WarningImportance
	l.Hide()
	return &warnings{label: l}
}

func (w *warnings) check(d deps, st dayCheckSource, room data.Classroom, mentorID int64, day data.Date, start data.Clock, minutes int, except int64) {
	w.checks++
	n := w.checks
	background(d, func(ctx context.Context) ([]string, error) {
		return dayWarnings(ctx, st, room, mentorID, day, start, minutes, except)
	}, func(ws []string) {
		if n == w.checks {
			showIssue(w.label, strings.Join(ws, "\n"))
			if w.shown != nil {
				w.shown()
			}
			w.checked = n
		}
	})
}

// addSessionDefaults seed the new-session form from the day tapped and the calendar's filters.
type addSessionDefaults struct {
	day                data.Date
	mentorID, schoolID int64
	program            data.Program
	mentors            []data.Mentor
	classrooms         []data.Classroom
}

// addSessionDialog adds one planned session on a day of the calendar.
type addSessionDialog struct {
	*actionForm
	rooms     []data.Classroom
	mentors   []data.Mentor
	classroom *widget.Select
	mentor    *widget.Select
	date      *widgets.DateEntry
	start     *widget.Entry
	minutes   *widget.Entry
	program   *widget.Select
	focus     *widget.Entry
}

func showAddSession(d deps, st sessionStore, def addSessionDefaults, changed func()) *addSessionDialog {
	a := &addSessionDialog{actionForm: newActionForm(d, "Add a session", "Add session"), mentors: def.mentors}
	var roomNames []string
	for _, c := range def.classrooms {
		if def.schoolID == 0 || c.SchoolID == def.schoolID {
			a.rooms = append(a.rooms, c)
			roomNames = append(roomNames, c.School+" — "+c.Name)
		}
	}
	var mentorNames []string
	for _, m := range def.mentors {
		mentorNames = append(mentorNames, m.SortName())
	}
	programs := make([]string, len(data.Programs))
	for i, p := range data.Programs {
		programs[i] = p.Title()
	}
	warn := newWarnings()
	a.warn, warn.shown = warn, a.fit
	a.date, a.start, a.minutes, a.focus = widgets.NewDateEntry(false), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	a.date.SetDate(def.day)
	a.focus.SetPlaceHolder("e.g. concert repertoire")
	recheck := func() {
		x, ps := a.session()
		if ps.For("classroom")+ps.For("mentor_email")+ps.For("date")+ps.For("start")+ps.For("minutes") == "" {
			warn.check(d, st, a.rooms[a.classroom.SelectedIndex()], x.MentorID, x.Date, x.Start, x.Minutes, 0)
		}
	}
	a.classroom = widget.NewSelect(roomNames, func(string) {
		c := a.rooms[a.classroom.SelectedIndex()]
		a.start.SetText(c.PeriodStart.String())
		a.minutes.SetText(strconv.Itoa(c.PeriodMinutes))
		a.touch("classroom")
		recheck()
	})
	a.classroom.PlaceHolder = "(choose a classroom)"
	a.mentor = widget.NewSelect(mentorNames, func(string) { a.touch("mentor_email"); recheck() })
	a.mentor.PlaceHolder = "(choose a mentor)"
	a.program = widget.NewSelect(programs, func(string) { a.touch("program") })
	a.program.PlaceHolder = "(choose a program)"
	for i, m := range def.mentors {
		if m.ID == def.mentorID {
			a.mentor.SetSelectedIndex(i)
		}
	}
	if i := slices.Index(data.Programs, def.program); i >= 0 {
		a.program.SetSelectedIndex(i)
	}
	a.date.OnChanged = func(string) { a.touch("date"); recheck() }
	a.start.OnChanged = func(string) { a.touch("start"); recheck() }
	a.minutes.OnChanged = func(string) { a.touch("minutes"); recheck() }
	a.field("Classroom", "classroom", a.classroom)
	a.field("Mentor", "mentor_email", a.mentor)
	a.field("Date", "date", a.date)
	a.field("Start", "start", a.start)
	a.field("Minutes", "minutes", a.minutes)
	a.field("Program", "program", a.program)
	a.field("Focus", "focus", a.focus)
	a.check = func() data.Problems { _, ps := a.session(); return ps }
	a.run = func(ctx context.Context) error {
		x, _ := a.session()
		_, err := st.SaveSession(ctx, x)
		return err
	}
	a.done = changed
	a.show(container.NewVBox(hintLabel("The time follows the classroom's period; the session starts as planned."), warn.label))
	return a
}

// session is the form as a planned session, with the problems data's rules find in it.
func (a *addSessionDialog) session() (data.Session, data.Problems) {
	var ps data.Problems
	x := data.Session{Status: data.Planned, Focus: strings.TrimSpace(a.focus.Text)}
	if i := a.classroom.SelectedIndex(); i >= 0 {
		x.ClassroomID, x.SchoolID = a.rooms[i].ID, a.rooms[i].SchoolID
	} else {
		ps = append(ps, data.FieldError{Field: "classroom", Problem: "choose the classroom"})
	}
	if i := a.mentor.SelectedIndex(); i >= 0 {
		x.MentorID = a.mentors[i].ID
	} else {
		ps = append(ps, data.FieldError{Field: "mentor_email", Problem: "choose the mentor"})
	}
	if i := a.program.SelectedIndex(); i >= 0 {
		x.Program = data.Programs[i]
	}
	var err error
	if x.Date, err = data.ParseDate(a.date.Text); err != nil {
		ps = append(ps, data.FieldError{Field: "date", Problem: err.Error()})
	}
	if x.Start, err = data.ParseClock(a.start.Text); err != nil {
		ps = append(ps, data.FieldError{Field: "start", Problem: err.Error()})
	}
	if x.Minutes, err = strconv.Atoi(strings.TrimSpace(a.minutes.Text)); err != nil {
		ps = append(ps, data.FieldError{Field: "minutes", Problem: fmt.Sprintf("%q is not a number of minutes", a.minutes.Text)})
	}
	for _, p := range errProblems(x.Validate()) {
		if ps.For(p.Field) == "" && p.Field != "school" {
			ps = append(ps, p)
		}
	}
	return x, ps
}
