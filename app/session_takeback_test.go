package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// A confirmation given by mistake is taken back while the session is not on a statement, and a
// completion after it: the session is planned again.
func TestTakeBackAConfirmationAndACompletion(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	x := findSession(t, st, sqlite.SessionFilter{Status: data.Confirmed, Through: testToday}, func(x data.Session) bool { return !x.Locked() })
	s := showSessionDialog(sh.deps(), st, x.ID, func() {}, func(data.Session) {})
	eventually(t, "the session", func() bool { return s.shown > 0 })
	test.Tap(button(t, s.actions, "Take back confirmation…"))
	test.Tap(findButton(t, w, "Yes"))
	eventually(t, "the confirmation taken back", func() bool { return storedSession(t, st, x.ID).Status == data.Completed && s.shown > 1 })
	test.Tap(button(t, s.actions, "Take back completion…"))
	test.Tap(findButton(t, w, "Yes"))
	eventually(t, "the completion taken back", func() bool { return storedSession(t, st, x.ID).Status == data.Planned && s.shown > 2 })
	if got := storedSession(t, st, x.ID); !got.ConfirmedOn.IsZero() || got.ConfirmedBy != "" {
		t.Errorf("the confirmation is still recorded: %s by %q", got.ConfirmedOn, got.ConfirmedBy)
	}
	locked := findSession(t, st, sqlite.SessionFilter{Status: data.Confirmed}, func(x data.Session) bool { return x.Locked() })
	s = showSessionDialog(sh.deps(), st, locked.ID, func() {}, func(data.Session) {})
	eventually(t, "the paid session", func() bool { return s.shown > 0 })
	for _, b := range s.actions {
		if b.Text == "Take back confirmation…" {
			t.Error("a session paid on a statement offers to take back its confirmation")
		}
	}
}
