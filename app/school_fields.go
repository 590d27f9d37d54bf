package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// askUnsaved asks whether to save or discard the edits to what before going on, or to stay.
func askUnsaved(win fyne.Window, what string, save func(done func(bool)), discard func(), proceed, stay func()) {
	var d dialog.Dialog
	saveBtn := widget.NewButton("Save", func() {
		d.Hide()
		save(func(ok bool) {
			if ok {
				proceed()
			} else {
				stay()
			}
		})
	})
	saveBtn.Importance = widget.HighImportance
	discardBtn := widget.NewButton("Discard changes", func() { d.Hide(); discard(); proceed() })
	cancel := widget.NewButton("Cancel", func() { d.Hide(); stay() })
	msg := widget.NewLabel("You have unsaved changes to " + what + ".\nSave them first?")
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, discardBtn, saveBtn)), win)
	d.Show()
}

// field is one input of a form with the problem data's Validate finds in it shown beneath it as
// the user types; the entry's Validator returns the same problem, so there is one rule.
type field struct {
	name    string // the column name Validate reports problems under
	input   fyne.CanvasObject
	entry   *widget.Entry // nil for selects and check boxes
	problem *widget.Label
	touched bool   // typed in, or a save was tried: only then is a problem shown
	stored  string // a problem the store reported, until the next edit
	set     *fieldSet
}

// fieldSet is the fields of one form and the rule that checks them all.
type fieldSet struct {
	fields   []*field
	loading  bool                 // values are being set from code, not typed
	problems func() data.Problems // parse problems first, then the record's Validate
	edited   func()
	submit   func()       // Enter in a one-line entry saves the form
	history  *formHistory // the changes since the load or save, for Undo
}

func newFieldSet(problems func() data.Problems, edited func()) *fieldSet {
	return &fieldSet{problems: problems, edited: edited}
}

// entry adds a text field named after its column.
func (fs *fieldSet) entry(name, placeholder string) *field {
	e := widget.NewEntry()
	return fs.entryOf(name, placeholder, e, e)
}

// entryOf adds a text field whose entry sits inside input (a SelectEntry's own entry).
func (fs *fieldSet) entryOf(name, placeholder string, e *widget.Entry, input fyne.CanvasObject) *field {
	f := fs.add(name, input)
	f.entry = e
	e.SetPlaceHolder(placeholder)
	e.AlwaysShowValidationError = true
	e.Validator = func(string) error {
		if p := f.current(); p != "" {
			return errors.New(p)
		}
		return nil
	}
	e.OnChanged = func(string) { fs.changed(f) }
	e.OnSubmitted = func(string) {
		if fs.submit != nil {
			fs.submit()
		}
	}
	return f
}

// add registers a field whose input is not an entry (a select, check boxes); the caller
// calls changed from its OnChanged.
func (fs *fieldSet) add(name string, input fyne.CanvasObject) *field {
	p := widget.NewLabel("")
	p.Importance = widget.DangerImportance
	p.Wrapping = fyne.TextWrapWord
	p.SizeName = theme.SizeNameCaptionText
	p.Hide()
	f := &field{name: name, input: input, problem: p, set: fs}
	fs.fields = append(fs.fields, f)
	return f
}

// changed is called when the user changed f.
func (fs *fieldSet) changed(f *field) {
	if fs.loading {
		return
	}
	f.touched, f.stored = true, ""
	if fs.history != nil {
		if f.entry != nil {
			fs.history.typed(f.name)
		} else {
			fs.history.chose()
		}
	}
	fs.refresh()
	if fs.edited != nil {
		fs.edited()
	}
}

// current is f's problem as shown now.
func (f *field) current() string {
	if !f.touched || f.set.loading {
		return ""
	}
	if f.stored != "" {
		return f.stored
	}
	return f.set.problems().For(f.name)
}

// refresh shows each touched field's problem beside it.
func (fs *fieldSet) refresh() {
	for _, f := range fs.fields {
		p := f.current()
		if f.entry != nil {
			f.entry.Validate()
		}
		f.problem.SetText(p)
		f.problem.Hidden = p == ""
		f.problem.Refresh()
	}
}

// load sets values from code: nothing counts as typed and no problem shows.
func (fs *fieldSet) load(set func()) {
	fs.loading = true
	set()
	fs.loading = false
	for _, f := range fs.fields {
		f.touched, f.stored = false, ""
	}
	if fs.history != nil {
		fs.history.reset()
	}
	fs.refresh()
}

// undoLastChange takes back the latest change to the form (Undo, Edit › Undo).
func (fs *fieldSet) undoLastChange() {
	if fs.history != nil {
		fs.history.undo()
	}
}

