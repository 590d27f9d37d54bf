// Package app is MentorDesk's window: one screen per area (Home, Mentors, Schools, Programs,
// Calendar, Payments, Documents, Mutual Mentorship, Settings), its dialogs and their wiring.
package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// AppID identifies MentorDesk to the OS (preferences, single-instance, notifications).
const AppID = "org.cascadeyouthmusic.mentordesk"

// Run opens the database (a new one starts as the sample organisation) and shows the window.
func Run(dbPath string) error {
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	lock, err := sqlite.AcquireLock(dbPath, "window", 0)
	if err != nil {
		showRefusal("MentorDesk is already open", err)
		return err
	}
	defer lock.Release()
	_, statErr := os.Stat(dbPath)
	isNew := os.IsNotExist(statErr)
	st, err := sqlite.Open(dbPath, sqlite.Options{})
	if err != nil {
		showRefusal("MentorDesk cannot open the database", err)
		return err
	}
	defer st.Close()
	if isNew {
		if err := demo.Fill(context.Background(), st, data.Today()); err != nil {
			log.Printf("sample organisation: %v", err)
		}
	}
	a := fyneapp.NewWithID(AppID)
	w := NewMainWindow(a, st, data.Today)
	w.ShowAndRun()
	return nil
}

// NewMainWindow builds the main window over a store; today is injectable for tests.
func NewMainWindow(a fyne.App, st *sqlite.Store, today func() data.Date) fyne.Window {
	w := a.NewWindow("MentorDesk")
	sh := newShell(a, w, st, today)
	w.SetContent(sh.buildUI())
	w.SetMainMenu(sh.mainMenu())
	w.Resize(fyne.NewSize(1200, 780))
	sh.show(a.Preferences().StringWithFallback("area", "Home"))
	w.SetTitle(fmt.Sprintf("MentorDesk — %s", st.Path()))
	return w
}

// showRefusal tells the user in a small window why MentorDesk cannot start, then exits.
func showRefusal(title string, err error) {
	a := fyneapp.NewWithID(AppID)
	w := a.NewWindow(title)
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewCenter(quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}
