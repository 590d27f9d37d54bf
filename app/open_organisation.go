package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"mentordesk/data/sqlite"
)

// windowLock is the lock the window holds on the database it shows; opening another moves it.
var windowLock *sqlite.Lock

// sampleFile is where the sample organisation is kept beside the director's own database.
func sampleFile(db string) string { return filepath.Join(filepath.Dir(db), "sample-organisation.db") }

// onOpenOrganisation is File › Open another organisation…: any MentorDesk database file.
func (sh *shell) onOpenOrganisation() {
	fd := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		f.Close()
		sh.switchOrganisation(path)
	}, sh.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".mentordesk", ".sqlite"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(sh.store.Path()))); err == nil {
		fd.SetLocation(l)
	}
	showFileDialog(fd, sh.win)
}

// onOpenSample is File › Open the sample organisation: the one kept beside this database, made
// afresh when there is none.
func (sh *shell) onOpenSample() {
	path := sh.store.Path()
	if sample, _ := sh.store.Meta(context.Background(), "sample"); sample == "yes" {
		dialog.ShowInformation("The sample organisation", "The window shows the sample organisation already.", sh.win)
		return
	}
	sh.switchOrganisation(sampleFile(path))
}

// switchOrganisation asks to save what is unsaved, then opens path in the window; the database
// shown until then stays as it is. A file that cannot be opened is refused with the reason and
// the window keeps showing the one it had.
func (sh *shell) switchOrganisation(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if path == sh.store.Path() {
		dialog.ShowInformation("Open another organisation", "The window shows "+path+" already.", sh.win)
		return
	}
	sh.confirmLeave(func() {
		lock, err := sqlite.AcquireLock(path, "window", 0)
		if err != nil {
			dialog.ShowError(err, sh.win)
			return
		}
		_, statErr := os.Stat(path)
		making := errors.Is(statErr, os.ErrNotExist)
		d := sh.deps()
		background(d, func(context.Context) (*sqlite.Store, error) {
			st, err := openStore(path)
			if err != nil {
				lock.Release()
				return nil, fmt.Errorf("%s cannot be opened: %w", path, err)
			}
			return st, nil
		}, func(st *sqlite.Store) {
			old := sh.store
			sh.stopBackground()
			old.Close()
			windowLock.Release()
			windowLock = lock
			next := mount(sh.app, sh.win, st, sh.today)
			next.show("Home")
			if making {
				dialog.ShowInformation("The sample organisation", "A sample organisation was made in\n"+path+"\n\nYour own stays as it was; open it again with File › Open another organisation….", sh.win)
			}
		})
	}, func() {})
}
