package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// sessionNoteStore is what the session note panel reads and writes.
type sessionNoteStore interface {
	SessionNote(ctx context.Context, sessionID int64) (data.SessionNote, error)
	SaveSessionNote(ctx context.Context, n data.SessionNote) error
}

// notePupilHint is the note's reminder of what may be written about pupils.
const notePupilHint = "Name pupils by first name or initials only: pupils are minors. Write about the group and the music."

// concernHint says why a concern is only a date.
const concernHint = "Only the date is recorded, never what the concern was: the instructor and the school hold the details."

// sessionNoteView is the mentor's note of one session: what was covered, a short reflection
// and whether a concern was passed to the instructor.
type sessionNoteView struct {
	d         deps
	store     sessionNoteStore
	sessionID int64
	busy      inflight

	dirty bool
	quiet bool

	covered    *widgets.TextArea
	worked     *widgets.TextArea
	toChange   *widgets.TextArea
	concern    *widget.Check
	concernOn  *widgets.DateEntry
	problems   map[string]*widget.Label // by field
	concernBad *widget.Label
	state      *widget.Label
	saveBtn    *widget.Button
}

// sessionNotePanel shows and edits the note of one session, for a session's dialog or page.
func sessionNotePanel(d deps, sessionID int64) fyne.CanvasObject {
	v := newSessionNoteView(d, d.store, sessionID)
	obj := v.buildUI()
	v.reload()
	return obj
}

func newSessionNoteView(d deps, st sessionNoteStore, sessionID int64) *sessionNoteView {
	return &sessionNoteView{d: d, store: st, sessionID: sessionID, problems: map[string]*widget.Label{}}
}

func (v *sessionNoteView) buildUI() fyne.CanvasObject {
	text := func(field, placeholder string) *widgets.TextArea {
		e := widgets.NewTextArea()
		e.SetPlaceHolder(placeholder)
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
		v.problems[field] = pupilPrivacyLabel()
		e.OnChanged = func(s string) {
			v.changed()
			showIssue(v.problems[field], sentence(data.PupilPrivacyProblem(s)))
		}
		return e
	}
	v.covered = text("covered", "Focus and material: the concert march, bars 1–32")
	v.worked = text("what_worked", "What worked")
	v.toChange = text("to_change", "What to change next time")
	v.concernOn = widgets.NewDateEntry(true)
	v.concernOn.OnChanged = func(string) { v.changed() }
	v.concern = widget.NewCheck("A concern was passed to the instructor on", func(on bool) {
		if on {
			if v.concernOn.Text == "" {
				v.concernOn.SetDate(v.d.today())
			}
			v.concernOn.Enable()
		} else {
			v.concernOn.SetText("")
			v.concernOn.Disable()
		}
		v.changed()
	})
	v.concernBad = problemLabel()
	hint := reviewHint(concernHint)
	v.state = widget.NewLabel("")
	v.saveBtn = widget.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), func() { v.saveEdits(func(bool) {}) })
	v.saveBtn.Importance = widget.HighImportance
	v.fill(data.SessionNote{SessionID: v.sessionID})

	privacy := wrapLabel(notePupilHint)
	privacy.Importance = widget.WarningImportance
	form := widget.NewForm(
		widget.NewFormItem("Covered", container.NewVBox(v.covered, v.problems["covered"])),
		widget.NewFormItem("What worked", container.NewVBox(v.worked, v.problems["what_worked"])),
		widget.NewFormItem("What to change", container.NewVBox(v.toChange, v.problems["to_change"])),
		widget.NewFormItem("Concern", container.NewVBox(
			border(nil, nil, v.concern, nil, container.NewStack(v.concernOn)), v.concernBad, hint)),
	)
	return container.NewVBox(boldLabel("Session note and reflection"), privacy, form,
		container.NewHBox(v.state, layout.NewSpacer(), v.saveBtn))
}

func (v *sessionNoteView) reload() {
	track(&v.busy, v.d, func(ctx context.Context) (data.SessionNote, error) {
		return v.store.SessionNote(ctx, v.sessionID)
	}, func(n data.SessionNote) {
		if !v.dirty {
			v.fill(n)
		}
	})
}

func (v *sessionNoteView) fill(n data.SessionNote) {
	v.quiet = true
	defer func() { v.quiet = false }()
	v.covered.SetText(n.Covered)
	v.worked.SetText(n.WhatWorked)
	v.toChange.SetText(n.ToChange)
	v.concernOn.SetDate(n.ConcernPassedOn)
	v.concern.SetChecked(!n.ConcernPassedOn.IsZero())
	if n.ConcernPassedOn.IsZero() {
		v.concernOn.Disable()
	}
	for _, l := range v.problems {
		showIssue(l, "")
	}
	showIssue(v.concernBad, "")
	v.state.SetText("")
	v.dirty = false
}

func (v *sessionNoteView) changed() {
	if !v.quiet {
		v.dirty = true
		v.state.SetText("Not saved yet.")
	}
}

// formNote is the note the form holds; a concern needs a date, not after today.
func (v *sessionNoteView) formNote() (data.SessionNote, bool) {
	n := data.SessionNote{SessionID: v.sessionID, Covered: strings.TrimSpace(v.covered.Text),
		WhatWorked: strings.TrimSpace(v.worked.Text), ToChange: strings.TrimSpace(v.toChange.Text)}
	ok := true
	if v.concern.Checked {
		day, err := v.concernOn.Date()
		switch {
		case err != nil:
			showIssue(v.concernBad, "Date: "+err.Error())
			ok = false
		case day.IsZero():
			showIssue(v.concernBad, "Enter the date the concern was passed on, or untick the box.")
			ok = false
		case day > v.d.today():
			showIssue(v.concernBad, fmt.Sprintf("%s is after today: enter the day it was passed on.", day))
			ok = false
		default:
			showIssue(v.concernBad, "")
			n.ConcernPassedOn = day
		}
	}
	var ps data.Problems
	errors.As(n.Validate(), &ps)
	for field, l := range v.problems {
		showIssue(l, sentence(ps.For(field)))
	}
	return n, ok && len(ps) == 0
}

// The note is an editor for whatever screen holds it.

func (v *sessionNoteView) unsaved() string {
	if !v.dirty {
		return ""
	}
	return "the session note"
}

func (v *sessionNoteView) saveEdits(done func(ok bool)) {
	n, ok := v.formNote()
	if !ok {
		done(false)
		return
	}
	v.saveBtn.Disable()
	track(&v.busy, v.d, func(ctx context.Context) (saveOutcome, error) {
		return saveOutcome{v.store.SaveSessionNote(ctx, n)}, nil
	}, func(r saveOutcome) {
		v.saveBtn.Enable()
		if r.err != nil {
			v.state.SetText("Not saved: " + r.err.Error())
			done(false)
			return
		}
		v.dirty = false
		v.state.SetText("Saved.")
		done(true)
	})
}

func (v *sessionNoteView) discardEdits() {
	v.dirty = false
	v.reload()
}

// saveOutcome carries a store's refusal back to the form that asked, rather than to a dialog.
type saveOutcome struct{ err error }
