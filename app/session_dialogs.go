package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// sessionStore is what the session, visit and new-session dialogs read and change.
type sessionStore interface {
	Session(ctx context.Context, id int64) (data.Session, error)
	Sessions(ctx context.Context, f data.SessionFilter) ([]data.Session, error)
	SessionMoves(ctx context.Context, id int64) ([]data.SessionMove, error)
	Classroom(ctx context.Context, id int64) (data.Classroom, error)
	Instructors(ctx context.Context, schoolID int64) ([]data.Instructor, error)
	Statements(ctx context.Context, f data.StatementFilter) ([]data.Statement, error)
	SetSessionStatus(ctx context.Context, id int64, status data.SessionStatus, p data.Punctuality) error
	TakeBackConfirmation(ctx context.Context, id int64) error
	ConfirmSessions(ctx context.Context, ids []int64, c data.Confirmation) error
	SessionFlags(ctx context.Context, sessions []data.Session) (map[int64][]string, error)
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
	flags      []string       // R7/R8 flags on its date
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
	bar     *fyne.Container       // the actions, below the scrolling details
	actions []*widget.Button      // the status actions on offer
	form    *actionForm           // the action form last opened
	undo    *dialog.ConfirmDialog // the last "take back?" question
	shown   int                   // how many times the session has been laid out
}

func showSessionDialog(d deps, st sessionStore, id int64, changed func(), openVisit func(data.Session)) *sessionDialog {
	s := &sessionDialog{d: d, st: st, id: id, changed: changed, openVisit: openVisit}
	s.body = container.NewVBox(widget.NewLabel("Loading the session…"))
	s.bar = container.NewHBox()
	closeBtn := widget.NewButton("Close", func() { s.dlg.Hide() })
	bottom := container.NewVBox(widget.NewSeparator(), border(nil, nil, nil, closeBtn, s.bar))
	s.dlg = dialog.NewCustomWithoutButtons("Session", border(nil, bottom, nil, nil, container.NewVScroll(s.body)), d.win)
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
		flags, err := s.st.SessionFlags(ctx, []data.Session{r.x})
		if err != nil {
			return r, err
		}
		r.flags = flags[r.x.ID]
		if r.room, err = s.st.Classroom(ctx, r.x.ClassroomID); err != nil {
			return r, err
		}
		day, err := s.st.CalendarSessions(ctx, r.x.Date, r.x.Date)
		if err != nil {
			return r, err
		}
		data.MarkConflicts(day)
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
		sts, err := s.st.Statements(ctx, data.StatementFilter{MentorID: r.x.MentorID, SchoolID: r.x.SchoolID, From: r.x.Date, Through: r.x.Date})
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
	if len(s.rec.flags) > 0 {
		f := wrapLabel(flagLine(s.rec.flags, x.OverrideReason))
		f.Importance = widget.WarningImportance
		info.Append("Flag", f)
	}
	s.body.Objects = []fyne.CanvasObject{pageHeading(x.Classroom + " · " + x.School), info}
	if x.Locked() {
		note := fmt.Sprintf("Paid on statement no. %d, issued %s. An issued statement never changes, so this session cannot either; a correction is an adjustment statement in Payments.",
			s.rec.statement.Number, s.rec.statement.IssuedOn.Short())
		s.body.Add(border(nil, nil, widget.NewIcon(lockIcon), nil, wrapLabel(note)))
	}
	s.body.Add(sectionHeading("History"))
	if len(s.rec.moves) == 0 {
		s.body.Add(hintLabel("Never rescheduled."))
	}
	for _, m := range s.rec.moves {
		s.body.Add(wrapLabel(fmt.Sprintf("On %s moved from %s %s to %s %s: %s", m.MovedOn.Short(), m.FromDate.Short(), m.FromStart,
			m.ToDate.Short(), m.ToStart, orNone(m.Reason))))
	}
	if x.Date <= s.d.today() && x.Status != data.Cancelled {
		s.body.Add(sectionHeading("Mentor's notes"))
		s.body.Add(sessionNotePanel(s.d, x.ID))
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
			add("Take back completion…", s.onTakeBack)
			add("Cancel session…", s.onCancel)
		case data.Confirmed:
			add("Take back confirmation…", s.onTakeBack)
		}
	}
	s.bar.Objects = nil
	for _, b := range s.actions {
		s.bar.Add(b)
	}
	if len(s.actions) > 0 && x.Status != data.Confirmed { // taking back is never the step to take
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
	var flagged []string
	if data.OverrideNeeded(s.rec.flags, x.OverrideReason) {
		flagged = []string{fmt.Sprintf("%s %s: %s", x.Start, x.Classroom, data.FlagsShort(s.rec.flags))}
	}
	s.form = newConfirmForm(s.d, s.st, []int64{x.ID}, x.Date, s.rec.instructor, flagged, s.after,
		fmt.Sprintf("The instructor confirms %s with %s on %s.", x.Classroom, x.MentorName, x.Date.Long()))
}

func (s *sessionDialog) onCancel() {
	x := s.rec.x
	f := newActionForm(s.d, "Cancel the session", "Cancel session")
	f.submit.Importance = widget.DangerImportance
	reason := widgets.NewTextArea()
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
