package app

import (
	"context"
	"errors"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

func TestFirstRunStartsTheDirectorsOwnOrganisation(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	st.SetMeta(ctx, "sample", "yes")
	path := st.Path()
	_, sh := testWindow(t, st)
	sh.startOwnOrganisation()
	eventually(t, "the Start my organisation form", func() bool { return sh.orgForm != nil })
	wz := sh.orgForm
	if wz == nil {
		t.Fatal("the Start my organisation form did not open")
	}
	test.Type(wz.name, "Skagit Valley Music Mentors")
	wz.focused.SetText("")
	test.Type(wz.focused, "12.345")
	if _, err := wz.settings(); err == nil || !strings.Contains(err.Error(), "Focused rate") {
		t.Fatalf("a bad rate was accepted: %v", err)
	}
	wz.focused.SetText("95")
	set, err := wz.settings()
	if err != nil {
		t.Fatal(err)
	}
	liveStore = nil
	sh.switchToNewOrganisation(set)
	eventually(t, "the new organisation", func() bool { return liveStore != nil })
	t.Cleanup(func() { liveShell.stopBackground(); liveStore.Close() })
	fresh := liveStore
	if fresh.Path() != path {
		t.Fatalf("the new organisation is at %s; want %s", fresh.Path(), path)
	}
	got, _ := fresh.Settings(ctx)
	empty, _ := fresh.IsEmpty(ctx)
	if got.OrgName != "Skagit Valley Music Mentors" || got.RateFocused != 9500 || !empty {
		t.Errorf("new organisation: %q rate %s empty %v", got.OrgName, got.RateFocused, empty)
	}
	aside := filepath.Join(filepath.Dir(path), "sample-organisation.db")
	sample, err := sqlite.Open(aside, sqlite.Options{})
	if err != nil {
		t.Fatalf("the sample organisation was not kept: %v", err)
	}
	defer sample.Close()
	if ms, _ := sample.Mentors(ctx, data.MentorFilter{}); len(ms) < 25 {
		t.Errorf("the sample kept aside has %d mentors", len(ms))
	}
}

func TestImportMarksBadRowsThenImportsTheFixedFile(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	ctx := context.Background()
	before, _ := st.Mentors(ctx, data.MentorFilter{})

	header := strings.Join(csvio.Columns(csvio.Mentors), ",")
	good := "Ana,Ruiz,ana.ruiz@example.org,,,violin;viola,,,,,,active,\n"
	bad := header + "\n" + good +
		"Ben,Lee,ben@,,,cello,,,,,,active,\n" +
		"Chloé,Martin,chloe@example.org,,,flute,,,,,2026-02-30,active,\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "mentors.csv")
	os.WriteFile(path, []byte(bad), 0o600)

	sh.showImport()
	im := sh.importDlg
	im.load(path, []byte(bad))
	eventually(t, "the check of the file", func() bool { return im.problems != nil })
	if len(im.problems) != 2 || im.problems[1]["email"] == "" || im.problems[2]["wa_resident_since"] == "" {
		t.Fatalf("problems %v; want row 2's email and row 3's wa_resident_since marked", im.problems)
	}
	if !im.doImport.Disabled() {
		t.Error("Import is enabled while rows have problems")
	}
	if after, _ := st.Mentors(ctx, data.MentorFilter{}); len(after) != len(before) {
		t.Fatal("checking the file imported rows")
	}

	fixed := header + "\n" + good +
		"Ben,Lee,ben.lee@example.org,,,cello,,,,,,active,\n" +
		"Chloé,Martin,chloe@example.org,,,flute,,,,,2024-02-28,active,\n"
	os.WriteFile(path, []byte(fixed), 0o600)
	im.problems = nil
	if im.again.Disabled() {
		t.Fatal("Check again is disabled with a file chosen")
	}
	test.Tap(im.again) // reads the fixed file from disk
	eventually(t, "the check of the fixed file", func() bool { return im.problems != nil && !im.doImport.Disabled() })
	test.Tap(im.doImport)
	eventually(t, "the import", func() bool { return im.summary.Added == 3 })
	after, _ := st.Mentors(ctx, data.MentorFilter{})
	if len(after) != len(before)+3 {
		t.Errorf("%d mentors after import; want %d", len(after), len(before)+3)
	}
	m, err := st.MentorByEmail(ctx, "chloe@example.org")
	if err != nil || m.WAResidentSince != data.MustDate("2024-02-28") {
		t.Errorf("imported Chloé: %+v %v", m, err)
	}
}

func TestVersionMatchesFyneApp(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `Version = "`+Version+`"`) {
		t.Errorf("FyneApp.toml does not carry Version %s", Version)
	}
}

