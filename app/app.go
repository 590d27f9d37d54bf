// Package app is MentorDesk's window: one screen per area (Home, Mentors, Schools, Programs,
// Calendar, Payments, Documents, Mutual Mentorship, Settings), its dialogs and their wiring.
package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/assets"
	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// AppID identifies MentorDesk to the OS (preferences, single-instance, notifications).
const AppID = "org.cascadeyouthmusic.mentordesk"

// Version is MentorDesk's version; FyneApp.toml carries the same (a test keeps them equal).
const Version = "0.1.0"

// Run opens the database (a new one starts as the sample organisation) and shows the window.
// A second copy on the same file, or a file that cannot be opened, gets a window saying why.
func Run(dbPath string) error {
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	applyTheme(a)
	if err := sqlite.CheckWritable(dbPath); err != nil {
		showRefusal(a, "MentorDesk cannot open the database", err.Error())
		return err
	}
	lock, err := sqlite.AcquireLock(dbPath, "window", 0)
	if err != nil {
		showRefusal(a, "MentorDesk is already open", err.Error())
		return err
	}
	windowLock = lock
	defer func() { windowLock.Release() }() // the lock of the database shown last

	w := a.NewWindow("MentorDesk")
	w.Resize(savedSize(a))
	var failed error
	openInto(a, w, dbPath, data.Today, func(err error) { failed = err }, nil)
	w.ShowAndRun()
	if liveShell != nil {
		liveShell.stopBackground() // its work ends before the store closes
	}
	if liveStore != nil {
		liveStore.Close()
	}
	return failed
}

// openInto opens the database beside the window's start, which it overlaps: w shows a line
// saying what is being opened (or that the sample organisation is being made) until the store is
// ready, then the shell (mounted is told of it), the recovery panel for a damaged file, or why
// the file cannot be opened (failed is told of it).
func openInto(a fyne.App, w fyne.Window, dbPath string, today func() data.Date, failed func(error), mounted func(*shell)) {
	what := "Opening " + dbPath + "…"
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) && !sqlite.RestorePending(dbPath) {
		what = "Preparing a sample organisation to explore…"
	}
	w.SetContent(container.NewCenter(widget.NewLabel(what)))
	show := func(st *sqlite.Store) {
		sh := mount(a, w, st, today)
		if mounted != nil {
			mounted(sh)
		}
	}
	go func() {
		st, err := openStore(dbPath)
		fyne.Do(func() {
			switch {
			case errors.Is(err, sqlite.ErrDamaged), errors.Is(err, sqlite.ErrMissingBesideRestore):
				w.SetContent(recoveryPanel(a, w, dbPath, err, show))
			case err != nil:
				failed(err)
				w.SetContent(refusalPanel(a, "MentorDesk cannot open the database", err.Error()))
			default:
				show(st)
			}
		})
	}()
}

// openStore opens the database; a new file becomes the sample organisation, marked as such so
// the welcome can offer to start the director's own.
func openStore(path string) (*sqlite.Store, error) {
	st, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	// Only a file Open made is new: one an interrupted restore put back in place is not.
	if st.Created() {
		ctx := context.Background()
		if err := demo.Fill(ctx, st, data.Today()); err != nil {
			log.Printf("sample organisation: %v", err)
		} else if err := st.SetMeta(ctx, "sample", "yes"); err != nil {
			log.Printf("sample organisation: %v", err)
		}
	}
	return st, nil
}

// NewMainWindow builds the main window over a store; today is injectable for tests.
func NewMainWindow(a fyne.App, st *sqlite.Store, today func() data.Date) fyne.Window {
	w := a.NewWindow("MentorDesk")
	w.Resize(savedSize(a))
	mount(a, w, st, today)
	return w
}

// mount shows the shell of a store in the window (again, after a restore or a fresh start).
func mount(a fyne.App, w fyne.Window, st *sqlite.Store, today func() data.Date) *shell {
	liveStore = st
	sh := newShell(a, w, st, today)
	liveShell = sh
	w.SetContent(sh.buildUI())
	w.SetMainMenu(sh.mainMenu())
	sh.addShortcuts()
	w.SetTitle(fmt.Sprintf("MentorDesk — %s", st.Path()))
	sh.show(a.Preferences().StringWithFallback(prefArea, "Home"))
	sh.startBackups()
	sh.followFocus()
	sh.maybeWelcome()
	return sh
}

