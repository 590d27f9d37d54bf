package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

// settingsStore is what the Settings area reads and writes.
type settingsStore interface {
	Settings(ctx context.Context) (data.Settings, error)
	SaveSettings(ctx context.Context, s data.Settings) error
}

// settings edits the organisation's settings; each entry is checked as it is typed with the
// same parser the store uses.
type settings struct {
	d     deps
	store settingsStore

	loaded   data.Settings
	entries  map[string]*widget.Entry
	paper    *widget.Select
	form     *widget.Form
	saved    *widget.Label
	textSize *widget.Select
}

func newSettings(d deps) *settings { return &settings{d: d, store: d.store} }

var settingLabels = map[string]string{
	"org.name": "Organisation name", "org.address": "Address", "org.timezone": "Time zone",
	"rate.focused": "Focused session rate", "rate.season": "Season session rate", "rate.bridge": "Bridge session rate",
	"rate.continuation": "Continuation compensation", "schoolyear.start": "School year starts (MM-DD)",
	"nec.threshold": "1099-NEC threshold",
	"org.country":   "Country (two letters, like US)", "org.date_order": "Dates in imported files (empty: the country's order)",
}

func (s *settings) buildUI() fyne.CanvasObject {
	s.entries = map[string]*widget.Entry{}
	s.form = widget.NewForm()
	for _, k := range data.SettingKeys {
		if k == "paper" {
			s.paper = widget.NewSelect([]string{"letter", "a4"}, nil)
			s.form.Append("Paper size", s.paper)
			continue
		}
		key := k
		e := widget.NewEntry()
		var placed fyne.CanvasObject = e
		if k == "org.address" {
			area := widgets.NewTextArea()
			area.SetMinRowsVisible(3)
			e, placed = &area.Entry, area
		}
		e.Validator = settingValidator(key)
		s.entries[k] = e
		s.form.Append(settingLabels[k], placed)
	}
	s.form.SubmitText = "Save settings"
	s.form.OnSubmit = s.onSave
	s.form.Refresh() // Append drew the form without its button; its size must count it
	s.saved = widget.NewLabel("")
	heading := widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewPadded(container.NewVBox(heading, s.form, s.saved,
		widget.NewSeparator(), s.displayUI(), widget.NewSeparator(), s.reviewUI(), widget.NewSeparator(), s.backupUI())))
}

func (s *settings) reload() {
	background(s.d, s.store.Settings, func(set data.Settings) {
		s.loaded = set
		for k, e := range s.entries {
			v, _ := set.Get(k)
			e.SetText(v)
		}
		s.paper.SetSelected(set.Paper)
		s.saved.SetText("")
	})
}

func (s *settings) onSave() {
	next := s.loaded
	for k, e := range s.entries {
		if err := next.Set(k, e.Text); err != nil {
			dialog.ShowError(err, s.d.win)
			return
		}
	}
	next.Paper = s.paper.Selected
	background(s.d, func(ctx context.Context) (data.Settings, error) {
		return next, s.store.SaveSettings(ctx, next)
	}, func(set data.Settings) {
		s.loaded = set
		s.saved.SetText("Saved.")
	})
}

// settingValidator checks a field as the setting key would take it; the message names the
// problem only, as the form's label already names the field.
func settingValidator(key string) fyne.StringValidator {
	return func(v string) error {
		probe := data.DefaultSettings()
		if err := probe.Set(key, v); err != nil {
			return errors.New(strings.TrimPrefix(err.Error(), key+": "))
		}
		return nil
	}
}

// displayUI chooses light, dark or the system's theme, and the text size; both apply at once and
// are remembered.
func (s *settings) displayUI() fyne.CanvasObject {
	labels := map[string]string{"system": "Follow the system", "light": "Light", "dark": "Dark"}
	choice := widget.NewRadioGroup([]string{labels["system"], labels["light"], labels["dark"]}, func(v string) {
		for k, l := range labels {
			if l == v && s.d.app != nil {
				setAppearance(s.d.app, k, -1)
			}
		}
	})
	choice.Horizontal = true
	var names []string
	for _, t := range textSizes {
		names = append(names, fmt.Sprintf("%s (%.0f %%)", t.name, t.scale*100))
	}
	size := widget.NewSelect(names, nil)
	if s.d.app != nil {
		choice.Selected = labels[s.d.app.Preferences().StringWithFallback(prefTheme, "system")]
		size.SetSelectedIndex(textSizeIndex(s.d.app.Preferences()))
		size.OnChanged = func(string) { setAppearance(s.d.app, "", size.SelectedIndex()) }
	}
	s.textSize = size
	hint := widget.NewLabel("Also View › Larger text (Ctrl+=) and Smaller text (Ctrl+-). Fyne's own scale setting (FYNE_SCALE) multiplies it.")
	hint.Wrapping = fyne.TextWrapWord
	return widget.NewForm(widget.NewFormItem("Appearance", choice), widget.NewFormItem("Text size", size),
		widget.NewFormItem("", hint))
}

// backupUI sets where backups go and how many are kept, and offers a backup or a restore now.
func (s *settings) backupUI() fyne.CanvasObject {
	if s.d.shell == nil {
		return widget.NewLabel("")
	}
	sh := s.d.shell
	p := s.d.app.Preferences()
	dir := widget.NewEntry()
	dir.SetText(sh.backupDir())
	counts := map[string]*widget.Entry{}
	form := widget.NewForm(widget.NewFormItem("Backup folder", dir))
	keep := sh.retention()
	for _, c := range []struct {
		key, label string
		value      int
	}{{"backup.daily", "Daily backups kept", keep.Daily}, {"backup.weekly", "Weekly backups kept", keep.Weekly}, {"backup.monthly", "Monthly backups kept", keep.Monthly}} {
		e := widget.NewEntry()
		e.SetText(fmt.Sprint(c.value))
		e.Validator = func(v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 || n > 366 {
				return fmt.Errorf("%q is not a count from 1 to 366", v)
			}
			return nil
		}
		counts[c.key] = e
		form.Append(c.label, e)
	}
	form.SubmitText = "Save backup settings"
	form.OnSubmit = func() {
		if d := strings.TrimSpace(dir.Text); d != "" && d != sqlite.DefaultBackupDir(s.d.store.Path()) {
			if err := os.MkdirAll(d, 0o700); err != nil {
				dialog.ShowError(fmt.Errorf("backup folder %s: %w", d, err), s.d.win)
				return
			}
			p.SetString(prefBackupDir, d)
		} else {
			p.SetString(prefBackupDir, "")
		}
		for k, e := range counts {
			n, _ := strconv.Atoi(strings.TrimSpace(e.Text))
			p.SetInt(k, n)
		}
		s.saved.SetText("Backup settings saved.")
	}
	form.Refresh() // as in buildUI: the button row must be part of the form's size
	now := widget.NewButton("Back up now", sh.backupNow)
	restore := widget.NewButton("Restore a backup…", sh.showRestore)
	note := widget.NewLabel("A checked copy is taken every day while MentorDesk is open, before every import and before any upgrade of the database.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewLabelWithStyle("Backups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		note, container.NewHBox(now, restore), form)
}

// reviewUI holds the roster-review thresholds (instructor feedback, student surveys, punctuality).
func (s *settings) reviewUI() fyne.CanvasObject {
	return container.NewVBox(widget.NewLabelWithStyle("Roster review", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		reviewThresholdsPanel(s.d))
}