// TestScreenshotsComfort renders the welcome, the import preview with its marked problems and
// the Home area in both themes.
func TestScreenshotsComfort(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	st.SetMeta(context.Background(), "sample", "yes")
	w, sh := testWindow(t, st)
	sh.show("Home")
	waitIdle()
	sh.showWelcome()
	waitIdle()
	capture(t, w, dir, "welcome")

	w2, sh2 := testWindow(t, st)
	header := strings.Join(csvio.Columns(csvio.Mentors), ",")
	content := header + "\nAna,Ruiz,ana.ruiz@example.org,(206) 555-0101,,violin;viola,,,,,,active,\n" +
		"Ben,Lee,ben@,,,cello,,,,,,active,\n" +
		"Chloé,Martin,chloe@example.org,,,flute,,,,,2026-02-30,active,\n"
	path := filepath.Join(t.TempDir(), "mentors.csv")
	os.WriteFile(path, []byte(content), 0o600)
	sh2.show("Mentors")
	sh2.showImport()
	sh2.importDlg.load(path, []byte(content))
	eventually(t, "the check of the file", func() bool { return sh2.importDlg.problems != nil })
	waitIdle()
	capture(t, w2, dir, "import-preview")

	w3, sh3 := testWindow(t, st)
	setAppearance(sh3.app, "dark", -1)
	sh3.show("Home")
	waitIdle()
	capture(t, w3, dir, "home-dark")
	setAppearance(sh3.app, "light", -1)
	waitIdle()
	capture(t, w3, dir, "home-light")
	sh3.show("Mentors")
	setAppearance(sh3.app, "", 2)
	waitIdle()
	capture(t, w3, dir, "mentors-larger-text")
	setAppearance(sh3.app, "", 0)
}

func TestRestoreFromTheWindowBringsBackADeletedMentor(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	_, sh := testWindow(t, st)
	id, err := newDesk(st).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "José", LastName: "Peña Ortiz", Email: "jose.ortiz@example.org", Status: data.Active}})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := st.BackupNow(ctx, sh.backupDir(), "manual", sqlite.DefaultRetention)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteMentor(ctx, id); err != nil {
		t.Fatal(err)
	}
	liveStore = nil
	sh.restore(backup)
	eventually(t, "the restored database", func() bool { return liveStore != nil })
	t.Cleanup(func() { liveShell.stopBackground(); liveStore.Close() })
	m, err := liveStore.MentorByEmail(ctx, "jose.ortiz@example.org")
	if err != nil || m.LastName != "Peña Ortiz" {
		t.Fatalf("after the restore: %+v, %v", m, err)
	}
}

func TestHomeOfANewOrganisationSaysWhatToDoFirst(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "new.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, sh := testWindow(t, st)
	sh.show("Home")
	h := sh.current.scr.(*home)
	eventually(t, "Home", func() bool { return h.busy.idle() && h.counts.Text != "" })
	if !strings.Contains(h.counts.Text, "No mentors yet") || !strings.Contains(h.counts.Text, "File › Import from a spreadsheet") {
		t.Errorf("compliance of an empty organisation says %q", h.counts.Text)
	}
	if !strings.HasPrefix(h.week.Text, "No sessions from today") {
		t.Errorf("the week of an empty organisation says %q", h.week.Text)
	}
}