// undoable gives the form an Undo: its button, and Edit › Undo through the screen. atSaved
// runs when every change has been taken back.
func (fs *fieldSet) undoable(atSaved func()) *widget.Button {
	inputs := func() []fyne.CanvasObject {
		var objs []fyne.CanvasObject
		for _, f := range fs.fields {
			objs = append(objs, f.input)
		}
		return objs
	}
	fs.history = newFormHistory(func() any { return inputValues(inputs()...) }, func(v any) {
		setInputValues(v.([]any), inputs()...)
		for _, f := range fs.fields {
			f.stored = ""
		}
		fs.refresh()
		if fs.edited != nil {
			fs.edited()
		}
	}, atSaved)
	return fs.history.button
}

// check shows every field's problem, as on save, and reports whether there are none.
func (fs *fieldSet) check() data.Problems {
	for _, f := range fs.fields {
		f.touched = true
	}
	fs.refresh()
	return fs.problems()
}

// storeRefused shows the field problems of a refused save beside their fields; it reports
// false when err is not about fields.
func (fs *fieldSet) storeRefused(err error) bool {
	var ps data.Problems
	if !errors.As(err, &ps) {
		return false
	}
	for _, f := range fs.fields {
		if p := ps.For(f.name); p != "" {
			f.touched, f.stored = true, p
		}
	}
	fs.refresh()
	return true
}

// grid lays the fields out as a form: label on the left, input with its problem on the right.
func (fs *fieldSet) grid(labels ...string) *fyne.Container {
	var objs []fyne.CanvasObject
	for i, f := range fs.fields {
		if i >= len(labels) {
			break
		}
		objs = append(objs, widget.NewLabel(labels[i]), container.NewVBox(f.input, f.problem))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// problemSummary says in one line what keeps a form from saving.
func problemSummary(ps data.Problems) string {
	if len(ps) == 1 {
		return "Not saved: " + fieldLabel(ps[0].Field) + " " + ps[0].Problem + "."
	}
	return fmt.Sprintf("Not saved: %d fields need attention (marked in red).", len(ps))
}

// fieldLabel is a column name as a form shows it: "period_start" → "Period start".
func fieldLabel(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// saveInBackground stores a record off the UI goroutine; field problems go beside their fields,
// other errors to a dialog, and done learns whether it was saved.
func saveInBackground(w *schoolsWork, d deps, fs *fieldSet, status *widget.Label, work func(ctx context.Context) error, saved func(), done func(bool)) {
	status.SetText("Saving…")
	w.n.Add(1)
	go func() {
		err := work(context.Background())
		fyne.Do(func() {
			defer w.n.Add(-1)
			switch {
			case err == nil:
				status.SetText("Saved.")
				saved()
				done(true)
			case fs != nil && fs.storeRefused(err):
				status.SetText(problemSummary(errProblems(err)))
				done(false)
			default:
				log.Print(err)
				status.SetText("Not saved.")
				dialog.ShowError(err, d.win)
				done(false)
			}
		})
	}()
}

// schoolsWork counts the Schools area's loads and saves in flight, so a test can wait for
// every one of them to land before it acts again.
type schoolsWork struct{ n atomic.Int32 }

func (w *schoolsWork) idle() bool { return w.n.Load() == 0 }

// schoolsLoad is background, counted in w until done has run (or the error was shown).
func schoolsLoad[T any](w *schoolsWork, d deps, work func(ctx context.Context) (T, error), done func(T)) {
	w.n.Add(1)
	background(d, func(ctx context.Context) (T, error) {
		v, err := work(ctx)
		if err != nil {
			w.n.Add(-1)
		}
		return v, err
	}, func(v T) {
		defer w.n.Add(-1)
		done(v)
	})
}

func errProblems(err error) data.Problems {
	var ps data.Problems
	errors.As(err, &ps)
	return ps
}

// formButtons puts a form's status beside its buttons: delete (if any) on the left, undo (if
// any), revert and save on the right.
func formButtons(status *widget.Label, del, undo, revert, save *widget.Button) fyne.CanvasObject {
	var left fyne.CanvasObject
	if del != nil {
		left = del
	}
	right := container.NewHBox(revert, save)
	if undo != nil {
		right = container.NewHBox(undo, revert, save)
	}
	return border(nil, nil, left, right, status)
}

func pageHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func sectionHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func hintLabel(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// meetingDaysText reads "Mon Wed Fri", or "Mon–Fri" for the whole school week.
func meetingDaysText(w data.Weekdays) string {
	if s := w.String(); s != "Mon;Tue;Wed;Thu;Fri" {
		return strings.ReplaceAll(s, ";", " ")
	}
	return "Mon–Fri"
}

func joinSome(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
