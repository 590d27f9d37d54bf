package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/sqlite"
)

// backupChoice is one backup offered to restore, with whose organisation it holds.
type backupChoice struct {
	info sqlite.BackupInfo
	org  sqlite.Organisation
}

// backupList is the backup folder read for the organisation shown: its own backups, and how
// many there are of others (the sample's, say), which are not offered.
type backupList struct {
	org    sqlite.Organisation
	own    []backupChoice
	others int
}

// restoreDialog lists the organisation's backups and restores one, or any backup file chosen,
// after saying what will be replaced.
type restoreDialog struct {
	sh      *shell
	list    backupList
	dlg     dialog.Dialog
	rows    *widget.List
	picked  int
	restore *widget.Button
	confirm dialog.Dialog // the last "replace the database?" question
	replace *widget.Button
	asked   string // the backup the question is about
	warning string // why that backup is not of this organisation, if it is not
}

func (sh *shell) showRestore() {
	d := sh.deps()
	st, dir := sh.store, sh.backupDir()
	base := strings.TrimSuffix(filepath.Base(st.Path()), filepath.Ext(st.Path()))
	background(d, func(ctx context.Context) (backupList, error) {
		var out backupList
		var err error
		if out.org, err = st.Organisation(ctx); err != nil {
			return out, err
		}
		infos, err := sqlite.ListBackups(dir, base)
		for _, b := range infos {
			b.Summary, _ = sqlite.Summarize(b.Path)
			org, oerr := sqlite.BackupOrganisation(b.Path)
			if oerr != nil || !out.org.Holds(org) {
				out.others++
				continue
			}
			out.own = append(out.own, backupChoice{b, org})
		}
		return out, err
	}, func(list backupList) { sh.restoreDlg = newRestoreDialog(sh, list) })
}

func newRestoreDialog(sh *shell, list backupList) *restoreDialog {
	r := &restoreDialog{sh: sh, list: list, picked: -1}
	r.rows = widget.NewList(func() int { return len(list.own) },
		func() fyne.CanvasObject {
			return widget.NewLabel("2026-11-22 21:00 · before-import · 28 mentors, 8 schools, 512 sessions, 140 statements")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := list.own[i].info
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", b.Taken.Format("2006-01-02 15:04"), backupReason(b.Reason), orNone(b.Summary)))
		})
	r.restore = widget.NewButton("Restore…", func() {
		if r.picked >= 0 {
			c := list.own[r.picked]
			r.ask(c.info.Path, c.org, c.info.Summary)
		}
	})
	r.restore.Importance = widget.HighImportance
	r.restore.Disable()
	r.rows.OnSelected = func(i widget.ListItemID) { r.picked = i; r.restore.Enable() }
	r.rows.OnUnselected = func(widget.ListItemID) { r.picked = -1; r.restore.Disable() }
	head := fmt.Sprintf("Backups of %s in %s.", list.org.Label(), sh.backupDir())
	if len(list.own) == 0 {
		head = fmt.Sprintf("There are no backups of %s in %s yet.", list.org.Label(), sh.backupDir())
	}
	if list.others > 0 {
		head += fmt.Sprintf(" %s of another organisation (such as the sample) %s not listed: restoring one would replace this organisation.",
			plural(list.others, "backup", "backups"), map[bool]string{true: "is", false: "are"}[list.others == 1])
	}
	choose := widget.NewButton("Choose a backup file…", r.onChooseFile)
	closeBtn := widget.NewButton("Close", func() { r.dlg.Hide() })
	top := container.NewVBox(wrapLabel(head), hintLabel("Choose a backup, or a backup file kept elsewhere (a USB stick). The current database is kept aside, renamed, so nothing is lost."))
	bottom := container.NewHBox(choose, layout.NewSpacer(), closeBtn, r.restore)
	r.dlg = dialog.NewCustomWithoutButtons("Restore a backup", border(top, bottom, nil, nil, r.rows), sh.win)
	r.dlg.Resize(fyne.NewSize(720, 440))
	r.dlg.Show()
	return r
}

func backupReason(r string) string {
	switch {
	case r == "auto":
		return "automatic"
	case r == "manual":
		return "backed up by hand"
	case strings.HasPrefix(r, "before-"):
		return strings.ReplaceAll(r, "-", " ")
	}
	return r
}

// onChooseFile restores from any backup file: its organisation is read before anything changes.
func (r *restoreDialog) onChooseFile() {
	fd := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		f.Close()
		background(r.sh.deps(), func(context.Context) (backupChoice, error) {
			if err := sqlite.Verify(path); err != nil {
				return backupChoice{}, fmt.Errorf("%s is not a MentorDesk backup that can be restored: %w", filepath.Base(path), err)
			}
			org, err := sqlite.BackupOrganisation(path)
			if err != nil {
				return backupChoice{}, err
			}
			sum, _ := sqlite.Summarize(path)
			return backupChoice{sqlite.BackupInfo{Path: path, Summary: sum}, org}, nil
		}, func(c backupChoice) { r.ask(c.info.Path, c.org, c.info.Summary) })
	}, r.sh.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".mentordesk", ".sqlite"}))
	showFileDialog(fd, r.sh.win)
}

// ask says what restoring the backup replaces, and restores only when the director agrees.
func (r *restoreDialog) ask(path string, org sqlite.Organisation, summary string) {
	text := fmt.Sprintf("Replace the data of %s with the backup %s (%s)?\n\nThe database as it is now is kept aside, renamed, beside it; the window then shows the restored data.",
		r.list.org.Label(), filepath.Base(path), orNone(summary))
	warn := ""
	if !r.list.org.Holds(org) {
		warn = fmt.Sprintf("This backup holds %s, not %s: restoring it replaces your organisation with that one.", org.Label(), r.list.org.Label())
	}
	msg := wrapLabel(text)
	box := container.NewVBox(msg)
	if warn != "" {
		w := wrapLabel(warn)
		w.Importance = widget.DangerImportance
		box.Add(w)
	}
	cancel := widget.NewButton("Cancel", func() { r.confirm.Hide() })
	r.replace = widget.NewButton("Replace the database", func() {
		r.confirm.Hide()
		r.dlg.Hide()
		r.sh.restore(path)
	})
	r.replace.Importance = widget.DangerImportance
	box.Add(container.NewHBox(layout.NewSpacer(), cancel, r.replace))
	r.asked, r.warning = path, warn
	r.confirm = dialog.NewCustomWithoutButtons("Restore this backup?", box, r.sh.win)
	r.confirm.Resize(fyne.NewSize(560, 0))
	r.confirm.Show()
}