// liveStore is the store the window shows, closed when the window's run ends; liveShell shows it.
var (
	liveStore *sqlite.Store
	liveShell *shell
)

const (
	prefArea      = "area"
	prefTheme     = "theme"
	prefTextScale = "text.scale"
	prefWidth     = "window.width"
	prefHeight    = "window.height"
)

func savedSize(a fyne.App) fyne.Size {
	p := a.Preferences()
	return fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1200)), float32(p.FloatWithFallback(prefHeight, 780)))
}

// showRefusal tells the user in a small window why MentorDesk cannot start.
func showRefusal(a fyne.App, title, msg string) {
	w := a.NewWindow(title)
	w.SetContent(refusalPanel(a, "", msg))
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
}

// refusalPanel says why MentorDesk cannot go on, under a bold title when there is one, with Quit.
func refusalPanel(a fyne.App, title, msg string) fyne.CanvasObject {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	var head fyne.CanvasObject
	if title != "" {
		head = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewPadded(border(head, container.NewCenter(quit), nil, nil, text))
}

// recoveryPanel explains a damaged database (kept as it is) and offers the newest backup that
// passes its checks; for a database gone missing beside a file a restore kept aside, it offers
// to put that file back (or else the newest backup).
func recoveryPanel(a fyne.App, w fyne.Window, path string, cause error, opened func(*sqlite.Store)) fyne.CanvasObject {
	// Checking the files on offer reads them whole: it runs off the UI goroutine.
	box := container.NewStack(container.NewCenter(widget.NewLabel("Looking for a backup that passes its checks…")))
	go func() {
		backup, offer := "", "The newest backup that passes its checks is"
		if errors.Is(cause, sqlite.ErrMissingBesideRestore) {
			if backup = sqlite.NewestKeptAside(path); backup != "" {
				offer = "The file a restore kept aside, which passes its checks, is"
			}
		}
		if backup == "" {
			backup = sqlite.NewestGoodBackup(path)
		}
		summary := ""
		if backup != "" {
			summary, _ = sqlite.Summarize(backup)
		}
		fyne.Do(func() {
			box.Objects = []fyne.CanvasObject{recoveryChoice(a, path, cause, backup, offer, summary, opened)}
			box.Refresh()
		})
	}()
	return box
}

// recoveryChoice is the recovery panel once the files are checked: backup is the one on offer
// ("" when none passes its checks), offer how to name it, summary what it holds.
func recoveryChoice(a fyne.App, path string, cause error, backup, offer, summary string, opened func(*sqlite.Store)) fyne.CanvasObject {
	title := "The database is damaged"
	msg := fmt.Sprintf("The database could not be read because it is damaged:\n\n%v\n\nThe file has not been changed.", cause)
	if errors.Is(cause, sqlite.ErrMissingBesideRestore) {
		title = "The database is missing"
		msg = fmt.Sprint(cause)
	}
	var actions []fyne.CanvasObject
	if backup != "" {
		msg += fmt.Sprintf("\n\n%s\n%s\n(%s).\nRestoring it puts a checked copy in place; whatever is at the path now is kept aside, renamed, so nothing is lost.", offer, backup, summary)
		restore := widget.NewButton("Restore this file", nil)
		restore.Importance = widget.HighImportance
		restore.OnTapped = func() {
			st, _, err := restoreAndOpen(path, backup)
			if err != nil {
				if st != nil {
					st.Close()
				}
				restore.SetText("Restore failed: " + err.Error())
				return
			}
			opened(st)
		}
		actions = append(actions, restore)
	} else {
		msg += "\n\nNo backup that passes its checks was found in " + sqlite.DefaultBackupDir(path) + "."
	}
	actions = append(actions, widget.NewButton("Quit", a.Quit))
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(border(head, container.NewHBox(actions...), nil, nil, text))
}
