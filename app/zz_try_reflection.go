package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

func TryReflection(a fyne.App, st *sqlite.Store, today func() data.Date, mentorID, enrollmentID, sessionID int64) fyne.Window {
	w := a.NewWindow("Reflection panels")
	d := deps{store: st, win: w, today: today, open: func(string) {}, app: a}
	w.SetContent(container.NewAppTabs(
		container.NewTabItem("Goals", goalsPanel(d, enrollmentID)),
		container.NewTabItem("Feedback", feedbackPanel(d, mentorID)),
		container.NewTabItem("Note", sessionNotePanel(d, sessionID)),
		container.NewTabItem("Review", container.NewVBox(reviewPanel(d), reviewThresholdsPanel(d))),
	))
	w.Resize(fyne.NewSize(1200, 800))
	return w
}
