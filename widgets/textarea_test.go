package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTextAreaLetsTabMoveOn(t *testing.T) {
	test.NewTempApp(t)
	area := NewTextArea()
	var tabbable fyne.Tabbable = area
	if tabbable.AcceptsTab() || !area.MultiLine {
		t.Fatalf("AcceptsTab %v, multi-line %v; want a multi-line field that gives Tab back", area.AcceptsTab(), area.MultiLine)
	}
	next := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(area, next))
	defer w.Close()
	w.Canvas().Focus(area)
	test.Type(area, "400 Commerce St\nNashville")
	if area.Text != "400 Commerce St\nNashville" {
		t.Errorf("typed %q", area.Text)
	}
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != next {
		t.Errorf("after Tab the focus is on %T", w.Canvas().Focused())
	}
}
