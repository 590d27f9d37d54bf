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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

// sessionStore is what the session, visit and new-session dialogs read and change.
type sessionStore interface {
	Session(ctx context.Context, id int64) (data.Session, error)
	Sessions(ctx context.Context, f sqlite.SessionFilter) ([]data.Session, error)
	SessionMoves(ctx context.Context, id int64) ([]data.SessionMove, error)
	Classroom(ctx context.Context, id int64) (data.Classroom, error)
	Instructors(ctx context.Context, schoolID int64) ([]data.Instructor, error)
	Statements(ctx context.Context, f sqlite.StatementFilter) ([]data.Statement, error)
	SetSessionStatus(ctx context.Context, id int64, status data.SessionStatus, p data.Punctuality) error
	ConfirmSessions(ctx context.Context, ids []int64, c sqlite.Confirmation) error
	CancelSession(ctx context.Context, id int64, reason, by string) error
	MoveSession(ctx context.Context, id int64, to data.Date, start data.Clock, reason string, on data.Date) error
	SaveSession(ctx context.Context, x data.Session) (int64, error)
	dayCheckSource
}

// sessionRecord is everything the session dialog shows.
type sessionRecord struct {
	x          data.Session
	moves      []data.SessionMove
	room       data.Classroom
	instructor string
	conflict   string         // why it clashes with the mentor's other sessions, as the calendar flags it
	statement  data.Statement // the issued statement that locks it, if any
}

// sessionDialog shows one session, its history and the steps of its lifecycle that apply.
type sessionDialog struct {
	d         deps
	st        sessionStore
	id        int64
	changed   func()
	openVisit func(data.Session)

	rec     sessionRecord
	dlg     dialog.Dialog
	body    *fyne.Container
	bar     *fyne.Container  // the actions, below the scrolling details
	actions []*widget.Button // the status actions on offer
	form    *actionForm      // the action form last opened
	shown   int              // how many times the session has been laid out
}

func showSessionDialog(d deps, st sessionStore, id int64, changed func(), openVisit func(data.Session)) *sessionDialog {
	s := &sessionDialog{d: d, st: st, id: id, changed: changed, openVisit: openVisit}
	s.body = container.NewVBox(widget.NewLabel("Loading the session…"))
	s.bar = container.NewHBox()
	closeBtn := widget.NewButton("Close", func() { s.dlg.Hide() })
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, closeBtn, s.bar))
	s.dlg = dialog.NewCustomWithoutButtons("Session", container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(s.body)), d.win)
	s.dlg.Resize(fyne.NewSize(680, 580))
	s.dlg.Show()
	s.load()
	return s
}

func (s *sessionDialog) load() {
	background(s.d, func(ctx context.Context) (sessionRecord, error) {
		var r sessionRecord
		var err error
		if r.x, err = s.st.Session(ctx, s.id); err != nil {
			return r, err
		}
		if r.moves, err = s.st.SessionMoves(ctx, s.id); err != nil {
			return r, err
		}
		if r.room, err = s.st.Classroom(ctx, r.x.ClassroomID); err != nil {
			return r, err
		}
		day, err := s.st.CalendarSessions(ctx, r.x.Date, r.x.Date)
		if err != nil {
			return r, err
		}
		sqlite.MarkConflicts(day)
		for _, o := range day {
			if o.ID == r.x.ID {
				r.conflict = o.Conflict
			}
		}
		ins, err := s.st.Instructors(ctx, r.x.SchoolID)
		for _, i := range ins {
			if i.ID == r.room.InstructorID {
				r.instructor = i.Name()
			}
		}
		if err != nil || !r.x.Locked() {
			return r, err
		}
		sts, err := s.st.Statements(ctx, sqlite.StatementFilter{MentorID: r.x.MentorID, SchoolID: r.x.SchoolID, From: r.x.Date, Through: r.x.Date})
		if len(sts) > 0 {
			r.statement = sts[0]
		}
		return r, err
	}, func(r sessionRecord) {
		s.rec = r
		s.show()
	})
}

