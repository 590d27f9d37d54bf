package app

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/sqlite"
)

// backupSettings are where backups go and how many are kept, saved with the rest of Settings.
type backupSettings struct {
	s      *settings
	dir    *widget.Entry
	counts map[string]*widget.Entry
}

var backupCountKeys = []struct{ key, label string }{
	{"backup.daily", "Daily backups kept"}, {"backup.weekly", "Weekly backups kept"}, {"backup.monthly", "Monthly backups kept"},
}

// backupUI sets where backups go and how many are kept, and offers a backup or a restore now.
func (s *settings) backupUI() fyne.CanvasObject {
	if s.d.shell == nil {
		return widget.NewLabel("")
	}
	sh := s.d.shell
	b := &backupSettings{s: s, dir: widget.NewEntry(), counts: map[string]*widget.Entry{}}
	s.backups = b
	b.dir.SetText(sh.backupDir())
	form := widget.NewForm(widget.NewFormItem("Backup folder", b.dir))
	keep := sh.retention()
	values := map[string]int{"backup.daily": keep.Daily, "backup.weekly": keep.Weekly, "backup.monthly": keep.Monthly}
	for _, c := range backupCountKeys {
		e := widget.NewEntry()
		e.SetText(fmt.Sprint(values[c.key]))
		e.Validator = backupCount
		b.counts[c.key] = e
		form.Append(c.label, e)
	}
	now := widget.NewButton("Back up now", sh.backupNow)
	to := widget.NewButton("Back up to…", sh.backupTo)
	restore := widget.NewButton("Restore a backup…", sh.showRestore)
	note := widget.NewLabel("A checked copy is taken every day while MentorDesk is open, before every import and before any upgrade of the database.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewLabelWithStyle("Backups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		note, container.NewHBox(now, to, restore), form)
}

func backupCount(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > 366 {
		return fmt.Errorf("%q is not a count from 1 to 366", v)
	}
	return nil
}

// check says what keeps the backup settings from saving.
func (b *backupSettings) check() error {
	for _, c := range backupCountKeys {
		if err := backupCount(b.counts[c.key].Text); err != nil {
			return fmt.Errorf("%s: %v", c.label, err)
		}
	}
	return nil
}

// save remembers the folder (made if need be) and the counts.
func (b *backupSettings) save() error {
	p := b.s.d.app.Preferences()
	if d := strings.TrimSpace(b.dir.Text); d != "" && d != sqlite.DefaultBackupDir(b.s.d.store.Path()) {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("backup folder %s: %w", d, err)
		}
		p.SetString(prefBackupDir, d)
	} else {
		p.SetString(prefBackupDir, "")
	}
	for k, e := range b.counts {
		n, _ := strconv.Atoi(strings.TrimSpace(e.Text))
		p.SetInt(k, n)
	}
	return nil
}
