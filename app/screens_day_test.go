package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// TestScreenshotsFlagsAndBackups draws the screens of flagged sessions, held payments, the
// restore dialog and Documents' batches (make screenshots).
func TestScreenshotsFlagsAndBackups(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	ready, _ := st.ReadyVisits(context.Background(), testToday)
	withoutContracts(t, st, ready.Visits[0].Visit.MentorID)
	w, sh := testWindow(t, st)

	day := data.MustDate("2026-11-24")
	x := findSession(t, st, sqlite.SessionFilter{From: day, Through: day}, func(x data.Session) bool { return strings.Contains(x.MentorName, "Mensah") })
	withoutContracts(t, st, x.MentorID)
	d := sh.deps()
	d.today = func() data.Date { return day.AddDays(1) }
	v := showVisitDialog(d, st, x.MentorID, x.SchoolID, x.Date, func() {})
	eventually(t, "the visit", func() bool { return v.shown > 0 && !v.confirm.Disabled() })
	waitIdle()
	capture(t, w, dir, "visit-flagged")
	test.Tap(v.confirm)
	test.Tap(v.form.submit)
	waitIdle()
	capture(t, w, dir, "visit-flagged-confirm")
	v.form.dlg.Hide()
	v.dlg.Hide()

	_, p := openPayments(t, st)
	paySettle(t, p, "the held visits", func() bool { return len(p.ready.list.Held) > 0 })
	waitIdle()
	capture(t, p.d.win, dir, "payments-held")
	test.Tap(p.ready.heldReview)
	waitIdle()
	capture(t, p.d.win, dir, "payments-held-review")
	p.ready.held.dlg.Hide()

	if _, err := sh.store.BackupNow(context.Background(), sh.backupDir(), "manual", sqlite.DefaultRetention); err != nil {
		t.Fatal(err)
	}
	sh.showRestore()
	eventually(t, "the restore dialog", func() bool { return sh.restoreDlg != nil })
	sh.restoreDlg.rows.Select(0)
	waitIdle()
	capture(t, w, dir, "restore")
	test.Tap(sh.restoreDlg.restore)
	waitIdle()
	capture(t, w, dir, "restore-confirm")
}
