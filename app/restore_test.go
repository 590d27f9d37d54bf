package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"mentordesk/data/sqlite"
)

// The restore dialog offers only the organisation's own backups, restores nothing until one is
// chosen, asks before replacing the database, and warns when a file chosen holds another one.
func TestRestoreOffersTheOrganisationsOwnBackupsAndAsksFirst(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	_, sh := testWindow(t, st)
	dir := sh.backupDir()
	own, err := st.BackupNow(ctx, dir, "manual", sqlite.DefaultRetention)
	if err != nil {
		t.Fatal(err)
	}
	// The sample organisation, kept in a file of the same name elsewhere, backed up to the same folder.
	sample, err := sqlite.Open(filepath.Join(t.TempDir(), filepath.Base(st.Path())), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sample.Close()
	sample.SetMeta(ctx, "sample", "yes")
	other, err := sample.BackupNow(ctx, dir, "auto", sqlite.DefaultRetention)
	if err != nil {
		t.Fatal(err)
	}

	sh.showRestore()
	eventually(t, "the restore dialog", func() bool { return sh.restoreDlg != nil })
	r := sh.restoreDlg
	if len(r.list.own) != 1 || r.list.own[0].info.Path != own || r.list.others != 1 {
		t.Fatalf("offered %d backups (others %d); want only %s", len(r.list.own), r.list.others, own)
	}
	if !r.restore.Disabled() {
		t.Fatal("Restore is enabled with no backup chosen")
	}
	r.rows.Select(0)
	test.Tap(r.restore)
	if r.confirm == nil || r.asked != own || r.warning != "" {
		t.Fatalf("restoring did not ask first about %s (asked %q, warning %q)", own, r.asked, r.warning)
	}
	r.confirm.Hide()

	org, _ := sqlite.BackupOrganisation(other)
	r.ask(other, org, "")
	if !strings.Contains(r.warning, "the sample organisation") || !strings.Contains(r.warning, "replaces your organisation") {
		t.Errorf("a file of another organisation is not warned about: %q", r.warning)
	}
	r.confirm.Hide()
	if storedStatements(t, st) == 0 {
		t.Error("the database changed although nothing was restored")
	}
}
