package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

var testToday = data.MustDate("2026-11-22")

// demoStore opens a new database filled with the sample organisation.
func demoStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Fill(context.Background(), st, testToday); err != nil {
		t.Fatal(err)
	}
	return st
}

// testWindow builds the main window over st in a test app.
func testWindow(t *testing.T, st *sqlite.Store) (fyne.Window, *shell) {
	t.Helper()
	a := newTestApp(t)
	setAppearance(a, "light", 0) // the app's own theme, as the window shows it
	w := a.NewWindow("MentorDesk")
	sh := newShell(a, w, st, func() data.Date { return testToday })
	w.SetContent(sh.buildUI())
	w.Resize(fyne.NewSize(1200, 780))
	t.Cleanup(w.Close)
	t.Cleanup(sh.stopBackground) // its loads end before the test app is torn down
	return w, sh
}

// eventually polls cond until it holds, as background loads finish on their own time.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second) // generous: the race detector on shared cores is slow
	for time.Now().Before(deadline) {
		runUI()
		if cond() {
			return
		}
		pause(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// capture writes the window to dir/name.png when dir is set.
func capture(t *testing.T, w fyne.Window, dir, name string) {
	t.Helper()
	if dir == "" {
		return
	}
	os.MkdirAll(dir, 0o755)
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var err2 error
	fyne.DoAndWait(func() { err2 = png.Encode(f, w.Canvas().Capture()) })
	if err2 != nil {
		t.Fatal(err2)
	}
}

// waitIdle gives background loads time to land.
func waitIdle() { pause(400 * time.Millisecond) }

// pause waits as the UI goroutine does between events: what other goroutines handed to fyne.Do
// runs meanwhile, on the test goroutine.
func pause(d time.Duration) {
	deadline := time.Now().Add(d)
	for {
		runUI()
		left := time.Until(deadline)
		if left <= 0 {
			return
		}
		time.Sleep(min(left, 2*time.Millisecond))
	}
}

// walkObjects calls fn on o and, while fn returns true, on everything drawn inside it, widgets'
// parts included.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) {
	if !fn(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, fn)
		}
	}
}
