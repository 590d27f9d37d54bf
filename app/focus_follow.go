package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne moves the keyboard focus on Tab without scrolling it into view (fyne-io/fyne#3029), so a
// field below the fold of a scrolled form would take the focus out of sight. The window looks at
// the focus a few times a second and scrolls the views around a newly focused control to it.

const focusCheckEvery = 150 * time.Millisecond

// followFocus keeps the focused control in view until the shell stops.
func (sh *shell) followFocus() {
	var last fyne.Focusable
	sh.goWork(func(ctx context.Context) {
		t := time.NewTicker(focusCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fyne.Do(func() {
					f := sh.win.Canvas().Focused()
					if f != last {
						last = f
						revealFocused(sh.win.Content(), f)
					}
				})
			}
		}
	})
}

// revealFocused scrolls every scrolled view on the way from root to f, innermost first, so that
// f is in sight with a little room around it.
func revealFocused(root fyne.CanvasObject, f fyne.Focusable) {
	obj, ok := f.(fyne.CanvasObject)
	if !ok {
		return
	}
	path := pathTo(root, obj)
	for i := len(path) - 1; i >= 0; i-- {
		if s, ok := path[i].(*container.Scroll); ok {
			scrollToShow(s, obj)
		}
	}
}

// pathTo lists the objects from root down to target (childrenOf); nil when it is not there.
func pathTo(root, target fyne.CanvasObject) []fyne.CanvasObject {
	if root == nil || !root.Visible() {
		return nil
	}
	if root == target {
		return []fyne.CanvasObject{root}
	}
	inside := childrenOf(root)
	for _, c := range inside {
		if p := pathTo(c, target); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	// A control drawn by a widget (a form's buttons, say) is inside that widget's area.
	for _, c := range inside {
		if _, opaque := c.(fyne.Widget); opaque && c.Visible() && covers(c, target) {
			return []fyne.CanvasObject{root, c, target}
		}
	}
	return nil
}

// childrenOf lists what o shows inside it, for the kinds of object the screens are built of:
// containers, splits, scrolls, tabs (the one selected) and forms (their rows); nil for others.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case *container.Split:
		return []fyne.CanvasObject{x.Leading, x.Trailing}
	case *container.Scroll:
		return []fyne.CanvasObject{x.Content}
	case *container.AppTabs:
		if sel := x.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}
		}
	case *widget.Form:
		var rows []fyne.CanvasObject
		for _, it := range x.Items {
			rows = append(rows, it.Widget)
		}
		return rows
	}
	return nil
}

// covers reports whether outer's area on the canvas holds all of inner's.
func covers(outer, inner fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	o, i := d.AbsolutePositionForObject(outer), d.AbsolutePositionForObject(inner)
	os, is := outer.Size(), inner.Size()
	return i.X >= o.X && i.Y >= o.Y && i.X+is.Width <= o.X+os.Width && i.Y+is.Height <= o.Y+os.Height
}

// scrollToShow moves s's vertical offset the least that brings obj into its view.
func scrollToShow(s *container.Scroll, obj fyne.CanvasObject) {
	if s.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + obj.Size().Height
	const room = 8
	view := s.Size().Height
	y := s.Offset.Y
	switch {
	case top-room < y:
		y = top - room
	case bottom+room > y+view:
		y = bottom + room - view
	default:
		return
	}
	y = max(0, min(y, s.Content.MinSize().Height-view))
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
}
