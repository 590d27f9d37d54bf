package app

import (
	"path/filepath"
	"testing"

	"mentordesk/data/sqlite"
)

// A first visit to Mutual Mentorship in a new organisation has changed nothing: leaving it asks
// nothing, and the sidebar and the page agree.
func TestANewOrganisationsMutualMentorshipHasNothingUnsaved(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "new.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, sh := testWindow(t, st)
	sh.show("Mutual Mentorship")
	m := sh.current.scr.(*mutual)
	eventually(t, "the cohorts read", func() bool { return m.busy.idle() })
	if top := sh.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a dialog is shown on a first visit to Mutual Mentorship")
	}
	if u := m.unsaved(); u != "" {
		t.Fatalf("nothing was typed, yet %q is unsaved", u)
	}
	sh.show("Home")
	if sh.current.name != "Home" {
		t.Errorf("the page shown is %s after choosing Home", sh.current.name)
	}
}
