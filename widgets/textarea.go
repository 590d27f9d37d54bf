package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TextArea is a multi-line entry in which Tab and Shift+Tab move to the next or previous
// control, as they do everywhere else in a form. Fyne's multi-line entry keeps the Tab key, so
// a keyboard could enter an address or a note but never leave it; a tab character is not
// wanted in any of these fields.
type TextArea struct {
	widget.Entry
}

// NewTextArea makes an empty TextArea.
func NewTextArea() *TextArea {
	t := &TextArea{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewMultiLineEntry
	t.ExtendBaseWidget(t)
	return t
}

// AcceptsTab tells the window to move the focus on Tab rather than hand the key to the field.
func (t *TextArea) AcceptsTab() bool { return false }
