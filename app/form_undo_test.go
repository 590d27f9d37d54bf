package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// editUndo runs Edit › Undo as the menu does.
func editUndo(t *testing.T, sh *shell) {
	t.Helper()
	for _, it := range sh.items()["Edit"] {
		if it.label == "Undo" {
			it.run()
			return
		}
	}
	t.Fatal("no Edit › Undo")
}

// ctrlZ runs what the window runs on Ctrl+Z, which it reports as the Undo shortcut: the main
// menu's item bound to that shortcut.
func ctrlZ(t *testing.T, sh *shell) {
	t.Helper()
	undo := (&fyne.ShortcutUndo{}).ShortcutName()
	for _, menu := range sh.mainMenu().Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == undo {
				it.Action()
				return
			}
		}
	}
	t.Fatal("no menu item on Ctrl+Z")
}

func TestMentorFormUndoTakesBackOneFieldAtATime(t *testing.T) {
	st := demoStore(t)
	w, sh, m := openMentorsArea(t, st)
	p := openPage(t, m, "zoe.lukasiewicz@example.org")
	saved := map[string]string{}
	for name, f := range p.fields {
		if f.entry != nil {
			saved[name] = f.entry.Text
		}
	}
	undo := findButton(t, w, "Undo")
	if !undo.Disabled() {
		t.Fatal("Undo is enabled on a form just loaded")
	}

	typeInto(p, "phone", "(206) 555-0000")
	typeInto(p, "address", "12 Pine St, Seattle")
	if undo.Disabled() {
		t.Fatal("Undo is disabled after two edits")
	}

	test.Tap(undo)
	if got := p.fields["address"].entry.Text; got != saved["address"] {
		t.Errorf("after one Undo the address is %q, want %q", got, saved["address"])
	}
	if got := p.fields["phone"].entry.Text; got != "(206) 555-0000" {
		t.Errorf("after one Undo the phone is %q, want the typed (206) 555-0000", got)
	}
	if p.unsaved() == "" || undo.Disabled() {
		t.Errorf("one change left, but unsaved() = %q and Undo disabled = %v", p.unsaved(), undo.Disabled())
	}

	editUndo(t, sh) // Edit › Undo on the Mentors screen reaches the form
	for name, want := range saved {
		if got := p.fields[name].entry.Text; got != want {
			t.Errorf("after the second Undo %s is %q, want the saved %q", name, got, want)
		}
	}
	if p.unsaved() != "" {
		t.Errorf("everything taken back, but unsaved() = %q", p.unsaved())
	}
	if !undo.Disabled() {
		t.Error("Undo is still enabled with nothing to take back")
	}
	if !p.saveButton.Disabled() || !p.revert.Disabled() {
		t.Error("Save or Revert is still enabled on a form equal to the saved mentor")
	}

	// After Save the history starts again: the saved value stays.
	typeInto(p, "phone", "(206) 555-1111")
	test.Tap(p.saveButton)
	landed(t, "the save", &m.busy, func() bool { return p.unsaved() == "" })
	if !undo.Disabled() {
		t.Error("Undo is enabled right after Save")
	}
	test.Tap(undo)
	if got := p.fields["phone"].entry.Text; got != "(206) 555-1111" {
		t.Errorf("Undo after Save changed the phone to %q", got)
	}
	if got, _ := st.Mentor(context.Background(), p.id()); got.Phone != "(206) 555-1111" {
		t.Errorf("stored phone %q", got.Phone)
	}
}

func TestMentorFormUndoTakesBackAStatusChoice(t *testing.T) {
	st := demoStore(t)
	_, _, m := openMentorsArea(t, st)
	p := openPage(t, m, "zoe.lukasiewicz@example.org")
	was := p.status.Selected
	other := statusChoices[0]
	if other == was {
		other = statusChoices[2]
	}
	p.status.SetSelected(other)
	typeInto(p, "phone", "(206) 555-0000")
	p.undo.undo()
	if p.status.Selected != other {
		t.Errorf("Undo of the phone also took back the status: %q", p.status.Selected)
	}
	p.undo.undo()
	if p.status.Selected != was || p.unsaved() != "" {
		t.Errorf("after undoing the choice the status is %q (was %q), unsaved() = %q", p.status.Selected, was, p.unsaved())
	}
}

func TestClassroomFormUndoTakesBackTypingAndTicks(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Maple Leaf Elementary")
	cp := openClassroomPage(t, s, sp, "Maple Leaf Singers")
	name := cp.name.entry.Text
	test.Type(cp.name.entry, "Junior ")
	typed := cp.name.entry.Text
	test.Tap(cp.days[3]) // Thu on
	test.Tap(cp.days[2]) // Wed off
	editUndo(t, sh)
	if got := cp.draft().days.String(); got != "Mon;Wed;Thu;Fri" {
		t.Errorf("after one Undo the days are %s, want Mon;Wed;Thu;Fri", got)
	}
	editUndo(t, sh)
	if got := cp.draft().days.String(); got != "Mon;Wed;Fri" || cp.name.entry.Text != typed {
		t.Errorf("after two Undos: days %s, name %q", got, cp.name.entry.Text)
	}
	editUndo(t, sh)
	if cp.name.entry.Text != name || s.unsaved() != "" {
		t.Errorf("after three Undos: name %q, unsaved() = %q", cp.name.entry.Text, s.unsaved())
	}
	if !cp.fs.history.button.Disabled() {
		t.Error("Undo enabled with nothing to take back")
	}
}

func TestSchoolFormUndoTakesBackASelect(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	s, sp := openSchoolPage(t, sh, "Beacon Ridge Elementary")
	level := sp.level.Selected
	other := sp.level.Options[0]
	if other == level {
		other = sp.level.Options[1]
	}
	sp.level.SetSelected(other)
	test.Type(sp.address.entry, " (rear entrance)")
	sp.fs.undoLastChange()
	if sp.level.Selected != other || !s.page.dirty() {
		t.Errorf("after one Undo the level is %q, want %q still chosen", sp.level.Selected, other)
	}
	ctrlZ(t, sh) // Ctrl+Z reaches the form through the Edit menu's shortcut
	if sp.level.Selected != level || s.unsaved() != "" {
		t.Errorf("after two Undos the level is %q (was %q), unsaved() = %q", sp.level.Selected, level, s.unsaved())
	}
}
