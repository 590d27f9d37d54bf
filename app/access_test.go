package app

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stop is one control Tab reaches, where it sits in the window.
type stop struct {
	obj       fyne.Focusable
	pos       fyne.Position
	size      fyne.Size
	described string
}

func (s stop) String() string {
	return fmt.Sprintf("%s at (%.0f,%.0f)", s.described, s.pos.X, s.pos.Y)
}

// describe names a control for a failure message.
func describe(o fyne.CanvasObject) string {
	name := reflect.TypeOf(o).String()
	switch w := o.(type) {
	case *widget.Button:
		return name + " " + fmt.Sprintf("%q", w.Text)
	case *widget.Entry:
		return name + " " + fmt.Sprintf("%q", w.PlaceHolder+w.Text)
	case *widget.Select:
		return name + " " + fmt.Sprintf("%q", w.Selected)
	case *widget.Check:
		return name + " " + fmt.Sprintf("%q", w.Text)
	}
	return name
}

// focusChain presses Tab from nothing until the focus comes round again: every control the
// keyboard reaches, in order.
func focusChain(w fyne.Window) []stop {
	c := w.Canvas()
	c.Unfocus()
	seen := map[fyne.Focusable]bool{}
	var out []stop
	for range 1000 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || seen[f] {
			break
		}
		seen[f] = true
		o := f.(fyne.CanvasObject)
		out = append(out, stop{f, fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size(), describe(o)})
	}
	return out
}

// goesBack reports whether moving the focus from a to b goes against reading order: up within
// the same column, or left within the same row.
func goesBack(a, b stop) bool {
	const slack = 2
	overlapX := min(a.pos.X+a.size.Width, b.pos.X+b.size.Width) - max(a.pos.X, b.pos.X)
	overlapY := min(a.pos.Y+a.size.Height, b.pos.Y+b.size.Height) - max(a.pos.Y, b.pos.Y)
	up := b.pos.Y+b.size.Height <= a.pos.Y+slack && overlapX > slack
	left := b.pos.X+b.size.Width <= a.pos.X+slack && overlapY > min(a.size.Height, b.size.Height)/2
	return up || left
}

// unreachable lists the visible controls that react to a click but that Tab never reaches:
// tappable, not focusable, and not inside a focusable control that stands for them (a list's rows).
func unreachable(root fyne.CanvasObject) []string {
	var out []string
	walkObjects(root, func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		if _, focusable := o.(fyne.Focusable); focusable {
			return false // Tab reaches it, and its parts through it (a list's rows)
		}
		// A scroll bar is the pointer's way to move a view whose controls Tab reaches anyway;
		// tabs are reached by View › Next tab and Previous tab (TestTabsByKeyboard).
		name := reflect.TypeOf(o).String()
		pointerOnly := name == "*widget.scrollBarArea" || name == "*container.tabButton"
		if _, tappable := o.(fyne.Tappable); tappable && !pointerOnly {
			if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
				out = append(out, describe(o))
			}
		}
		return true
	})
	return out
}

func TestKeyboardReachesEveryControlInReadingOrder(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	type view struct {
		name string
		open func()
	}
	var views []view
	for _, a := range sh.areas {
		views = append(views, view{a.name, func() { sh.show(a.name) }})
	}
	views = append(views, view{"a mentor's page", func() {
		sh.show("Mentors")
		waitIdle()
		m := sh.current.scr.(*mentors)
		m.openMentor(m.all[0].Mentor.ID)
	}}, view{"welcome", sh.showWelcome})
	for _, v := range views {
		t.Run(strings.ReplaceAll(v.name, " ", "_"), func(t *testing.T) {
			v.open()
			waitIdle()
			chain := focusChain(w)
			if len(chain) < 2 {
				t.Fatalf("Tab reaches only %v", chain)
			}
			for i := 1; i < len(chain); i++ {
				if goesBack(chain[i-1], chain[i]) {
					t.Errorf("Tab goes back from %s to %s", chain[i-1], chain[i])
				}
			}
			if u := unreachable(w.Content()); len(u) > 0 {
				t.Errorf("clickable but out of the keyboard's reach: %s", strings.Join(u, ", "))
			}
		})
	}
}

