package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// File › Open another organisation… shows another database in the window; a file that is not
// one is refused and the window keeps what it showed. Open the sample organisation makes one
// beside the database when there is none.
func TestOpenAnotherOrganisationAndTheSample(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	_, sh := testWindow(t, st)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	o, err := sqlite.Open(other, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := data.DefaultSettings()
	set.OrgName = "Tacoma Strings Mentors"
	o.SaveSettings(ctx, set)
	o.Close()

	sh.switchOrganisation(other)
	eventually(t, "the other organisation", func() bool { return liveShell != nil && liveShell != sh && liveShell.store.Path() == other })
	shown := liveShell
	t.Cleanup(func() { shown.store.Close() })
	if got, _ := shown.store.Settings(ctx); got.OrgName != "Tacoma Strings Mentors" {
		t.Errorf("the window shows %q", got.OrgName)
	}

	bogus := filepath.Join(dir, "notes.db")
	os.WriteFile(bogus, []byte("not a database"), 0o600)
	shown.switchOrganisation(bogus)
	pause(300e6)
	if liveShell != shown || shown.store.Path() != other {
		t.Fatalf("a file that is not a database replaced the window's organisation")
	}
	if _, err := shown.store.Settings(ctx); err != nil {
		t.Fatalf("the organisation shown was closed: %v", err)
	}

	shown.onOpenSample()
	eventually(t, "the sample organisation", func() bool { return liveShell != shown && liveShell.store.Path() == sampleFile(other) })
	sample := liveShell
	t.Cleanup(func() { sample.store.Close() })
	if m, _ := sample.store.Meta(ctx, "sample"); m != "yes" {
		t.Errorf("the file opened as the sample is not marked as one: %q", m)
	}
}