// show lays out the session; the actions follow its status, and a locked session has none.
func (s *sessionDialog) show() {
	x := s.rec.x
	info := widget.NewForm(
		widget.NewFormItem("When", widget.NewLabel(fmt.Sprintf("%s, %s–%s (%d min)", x.Date.Long(), x.Start, x.End(), x.Minutes))),
		widget.NewFormItem("Mentor", widget.NewLabel(x.MentorName)),
		widget.NewFormItem("Program", widget.NewLabel(programTerm(x))),
		widget.NewFormItem("Focus", wrapLabel(orNone(x.Focus))),
		widget.NewFormItem("Status", wrapLabel(statusText(x))),
		widget.NewFormItem("Punctuality", widget.NewLabel(punctualityText(x.Punctuality))),
	)
	if x.Notes != "" {
		info.Append("Notes", wrapLabel(x.Notes))
	}
	if s.rec.conflict != "" {
		c := wrapLabel(sentence(s.rec.conflict))
		c.Importance = widget.DangerImportance
		info.Append("Conflict", c)
	}
	s.body.Objects = []fyne.CanvasObject{pageHeading(x.Classroom + " · " + x.School), info}
	if x.Locked() {
		note := fmt.Sprintf("Paid on statement no. %d, issued %s. An issued statement never changes, so this session cannot either; a correction is an adjustment statement in Payments.",
			s.rec.statement.Number, s.rec.statement.IssuedOn.Short())
		s.body.Add(container.NewBorder(nil, nil, widget.NewIcon(lockIcon), nil, wrapLabel(note)))
	}
	s.body.Add(sectionHeading("History"))
	if len(s.rec.moves) == 0 {
		s.body.Add(hintLabel("Never rescheduled."))
	}
	for _, m := range s.rec.moves {
		s.body.Add(wrapLabel(fmt.Sprintf("On %s moved from %s %s to %s %s: %s", m.MovedOn.Short(), m.FromDate.Short(), m.FromStart,
			m.ToDate.Short(), m.ToStart, orNone(m.Reason))))
	}
	s.actions = s.actions[:0]
	add := func(label string, fn func()) {
		s.actions = append(s.actions, widget.NewButton(label, fn))
	}
	if !x.Locked() {
		held := x.Date <= s.d.today()
		switch x.Status {
		case data.Planned:
			if held {
				add("Mark completed…", s.onComplete)
				add("Confirm…", s.onConfirm)
			}
			add("Reschedule…", s.onReschedule)
			add("Cancel session…", s.onCancel)
		case data.Completed:
			add("Confirm…", s.onConfirm)
			add("Change punctuality…", s.onComplete)
			add("Cancel session…", s.onCancel)
		}
	}
	s.bar.Objects = nil
	for _, b := range s.actions {
		s.bar.Add(b)
	}
	if len(s.actions) > 0 {
		s.actions[0].Importance = widget.HighImportance
	}
	if x.Status == data.Planned && x.Date > s.d.today() {
		s.body.Add(hintLabel("It can be marked completed and confirmed once it has taken place."))
	}
	s.bar.Add(widget.NewButtonWithIcon("Visit", theme.ListIcon(), func() { s.dlg.Hide(); s.openVisit(x) }))
	s.body.Refresh()
	s.bar.Refresh()
	s.shown++
}

// after reloads the dialog and the calendar once an action has been saved.
func (s *sessionDialog) after() {
	s.load()
	s.changed()
}

func (s *sessionDialog) onComplete() {
	x := s.rec.x
	f := newActionForm(s.d, "Session completed", "Save")
	punct := widget.NewRadioGroup([]string{"On time", "Late", "Absent"}, func(string) { f.touch("punctuality") })
	punct.Horizontal = true
	punct.SetSelected(punctualityText(x.Punctuality))
	if x.Punctuality == "" {
		punct.SetSelected("On time")
	}
	f.field("Mentor arrived", "punctuality", punct)
	f.check = func() data.Problems {
		var p data.Problems
		if punct.Selected == "" {
			p = append(p, data.FieldError{Field: "punctuality", Problem: "say whether the mentor was on time, late or absent"})
		}
		return p
	}
	f.run = func(ctx context.Context) error {
		p := map[string]data.Punctuality{"On time": data.OnTime, "Late": data.Late, "Absent": data.Absent}[punct.Selected]
		return s.st.SetSessionStatus(ctx, x.ID, data.Completed, p)
	}
	f.done = s.after
	s.form = f
	f.show(hintLabel(fmt.Sprintf("%s with %s on %s.", x.Classroom, x.MentorName, x.Date.Long())))
}

func (s *sessionDialog) onConfirm() {
	x := s.rec.x
	s.form = newConfirmForm(s.d, s.st, []int64{x.ID}, x.Date, s.rec.instructor, s.after,
		fmt.Sprintf("The instructor confirms %s with %s on %s.", x.Classroom, x.MentorName, x.Date.Long()))
}

func (s *sessionDialog) onCancel() {
	x := s.rec.x
	f := newActionForm(s.d, "Cancel the session", "Cancel session")
	f.submit.Importance = widget.DangerImportance
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("e.g. the school closed for snow")
	reason.SetMinRowsVisible(2)
	reason.OnChanged = func(string) { f.touch("cancel_reason") }
	instructor := "Instructor"
	if s.rec.instructor != "" {
		instructor = s.rec.instructor + " (instructor)"
	}
	by := widget.NewSelectEntry([]string{instructor, x.MentorName + " (mentor)", "School", "Director"})
	by.SetPlaceHolder("who cancelled")
	by.OnChanged = func(string) { f.touch("cancelled_by") }
	f.field("Reason", "cancel_reason", reason)
	f.field("Cancelled by", "cancelled_by", by)
	f.check = func() data.Problems {
		var p data.Problems
		if strings.TrimSpace(reason.Text) == "" {
			p = append(p, data.FieldError{Field: "cancel_reason", Problem: "a cancellation needs a reason"})
		}
		if strings.TrimSpace(by.Text) == "" {
			p = append(p, data.FieldError{Field: "cancelled_by", Problem: "say who cancelled"})
		}
		return p
	}
	f.run = func(ctx context.Context) error {
		return s.st.CancelSession(ctx, x.ID, strings.TrimSpace(reason.Text), strings.TrimSpace(by.Text))
	}
	f.done = s.after
	s.form = f
	f.show(hintLabel(fmt.Sprintf("%s with %s on %s. A cancelled session is not paid.", x.Classroom, x.MentorName, x.Date.Long())))
}

