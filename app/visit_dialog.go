package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// visitDialog shows a mentor's sessions at one school on one day together (R2) and confirms
// them in one step, as the instructor usually confirms a whole visit at once.
type visitDialog struct {
	d                  deps
	st                 sessionStore
	mentorID, schoolID int64
	day                data.Date
	changed            func()

	visit       data.Visit
	instructors []string // of the visit's classrooms, in session order
	flags       map[int64][]string
	dlg         dialog.Dialog
	body        *fyne.Container
	confirm     *widget.Button
	form        *actionForm
	shown       int // how many times the visit has been laid out
}

type visitRecord struct {
	visit       data.Visit
	instructors []string
	flags       map[int64][]string // R7/R8 flags by session
}

func showVisitDialog(d deps, st sessionStore, mentorID, schoolID int64, day data.Date, changed func()) *visitDialog {
	v := &visitDialog{d: d, st: st, mentorID: mentorID, schoolID: schoolID, day: day, changed: changed}
	v.body = container.NewVBox(widget.NewLabel("Loading the visit…"))
	v.confirm = widget.NewButton("Confirm the visit…", v.onConfirm)
	v.confirm.Importance = widget.HighImportance
	v.confirm.Disable()
	closeBtn := widget.NewButton("Close", func() { v.dlg.Hide() })
	v.dlg = dialog.NewCustomWithoutButtons("Visit", border(nil, container.NewHBox(layout.NewSpacer(), closeBtn, v.confirm), nil, nil,
		container.NewVScroll(v.body)), d.win)
	v.dlg.Resize(fyne.NewSize(640, 480))
	v.dlg.Show()
	v.load()
	return v
}

func (v *visitDialog) load() {
	background(v.d, func(ctx context.Context) (visitRecord, error) {
		var r visitRecord
		xs, err := v.st.Sessions(ctx, data.SessionFilter{From: v.day, Through: v.day, MentorID: v.mentorID, SchoolID: v.schoolID})
		if err != nil || len(xs) == 0 {
			return r, err
		}
		r.visit = data.Visits(xs)[0]
		if r.flags, err = v.st.SessionFlags(ctx, r.visit.Sessions); err != nil {
			return r, err
		}
		ins, err := v.st.Instructors(ctx, v.schoolID)
		if err != nil {
			return r, err
		}
		for _, x := range r.visit.Sessions {
			room, err := v.st.Classroom(ctx, x.ClassroomID)
			if err != nil {
				return r, err
			}
			for _, i := range ins {
				if i.ID == room.InstructorID && !slices.Contains(r.instructors, i.Name()) {
					r.instructors = append(r.instructors, i.Name())
				}
			}
		}
		return r, nil
	}, func(r visitRecord) {
		v.visit, v.instructors, v.flags = r.visit, r.instructors, r.flags
		v.show()
	})
}

// confirmable are the sessions a confirmation would change: held or due, and not locked.
func (v *visitDialog) confirmable() []int64 {
	var ids []int64
	for _, x := range v.visit.Sessions {
		if (x.Status == data.Planned || x.Status == data.Completed) && !x.Locked() {
			ids = append(ids, x.ID)
		}
	}
	return ids
}

func (v *visitDialog) show() {
	vis := v.visit
	if len(vis.Sessions) == 0 {
		v.body.Objects = []fyne.CanvasObject{hintLabel("This visit has no sessions any more.")}
		v.body.Refresh()
		v.confirm.Disable()
		v.shown++
		return
	}
	rows := widget.NewForm()
	for _, x := range vis.Sessions {
		line := fmt.Sprintf("%s · %s · %s", x.Classroom, x.Program.Title(), statusText(x))
		if x.Locked() {
			line += " · paid"
		}
		row := wrapLabel(line)
		if f := v.flags[x.ID]; len(f) > 0 {
			row.SetText(line + "\n" + flagLine(f, x.OverrideReason))
			row.Importance = widget.WarningImportance
		}
		rows.Append(fmt.Sprintf("%s–%s", x.Start, x.End()), row)
	}
	v.body.Objects = []fyne.CanvasObject{
		pageHeading(vis.MentorName + " at " + vis.School),
		widget.NewLabel(fmt.Sprintf("%s · %s", vis.Date.Long(), plural(len(vis.Sessions), "session", "sessions"))),
		rows, widget.NewSeparator(), wrapLabel(v.state()),
	}
	v.body.Refresh()
	if len(v.confirmable()) > 0 && vis.Date <= v.d.today() {
		v.confirm.Enable()
	} else {
		v.confirm.Disable()
	}
	v.shown++
}

// state says where the visit stands on its way to a statement (R3, R6).
func (v *visitDialog) state() string {
	vis := v.visit
	open := len(v.confirmable())
	switch {
	case vis.Issued():
		return "Paid on an issued statement: the visit cannot change."
	case open > 0 && vis.Date > v.d.today():
		return fmt.Sprintf("The visit is on %s; it can be confirmed once it has taken place.", vis.Date.Short())
	case open == 1:
		return "1 session awaits the instructor's confirmation."
	case open > 0:
		return fmt.Sprintf("%d sessions await the instructor's confirmation; confirm them together here.", open)
	case vis.Ready():
		return "Every session is confirmed or cancelled: the visit is ready for a payment statement."
	}
	return "Every session of the visit was cancelled: nothing is paid."
}

