package app

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/sqlite"
)

const (
	prefBackupDir   = "backup.dir"
	autoBackupEvery = 24 * time.Hour
)

// backupDir is the folder chosen in Settings, or the "backups" folder beside the database.
func (sh *shell) backupDir() string {
	if d := sh.app.Preferences().String(prefBackupDir); d != "" {
		return d
	}
	return sqlite.DefaultBackupDir(sh.store.Path())
}

// retention reads the kept counts chosen in Settings.
func (sh *shell) retention() sqlite.Retention {
	p := sh.app.Preferences()
	return sqlite.Retention{
		Daily:   p.IntWithFallback("backup.daily", sqlite.DefaultRetention.Daily),
		Weekly:  p.IntWithFallback("backup.weekly", sqlite.DefaultRetention.Weekly),
		Monthly: p.IntWithFallback("backup.monthly", sqlite.DefaultRetention.Monthly),
	}
}

// startBackups takes an automatic backup when the last is a day old, now and every hour after.
func (sh *shell) startBackups() {
	st, dir, keep := sh.store, sh.backupDir(), sh.retention()
	sh.goWork(func(ctx context.Context) {
		tick := time.NewTicker(time.Hour)
		defer tick.Stop()
		for {
			if st.AutoBackupDue(dir, autoBackupEvery) {
				if path, err := st.BackupNow(ctx, dir, "auto", keep); err != nil {
					log.Printf("automatic backup: %v", err)
				} else {
					log.Printf("automatic backup: %s", path)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	})
}

func (sh *shell) backupNow() {
	d := sh.deps()
	background(d, func(ctx context.Context) (string, error) {
		return sh.store.BackupNow(ctx, sh.backupDir(), "manual", sh.retention())
	}, func(path string) {
		dialog.ShowInformation("Backed up", "A checked copy of the database was written to\n"+path, sh.win)
	})
}

// showRestore lists the backups with their dates and contents; restoring one keeps the
// current file aside and reopens the window on the restored data.
func (sh *shell) showRestore() {
	d := sh.deps()
	base := strings.TrimSuffix(filepath.Base(sh.store.Path()), filepath.Ext(sh.store.Path()))
	background(d, func(ctx context.Context) ([]sqlite.BackupInfo, error) {
		list, err := sqlite.ListBackups(sh.backupDir(), base)
		for i := range list {
			list[i].Summary, _ = sqlite.Summarize(list[i].Path)
		}
		return list, err
	}, func(list []sqlite.BackupInfo) {
		if len(list) == 0 {
			dialog.ShowInformation("Restore a backup", "There are no backups in "+sh.backupDir()+" yet.", sh.win)
			return
		}
		selected := -1
		l := widget.NewList(func() int { return len(list) },
			func() fyne.CanvasObject {
				return widget.NewLabel("2026-11-22 21:00 · before-import · 28 mentors, 8 schools")
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				b := list[i]
				o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", b.Taken.Format("2006-01-02 15:04"), b.Reason, orNone(b.Summary)))
			})
		l.OnSelected = func(i widget.ListItemID) { selected = i }
		content := border(widget.NewLabel("Choose the backup to restore. The current database is kept aside, renamed, so nothing is lost."), nil, nil, nil, l)
		dlg := dialog.NewCustomConfirm("Restore a backup", "Restore", "Cancel", content, func(ok bool) {
			if !ok || selected < 0 {
				return
			}
			sh.restore(list[selected].Path)
		}, sh.win)
		dlg.Resize(fyne.NewSize(640, 420))
		dlg.Show()
	})
}

func (sh *shell) restore(backup string) {
	path := sh.store.Path()
	sh.stopBackground()
	sh.store.Close()
	go func() {
		st, res, err := restoreAndOpen(path, backup)
		fyne.Do(func() {
			if st == nil {
				dialog.ShowError(err, sh.win)
				return
			}
			mount(sh.app, sh.win, st, sh.today)
			if err != nil {
				dialog.ShowError(err, sh.win)
				return
			}
			dialog.ShowInformation("Restored", restoredText(backup, res), sh.win)
		})
	}()
}

// restoreAndOpen is the window's restore, from the Settings list and from the damaged-file
// panel alike: sqlite.Restore (the one restore, shared with the `restore` command) with the
// window's lock held, then the database is opened again. A refused restore leaves the file as
// it was and opens it; st is nil only when no database could be opened at all.
func restoreAndOpen(path, backup string) (st *sqlite.Store, res sqlite.RestoreResult, err error) {
	res, err = sqlite.Restore(path, backup)
	if err == nil {
		log.Printf("restored %s from %s; the file it replaced is kept as %q", path, backup, res.Aside)
	}
	st, openErr := sqlite.Open(path, sqlite.Options{})
	if openErr != nil {
		if err != nil {
			return nil, res, fmt.Errorf("%w\n\nThe database could not be opened either: %v", err, openErr)
		}
		return nil, res, fmt.Errorf("the database could not be opened after the restore: %w", openErr)
	}
	return st, res, err
}

func restoredText(backup string, res sqlite.RestoreResult) string {
	msg := fmt.Sprintf("The database was restored from\n%s\n(%s)", backup, orNone(res.Summary))
	if res.Aside != "" {
		msg += "\n\nThe file it replaced is kept as\n" + res.Aside
	}
	return msg
}