func TestImportTakesTheKindFromTheFile(t *testing.T) {
	header := func(k csvio.Kind) []byte { return []byte(strings.Join(csvio.Columns(k), ",") + "\n") }
	for _, c := range []struct {
		path    string
		content []byte
		want    csvio.Kind
	}{
		{"/x/whatever.csv", header(csvio.Schools), csvio.Schools},
		{"/x/mentors-2026.csv", header(csvio.Schools), csvio.Schools}, // the columns say more than the name
		{"/x/Mentors 2026.csv", []byte("first_name,email\n"), csvio.Mentors},
		{"/x/export.csv", []byte("first_name,email\n"), ""},
		{"/x/feedback-term1.csv", header(csvio.Feedback), csvio.Feedback},
		{"/x/export.csv", header(csvio.Sessions), csvio.Sessions},
		// A sessions file from before the lifecycle columns.
		{"/x/export.csv", []byte(strings.Join(csvio.Columns(csvio.Sessions)[:11], ",") + "\n"), csvio.Sessions},
	} {
		if got := kindOfFile(c.path, c.content); got != c.want {
			t.Errorf("%s with %q: %q; want %q", c.path, strings.TrimSpace(string(c.content)), got, c.want)
		}
	}
}

func TestStartOpensTheDatabaseBesideTheWindow(t *testing.T) {
	a := newTestApp(t)
	dir := t.TempDir()

	// A new file becomes the sample organisation; the window says so until it is ready.
	w := a.NewWindow("MentorDesk")
	t.Cleanup(w.Close)
	fresh := filepath.Join(dir, "new.db")
	var sh *shell
	openInto(a, w, fresh, func() data.Date { return testToday }, func(err error) { t.Errorf("a new file failed: %v", err) },
		func(s *shell) { sh = s })
	if l, ok := w.Content().(*fyne.Container).Objects[0].(*widget.Label); !ok || !strings.Contains(l.Text, "sample organisation") {
		t.Errorf("while a new file opens the window shows %#v", w.Content())
	}
	eventually(t, "the sample organisation", func() bool { return sh != nil })
	t.Cleanup(func() { sh.stopBackground(); sh.store.Close() })
	if ms, _ := sh.store.Mentors(context.Background(), data.MentorFilter{}); len(ms) < 25 {
		t.Errorf("the new file holds %d mentors; want the sample organisation", len(ms))
	}

	// Another program's file is refused in the window and left as it was.
	other := filepath.Join(dir, "notes.db")
	os.WriteFile(other, []byte("shopping list\n"), 0o600)
	w2 := a.NewWindow("MentorDesk")
	t.Cleanup(w2.Close)
	var failed error
	openInto(a, w2, other, func() data.Date { return testToday }, func(err error) { failed = err },
		func(*shell) { t.Error("another program's file was mounted") })
	eventually(t, "the refusal", func() bool { return failed != nil })
	if !errors.Is(failed, sqlite.ErrForeign) {
		t.Errorf("refused with %v; want ErrForeign", failed)
	}
	if b, _ := os.ReadFile(other); string(b) != "shopping list\n" {
		t.Errorf("the refused file now holds %q", b)
	}
}

func TestEveryListExportsToCSV(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	for _, c := range []struct {
		area string
		btn  func(screen) *widget.Button
	}{
		{"Mentors", func(s screen) *widget.Button { return s.(*mentors).export }},
		{"Schools", func(s screen) *widget.Button { return s.(*schools).export }},
		{"Calendar", func(s screen) *widget.Button { return s.(*calendarArea).export }},
		{"Payments", func(s screen) *widget.Button {
			p := s.(*payments)
			p.tabs.SelectIndex(statementsTabIndex)
			return p.stmts.export
		}},
		{"Mutual Mentorship", func(s screen) *widget.Button { return s.(*mutual).intake.export }},
	} {
		sh.show(c.area)
		waitIdle()
		b := c.btn(sh.current.scr)
		if b == nil || b.Hidden || !strings.HasPrefix(b.Text, "Export") {
			t.Errorf("%s has no Export button", c.area)
			continue
		}
		test.Tap(b)
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("%s: Export… asked nothing", c.area)
			continue
		}
		w.Canvas().Overlays().Remove(top)
	}
}

