package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/sqlite"
)

// TestRecoveryPanelChecksTheBackupsOffTheUIGoroutine opens a damaged file with a good backup:
// the window says it is looking at once, then offers the backup.
func TestRecoveryPanelChecksTheBackupsOffTheUIGoroutine(t *testing.T) {
	st := demoStore(t)
	path := st.Path()
	if _, err := st.BackupNow(context.Background(), "", "manual", sqlite.DefaultRetention); err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, _ := os.ReadFile(path)
	for i := 4096 * 2; i < len(b)-100; i += 4096 {
		copy(b[i+20:i+60], bytes.Repeat([]byte{0xAB}, 40))
	}
	os.WriteFile(path, b, 0o600)
	_, err := sqlite.Open(path, sqlite.Options{})
	if !errors.Is(err, sqlite.ErrDamaged) {
		t.Skipf("the file is not seen as damaged (%v)", err)
	}

	a := newTestApp(t)
	w := a.NewWindow("MentorDesk")
	t.Cleanup(w.Close)
	w.SetContent(recoveryPanel(a, w, path, err, func(*sqlite.Store) {}))
	label := func() string {
		var texts []string
		walkObjects(w.Content(), func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
			return true
		})
		return strings.Join(texts, "\n")
	}
	if !strings.Contains(label(), "Looking for a backup") {
		t.Errorf("the panel shows %q while the backups are checked", label())
	}
	eventually(t, "the backup offered", func() bool { return strings.Contains(label(), "The newest backup that passes its checks is") })
	if !strings.Contains(label(), filepath.Base(sqlite.DefaultBackupDir(path))) {
		t.Errorf("the offer does not name the backup: %q", label())
	}
}
