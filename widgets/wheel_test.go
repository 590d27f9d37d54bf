package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The wheel over a page of entries moves the page, as it does over its labels.
func TestWheelOverEntriesMovesThePage(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	for i := 0; i < 40; i++ {
		box.Add(widget.NewEntry())
	}
	page := container.NewVScroll(box)
	w := test.NewWindow(container.NewStack(page, NewWheelToPage(page)))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))
	test.Scroll(w.Canvas(), fyne.NewPos(150, 150), 0, -120)
	if page.Offset.Y < 100 {
		t.Errorf("the page moved %.0f px for a wheel of 120 over an entry", page.Offset.Y)
	}
}
