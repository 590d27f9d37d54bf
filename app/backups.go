package app

import (
	"context"
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

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

// backupTo writes a backup into a folder the director chooses, such as a USB stick.
func (sh *shell) backupTo() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		d := sh.deps()
		background(d, func(ctx context.Context) (string, error) {
			return sh.store.BackupNow(ctx, dir.Path(), "manual", sh.retention())
		}, func(path string) {
			dialog.ShowInformation("Backed up", "A checked copy of the database was written to\n"+path+"\n\nRestore it with File › Restore a backup… › Choose a backup file….", sh.win)
		})
	}, sh.win)
	showFileDialog(fd, sh.win)
}

func (sh *shell) backupNow() {
	d := sh.deps()
	background(d, func(ctx context.Context) (string, error) {
		return sh.store.BackupNow(ctx, sh.backupDir(), "manual", sh.retention())
	}, func(path string) {
		dialog.ShowInformation("Backed up", "A checked copy of the database was written to\n"+path, sh.win)
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