func (v *visitDialog) onConfirm() {
	ids := v.confirmable()
	var flagged []string
	for _, x := range v.visit.Sessions {
		if slices.Contains(ids, x.ID) && data.OverrideNeeded(v.flags[x.ID], x.OverrideReason) {
			flagged = append(flagged, fmt.Sprintf("%s %s: %s", x.Start, x.Classroom, data.FlagsShort(v.flags[x.ID])))
		}
	}
	v.form = newConfirmForm(v.d, v.st, ids, v.day, strings.Join(v.instructors, ", "), flagged, func() {
		v.load()
		v.changed()
	}, fmt.Sprintf("The instructor confirms %s of %s at %s on %s.", plural(len(ids), "session", "sessions"),
		v.visit.MentorName, v.visit.School, v.day.Long()))
}

// newConfirmForm records the instructor's confirmation of sessions held on or after earliest:
// when, by whom and how. All are confirmed or none.
// Sessions flagged by R7/R8 without an override (flagged, in words) are confirmed only with the
// director's reason, kept with each of them.
func newConfirmForm(d deps, st sessionStore, ids []int64, earliest data.Date, by string, flagged []string, done func(), intro string) *actionForm {
	title := "Confirm the session"
	if len(ids) > 1 {
		title = fmt.Sprintf("Confirm %d sessions", len(ids))
	}
	f := newActionForm(d, title, "Confirm")
	var override *widget.Entry
	if len(flagged) > 0 {
		title += " despite the flag"
		f.title = title
		f.submit.SetText("Confirm with override")
		override = widget.NewMultiLineEntry()
		override.Wrapping = fyne.TextWrapWord
		override.SetMinRowsVisible(2)
		override.SetPlaceHolder("e.g. WSP renewal cleared by phone on 14 Sep; paperwork follows")
		override.OnChanged = func(string) { f.touch("override_reason") }
	}
	on := widgets.NewDateEntry(false)
	on.SetDate(d.today())
	who := widget.NewEntry()
	who.SetText(by)
	who.SetPlaceHolder("the instructor's name")
	how := widget.NewRadioGroup([]string{"e-mail", "phone", "signed sheet"}, func(string) { f.touch("confirmed_how") })
	how.Horizontal = true
	how.SetSelected("e-mail")
	on.OnChanged = func(string) { f.touch("confirmed_on") }
	who.OnChanged = func(string) { f.touch("confirmed_by") }
	f.field("Confirmed on", "confirmed_on", on)
	f.field("Confirmed by", "confirmed_by", who)
	f.field("How", "confirmed_how", how)
	if override != nil {
		f.field("Reason for the override", "override_reason", override)
	}
	f.check = func() data.Problems {
		var p data.Problems
		if override != nil {
			if err := data.CheckOverrideReason(override.Text); err != nil {
				p = append(p, data.FieldError{Field: "override_reason", Problem: "is required: say why the flagged session may be confirmed and paid"})
			}
		}
		switch day, err := data.ParseDate(on.Text); {
		case err != nil:
			p = append(p, data.FieldError{Field: "confirmed_on", Problem: err.Error()})
		case day < earliest:
			p = append(p, data.FieldError{Field: "confirmed_on", Problem: fmt.Sprintf("%s is before the session's date %s", day, earliest)})
		case day > d.today():
			p = append(p, data.FieldError{Field: "confirmed_on", Problem: fmt.Sprintf("%s is in the future", day)})
		}
		if strings.TrimSpace(who.Text) == "" {
			p = append(p, data.FieldError{Field: "confirmed_by", Problem: "say who confirmed (usually the instructor)"})
		}
		if how.Selected == "" {
			p = append(p, data.FieldError{Field: "confirmed_how", Problem: "say how the confirmation came"})
		}
		return p
	}
	f.run = func(ctx context.Context) error {
		day, _ := data.ParseDate(on.Text)
		c := data.Confirmation{On: day, By: strings.TrimSpace(who.Text), How: how.Selected}
		if override != nil {
			c.Override = strings.TrimSpace(override.Text)
		}
		return st.ConfirmSessions(ctx, ids, c)
	}
	f.done = done
	head := hintLabel(intro + " Only confirmed sessions are paid.")
	if len(flagged) == 0 {
		f.show(head)
		return f
	}
	warn := wrapLabel("Flagged: " + strings.Join(flagged, "\n") + "\nA flagged session is confirmed and paid only with your reason for the override. It is kept with the session and never printed on documents for schools.")
	warn.Importance = widget.WarningImportance
	f.show(container.NewVBox(head, warn))
	return f
}

// flagLine is how a flagged session reads in a dialog: the flags, and the override if given.
func flagLine(flags []string, override string) string {
	line := "Flagged: " + strings.Join(flags, "; ")
	if strings.TrimSpace(override) != "" {
		return line + "\nOverride: " + override
	}
	return line + "\nConfirming or paying it needs an override with a reason."
}
