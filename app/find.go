package app

import "fyne.io/fyne/v2"

// focusIn gives the keyboard focus to an entry of the window, as Edit › Find does to a search.
func focusIn(w fyne.Window, f fyne.Focusable) {
	if w != nil && f != nil {
		w.Canvas().Focus(f)
	}
}
