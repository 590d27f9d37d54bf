package app

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// screen is one area of the main window.
type screen interface {
	// buildUI is called once, the first time the area is shown.
	buildUI() fyne.CanvasObject
	// reload fetches the area's data again (off the UI goroutine) and refreshes it.
	reload()
}

// editor is a screen that may hold unsaved edits; the shell asks before they are lost (leaving
// the area, closing the window or quitting).
type editor interface {
	// unsaved names what is being edited ("the mentor Zoë Łukasiewicz") or returns "".
	unsaved() string
	// saveEdits saves; done(true) once saved, done(false) when validation kept it from saving.
	saveEdits(done func(ok bool))
	discardEdits()
}

// area is a navigation entry.
type area struct {
	name  string
	icon  fyne.Resource
	make  func() screen
	scr   screen
	built fyne.CanvasObject
}

// shell is the main window: navigation on the left, the current area on the right.
type shell struct {
	app   fyne.App
	win   fyne.Window
	store *sqlite.Store
	today func() data.Date

	areas      []*area
	work       shellWork      // backups, focus-follow and loads; joined before the store closes
	restoreDlg *restoreDialog // the restore dialog last opened
	orgForm    *orgWizard     // the open "Start my organisation" form, for tests
	importDlg  *importer      // the open import, for tests
	nav        *widget.List
	content    *fyne.Container
	current    *area
}

func newShell(a fyne.App, w fyne.Window, st *sqlite.Store, today func() data.Date) *shell {
	sh := &shell{app: a, win: w, store: st, today: today}
	sh.areas = []*area{
		{name: "Home", icon: theme.HomeIcon(), make: func() screen { return newHome(sh.deps()) }},
		{name: "Mentors", icon: theme.AccountIcon(), make: func() screen { return newMentors(sh.deps()) }},
		{name: "Schools", icon: theme.StorageIcon(), make: func() screen { return newSchools(sh.deps()) }},
		{name: "Programs", icon: theme.ListIcon(), make: func() screen { return newPrograms(sh.deps()) }},
		{name: "Calendar", icon: theme.CalendarIcon(), make: func() screen { return newCalendarArea(sh.deps()) }},
		{name: "Payments", icon: theme.ContentPasteIcon(), make: func() screen { return newPayments(sh.deps()) }},
		{name: "Documents", icon: theme.DocumentPrintIcon(), make: func() screen { return newDocuments(sh.deps()) }},
		{name: "Mutual Mentorship", icon: theme.MailReplyAllIcon(), make: func() screen { return newMutual(sh.deps()) }},
		{name: "Settings", icon: theme.SettingsIcon(), make: func() screen { return newSettings(sh.deps()) }},
	}
	guardOwnFiles(func(path string) error { return st.RefuseOwnFile(path, sh.backupDir()) })
	return sh
}

// deps are what every screen may use: the store, the window for dialogs, the clock and
// navigation to another area.
type deps struct {
	store desk
	win   fyne.Window
	today func() data.Date
	open  func(area string)
	app   fyne.App
	shell *shell // window-wide actions: backups, restore, import
}

func (sh *shell) deps() deps {
	return deps{store: newDesk(sh.store), win: sh.win, today: sh.today, open: sh.show, app: sh.app, shell: sh}
}

func (sh *shell) buildUI() fyne.CanvasObject {
	sh.nav = widget.NewList(
		func() int { return len(sh.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Mutual Mentorship"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(sh.areas[id].icon)
			box.Objects[1].(*widget.Label).SetText(sh.areas[id].name)
		})
	sh.nav.OnSelected = func(id widget.ListItemID) {
		next := sh.areas[id]
		if next == sh.current {
			return
		}
		if ed, ok := sh.currentEditor(); ok && ed.unsaved() != "" {
			// While the director is asked, the highlight stays on the page still shown.
			sh.selectCurrent()
		}
		sh.confirmLeave(func() { sh.showArea(next); sh.selectCurrent() }, sh.selectCurrent)
	}
	sh.win.SetCloseIntercept(func() { sh.confirmLeave(sh.closeWindow, func() {}) })
	sh.content = container.NewStack()
	split := container.NewHSplit(sh.nav, sh.content)
	split.Offset = 0.16
	return split
}

// closeWindow remembers the window's size for the next start, then closes it.
func (sh *shell) closeWindow() {
	size := sh.win.Canvas().Size()
	p := sh.app.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	sh.stopBackground()
	sh.win.Close()
}

// show switches to the named area (unknown names open Home).
func (sh *shell) show(name string) {
	for i, a := range sh.areas {
		if a.name == name {
			sh.nav.Select(i)
			return
		}
	}
	sh.nav.Select(0)
}

func (sh *shell) showArea(a *area) {
	if a.scr == nil {
		a.scr = a.make()
		a.built = a.scr.buildUI()
	}
	sh.current = a
	sh.content.Objects = []fyne.CanvasObject{a.built}
	sh.content.Refresh()
	sh.app.Preferences().SetString("area", a.name)
	a.scr.reload()
}

// currentEditor is the area shown when it holds forms that can be unsaved.
func (sh *shell) currentEditor() (editor, bool) {
	if sh.current == nil {
		return nil, false
	}
	ed, ok := sh.current.scr.(editor)
	return ed, ok
}

// selectCurrent highlights the area shown in the sidebar.
func (sh *shell) selectCurrent() {
	for i, a := range sh.areas {
		if a == sh.current {
			sh.nav.Select(i)
		}
	}
}

// confirmLeave runs proceed once the current area has no unsaved edits: it asks to save,
// discard or cancel (stay) when it has.
func (sh *shell) confirmLeave(proceed, stay func()) {
	if sh.current == nil {
		proceed()
		return
	}
	ed, ok := sh.current.scr.(editor)
	if !ok || ed.unsaved() == "" {
		proceed()
		return
	}
	what := ed.unsaved()
	var d dialog.Dialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		ed.saveEdits(func(saved bool) {
			if saved {
				proceed()
			} else {
				stay()
			}
		})
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() { d.Hide(); ed.discardEdits(); proceed() })
	cancel := widget.NewButton("Cancel", func() { d.Hide(); stay() })
	msg := widget.NewLabel("You have unsaved changes to " + what + ".\nSave them before leaving?")
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(cancel, discard, save)), sh.win)
	d.Show()
}

// background runs work off the UI goroutine and hands its result back on it; errors are
// shown to the user and logged.
func background[T any](d deps, work func(ctx context.Context) (T, error), done func(T)) {
	run := func(ctx context.Context) {
		v, err := work(ctx)
		if ctx.Err() != nil {
			return // the shell stopped: nobody is left to show it
		}
		fyne.Do(func() {
			if err != nil {
				log.Print(err)
				dialog.ShowError(err, d.win)
				return
			}
			done(v)
		})
	}
	if d.shell != nil {
		d.shell.goWork(run)
		return
	}
	go run(context.Background())
}
