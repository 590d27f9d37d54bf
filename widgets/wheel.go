package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"image/color"
)

var (
	_ fyne.Widget     = (*WheelToPage)(nil)
	_ fyne.Scrollable = (*WheelToPage)(nil)
)

// WheelToPage lies over a scrolled page of fields and hands the mouse wheel to the page. Fyne
// gives the wheel to the innermost scrollable under the pointer, and every single-line entry
// scrolls its own text sideways: over a page that is mostly entries the wheel barely moved it.
// It takes nothing else, so taps, typing and dragging the scroll bar reach what lies beneath.
type WheelToPage struct {
	widget.BaseWidget
	page fyne.Scrollable
}

// NewWheelToPage makes the overlay for page; put both in one container.NewStack.
func NewWheelToPage(page fyne.Scrollable) *WheelToPage {
	w := &WheelToPage{page: page}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled moves the page.
func (w *WheelToPage) Scrolled(ev *fyne.ScrollEvent) { w.page.Scrolled(ev) }

// CreateRenderer draws nothing.
func (w *WheelToPage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
