package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/csvio"
)

// Screens may offer these; the menu and shortcuts call them on the current area.
type (
	finder  interface{ focusSearch() } // Edit › Find
	creator interface{ newItem() }     // File › New
	pager   interface {
		previousPeriod()
		nextPeriod()
	} // View › Previous/Next period
)

func shortcut(k fyne.KeyName, mods ...fyne.KeyModifier) *desktop.CustomShortcut {
	m := fyne.KeyModifierShortcutDefault
	for _, x := range mods {
		m |= x
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

// standardKeys are the menu items on a shortcut the window reports by name (Ctrl+Z arrives as
// Undo, not as a key): bound in the menu before a focused entry's own handling of it.
var standardKeys = map[string]fyne.Shortcut{"Undo": &fyne.ShortcutUndo{}}

// menuItem is a menu entry whose shortcut also works from the keyboard anywhere in the window.
type menuItem struct {
	label string
	key   *desktop.CustomShortcut
	run   func()
}

func (sh *shell) items() map[string][]menuItem {
	onCurrent := func(f func(screen)) func() {
		return func() {
			if sh.current != nil {
				f(sh.current.scr)
			}
		}
	}
	file := []menuItem{
		{"New", shortcut(fyne.KeyN), onCurrent(func(s screen) {
			if c, ok := s.(creator); ok {
				c.newItem()
			}
		})},
		{"Save", shortcut(fyne.KeyS), onCurrent(func(s screen) {
			if e, ok := s.(editor); ok && e.unsaved() != "" {
				e.saveEdits(func(bool) {})
			}
		})},
		{"Import from a spreadsheet…", shortcut(fyne.KeyI), sh.showImport},
		{"Download CSV templates…", nil, sh.saveTemplates},
		{"Open a document…", shortcut(fyne.KeyO), func() { sh.show("Documents") }},
		{"Send e-mail…", shortcut(fyne.KeyE), func() { showMailSend(sh.deps(), "") }},
		{"Outbox…", nil, func() { showOutbox(sh.deps()) }},
		{"Back up now", nil, sh.backupNow},
		{"Back up to…", nil, sh.backupTo},
		{"Restore a backup…", nil, sh.showRestore},
		{"Open another organisation…", nil, sh.onOpenOrganisation},
		{"Open the sample organisation", nil, sh.onOpenSample},
		{"Start my organisation…", nil, sh.startOwnOrganisation},
	}
	edit := []menuItem{
		{"Find", shortcut(fyne.KeyF), onCurrent(func(s screen) {
			if f, ok := s.(finder); ok {
				f.focusSearch()
			}
		})},
		{"Undo", nil, onCurrent(func(s screen) {
			if u, ok := s.(undoer); ok {
				u.undoLastChange()
			}
		})},
	}
	var view []menuItem
	for i, a := range sh.areas {
		name := a.name
		var key *desktop.CustomShortcut
		if i < 9 {
			key = shortcut(fyne.KeyName(fmt.Sprint(i + 1)))
		}
		view = append(view, menuItem{name, key, func() { sh.show(name) }})
	}
	view = append(view,
		menuItem{"Previous period", shortcut(fyne.KeyLeft, fyne.KeyModifierAlt), onCurrent(func(s screen) {
			if p, ok := s.(pager); ok {
				p.previousPeriod()
			}
		})},
		menuItem{"Next period", shortcut(fyne.KeyRight, fyne.KeyModifierAlt), onCurrent(func(s screen) {
			if p, ok := s.(pager); ok {
				p.nextPeriod()
			}
		})},
		// Tabs take no keyboard focus in Fyne; these reach them from the keyboard.
		menuItem{"Previous tab", shortcut(fyne.KeyPageUp), func() { sh.switchTab(-1) }},
		menuItem{"Next tab", shortcut(fyne.KeyPageDown), func() { sh.switchTab(1) }},
		menuItem{"Larger text", shortcut(fyne.KeyEqual), func() { sh.stepTextSize(1) }},
		menuItem{"Smaller text", shortcut(fyne.KeyMinus), func() { sh.stepTextSize(-1) }},
		menuItem{"Standard text size", shortcut(fyne.Key0), func() { setAppearance(sh.app, "", 0) }},
	)
	help := []menuItem{
		{"Guide to this area", shortcut(fyne.KeySlash), sh.showGuide},
		{"About MentorDesk", nil, sh.showAbout},
	}
	return map[string][]menuItem{"File": file, "Edit": edit, "View": view, "Help": help}
}

func (sh *shell) mainMenu() *fyne.MainMenu {
	items := sh.items()
	build := func(name string, extra ...*fyne.MenuItem) *fyne.Menu {
		var out []*fyne.MenuItem
		for _, it := range items[name] {
			mi := fyne.NewMenuItem(it.label, it.run)
			if it.key != nil {
				mi.Shortcut = it.key
			}
			if k := standardKeys[it.label]; k != nil {
				mi.Shortcut = k
			}
			out = append(out, mi)
		}
		return fyne.NewMenu(name, append(out, extra...)...)
	}
	exports := fyne.NewMenuItem("Export to Excel workbook", nil)
	csvExports := fyne.NewMenuItem("Export to CSV", nil)
	for _, k := range csvio.AllKinds {
		kind := k
		exports.ChildMenu = addItem(exports.ChildMenu, fyne.NewMenuItem(string(kind), func() { sh.exportKindAs(kind, ".xlsx") }))
		csvExports.ChildMenu = addItem(csvExports.ChildMenu, fyne.NewMenuItem(string(kind), func() { sh.exportKindAs(kind, ".csv") }))
	}
	quit := fyne.NewMenuItem("Quit", func() { sh.confirmLeave(sh.quit, func() {}) })
	quit.IsQuit = true
	theme := fyne.NewMenuItem("Theme", nil)
	for _, t := range []string{"system", "light", "dark"} {
		choice := t
		theme.ChildMenu = addItem(theme.ChildMenu, fyne.NewMenuItem(map[string]string{"system": "Follow the system", "light": "Light", "dark": "Dark"}[t], func() {
			setAppearance(sh.app, choice, -1)
		}))
	}
	return fyne.NewMainMenu(
		build("File", exports, csvExports, fyne.NewMenuItemSeparator(), quit),
		build("Edit"),
		build("View", fyne.NewMenuItemSeparator(), theme),
		build("Help"),
	)
}

// stepTextSize moves the text size one step up or down the sizes Settings offers.
func (sh *shell) stepTextSize(step int) {
	i := min(max(textSizeIndex(sh.app.Preferences())+step, 0), len(textSizes)-1)
	setAppearance(sh.app, "", i)
}

// switchTab selects the next (step 1) or previous (step -1) tab of the first set of tabs shown
// in the current area, going round at the ends.
func (sh *shell) switchTab(step int) {
	if sh.current == nil {
		return
	}
	if tabs := firstTabs(sh.current.built); tabs != nil && len(tabs.Items) > 0 {
		n := len(tabs.Items)
		tabs.SelectIndex(((tabs.SelectedIndex()+step)%n + n) % n)
	}
}

// firstTabs finds the first visible tabs in o (childrenOf).
func firstTabs(o fyne.CanvasObject) *container.AppTabs {
	if o == nil || !o.Visible() {
		return nil
	}
	if t, ok := o.(*container.AppTabs); ok {
		return t
	}
	for _, c := range childrenOf(o) {
		if t := firstTabs(c); t != nil {
			return t
		}
	}
	return nil
}

func addItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// addShortcuts makes the menu's shortcuts work from anywhere in the window.
func (sh *shell) addShortcuts() {
	for _, group := range sh.items() {
		for _, it := range group {
			run := it.run
			if it.key != nil {
				sh.win.Canvas().AddShortcut(it.key, func(fyne.Shortcut) { run() })
			}
			if k := standardKeys[it.label]; k != nil {
				sh.win.Canvas().AddShortcut(k, func(fyne.Shortcut) { run() })
			}
		}
	}
}

func (sh *shell) quit() {
	sh.closeWindow()
	sh.app.Quit()
}

func (sh *shell) showAbout() {
	dialog.ShowCustom("About MentorDesk", "Close", widget.NewLabel(fmt.Sprintf(
		"MentorDesk %s\n\nRuns a music mentorship program: mentors, schools, sessions,\npayments and documents, in one file on this computer.\n\nThe organisation's data lives in:\n%s\n\nBackups are kept in:\n%s",
		Version, sh.store.Path(), sh.backupDir())), sh.win)
}