func TestTabsByKeyboard(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	// The shortcut runs its menu item (addShortcuts binds each item's key to its run).
	keys := map[fyne.KeyName]func(){}
	for _, it := range sh.items()["View"] {
		if it.label == "Next tab" || it.label == "Previous tab" {
			if it.key == nil || it.key.Modifier != fyne.KeyModifierShortcutDefault {
				t.Fatalf("%s has shortcut %+v", it.label, it.key)
			}
			keys[it.key.KeyName] = it.run
		}
	}
	press := func(k fyne.KeyName) {
		run, ok := keys[k]
		if !ok {
			t.Fatalf("no View menu item on Ctrl+%s", k)
		}
		run()
	}
	for _, name := range []string{"Payments", "Mutual Mentorship", "Schools"} {
		sh.show(name)
		waitIdle()
		tabs := firstTabs(sh.current.built)
		if tabs == nil {
			t.Fatalf("%s shows no tabs", name)
		}
		n := len(tabs.Items)
		tabs.SelectIndex(0)
		for i := 1; i <= n; i++ {
			press(fyne.KeyPageDown)
			if got := tabs.SelectedIndex(); got != i%n {
				t.Errorf("%s: after %d × Ctrl+PageDown the tab is %d; want %d", name, i, got, i%n)
			}
		}
		press(fyne.KeyPageUp)
		if got := tabs.SelectedIndex(); got != n-1 {
			t.Errorf("%s: Ctrl+PageUp from the first tab selects %d; want the last, %d", name, got, n-1)
		}
	}
}

func TestTextSizeScalesTheWholeWindow(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Mentors")
	waitIdle()
	m := sh.current.scr.(*mentors)
	before := m.search.MinSize()
	textBefore := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)

	sh.stepTextSize(1)
	sh.stepTextSize(1)
	if got := textSizes[textSizeIndex(sh.app.Preferences())]; got.name != "Larger" {
		t.Fatalf("two steps up gave %s", got.name)
	}
	waitIdle()
	text := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)
	after := m.search.MinSize()
	if text < textBefore*1.29 || after.Height < before.Height*1.25 {
		t.Errorf("at 130 %%: text %.1f (was %.1f), search field %.0f high (was %.0f)", text, textBefore, after.Height, before.Height)
	}

	for range 5 {
		sh.stepTextSize(1)
	}
	if got := textSizeIndex(sh.app.Preferences()); got != len(textSizes)-1 {
		t.Errorf("stepping past the largest size gave index %d", got)
	}
	sh.show("Settings")
	waitIdle()
	if s := sh.current.scr.(*settings); s.textSize.SelectedIndex() != len(textSizes)-1 {
		t.Errorf("Settings shows text size %q", s.textSize.Selected)
	}
	setAppearance(sh.app, "", 0)
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got != textBefore {
		t.Errorf("back to standard: text %.1f; want %.1f", got, textBefore)
	}
}

func TestTheViewFollowsTheFocus(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	w.Resize(fyne.NewSize(1000, 520))
	sh.show("Settings")
	waitIdle()
	sh.followFocus()
	defer sh.stopBackground()
	chain := focusChain(w)
	last := chain[len(chain)-1]
	inView := func(s stop) bool {
		o := s.obj.(fyne.CanvasObject)
		y := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
		return y >= 0 && y+o.Size().Height <= w.Canvas().Size().Height
	}
	w.Canvas().Unfocus()
	pause(2 * focusCheckEvery)
	if inView(last) {
		t.Fatalf("%s is in view before it has the focus; the test needs it below the fold", last)
	}
	w.Canvas().Focus(last.obj)
	eventually(t, "the view scrolled to "+last.String(), func() bool { return inView(last) })
	first := chain[1] // past the navigation list
	w.Canvas().Focus(first.obj)
	eventually(t, "the view scrolled back to "+first.String(), func() bool { return inView(first) })
}
