package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// undoer is a screen whose shown form can take back its last change (Edit › Undo).
type undoer interface{ undoLastChange() }

// formHistory is a form's values before each change the director made since it was loaded or
// saved, so Undo can take the changes back one at a time down to the saved values. Typing into
// one field is one change until another field is changed; choosing a value (a select, a check
// box, a radio) is one change each time.
type formHistory struct {
	capture func() any // the form's values now
	restore func(any)  // puts values back into the form's widgets
	atSaved func()     // called when Undo has taken back every change
	before  []any      // the values before each change, oldest first
	last    any        // the values after the latest change
	typing  string     // the field being typed into; "" after a choice or an undo
	undoing bool       // restore is setting widgets: their OnChanged is not a new change
	button  *widget.Button
}

func newFormHistory(capture func() any, restore func(any), atSaved func()) *formHistory {
	h := &formHistory{capture: capture, restore: restore, atSaved: atSaved}
	h.button = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), h.undo)
	h.reset()
	return h
}

// reset starts the history again from the values the form shows now (after a load or a save).
func (h *formHistory) reset() {
	h.before, h.typing, h.last = nil, "", h.capture()
	h.refresh()
}

// typed records that the director typed into the field named; one step per field.
func (h *formHistory) typed(name string) {
	if h.undoing {
		return
	}
	if name == "" || name != h.typing {
		h.before = append(h.before, h.last)
	}
	h.typing = name
	h.last = h.capture()
	h.refresh()
}

// chose records a choice (a select, a check box): always a step of its own.
func (h *formHistory) chose() { h.typed("") }

func (h *formHistory) canUndo() bool { return len(h.before) > 0 }

// undo takes the latest change back.
func (h *formHistory) undo() {
	if !h.canUndo() {
		return
	}
	prev := h.before[len(h.before)-1]
	h.before = h.before[:len(h.before)-1]
	h.undoing = true
	h.restore(prev)
	h.undoing = false
	h.last, h.typing = prev, ""
	h.refresh()
	if !h.canUndo() && h.atSaved != nil {
		h.atSaved()
	}
}

func (h *formHistory) refresh() {
	if h.canUndo() {
		h.button.Enable()
	} else {
		h.button.Disable()
	}
}

// inputValues reads every entry, select, check and radio inside objs, in order; setInputValues
// puts such a reading back. Forms made of plain Fyne inputs need nothing more for their history.
func inputValues(objs ...fyne.CanvasObject) []any {
	var out []any
	eachInput(objs, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Entry:
			out = append(out, w.Text)
		case *widget.SelectEntry:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected)
		case *widget.Check:
			out = append(out, w.Checked)
		case *widget.RadioGroup:
			out = append(out, w.Selected)
		}
	})
	return out
}

func setInputValues(vals []any, objs ...fyne.CanvasObject) {
	i := 0
	eachInput(objs, func(o fyne.CanvasObject) {
		if i >= len(vals) {
			return
		}
		v := vals[i]
		i++
		switch w := o.(type) {
		case *widget.Entry:
			w.SetText(v.(string))
		case *widget.SelectEntry:
			w.SetText(v.(string))
		case *widget.Select:
			if s := v.(string); s == "" {
				w.ClearSelected()
			} else {
				w.SetSelected(s)
			}
		case *widget.Check:
			w.SetChecked(v.(bool))
		case *widget.RadioGroup:
			w.SetSelected(v.(string))
		}
	})
}

func eachInput(objs []fyne.CanvasObject, f func(fyne.CanvasObject)) {
	for _, o := range objs {
		switch w := o.(type) {
		case *widget.Entry, *widget.SelectEntry, *widget.Select, *widget.Check, *widget.RadioGroup:
			f(w)
		case *fyne.Container:
			eachInput(w.Objects, f)
		}
	}
}
