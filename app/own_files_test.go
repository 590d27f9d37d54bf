package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/sqlite"
)

// Fyne's save dialog opens the chosen file for writing before the program sees it: choosing the
// database there emptied it. Every write the window makes asks the store first.
func TestTheWindowNeverWritesOverItsOwnFiles(t *testing.T) {
	st := demoStore(t)
	_, s := openDocuments(t, st)
	db := st.Path()
	before, _ := os.ReadFile(db)
	backups := sqlite.DefaultBackupDir(db)
	os.MkdirAll(backups, 0o700)

	for _, p := range []string{db, db + "-wal", db + "-shm", sqlite.LockPath(db), filepath.Join(backups, "demo.auto.20261122-120000.db")} {
		w, err := storage.Writer(storage.NewFileURI(p))
		if w != nil {
			w.Close()
		}
		if !errors.Is(err, sqlite.ErrOwnFile) {
			t.Errorf("the save dialog's writer on %s: %v; want it refused", p, err)
		}
	}
	other := filepath.Join(t.TempDir(), "roster.pdf")
	if w, err := storage.Writer(storage.NewFileURI(other)); err != nil {
		t.Errorf("an ordinary file is refused: %v", err)
	} else {
		w.Close()
	}

	// Saving a document over the database, from the Documents screen.
	fyne.DoAndWait(func() { s.kinds.Select(int(kindCohort)) })
	quiesce(&s.busy)
	fyne.DoAndWait(func() { s.saveTo(db) })
	landed(t, "the refusal", &s.busy, func() bool { return s.status.Importance == widget.DangerImportance || s.saved == db })
	if s.saved == db || !strings.Contains(s.status.Text, "MentorDesk's own files") {
		t.Errorf("saving over the database: status %q", s.status.Text)
	}

	// A batch of statements into the backups folder.
	b := s.batch
	fyne.DoAndWait(func() { b.start(batchStatements, backups) })
	landed(t, "the batch to finish", &b.busy, func() bool { return b.cancel == nil })
	if files, _ := os.ReadDir(backups); len(files) != 0 || !strings.Contains(b.status.Text, "MentorDesk's own files") {
		t.Errorf("a batch into the backups folder wrote %d file(s); status %q", len(files), b.status.Text)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
}