func (s *sessionDialog) onReschedule() {
	x := s.rec.x
	f := newActionForm(s.d, "Reschedule the session", "Reschedule")
	date := widgets.NewDateEntry(false)
	date.SetDate(x.Date)
	start := widget.NewEntry()
	start.SetText(x.Start.String())
	reason := widget.NewEntry()
	reason.SetPlaceHolder("e.g. assembly moved the class")
	warn := newWarnings()
	f.warn, warn.shown = warn, f.fit
	recheck := func() {
		d, err1 := data.ParseDate(date.Text)
		c, err2 := data.ParseClock(start.Text)
		if err1 == nil && err2 == nil {
			warn.check(s.d, s.st, s.rec.room, x.MentorID, d, c, x.Minutes, x.ID)
		}
	}
	date.OnChanged = func(string) { f.touch("date"); recheck() }
	start.OnChanged = func(string) { f.touch("start"); recheck() }
	reason.OnChanged = func(string) { f.touch("reason") }
	f.field("New date", "date", date)
	f.field("New start", "start", start)
	f.field("Reason", "reason", reason)
	f.check = func() data.Problems {
		var p data.Problems
		d, err := data.ParseDate(date.Text)
		if err != nil {
			p = append(p, data.FieldError{Field: "date", Problem: err.Error()})
		}
		c, err := data.ParseClock(start.Text)
		if err != nil {
			p = append(p, data.FieldError{Field: "start", Problem: err.Error()})
		}
		if d == x.Date && c == x.Start {
			p = append(p, data.FieldError{Field: "date", Problem: "is the session's date and time already"})
		}
		if strings.TrimSpace(reason.Text) == "" {
			p = append(p, data.FieldError{Field: "reason", Problem: "say why the session moves; it is kept in its history"})
		}
		return p
	}
	f.run = func(ctx context.Context) error {
		d, _ := data.ParseDate(date.Text)
		c, _ := data.ParseClock(start.Text)
		return s.st.MoveSession(ctx, x.ID, d, c, strings.TrimSpace(reason.Text), s.d.today())
	}
	f.done = s.after
	s.form = f
	f.show(container.NewVBox(hintLabel(fmt.Sprintf("Now %s at %s. The old date stays in the session's history.", x.Date.Long(), x.Start)), warn.label))
}

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

func programTerm(x data.Session) string {
	if x.Term == 0 {
		return x.Program.Title()
	}
	return fmt.Sprintf("%s, term %d", x.Program.Title(), x.Term)
}

func statusText(x data.Session) string {
	switch x.Status {
	case data.Confirmed:
		return fmt.Sprintf("Confirmed on %s by %s (%s)", x.ConfirmedOn.Short(), orNone(x.ConfirmedBy), orNone(x.ConfirmedHow))
	case data.Cancelled:
		return fmt.Sprintf("Cancelled by %s: %s", orNone(x.CancelledBy), orNone(x.CancelReason))
	case data.Completed:
		return "Completed, awaiting the instructor's confirmation"
	}
	return "Planned"
}

func punctualityText(p data.Punctuality) string {
	switch p {
	case data.OnTime:
		return "On time"
	case data.Late:
		return "Late"
	case data.Absent:
		return "Absent"
	}
	return "Not recorded"
}

// lockIcon marks a session an issued statement pays.
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M18 8h-1V6a5 5 0 0 0-10 0v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zM9 6a3 3 0 0 1 6 0v2H9V6zm3 11a2 2 0 1 1 0-4 2 2 0 0 1 0 4z"/></svg>`)))

// dayCheckSource is what checking a session's day reads.
type dayCheckSource interface {
	CalendarSessions(ctx context.Context, from, through data.Date) ([]sqlite.CalendarSession, error)
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
	mine := []sqlite.CalendarSession{{ID: -1, Date: day, Start: start, Minutes: minutes, MentorID: mentorID, SchoolID: room.SchoolID,
		School: room.School, Classroom: room.Name, Status: data.Planned, Mentor: "The mentor"}}
	for _, o := range others {
		if o.MentorID == mentorID && o.ID != except {
			mine[0].Mentor = o.Mentor
			mine = append(mine, o)
		}
	}
	sqlite.MarkConflicts(mine)
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