// The window's open finishes a restore a crash cut short (the restored data, not a sample
// organisation), and never starts a new organisation where the database went missing beside a
// file a restore kept aside.
func TestStartFinishesAnInterruptedRestoreAndNeverStartsAnew(t *testing.T) {
	a := newTestApp(t)
	dir := t.TempDir()
	ctx := context.Background()
	org := func(path string, names ...string) {
		st, err := sqlite.Open(path, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if _, err := newDesk(st).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: n, LastName: "Mentor", Email: strings.ToLower(n) + "@example.org", Status: data.Active}}); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
	}

	// Cut short after the current file went aside: the copy and its journal wait beside it.
	db := filepath.Join(dir, "org.db")
	org(db+".restoring", "Bea")
	org(db+".replaced-20261122-101010", "Ana")
	os.WriteFile(db+".restore-journal", []byte(db+".replaced-20261122-101010\n"), 0o600)
	w := a.NewWindow("MentorDesk")
	t.Cleanup(w.Close)
	var sh *shell
	openInto(a, w, db, func() data.Date { return testToday }, func(err error) { t.Errorf("the interrupted restore failed: %v", err) },
		func(s *shell) { sh = s })
	eventually(t, "the restored database", func() bool { return sh != nil })
	t.Cleanup(func() { sh.stopBackground(); sh.store.Close() })
	ms, _ := sh.store.Mentors(ctx, data.MentorFilter{})
	if len(ms) != 1 || ms[0].FirstName != "Bea" {
		t.Errorf("the window opened %d mentors (%v); want the restored Bea only, not a sample organisation", len(ms), ms)
	}

	// The database missing beside a file kept aside: nothing is created; the window offers to
	// put the kept file back.
	gone := filepath.Join(dir, "gone.db")
	org(gone+".replaced-20261122-101010", "Ana")
	w2 := a.NewWindow("MentorDesk")
	t.Cleanup(w2.Close)
	var back *shell
	openInto(a, w2, gone, func() data.Date { return testToday }, func(err error) { t.Errorf("refused outright: %v", err) },
		func(s *shell) { back = s })
	if l, ok := w2.Content().(*fyne.Container).Objects[0].(*widget.Label); ok && strings.Contains(l.Text, "sample organisation") {
		t.Errorf("while the missing database is looked at, the window says %q", l.Text)
	}
	var restore *widget.Button
	var text strings.Builder
	eventually(t, "the offer to put the file back", func() bool {
		restore = nil
		text.Reset()
		walkObjects(w2.Content(), func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Button:
				if x.Text == "Restore this file" {
					restore = x
				}
			case *widget.Label:
				text.WriteString(x.Text + "\n")
			}
			return true
		})
		return restore != nil
	})
	if _, err := os.Stat(gone); err == nil {
		t.Error("a database was created in place of the missing one")
	}
	if said := text.String(); !strings.Contains(said, "The database is missing") || !strings.Contains(said, gone+".replaced-20261122-101010") {
		t.Errorf("the panel says %q", said)
	}
	test.Tap(restore)
	eventually(t, "the file put back", func() bool { return back != nil })
	t.Cleanup(func() { back.stopBackground(); back.store.Close() })
	if ms, _ := back.store.Mentors(ctx, data.MentorFilter{}); len(ms) != 1 || ms[0].FirstName != "Ana" {
		t.Errorf("after putting the kept file back: %v", ms)
	}
}
